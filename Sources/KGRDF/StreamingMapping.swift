import KGModel

/// ``OntologyMapping`` for a graph that arrives as a stream: the entities and documents first,
/// then the relations one at a time, each mapped and handed on at once, so that a serializer's
/// memory does not grow with the number of relations.
///
/// The triples are those of the mapping (the same IRIs, terms and literals); only their order
/// differs from ``OntologyMapping/forEachTriple(in:_:)``, which needs the whole graph:
/// - an entity's description (``describe(_:_:)``) is its class, label and aliases, as
///   ``OntologyMapping/triples(forEntity:)``;
/// - a relation (``forEachTriple(of:_:)``) gives its direct triple first, when it is asserted
///   (subject: the subject entity), then the triples of its qualified node in the order of
///   ``OntologyMapping/triples(forRelation:)``. So the direct triples of an entity are not next to
///   its description. A direct triple that several relations state (two meetings of the same
///   people, one membership reported by several articles) is given with the first of them only
///   (for quads: once per named graph), as ``OntologyMapping/forEachTriple(in:_:)`` gives it once;
/// - a document's description, as ``OntologyMapping/triples(forDocument:)``.
///
/// The union of the triples of every entity, relation and document is the graph
/// ``OntologyMapping/forEachTriple(in:_:)`` writes for the same entities, relations and documents.
/// Quads (``forEachQuad(of:_:)``) follow ``OntologyMapping/forEachQuad(in:_:)``: a relation's
/// triples are in the graph of its source article, descriptions in the default graph.
///
/// Memory: the vocabulary terms it uses, and for each direct triple given a 64-bit hash of it in a
/// ``KGModel/FingerprintSet`` (8 to 16 bytes), so that it is given once; nothing else of the graph.
/// Like relation ids, which are 64-bit hashes too, two distinct direct triples are taken for one
/// only if their hashes collide (for a million triples, a chance of about 3 in 100 million).
public final class StreamingMapping {
    /// The mapping whose triples are written.
    public let mapping: OntologyMapping

    /// The hashes of the direct triples (with their graph, for quads) given so far.
    private var directTriplesGiven = FingerprintSet()

    private let entityPrefix: String
    private let relationPrefix: String
    private let articlePrefix: String
    /// Per relation kind (in `RelationKind.allCases` order): direct property, class, subject and object roles.
    private let properties: [IRI]
    private let classes: [IRI]
    private let subjectRoles: [IRI]
    private let objectRoles: [IRI]
    /// Per entity type (in `EntityType.allCases` order): its class.
    private let entityClasses: [IRI]
    /// Per modality (in `Modality.allCases` order).
    private let modalities: [IRI]
    /// Per date shape: `xsd:date`, `xsd:gYearMonth`, `xsd:gYear`, `xsd:gMonthDay`.
    private let dateTypes: [String: IRI]

    /// A mapper for `mapping`.
    public init(mapping: OntologyMapping) {
        self.mapping = mapping
        let base = mapping.iris.base.string
        entityPrefix = base + "entity/"
        relationPrefix = base + "relation/"
        articlePrefix = base + "article/"
        let kinds = RelationKind.allCases
        properties = kinds.map { Vocabulary.KG.property($0) }
        classes = kinds.map { Vocabulary.KG.qualifiedClass($0) }
        subjectRoles = kinds.map { Vocabulary.KG.subjectRole($0) }
        objectRoles = kinds.map { Vocabulary.KG.objectRole($0) }
        modalities = Modality.allCases.map { Vocabulary.KG.modality($0) }
        entityClasses = EntityType.allCases.map { Vocabulary.KG.entityClass($0) }
        dateTypes = ["date": Vocabulary.XSD.date, "gYearMonth": Vocabulary.XSD.gYearMonth,
                     "gYear": Vocabulary.XSD.gYear, "gMonthDay": Vocabulary.XSD.gMonthDay]
    }

    /// Calls `body` with the triples describing `entity` (``OntologyMapping/triples(forEntity:)``):
    /// its class, label, and each alias once, in order.
    public func describe(_ entity: Entity, _ body: (Triple) throws -> Void) rethrows {
        let subject = IRI(unchecked: entityPrefix + IRIMinter.segment(entity.id))
        try body(Triple(subject, Vocabulary.RDF.type, entityClasses[Self.index(of: entity.type)]))
        try body(Triple(subject, Vocabulary.RDFS.label, text(entity.label)))
        let aliases = entity.aliases
        for (i, alias) in aliases.enumerated() where !aliases[..<i].contains(alias) {
            try body(Triple(subject, Vocabulary.SKOS.altLabel, text(alias)))
        }
    }

    /// Calls `body` with the triples describing `document` (``OntologyMapping/triples(forDocument:)``).
    public func describe(_ document: Document, _ body: (Triple) throws -> Void) rethrows {
        for triple in mapping.triples(forDocument: document) { try body(triple) }
    }

    /// Calls `body` with the triples of `relation`: its direct triple when asserted, then its
    /// qualified node's (``OntologyMapping/directTriple(forRelation:)``,
    /// ``OntologyMapping/triples(forRelation:)``).
    /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` before any call of `body` for a
    ///   share `xsd:decimal` cannot hold; what `body` throws.
    public func forEachTriple(of relation: Relation, _ body: (Triple) throws -> Void) throws {
        try emit(IdentifiedRelation(relation), graph: nil) { triple, _ in try body(triple) }
    }

    /// ``forEachTriple(of:_:)`` for a relation whose id is already known.
    /// - Throws: as ``forEachTriple(of:_:)``.
    public func forEachTriple(of relation: IdentifiedRelation, _ body: (Triple) throws -> Void) throws {
        try emit(relation, graph: nil) { triple, _ in try body(triple) }
    }

    /// Calls `body` with the triples of `relation` as quads in the graph of its source article
    /// (the default graph without a source), in the order of ``forEachTriple(of:_:)``.
    /// - Throws: as ``forEachTriple(of:_:)``.
    public func forEachQuad(of relation: Relation, _ body: (Quad) throws -> Void) throws {
        try forEachQuad(of: IdentifiedRelation(relation), body)
    }

    /// ``forEachQuad(of:_:)`` for a relation whose id is already known.
    /// - Throws: as ``forEachTriple(of:_:)``.
    public func forEachQuad(of relation: IdentifiedRelation, _ body: (Quad) throws -> Void) throws {
        let source = relation.relation.evidence.source
        let graph = source.map { IRI(unchecked: articlePrefix + IRIMinter.segment($0)) }
        try emit(relation, graph: source) { triple, _ in try body(Quad(triple, graph: graph)) }
    }

    /// The triples of `relation` in order; the second argument is true for the direct triple,
    /// which is left out when it was given before in the same `graph` (the source article's id for
    /// quads, nil for triples).
    private func emit(_ identified: IdentifiedRelation, graph: String?, _ body: (Triple, Bool) throws -> Void) throws {
        let relation = identified.relation
        var share: Literal?
        if let value = relation.share {
            guard let literal = Literal(decimal: value) else {
                throw OntologyMappingError.invalidShare(value, relation: "\(relation.subject) \(relation.kind.rawValue) \(relation.object)")
            }
            share = literal
        }
        let k = Self.index(of: relation.kind)
        let subject = IRI(unchecked: entityPrefix + IRIMinter.segment(relation.subject))
        let object = relation.object == relation.subject ? subject
            : IRI(unchecked: entityPrefix + IRIMinter.segment(relation.object))
        if relation.modality == .asserted,
           directTriplesGiven.insert(Self.fingerprint(kind: k, subject: relation.subject, object: relation.object, graph: graph)) {
            try body(Triple(subject, properties[k], object), true)
        }
        let node = IRI(unchecked: relationPrefix + identified.id)
        try body(Triple(node, Vocabulary.RDF.type, classes[k]), false)
        try body(Triple(node, subjectRoles[k], subject), false)
        // For a meeting of an entity with itself both roles are kg:participant: one triple.
        if !(relation.subject == relation.object && subjectRoles[k] == objectRoles[k]) {
            try body(Triple(node, objectRoles[k], object), false)
        }
        if let date = relation.date {
            try body(Triple(node, Vocabulary.KG.date, dateLiteral(date)), false)
        }
        if let place = relation.place {
            try body(Triple(node, Vocabulary.KG.place, IRI(unchecked: entityPrefix + IRIMinter.segment(place))), false)
        }
        if let share {
            try body(Triple(node, Vocabulary.KG.share, share), false)
        }
        try body(Triple(node, Vocabulary.KG.modality, modalities[Self.index(of: relation.modality)]), false)
        let evidence = relation.evidence
        if let sentence = evidence.sentence {
            try body(Triple(node, Vocabulary.KG.evidenceText, text(sentence)), false)
        }
        if let offsets = evidence.offsets {
            try body(Triple(node, Vocabulary.KG.startOffset, Literal(integer: offsets.lowerBound)), false)
            try body(Triple(node, Vocabulary.KG.endOffset, Literal(integer: offsets.upperBound)), false)
        }
        if let cited = evidence.citedSource {
            try body(Triple(node, Vocabulary.KG.citedSource, Literal(cited)), false)
        }
        if let source = evidence.source {
            try body(Triple(node, Vocabulary.PROV.wasDerivedFrom, IRI(unchecked: articlePrefix + IRIMinter.segment(source))), false)
        }
    }

    /// The FNV-1a 64 hash of a direct triple and its graph: the kind, the two entity ids and the
    /// graph (0xFE when none), each id ended by a byte UTF-8 never holds (0xFF), so that distinct
    /// fields cannot run together.
    static func fingerprint(kind: Int, subject: String, object: String, graph: String?) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        add(UInt8(truncatingIfNeeded: kind))
        for byte in subject.utf8 { add(byte) }
        add(0xFF)
        for byte in object.utf8 { add(byte) }
        add(0xFF)
        if let graph {
            for byte in graph.utf8 { add(byte) }
        } else {
            add(0xFE)
        }
        return hash
    }

    /// A date literal typed by its shape, with the datatype IRIs made once.
    private func dateLiteral(_ date: PartialDate) -> Literal {
        guard let type = dateTypes[date.xsdType] else { return Literal(date) }
        return Literal(date.description, checkedDatatype: type)
    }

    private func text(_ value: String) -> Literal {
        guard let language = mapping.language else { return Literal(value) }
        return Literal(value, checkedLanguage: language)
    }

    private static func index(of kind: RelationKind) -> Int {
        switch kind {
        case .memberOf: 0
        case .metWith: 1
        case .holdsShareIn: 2
        }
    }

    private static func index(of type: EntityType) -> Int {
        switch type {
        case .person: 0
        case .country: 1
        case .organization: 2
        case .company: 3
        case .facility: 4
        case .place: 5
        }
    }

    private static func index(of modality: Modality) -> Int {
        switch modality {
        case .asserted: 0
        case .planned: 1
        case .negated: 2
        }
    }
}
