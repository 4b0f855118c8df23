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
///
/// **Graphs**: ``forEachQuad(in:_:)`` gives the same triples as a dataset with one named graph per
/// article (a relation's triples in the graph of its source article; entities and article
/// descriptions in the default graph), for N-Quads and other dataset syntaxes.
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

    /// The namespaces of the vocabulary terms the mapping writes, in this order: rdf, rdfs, xsd,
    /// skos, prov, schema, kg (``namespaces`` without the ones only the ontology uses).
    public var vocabularies: [Namespace] {
        [Vocabulary.rdf, Vocabulary.rdfs, Vocabulary.xsd, Vocabulary.skos, Vocabulary.prov, Vocabulary.schema, Vocabulary.kg]
    }

    // MARK: Triples

    /// The triples describing `entity`: its class, label and aliases (each alias once, in order;
    /// an alias equal to the label is still written, as `skos:altLabel`).
    public func triples(forEntity entity: Entity) -> [Triple] {
        entityDescription(iris.entityIRI(for: entity), entity).triples
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
        return relationGroup(relation, share: share).triples
    }

    /// The triples describing `document`, subject ``IRIMinter/articleIRI(for:)``: type, headline, URL,
    /// publication date, publication.
    public func triples(forDocument document: Document) -> [Triple] {
        documentGroup(document).triples
    }

    /// Calls `body` with every triple of `graph`, grouped by subject, in the order described above.
    /// Holds one group at a time (plus an index of relations by subject), so a serializer can stream.
    /// - Throws: ``OntologyMappingError`` for a relation that cannot be mapped (before the first
    ///   call of `body`), or what `body` throws.
    public func forEachTriple(in graph: KnowledgeGraph, _ body: (Triple) throws -> Void) throws {
        let plan = try Plan(graph)
        try forEachGroup(in: graph, plan: plan) { group in
            for triple in group.triples { try body(triple) }
        }
    }

    /// Calls `body` with every triple of `graph` as a quad of a dataset with one named graph per
    /// article (RDF 1.1 Concepts §4), so that provenance survives a plain load into a store:
    ///
    /// - a relation's triples (its qualified node's, and its direct triple when asserted) are in the
    ///   graph named by the IRI of the article it was read from (``IRIMinter/articleIRI(id:)`` of
    ///   ``KGModel/Evidence/source``); a relation without a source is in the default graph. A direct
    ///   triple that several articles state is in each of their graphs;
    /// - entity triples (class, label, aliases) and article descriptions are in the default graph:
    ///   an entity's label and aliases are merged from every article that names it, and an
    ///   article's description is about its graph, not a statement the article makes.
    ///
    /// So `GRAPH <article> { … }` holds exactly what that article states, the union of the default
    /// graph and all named graphs is the graph of ``forEachTriple(in:_:)``, and every article a
    /// relation names has one named graph (an article without relations has none: RDF has no
    /// empty named graphs in a serialization).
    ///
    /// Order: the triples in the order of ``forEachTriple(in:_:)``; a triple in several graphs comes
    /// once per graph, the default graph first, then the article IRIs in code-point order.
    /// - Throws: as ``forEachTriple(in:_:)``.
    public func forEachQuad(in graph: KnowledgeGraph, _ body: (Quad) throws -> Void) throws {
        let plan = try Plan(graph)
        try forEachGroup(in: graph, plan: plan) { group in
            for quad in group.quads { try body(quad) }
        }
    }

    /// Every triple of `graph`, in the order of ``forEachTriple(in:_:)``.
    /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` for a share that is not a number.
    public func triples(for graph: KnowledgeGraph) throws(OntologyMappingError) -> [Triple] {
        let plan = try Plan(graph)
        var all: [Triple] = []
        forEachGroup(in: graph, plan: plan) { all += $0.triples }
        return all
    }

    // MARK: Groups

    /// The order of a graph's groups: relations without duplicates (each with its share literal),
    /// asserted relations by subject, and the sorted ids of every entity or relation subject.
    private struct Plan {
        let relations: [(relation: Relation, share: Literal?)]
        let outgoing: [String: [Relation]]
        let subjects: [String]

        /// - Throws: ``OntologyMappingError/invalidShare(_:relation:)`` before sorting, which reads
        ///   every ``KGModel/Relation/id``.
        init(_ graph: KnowledgeGraph) throws(OntologyMappingError) {
            for relation in graph.relations {
                _ = try OntologyMapping.shareLiteral(of: relation)
            }
            var relations: [(relation: Relation, share: Literal?)] = []
            var outgoing: [String: [Relation]] = [:]
            for relation in graph.sortedRelations {
                // Checked above, so this cannot fail.
                relations.append((relation, try OntologyMapping.shareLiteral(of: relation)))
                if relation.modality == .asserted {
                    outgoing[relation.subject, default: []].append(relation)
                }
            }
            self.relations = relations
            self.outgoing = outgoing
            subjects = Set(graph.entities.keys).union(outgoing.keys).sorted {
                $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars)
            }
        }
    }

    /// Calls `body` with each group of `graph` in order: entities, relations, documents.
    private func forEachGroup(in graph: KnowledgeGraph, plan: Plan, _ body: (SubjectGroup) throws -> Void) rethrows {
        for id in plan.subjects {
            try body(entityGroup(id, in: graph, plan: plan))
        }
        for (relation, share) in plan.relations {
            try body(relationGroup(relation, share: share))
        }
        for document in graph.sortedDocuments {
            try body(documentGroup(document))
        }
    }

    /// The article graph of `relation`: its source's IRI, or nil (the default graph) without one.
    private func articleGraph(of relation: Relation) -> IRI? {
        relation.evidence.source.map { iris.articleIRI(id: $0) }
    }

    /// The description of an entity, in the default graph.
    private func entityDescription(_ subject: IRI, _ entity: Entity) -> SubjectGroup {
        var group = SubjectGroup(subject, graph: nil)
        group.add(Vocabulary.RDF.type, Vocabulary.KG.entityClass(entity.type))
        group.add(Vocabulary.RDFS.label, text(entity.label))
        for alias in entity.aliases {
            group.add(Vocabulary.SKOS.altLabel, text(alias))
        }
        return group
    }

    /// The group of the entity with key `id`: its description (when the graph has it), then the
    /// direct triples of its asserted relations, each in the graph of its relation's article.
    private func entityGroup(_ id: String, in graph: KnowledgeGraph, plan: Plan) -> SubjectGroup {
        let subject = iris.entityIRI(id: id)
        var group = graph.entities[id].map { entityDescription(subject, $0) } ?? SubjectGroup(subject, graph: nil)
        for relation in plan.outgoing[id] ?? [] {
            if let triple = directTriple(forRelation: relation) {
                group.add(triple, graph: articleGraph(of: relation))
            }
        }
        return group
    }

    /// The qualified node of `relation` (whose share literal is `share`), in its article's graph.
    private func relationGroup(_ relation: Relation, share: Literal?) -> SubjectGroup {
        let kind = relation.kind
        var group = SubjectGroup(iris.relationIRI(for: relation), graph: articleGraph(of: relation))
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
        return group
    }

    /// The description of `document`, in the default graph.
    private func documentGroup(_ document: Document) -> SubjectGroup {
        var group = SubjectGroup(iris.articleIRI(for: document), graph: nil)
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
        return group
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

/// The triples of one subject, in insertion order, each once, with the graphs each is in.
private struct SubjectGroup {
    let subject: IRI
    /// The graph of triples added without one.
    private let graph: IRI?
    private(set) var triples: [Triple] = []
    /// Per triple (same index), the graphs it is in, in the order added.
    private var graphs: [[IRI?]] = []
    private var index: [Triple: Int] = [:]

    init(_ subject: IRI, graph: IRI?) {
        self.subject = subject
        self.graph = graph
    }

    /// Adds `triple` in `graph` (nil: the default graph); a triple added again gains the graph.
    mutating func add(_ triple: Triple, graph: IRI?) {
        if let i = index[triple] {
            if !graphs[i].contains(graph) { graphs[i].append(graph) }
            return
        }
        index[triple] = triples.count
        triples.append(triple)
        graphs.append([graph])
    }

    mutating func add(_ predicate: IRI, _ object: IRI) { add(Triple(subject, predicate, object), graph: graph) }

    mutating func add(_ predicate: IRI, _ object: Literal) { add(Triple(subject, predicate, object), graph: graph) }

    /// Each triple once per graph: the default graph first, then named graphs in IRI order.
    var quads: [Quad] {
        var out: [Quad] = []
        for (triple, names) in zip(triples, graphs) {
            let ordered = names.sorted { a, b in
                guard let b else { return false }
                guard let a else { return true }
                return a < b
            }
            for name in ordered { out.append(Quad(triple, graph: name)) }
        }
        return out
    }
}
