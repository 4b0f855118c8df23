import KGModel
import KGRDF

/// Writes a knowledge graph as GEXF 1.3 (http://gexf.net/1.3, the format of Gephi), with typed
/// attributes, colours by entity type and the relations' dates on Gephi's timeline.
///
/// Limitations first: one graph per file; no hierarchy, layout positions or sizes; a relation has
/// a start date at most (the model has no end date, so no edge ends); GEXF attributes carry no
/// description (the names are those of ``GraphMLWriter``, where each key is described); characters
/// XML 1.0 cannot carry are dropped (see ``GraphMLWriter``). The file is valid against the GEXF 1.3
/// RELAX NG schema (`gexf.rnc`, with `viz.rnc` and `dynamics.rnc`); the XSDs generated from it put
/// the `viz` elements in the wrong namespace and reject every file that has colours.
///
/// Shape of the file:
/// - `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">`, a
///   `<meta>` naming the creator, then `<graph mode="dynamic" timeformat="date"
///   defaultedgetype="directed" idtype="string">`.
/// - Attributes are declared up front (`<attributes class="node" mode="static">`, then
///   `class="edge"`), with `id` and `title` both the attribute's name and a GEXF 1.3 type: the
///   names and values of ``PropertyGraphAttributes`` (the GraphML keys), typed `string`, `double`
///   (`share`, percent), `integer` (`offset_start`, `offset_end`, code points) and `liststring`
///   (`aliases`). Node attributes: `type`, `iri`, `aliases`; the entity's label is the node's
///   `label`. Edge attributes: `relation`, `relation_iri`, `date`, `place`, `place_iri`, `share`,
///   `modality`, `evidence`, `source`, `source_title`, `source_url`, `source_date`,
///   `source_publication`, `cited_source`, `offset_start`, `offset_end`. A missing value is an
///   absent `<attvalue>`, never an empty string or NaN.
/// - A list is written in the GEXF 1.3 `liststring` syntax (GEXF 1.3 Primer, "List Attributes"):
///   comma-separated in brackets, every item in double quotes with `\` and `"` escaped by a
///   backslash, e.g. `["Kazakh", "A \"B\""]` (as Gephi's own writer quotes items). Without a tab
///   or line break inside an item the value is also a JSON array.
/// - Node ids are ``KGModel/Identifier/nmtoken(_:)`` of the entity id and edge ids are
///   ``KGModel/Relation/id``, as in GraphML. Each node has a `<viz:color>` by entity type (the fill
///   colours of ``DOTWriter``: Person `#cfe2f3`, Country `#d9ead3`, Organization `#fff2cc`, Company
///   `#fce5cd`, Facility `#ead1dc`, Place `#d0e0e3`).
/// - Every edge is directed, from subject to object; `met-with` is symmetric and written once
///   that way (never a mix of directed and undirected edges). An edge has `label` and `kind` equal
///   to the relation (`member-of`, `met-with`, `holds-share-in`); Gephi makes `kind` its edge type.
///   No `weight` is written (readers take 1). `<viz:color>` is the relation's colour in
///   ``DOTWriter``; a planned relation has `<viz:shape value="dashed"/>`, a negated one `dotted`.
/// - Parallel relations (the same pair met twice) are separate edges with their own ids, dates and
///   attributes; a relation given twice (same id) is written once. NetworkX reads them as a
///   multigraph. Gephi keeps one edge per source, target and kind unless parallel edges of the same
///   type are enabled, and otherwise merges such edges on import (its edge merge strategy, which
///   sums the weights and joins the time intervals).
/// - Time (GEXF 1.3 dynamics, `timeformat="date"`): an edge whose relation has a date gets a
///   `start`, the first day of the period the date names, so Gephi's timeline shows the edge from
///   the earliest day the text allows: `2008-09-22` → `2008-09-22`, `2008-09` → `2008-09-01`,
///   `2008` → `2008-01-01`. A date without a year (`--09-05`) gives no `start`. The exact date is
///   always kept in the `date` attribute. Nodes have no time: they exist throughout.
/// - Text goes through libxml2's writer (escaping by libxml2). XML 1.0 §2.2 forbids U+0000–U+001F
///   except tab, newline and carriage return, and U+FFFE/U+FFFF: vertical tab and form feed
///   become a space, the others are dropped, in lists too.
/// - Output is deterministic: the same entities and relations in the same order give the same
///   bytes (no date of writing). ``write(_:to:options:)`` uses the graph's sorted order.
///
/// Lifecycle as ``GraphMLWriter`` (streaming; the writer never holds the relations):
/// ``begin(entities:documents:)`` writes the declarations and all nodes, ``write(_:)`` one edge per
/// call, ``finish()`` closes the document and flushes into the sink (it does not commit the sink).
///
/// ```swift
/// let sink = MemorySink()
/// try GEXFWriter.write(graph, to: sink)
/// ```
public final class GEXFWriter: PropertyGraphWriter {
    /// What the writer needs besides the graph.
    public struct Options: Sendable {
        /// The `iri` of a node.
        public var iriForEntity: @Sendable (Entity) -> String
        /// The `relation_iri` of an edge (the IRI of the relation's qualified node).
        public var iriForRelation: @Sendable (Relation) -> String
        /// Indent nested elements by two spaces (default true; text values are never altered).
        public var indent: Bool

        /// Options whose IRIs are minted by `iris` (by default ``KGRDF/IRIMinter``'s base
        /// `https://w3id.org/kgexport/id/`), so nodes and edges name the same resources as the RDF output.
        public init(iris: IRIMinter = IRIMinter(), indent: Bool = true) {
            self.init(iriForEntity: { iris.entityIRI(for: $0).string },
                      iriForRelation: { iris.relationIRI(for: $0).string }, indent: indent)
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

    /// The GEXF 1.3 namespace, `http://gexf.net/1.3`.
    public static let namespace = "http://gexf.net/1.3"
    /// The GEXF 1.3 visualization namespace, `http://gexf.net/1.3/viz` (prefix `viz`).
    public static let vizNamespace = "http://gexf.net/1.3/viz"
    /// The usual file extension, `gexf`.
    public static let fileExtension = "gexf"
    /// The media type, `application/gexf+xml` (GEXF 1.3 Primer, "Web Services").
    public static let mediaType = "application/gexf+xml"

    /// Node attributes: the property-graph node attributes except `label`, which is the node's own `label`.
    static let nodeKeys = PropertyGraphAttributes.nodeKeys.filter { $0.name != "label" }
    /// Edge attributes: all the property-graph edge attributes.
    static let edgeKeys = PropertyGraphAttributes.edgeKeys

    private let xml: XMLWriter
    private let options: Options
    private var state = PropertyGraphWriterState(document: "gexf document")

    /// Binds a writer to a sink. Nothing is written until ``begin(entities:documents:)``.
    /// - Throws: ``FormatError/xmlWriter(operation:)`` when libxml2 cannot create its writer.
    public init(sink: ByteSink, options: Options = Options()) throws {
        self.xml = try XMLWriter(sink: sink, indent: options.indent)
        self.options = options
    }

    /// Writes the XML declaration, `<gexf>`, `<meta>`, `<graph>`, the attribute declarations, one
    /// `<node>` per entity, and opens `<edges>`.
    ///
    /// - Parameters:
    ///   - entities: the nodes, written in this order; ids must be unique.
    ///   - documents: the articles; an edge whose `source` names one gets its title, URL, date and publication.
    /// - Throws: ``FormatError/duplicateEntity(id:)``; ``FormatError/outOfOrder(operation:)`` when called twice;
    ///   the sink's ``OutputError``.
    public func begin(entities: [Entity], documents: [Document]) throws {
        let attributes = try state.begin(entities: entities, documents: documents, iriForEntity: options.iriForEntity,
                                         iriForRelation: options.iriForRelation)
        try xml.startDocument()
        try xml.startElement("gexf")
        try xml.attribute("xmlns", GEXFWriter.namespace)
        try xml.attribute("xmlns:viz", GEXFWriter.vizNamespace)
        try xml.attribute("version", "1.3")
        try xml.startElement("meta")
        try xml.element("creator", text: "kgexport")
        try xml.element("description", text: "entities and the relations between them, read from news articles")
        try xml.endElement()
        try xml.startElement("graph")
        try xml.attribute("mode", "dynamic")
        try xml.attribute("timeformat", "date")
        try xml.attribute("defaultedgetype", "directed")
        try xml.attribute("idtype", "string")
        for (domain, keys) in [("node", GEXFWriter.nodeKeys), ("edge", GEXFWriter.edgeKeys)] {
            try xml.startElement("attributes")
            try xml.attribute("class", domain)
            try xml.attribute("mode", "static")
            for key in keys {
                try xml.startElement("attribute")
                try xml.attribute("id", key.name)
                try xml.attribute("title", key.name)
                try xml.attribute("type", key.type.gexfType)
                try xml.endElement()
            }
            try xml.endElement()
        }
        try xml.startElement("nodes")
        for entity in entities {
            try xml.startElement("node")
            try xml.attribute("id", Identifier.nmtoken(entity.id))
            try xml.attribute("label", entity.label)
            try writeValues(attributes.node(entity).filter { $0.key != "label" })
            try writeColor(DOTWriter.style(of: entity.type).fillColor)
            try xml.endElement()
        }
        try xml.endElement()   // nodes
        try xml.startElement("edges")
    }

    /// Writes one `<edge>` (nothing when an edge with the same ``KGModel/Relation/id`` was written already).
    ///
    /// - Throws: ``FormatError/unknownEntity(relation:entity:)`` when the subject or object was not
    ///   among the entities; ``FormatError/invalidValue(relation:field:value:)`` for a share that is
    ///   not finite; ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or
    ///   after ``finish()``; the sink's ``OutputError``.
    public func write(_ relation: Relation) throws {
        let identified = IdentifiedRelation(relation)
        guard let attributes = try state.admit(identified) else { return }
        let id = identified.id
        try xml.startElement("edge")
        try xml.attribute("id", id)
        try xml.attribute("source", Identifier.nmtoken(relation.subject))
        try xml.attribute("target", Identifier.nmtoken(relation.object))
        try xml.attribute("label", relation.kind.rawValue)
        try xml.attribute("kind", relation.kind.rawValue)
        if let date = relation.date, let start = GEXFWriter.start(of: date) {
            try xml.attribute("start", start)
        }
        try writeValues(attributes.edge(relation))
        try writeColor(DOTWriter.color(of: relation.kind))
        let shape: String? = switch relation.modality {
        case .asserted: nil
        case .planned: "dashed"
        case .negated: "dotted"
        }
        if let shape {
            try xml.startElement(prefix: "viz", name: "shape", namespace: nil)
            try xml.attribute("value", shape)
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// Closes `<edges>`, `<graph>` and `<gexf>` and flushes everything into the sink.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or when
    ///   called twice; the sink's ``OutputError``.
    public func finish() throws {
        try state.finish()
        try xml.endElement()   // edges
        try xml.endElement()   // graph
        try xml.endElement()   // gexf
        try xml.endDocument()
    }

    /// Writes a whole graph: entities, documents and relations in the graph's sorted order.
    ///
    /// - Parameters:
    ///   - graph: the graph.
    ///   - sink: where the bytes go (not committed).
    ///   - options: IRI functions and indentation.
    /// - Throws: as ``begin(entities:documents:)``, ``write(_:)`` and ``finish()``; a share that
    ///   cannot be written is refused before any byte is written.
    /// - Complexity: O(n + m) for n entities and m relations, after the graph's sorting.
    public static func write(_ graph: KnowledgeGraph, to sink: ByteSink, options: Options = Options()) throws {
        try GEXFWriter(sink: sink, options: options).writeWhole(graph)
    }

    /// The `start` of an edge whose relation has `date`: the first day of the period it names
    /// (`2008-09` → `2008-09-01`, `2008` → `2008-01-01`), or nil when the year is unknown (`--09-05`).
    static func start(of date: PartialDate) -> String? {
        guard let year = date.year else { return nil }
        return PartialDate(year: year, month: date.month ?? 1, day: date.day ?? 1)?.description
    }

    /// A `liststring` value: `["a", "b \"c\""]`; every item double-quoted, `\` and `"` escaped by a
    /// backslash, items separated by `, `.
    static func list(_ items: [String]) -> String {
        var out = "["
        for (index, item) in items.enumerated() {
            if index > 0 { out += ", " }
            out += "\""
            for scalar in item.unicodeScalars {
                switch scalar {
                case "\\": out += "\\\\"
                case "\"": out += "\\\""
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        }
        return out + "]"
    }

    /// The value of an `<attvalue>`: lists as ``list(_:)``, everything else as in every property-graph format.
    static func lexicalForm(_ value: PropertyGraphAttributes.Value) -> String {
        if case let .stringList(items) = value { return list(items) }
        return value.lexicalForm
    }

    /// `(r, g, b)` of a `#rrggbb` colour, or nil when it is not one.
    static func rgb(_ hex: String) -> (red: Int, green: Int, blue: Int)? {
        let digits = Array(hex.utf8)
        guard digits.count == 7, digits[0] == UInt8(ascii: "#"), let value = Int(String(hex.dropFirst()), radix: 16) else {
            return nil
        }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }

    private func writeValues(_ values: [(key: String, value: PropertyGraphAttributes.Value)]) throws {
        try xml.startElement("attvalues")
        for (key, value) in values {
            try xml.startElement("attvalue")
            try xml.attribute("for", key)
            try xml.attribute("value", GEXFWriter.lexicalForm(value))
            try xml.endElement()
        }
        try xml.endElement()
    }

    /// `<viz:color r=".." g=".." b=".."/>` (red, green, blue rather than `hex`, which older readers lack).
    private func writeColor(_ hex: String) throws {
        guard let color = GEXFWriter.rgb(hex) else { return }
        try xml.startElement(prefix: "viz", name: "color", namespace: nil)
        try xml.attribute("r", String(color.red))
        try xml.attribute("g", String(color.green))
        try xml.attribute("b", String(color.blue))
        try xml.endElement()
    }
}
