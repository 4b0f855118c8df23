import KGModel

/// The mapping of a ``KnowledgeGraph`` onto the kgexport ontology: IRIs for its nodes, and the
/// triples that describe them.
///
/// **IRIs** come from ``iris`` (``IRIMinter``): entity `…/id/entity/<iriSegment(id)>`, relation
/// (its qualified node) `…/id/relation/<relation.id>`, article `…/id/article/<iriSegment(id)>`.
///
/// **Triples** (all `kg:` terms are declared in `Ontology/kgexport.owl`):
/// - entity: `rdf:type kg:<Type>`, `rdfs:label`, one `skos:altLabel` per alias;
/// - relation, direct: `<subject> kg:memberOf|kg:metWith|kg:holdsShareIn <object>`, only when the
///   modality is `asserted` (so a query for `kg:metWith` finds only meetings that happened;
///   `kg:metWith` is written once, subject to object, and is an `owl:SymmetricProperty`);
/// - relation, qualified node (every modality): `rdf:type kg:Membership|kg:Meeting|kg:Shareholding`,
///   the roles (`kg:member`/`kg:organization`, `kg:participant` for both, `kg:shareholder`/`kg:holding`),
///   `kg:date` typed by its shape, `kg:place`, `kg:share` (`xsd:decimal`, percent),
///   `kg:modality kg:Asserted|kg:Planned|kg:Negated`, `kg:evidenceText`, `kg:startOffset` and
///   `kg:endOffset` (`xsd:integer`, code points, end exclusive), `kg:citedSource`,
///   `prov:wasDerivedFrom <article>`;
/// - document: `rdf:type kg:Article`, `schema:headline`, `schema:url` (an IRI when the URL is one,
///   otherwise a string), `schema:datePublished` typed by its shape, `schema:isPartOf` (the
///   publication, a string).
///
/// Labels, aliases, headlines and evidence sentences are tagged with ``language`` (`en` by
/// default); cited sources, publications and invalid URLs are `xsd:string`. There are no blank nodes.
///
/// **Order**: deterministic and grouped by subject, so a serializer can stream one description per
/// subject. ``forEachTriple(in:_:)`` emits, in this order: one group per entity id (sorted; the
/// entity's triples, then the direct triples of the asserted relations it is the subject of; a
/// relation subject missing from the entities still gets its direct triples), one group per relation
/// (``KnowledgeGraph/sortedRelations``), one group per document (sorted by id). No triple appears twice.
public struct OntologyMapping: Sendable, Hashable {
    /// The IRIs of entities, relations and articles.
    public let iris: IRIMinter
    /// The BCP 47 tag of labels, aliases, headlines and evidence sentences, or nil for `xsd:string`.
    public let language: String?

    /// A mapping that mints IRIs with `iris` and tags text with `language`.
    /// - Throws: ``OntologyMappingError/invalidLanguageTag(_:)`` when `language` is not well-formed
    ///   BCP 47 (`en_US` is refused; write `en-US`).
    public init(iris: IRIMinter = IRIMinter(), language: String? = "en") throws(OntologyMappingError) {
        if let language, !LanguageTag.isWellFormed(language) { throw .invalidLanguageTag(language) }
        self.iris = iris
        self.language = language
    }

    /// The namespaces the mapping's triples use, for a serializer's prefixes
    /// (``Vocabulary/all``: rdf, rdfs, owl, xsd, skos, prov, schema, org, foaf, wd, wdt, kg).
    public var namespaces: [Namespace] { Vocabulary.all }

    // MARK: Triples

    /// The triples describing `entity`: its class, label and aliases (each alias once, in order;
    /// an alias equal to the label is still written, as `skos:altLabel`).
    public func triples(forEntity entity: Entity) -> [Triple] {
        let s = iris.entityIRI(for: entity)
        var group = SubjectGroup(s)
        group.add(Vocabulary.RDF.type, Vocabulary.KG.entityClass(entity.type))
        group.add(Vocabulary.RDFS.label, text(entity.label))
        for alias in entity.aliases {
            group.add(Vocabulary.SKOS.altLabel, text(alias))
        }
        return group.triples
    }

    /// The direct triple of `relation` (`<subject> kg:memberOf <object>`), or nil when its modality
    /// is not `asserted`. Its subject is the subject entity's IRI.
    public func directTriple(forRelation relation: Relation) -> Triple? {
        guard relation.modality == .asserted else { return nil }
        return Triple(iris.entityIRI(id: relation.subject), Vocabulary.KG.property(relation.kind), iris.entityIRI(id: relation.object))
    }

    /// The triples of `relation`'s qualified node, subject ``IRIMinter/relationIRI(for:)``, in this order:
    /// type, subject role, object role, date, place, share, modality, evidence text, start and end
    /// offsets, cited source, `prov:wasDerivedFrom`. Absent attributes give no triple.
    /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` when the share is NaN, infinite or
    ///   too large for `xsd:decimal` as written here (see ``Literal/init(decimal:)``).
    public func triples(forRelation relation: Relation) throws(OntologyMappingError) -> [Triple] {
        // Checked before anything reads `relation.id`, which formats the share.
        let share = try OntologyMapping.shareLiteral(of: relation)
        let kind = relation.kind
        var group = SubjectGroup(iris.relationIRI(for: relation))
        group.add(Vocabulary.RDF.type, Vocabulary.KG.qualifiedClass(kind))
        group.add(Vocabulary.KG.subjectRole(kind), iris.entityIRI(id: relation.subject))
        group.add(Vocabulary.KG.objectRole(kind), iris.entityIRI(id: relation.object))
        if let date = relation.date {
            group.add(Vocabulary.KG.date, Literal(date))
        }
        if let place = relation.place {
            group.add(Vocabulary.KG.place, iris.entityIRI(id: place))
        }
        if let share {
            group.add(Vocabulary.KG.share, share)
        }
        group.add(Vocabulary.KG.modality, Vocabulary.KG.modality(relation.modality))
        let evidence = relation.evidence
        if let sentence = evidence.sentence {
            group.add(Vocabulary.KG.evidenceText, text(sentence))
        }
        if let offsets = evidence.offsets {
            group.add(Vocabulary.KG.startOffset, Literal(integer: offsets.lowerBound))
            group.add(Vocabulary.KG.endOffset, Literal(integer: offsets.upperBound))
        }
        if let cited = evidence.citedSource {
            group.add(Vocabulary.KG.citedSource, Literal(cited))
        }
        if let source = evidence.source {
            group.add(Vocabulary.PROV.wasDerivedFrom, iris.articleIRI(id: source))
        }
        return group.triples
    }

    /// The triples describing `document`, subject ``IRIMinter/articleIRI(for:)``: type, headline, URL,
    /// publication date, publication.
    public func triples(forDocument document: Document) -> [Triple] {
        var group = SubjectGroup(iris.articleIRI(for: document))
        group.add(Vocabulary.RDF.type, Vocabulary.KG.articleClass)
        if let title = document.title {
            group.add(Vocabulary.Schema.headline, text(title))
        }
        if let url = document.url {
            if IRI.isValid(url) {
                group.add(Vocabulary.Schema.url, IRI(unchecked: url))
            } else {
                group.add(Vocabulary.Schema.url, Literal(url))
            }
        }
        if let date = document.date {
            group.add(Vocabulary.Schema.datePublished, Literal(date))
        }
        if let publication = document.publication {
            group.add(Vocabulary.Schema.isPartOf, Literal(publication))
        }
        return group.triples
    }

    /// Calls `body` with every triple of `graph`, grouped by subject, in the order described above.
    /// Holds one group at a time (plus an index of relations by subject), so a serializer can stream.
    /// - Throws: ``OntologyMappingError`` for a relation that cannot be mapped, or what `body` throws.
    public func forEachTriple(in graph: KnowledgeGraph, _ body: (Triple) throws -> Void) throws {
        let plan = try Plan(graph)
        for id in plan.subjects {
            for triple in entityGroup(id, in: graph, plan: plan) { try body(triple) }
        }
        for relation in plan.relations {
            for triple in try triples(forRelation: relation) { try body(triple) }
        }
        for document in graph.sortedDocuments {
            for triple in triples(forDocument: document) { try body(triple) }
        }
    }

    /// Every triple of `graph`, in the order of ``forEachTriple(in:_:)``.
    /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` for a share that is not a number.
    public func triples(for graph: KnowledgeGraph) throws(OntologyMappingError) -> [Triple] {
        let plan = try Plan(graph)
        var all: [Triple] = []
        for id in plan.subjects {
            all += entityGroup(id, in: graph, plan: plan)
        }
        for relation in plan.relations {
            all += try triples(forRelation: relation)
        }
        for document in graph.sortedDocuments {
            all += triples(forDocument: document)
        }
        return all
    }

    /// The order of a graph's groups: relations without duplicates, asserted relations by subject,
    /// and the sorted ids of every entity or relation subject.
    private struct Plan {
        let relations: [Relation]
        let outgoing: [String: [Relation]]
        let subjects: [String]

        /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` before sorting, which reads
        ///   every ``KGModel/Relation/id``.
        init(_ graph: KnowledgeGraph) throws(OntologyMappingError) {
            for relation in graph.relations {
                _ = try OntologyMapping.shareLiteral(of: relation)
            }
            relations = graph.sortedRelations
            var outgoing: [String: [Relation]] = [:]
            for relation in relations where relation.modality == .asserted {
                outgoing[relation.subject, default: []].append(relation)
            }
            self.outgoing = outgoing
            subjects = Set(graph.entities.keys).union(outgoing.keys).sorted {
                $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
            }
        }
    }

    /// The group of the entity with key `id`: its description (when the graph has it), then the
    /// direct triples of its asserted relations.
    private func entityGroup(_ id: String, in graph: KnowledgeGraph, plan: Plan) -> [Triple] {
        var group = SubjectGroup(iris.entityIRI(id: id))
        if let entity = graph.entities[id] {
            for triple in triples(forEntity: entity) { group.add(triple) }
        }
        for relation in plan.outgoing[id] ?? [] {
            if let triple = directTriple(forRelation: relation) { group.add(triple) }
        }
        return group.triples
    }

    /// The `xsd:decimal` of the relation's share, nil when it has none.
    /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` for NaN, infinity, or a magnitude
    ///   ``Literal/init(decimal:)`` refuses; the relation is named as `subject kind object`.
    private static func shareLiteral(of relation: Relation) throws(OntologyMappingError) -> Literal? {
        guard let share = relation.share else { return nil }
        guard let literal = Literal(decimal: share) else {
            throw .invalidShare(share, relation: "\(relation.subject) \(relation.kind.rawValue) \(relation.object)")
        }
        return literal
    }

    /// A language-tagged string when ``language`` is set, otherwise `xsd:string`.
    private func text(_ value: String) -> Literal {
        guard let language else { return Literal(value) }
        return Literal(value, checkedLanguage: language)
    }
}

/// The triples of one subject, in insertion order, each once.
private struct SubjectGroup {
    let subject: IRI
    private(set) var triples: [Triple] = []
    private var seen: Set<Triple> = []

    init(_ subject: IRI) { self.subject = subject }

    mutating func add(_ triple: Triple) {
        if seen.insert(triple).inserted { triples.append(triple) }
    }

    mutating func add(_ predicate: IRI, _ object: IRI) { add(Triple(subject, predicate, object)) }

    mutating func add(_ predicate: IRI, _ object: Literal) { add(Triple(subject, predicate, object)) }
}
