import KGFormats
import KGModel
import KGRDF

/// One output format fed as a stream: the entities and documents first, then one relation at a
/// time, then the end. Property-graph formats pass relations to their writer's edge verb; RDF
/// formats map each relation with ``KGRDF/StreamingMapping`` and pass on its triples.
protocol RelationWriter: AnyObject {
    /// Writes what comes before the relations (the nodes of a property graph, the entity
    /// descriptions of RDF).
    func begin(entities: [Entity], documents: [Document]) throws
    /// Writes one relation (its id computed once for every format).
    func write(_ relation: IdentifiedRelation) throws
    /// Writes what comes after the relations and closes the document (the sink is not committed).
    func finish() throws
}

/// The writer of `format` bound to `sink`, with IRIs minted by `iris`; pictures group their
/// nodes by type when `clusterByType`. The caller gives each relation once (``StreamingExport``
/// deduplicates) and only relations whose entities the interchange reader has checked, so the
/// property-graph writers need neither remember the edges they wrote nor look the entities up again.
/// - Throws: ``KGFormats/FormatError`` when a writer cannot be created (libxml2).
func makeRelationWriter(_ format: OutputFormat, sink: ByteSink, iris: IRIMinter,
                        clusterByType: Bool = false) throws -> any RelationWriter {
    switch format {
    case .gexf: return GEXFRelationWriter(try GEXFWriter(sink: sink, options: GEXFWriter.Options(iris: iris)))
    case .svg, .png:
        let options = DOTWriter.Options(iris: iris, legend: true, clusterByType: clusterByType)
        return PictureRelationWriter(GraphvizRenderer(format: format == .svg ? .svg : .png, options: options), sink: sink)
    case .graphml:
        var options = GraphMLWriter.Options(iris: iris)
        options.skipsRepeatedEdges = false  // the stream gives each relation once,
        options.checksEntities = false      // naming only entities the reader has seen declared
        return GraphMLRelationWriter(try GraphMLWriter(sink: sink, options: options))
    case .dot:
        var options = DOTWriter.Options(iris: iris)
        options.skipsRepeatedEdges = false
        options.checksEntities = false
        return DOTRelationWriter(DOTWriter(sink: sink, options: options))
    case .jsonl: return JSONLinesRelationWriter(JSONLinesWriter(sink: sink))
    case .rdfxml:
        let mapping = try OntologyMapping(iris: iris)
        return TripleRelationWriter(mapping, try RDFXMLWriter(sink: sink, prefixes: mapping.namespaces))
    case .ntriples:
        return TripleRelationWriter(try OntologyMapping(iris: iris), NTriplesWriter(sink: sink))
    case .turtle:
        let mapping = try OntologyMapping(iris: iris)
        let prefixes = mapping.vocabularies.filter { $0.prefix != Vocabulary.rdf.prefix } + mapping.iris.namespaces
        return TripleRelationWriter(mapping, try TurtleWriter(sink: sink, prefixes: prefixes))
    case .jsonld:
        return TripleRelationWriter(try OntologyMapping(iris: iris), JSONLDWriter(sink: sink))
    case .nquads:
        return QuadRelationWriter(try OntologyMapping(iris: iris), NQuadsWriter(sink: sink))
    }
}

/// GraphML: nodes, then one edge per relation.
final class GraphMLRelationWriter: RelationWriter {
    private let writer: GraphMLWriter
    init(_ writer: GraphMLWriter) { self.writer = writer }
    func begin(entities: [Entity], documents: [Document]) throws { try writer.begin(entities: entities, documents: documents) }
    func write(_ relation: IdentifiedRelation) throws { try writer.write(relation) }
    func finish() throws { try writer.finish() }
}

/// DOT: node statements, then one edge statement per relation.
final class DOTRelationWriter: RelationWriter {
    private let writer: DOTWriter
    init(_ writer: DOTWriter) { self.writer = writer }
    func begin(entities: [Entity], documents: [Document]) throws { try writer.begin(entities: entities, documents: documents) }
    func write(_ relation: IdentifiedRelation) throws { try writer.write(relation) }
    func finish() throws { try writer.finish() }
}

/// GEXF: nodes, then one edge per relation.
final class GEXFRelationWriter: RelationWriter {
    private let writer: GEXFWriter
    init(_ writer: GEXFWriter) { self.writer = writer }
    func begin(entities: [Entity], documents: [Document]) throws { try writer.begin(entities: entities, documents: documents) }
    func write(_ relation: IdentifiedRelation) throws { try writer.write(relation.relation) }
    func finish() throws { try writer.finish() }
}

/// A picture: the DOT text is collected in memory (Graphviz lays out the whole graph at once,
/// so a picture cannot be streamed) and drawn by `dot` at the end.
final class PictureRelationWriter: RelationWriter {
    private let renderer: GraphvizRenderer
    private let sink: ByteSink
    private let text = MemorySink()
    private let writer: DOTWriter

    init(_ renderer: GraphvizRenderer, sink: ByteSink) {
        self.renderer = renderer
        self.sink = sink
        writer = DOTWriter(sink: text, options: renderer.options)
    }

    func begin(entities: [Entity], documents: [Document]) throws { try writer.begin(entities: entities, documents: documents) }
    func write(_ relation: IdentifiedRelation) throws { try writer.write(relation) }

    /// - Throws: ``CommandFailure`` (`.io`) when Graphviz is missing or fails.
    func finish() throws {
        try writer.finish()
        do {
            for warning in try renderer.render(dot: text.text, to: sink) { note("graphviz: \(warning)") }
        } catch let error as GraphvizError {
            throw CommandFailure.io("\(error)")
        }
    }
}

/// The interchange file: documents, entities, then one line per relation.
final class JSONLinesRelationWriter: RelationWriter {
    private let writer: JSONLinesWriter
    init(_ writer: JSONLinesWriter) { self.writer = writer }
    func begin(entities: [Entity], documents: [Document]) throws { try writer.begin(entities: entities, documents: documents) }
    func write(_ relation: IdentifiedRelation) throws { try writer.write(relation.relation) }
    func finish() throws { try writer.finish() }
}

/// A writer of triples: the two verbs every RDF serializer of KGFormats has.
protocol TripleSerializer: AnyObject {
    /// Writes what comes before the first triple (RDF/XML's root element; nothing for most).
    func begin() throws
    func write(_ triple: Triple) throws
    func finish() throws
}

extension RDFXMLWriter: TripleSerializer {}
extension NTriplesWriter: TripleSerializer { func begin() throws {} }
extension TurtleWriter: TripleSerializer { func begin() throws {} }
extension JSONLDWriter: TripleSerializer { func begin() throws {} }

/// A triple serializer (RDF/XML, N-Triples, Turtle, JSON-LD): entity descriptions, each
/// relation's triples, then the document descriptions (the order of ``KGRDF/StreamingMapping``).
final class TripleRelationWriter<Serializer: TripleSerializer>: RelationWriter {
    private let mapping: StreamingMapping
    private let serializer: Serializer
    private var documents: [Document] = []

    init(_ mapping: OntologyMapping, _ serializer: Serializer) {
        self.mapping = StreamingMapping(mapping: mapping)
        self.serializer = serializer
    }

    func begin(entities: [Entity], documents: [Document]) throws {
        self.documents = documents
        try serializer.begin()
        for entity in entities { try mapping.describe(entity) { try serializer.write($0) } }
    }

    func write(_ relation: IdentifiedRelation) throws {
        try mapping.forEachTriple(of: relation) { try serializer.write($0) }
    }

    func finish() throws {
        for document in documents { try mapping.describe(document) { try serializer.write($0) } }
        try serializer.finish()
    }
}

/// N-Quads: as ``TripleRelationWriter``, each relation's triples in the graph of its article.
final class QuadRelationWriter: RelationWriter {
    private let mapping: StreamingMapping
    private let writer: NQuadsWriter
    private var documents: [Document] = []

    init(_ mapping: OntologyMapping, _ writer: NQuadsWriter) {
        self.mapping = StreamingMapping(mapping: mapping)
        self.writer = writer
    }

    func begin(entities: [Entity], documents: [Document]) throws {
        self.documents = documents
        for entity in entities { try mapping.describe(entity) { try writer.write(Quad($0, graph: nil)) } }
    }

    func write(_ relation: IdentifiedRelation) throws { try mapping.forEachQuad(of: relation) { try writer.write($0) } }

    func finish() throws {
        for document in documents { try mapping.describe(document) { try writer.write(Quad($0, graph: nil)) } }
        try writer.finish()
    }
}
