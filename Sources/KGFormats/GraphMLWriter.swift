import KGModel
import KGRDF

/// Writes a knowledge graph as GraphML 1.0 (http://graphml.graphdrawing.org/xmlns), for Gephi,
/// yEd, Cytoscape, NetworkX and igraph.
///
/// Limitations first: one graph per file; no hyperedges, ports, nested graphs or layout data;
/// lists are JSON strings; characters XML 1.0 cannot carry are dropped (see below).
///
/// Shape of the file:
/// - Every `<key>` is declared up front, before `<graph>` (GraphML 1.0 §2.4), with `id` equal to
///   `attr.name`, `for="node"` or `for="edge"`, a lower-case `attr.type` and a `<desc>`. Keys:
///   see ``PropertyGraphAttributes`` — nodes `label`, `type`, `iri`, `aliases` (a JSON array of
///   strings, RFC 8259); edges `relation`, `relation_iri`, `date`, `place`, `place_iri`, `share`
///   (`double`, percent), `modality`, `evidence`, `source`, `source_title`, `source_url`,
///   `source_date`, `source_publication`, `cited_source`, `offset_start`, `offset_end` (`int`, code
///   points). The relation's own IRI is `relation_iri` because key ids are unique in a document
///   and `iri` is the node key.
/// - `<graph id="G" edgedefault="directed">`: every edge is directed. `met-with` is symmetric and
///   is written once, from the relation's subject to its object.
/// - Node ids are ``KGModel/Identifier/nmtoken(_:)`` of the entity id (an XML NMTOKEN, injective,
///   so the entity id can be recovered); edge ids are ``KGModel/Relation/id``. Parallel relations
///   (the same pair met twice) are separate edges with their own ids and data; a relation given
///   twice (same id: the same attestation) is written once.
/// - A missing value is an absent `<data>`, never an empty string or NaN. Numbers use `.` and
///   no exponent (``KGModel/Identifier/formatDecimal(_:)``).
/// - Text goes through libxml2's writer (escaping by libxml2). XML 1.0 §2.2 forbids U+0000–U+001F
///   except tab, newline and carriage return, and U+FFFE/U+FFFF: vertical tab and form feed become
///   a space, the others are dropped. (Aliases are a JSON string, in which such characters are
///   `\u00XX` escapes and survive.)
/// - Output is deterministic: the same entities and relations in the same order give the same
///   bytes. ``write(_:to:options:)`` uses the graph's sorted order.
///
/// Lifecycle (streaming; the writer never holds the relations): ``begin(entities:documents:)``
/// writes the keys and all nodes, ``write(_:)`` one edge per call, ``finish()`` closes the
/// document and flushes into the sink (it does not commit the sink).
public final class GraphMLWriter: PropertyGraphWriter {
    /// What the writer needs besides the graph.
    public struct Options: Sendable {
        /// The `iri` of a node.
        public var iriForEntity: @Sendable (Entity) -> String
        /// The `relation_iri` of an edge (the IRI of the relation's qualified node).
        public var iriForRelation: @Sendable (Relation) -> String
        /// Indent nested elements by two spaces (default true; text values are never altered).
        public var indent: Bool
        /// Keep the ids of the edges written, so that a relation given twice (the same
        /// ``KGModel/Relation/id``) is written once (default true); costs 8 to 16 bytes per edge. A
        /// caller that gives each relation once (a stream it deduplicates itself) can turn it off.
        public var skipsRepeatedEdges = true
        /// Check that each relation's subject and object are among the entities the writer was
        /// begun with, throwing ``FormatError/unknownEntity(relation:entity:)`` otherwise (default
        /// true). A caller whose relations were checked already (`kgexport convert`: the
        /// interchange reader refuses a relation naming an undeclared entity) can turn it off and
        /// save two lookups per edge; an unchecked unknown entity gives an edge to a missing node.
        public var checksEntities = true
        /// With IRIs from a minter: the start of every relation IRI (the id follows), so the
        /// writer need not hash a relation twice.
        var relationIRIPrefix: String?

        /// Options whose IRIs are minted by `iris` (by default ``KGRDF/IRIMinter``'s base
        /// `https://w3id.org/kgexport/id/`), so nodes and edges name the same resources as the RDF output.
        public init(iris: IRIMinter = IRIMinter(), indent: Bool = true) {
            self.init(iriForEntity: { iris.entityIRI(for: $0).string },
                      iriForRelation: { iris.relationIRI(for: $0).string }, indent: indent)
            relationIRIPrefix = iris.relationIRI(id: "").string
        }

        /// Options with IRI functions of the caller's own.
        public init(iriForEntity: @escaping @Sendable (Entity) -> String,
                    iriForRelation: @escaping @Sendable (Relation) -> String,
                    indent: Bool = true) {
            self.iriForEntity = iriForEntity
            self.iriForRelation = iriForRelation
            self.indent = indent
        }
    }

    /// The GraphML namespace, `http://graphml.graphdrawing.org/xmlns`.
    public static let namespace = "http://graphml.graphdrawing.org/xmlns"
    /// Where the GraphML 1.0 schema is published (written as `xsi:schemaLocation`).
    public static let schemaLocation = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"
    /// The usual file extension, `graphml`.
    public static let fileExtension = "graphml"
    /// The media type, `application/graphml+xml`.
    public static let mediaType = "application/graphml+xml"

    private let xml: XMLWriter
    private let options: Options
    private var state = PropertyGraphWriterState(document: "graphml document")

    /// Binds a writer to a sink. Nothing is written until ``begin(entities:documents:)``.
    /// - Throws: ``FormatError/xmlWriter(operation:)`` when libxml2 cannot create its writer.
    public init(sink: ByteSink, options: Options = Options()) throws {
        self.xml = try XMLWriter(sink: sink, indent: options.indent)
        self.options = options
    }

    /// Writes the XML declaration, `<graphml>`, every `<key>`, `<graph>` and one `<node>` per entity.
    ///
    /// - Parameters:
    ///   - entities: the nodes, written in this order; ids must be unique.
    ///   - documents: the articles; an edge whose `source` names one gets its title, URL, date and publication.
    /// - Throws: ``FormatError/duplicateEntity(id:)``; ``FormatError/outOfOrder(operation:)`` when called twice;
    ///   the sink's ``OutputError``.
    public func begin(entities: [Entity], documents: [Document]) throws {
        let attributes = try state.begin(entities: entities, documents: documents, iriForEntity: options.iriForEntity,
                                         iriForRelation: options.iriForRelation,
                                         relationIRIPrefix: options.relationIRIPrefix)
        try xml.startDocument()
        try xml.startElement("graphml")
        try xml.attribute("xmlns", GraphMLWriter.namespace)
        try xml.attribute("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
        try xml.attribute("xsi:schemaLocation", GraphMLWriter.namespace + " " + GraphMLWriter.schemaLocation)
        for (domain, keys) in [("node", PropertyGraphAttributes.nodeKeys), ("edge", PropertyGraphAttributes.edgeKeys)] {
            for key in keys {
                try xml.startElement("key")
                try xml.attribute("id", key.name)
                try xml.attribute("for", domain)
                try xml.attribute("attr.name", key.name)
                try xml.attribute("attr.type", key.type.graphMLType)
                try xml.element("desc", text: key.description)
                try xml.endElement()
            }
        }
        try xml.startElement("graph")
        try xml.attribute("id", "G")
        try xml.attribute("edgedefault", "directed")
        for entity in entities {
            try xml.startElement("node")
            try xml.attribute("id", PropertyGraphAttributes.nmtoken(entity.id))
            try writeData(attributes.node(entity))
            try xml.endElement()
        }
    }

    /// Writes one `<edge>` (nothing when an edge with the same ``KGModel/Relation/id`` was written already).
    ///
    /// - Throws: ``FormatError/unknownEntity(relation:entity:)`` when the subject or object was not
    ///   among the entities; ``FormatError/invalidValue(relation:field:value:)`` for a share that is
    ///   not finite; ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or
    ///   after ``finish()``; the sink's ``OutputError``.
    public func write(_ relation: Relation) throws {
        try write(IdentifiedRelation(relation))
    }

    /// ``write(_:)`` for a relation whose id is already known.
    /// - Throws: as ``write(_:)``.
    public func write(_ identified: IdentifiedRelation) throws {
        guard let attributes = try state.admit(identified, checksEntities: options.checksEntities,
                                               skipsRepeatedEdges: options.skipsRepeatedEdges) else { return }
        let relation = identified.relation
        let id = identified.id
        try xml.startElement("edge")
        try xml.attribute("id", id)
        try xml.attribute("source", PropertyGraphAttributes.nmtoken(relation.subject))
        try xml.attribute("target", PropertyGraphAttributes.nmtoken(relation.object))
        try attributes.forEachEdgeValue(relation, id: id) { key, value in try writeData(key, value) }
        try xml.endElement()
    }

    /// Closes `<graph>` and `<graphml>` and flushes everything into the sink.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or when
    ///   called twice; the sink's ``OutputError``.
    public func finish() throws {
        try state.finish()
        try xml.endElement()   // graph
        try xml.endElement()   // graphml
        try xml.endDocument()
    }

    /// Writes a whole graph: entities, documents and relations in the graph's sorted order.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - sink: where the bytes go (not committed).
    ///   - options: IRI functions and indentation.
    /// - Throws: as ``begin(entities:documents:)``, ``write(_:)`` and ``finish()``.
    /// - Complexity: O(n + m) for n entities and m relations, after the graph's sorting.
    public static func write(_ graph: KnowledgeGraph, to sink: ByteSink, options: Options = Options()) throws {
        try GraphMLWriter(sink: sink, options: options).writeWhole(graph)
    }

    private func writeData(_ values: [(key: String, value: PropertyGraphAttributes.Value)]) throws {
        for (key, value) in values { try writeData(key, value) }
    }

    /// `<data key="…">value</data>`.
    private func writeData(_ key: String, _ value: PropertyGraphAttributes.Value) throws {
        try xml.startElement("data")
        try xml.attribute("key", key)
        try xml.text(value.lexicalForm)
        try xml.endElement()
    }
}
