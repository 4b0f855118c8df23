import KGModel
import KGRDF

/// Writes a knowledge graph in the Graphviz DOT language (https://graphviz.org/doc/info/lang.html)
/// as one `digraph`, for `dot`, `neato`, Gephi and pydot.
///
/// Shape of the file:
/// - `digraph "knowledge_graph" {`, then `graph [charset="UTF-8"]` (names are written as UTF-8),
///   node and edge defaults, one node statement per entity, one edge statement per relation.
/// - Every id and every attribute value is a double-quoted string, so keywords in any case
///   (`node`, `Strict`, `EDGE`), ids with `:` (which would otherwise be read as a port) and labels
///   that look like `<b>HTML</b>` are plain strings.
/// - Attribute values: inside quotes `\` is written `\\`, `"` is `\"`, and a line break (LF, CR
///   or CRLF) is `\n`; readers unescape these three (Graphviz does so for labels). Before that,
///   the characters XML 1.0 forbids are cleaned as in every kgexport format: vertical tab and form
///   feed become a space, other C0 controls except tab are dropped.
/// - Node id: the entity id, written so that distinct entity ids stay distinct nodes. Graphviz
///   undoes only `\"` in a quoted id and keeps every other backslash, so what an id cannot carry
///   is written as an escape Graphviz leaves alone: `\` is `\\`, `"` is `\"`, LF is `\n`, CR is
///   `\r`, a leading `%` is `\%` (Graphviz renames ids starting with `%`, its names of anonymous
///   nodes), and each character XML 1.0 forbids (C0 controls other than tab, U+FFFE, U+FFFF;
///   node ids go into SVG titles) is `\uHHHH`. Other ids, `Acme:AG` or `node`, are written as
///   they are. `label`: the entity label. Nodes are styled by type (shape and fill colour):
///   Person ellipse, Country box3d, Organization hexagon, Company component, Facility house,
///   Place diamond.
/// - Edges point from subject to object (`met-with`, symmetric, is written once that way). The
///   `label` reads `member-of`, `holds-share-in 50%`, `met-with 2008-09-22 in Astana (planned)`
///   (the place's label, so a drawing shows where without an edge to the place's node); planned
///   relations are dashed, negated ones dotted. `id` is the ``KGModel/Relation/id``; parallel
///   relations are separate edges, and a relation given twice (same id) is written once.
/// - Nothing is lost: every attribute of ``PropertyGraphAttributes`` is also written under its
///   own name (`type`, `iri`, `aliases`; `relation`, `relation_iri`, `date`, `place`, `place_iri`,
///   `share`, `modality`, `evidence`, `source`, `source_title`, `source_url`, `source_date`,
///   `source_publication`, `cited_source`, `offset_start`, `offset_end`); Graphviz keeps
///   attributes it does not know. Absent values are left out.
/// - Output is deterministic.
///
/// Two options change the drawing, not the data (both off by default, which gives the shape above):
/// - ``Options/clusterByType``: the node statements are grouped into one `subgraph
///   "cluster_<Type>"` per entity type present (types in the order of their names, entities in
///   the order given), labelled with the type and outlined in its colour; `dot` draws each as a box.
///   Edge statements stay at the top level.
/// - ``Options/legend``: before the closing brace, a `subgraph "cluster_legend"` labelled
///   `Legend` with one sample node per entity type present (its shape and colour) and one sample
///   edge per relation present (its colour; label `member-of`, ...) and per modality other than
///   asserted (`planned` dashed, `negated` dotted). Legend nodes have ids starting with
///   `kgexport-legend` (lengthened with `_` until no entity id starts with it), an empty or
///   type-name label, `class="legend"`, and none of the entity attributes; readers that load the
///   DOT as data should leave this option off.
///
/// Lifecycle as ``GraphMLWriter``: ``begin(entities:documents:)``, ``write(_:)``, ``finish()``.
public final class DOTWriter: PropertyGraphWriter {
    /// What the writer needs besides the graph.
    public struct Options: Sendable {
        /// The `iri` of a node.
        public var iriForEntity: @Sendable (Entity) -> String
        /// The `relation_iri` of an edge (the IRI of the relation's qualified node).
        public var iriForRelation: @Sendable (Relation) -> String
        /// The graph's name (`digraph "<name>"`), default `knowledge_graph`.
        public var graphName: String
        /// Add a legend of the entity types and relation styles present (default false).
        public var legend: Bool
        /// Group the nodes into one cluster per entity type (default false).
        public var clusterByType: Bool
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
        public init(iris: IRIMinter = IRIMinter(), graphName: String = "knowledge_graph",
                    legend: Bool = false, clusterByType: Bool = false) {
            self.init(iriForEntity: { iris.entityIRI(for: $0).string },
                      iriForRelation: { iris.relationIRI(for: $0).string }, graphName: graphName,
                      legend: legend, clusterByType: clusterByType)
            relationIRIPrefix = iris.relationIRI(id: "").string
        }

        /// Options with IRI functions of the caller's own.
        public init(iriForEntity: @escaping @Sendable (Entity) -> String,
                    iriForRelation: @escaping @Sendable (Relation) -> String,
                    graphName: String = "knowledge_graph",
                    legend: Bool = false, clusterByType: Bool = false) {
            self.iriForEntity = iriForEntity
            self.iriForRelation = iriForRelation
            self.graphName = graphName
            self.legend = legend
            self.clusterByType = clusterByType
        }
    }

    /// The usual file extension, `dot` (`gv` is also used).
    public static let fileExtension = "dot"
    /// The media type, `text/vnd.graphviz`.
    public static let mediaType = "text/vnd.graphviz"

    /// Node shape and fill colour per entity type (a light palette that keeps black labels readable).
    static func style(of type: EntityType) -> (shape: String, fillColor: String) {
        switch type {
        case .person: return ("ellipse", "#cfe2f3")
        case .country: return ("box3d", "#d9ead3")
        case .organization: return ("hexagon", "#fff2cc")
        case .company: return ("component", "#fce5cd")
        case .facility: return ("house", "#ead1dc")
        case .place: return ("diamond", "#d0e0e3")
        }
    }

    /// Edge colour per relation.
    static func color(of kind: RelationKind) -> String {
        switch kind {
        case .memberOf: return "#3d85c6"
        case .metWith: return "#6aa84f"
        case .holdsShareIn: return "#e69138"
        }
    }

    private let sink: ByteSink
    private let options: Options
    private var state = PropertyGraphWriterState(document: "dot graph")
    /// For the legend: the entity types, relations and modalities written, and the legend's id prefix.
    private var typesPresent = Set<EntityType>()
    private var kindsPresent = Set<RelationKind>()
    private var modalitiesPresent = Set<Modality>()
    private var legendPrefix = "kgexport-legend"
    /// The edge statement being built.
    private var line: [UInt8] = []

    /// Binds a writer to a sink. Nothing is written until ``begin(entities:documents:)``.
    public init(sink: ByteSink, options: Options = Options()) {
        self.sink = sink
        self.options = options
    }

    /// Writes the graph header and one node statement per entity.
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
        var out = "digraph " + DOTWriter.quoted(options.graphName) + " {\n"
        out += "  graph [charset=\"UTF-8\", rankdir=\"LR\"];\n"
        out += "  node [style=\"filled\", fontsize=\"11\"];\n"
        out += "  edge [fontsize=\"9\"];\n"
        try sink.write(out)
        typesPresent = Set(entities.map(\.type))
        while entities.contains(where: { $0.id.hasPrefix(legendPrefix) }) { legendPrefix += "_" }
        guard options.clusterByType else {
            for entity in entities { try sink.write("  " + nodeStatement(entity, attributes) + ";\n") }
            return
        }
        for type in EntityType.allCases.sorted() where typesPresent.contains(type) {
            let cluster = [("label", type.rawValue), ("style", "rounded"), ("color", DOTWriter.style(of: type).fillColor),
                           ("penwidth", "2")]
            try sink.write("  subgraph " + DOTWriter.quoted("cluster_" + type.rawValue) + " {\n"
                           + "    graph " + DOTWriter.attributeList(cluster) + ";\n")
            for entity in entities where entity.type == type {
                try sink.write("    " + nodeStatement(entity, attributes) + ";\n")
            }
            try sink.write("  }\n")
        }
    }

    /// `"id" [label=…, shape=…, fillcolor=…, type=…, …]` (without the `;`).
    private func nodeStatement(_ entity: Entity, _ attributes: PropertyGraphAttributes) -> String {
        let style = DOTWriter.style(of: entity.type)
        var list: [(String, String)] = []
        for (key, value) in attributes.node(entity) {
            list.append((key, value.lexicalForm))
            if key == "label" {
                list.append(("shape", style.shape))
                list.append(("fillcolor", style.fillColor))
            }
        }
        return DOTWriter.quotedID(entity.id) + " " + DOTWriter.attributeList(list)
    }

    /// Writes one edge statement (nothing when an edge with the same ``KGModel/Relation/id`` was written already).
    ///
    /// - Throws: ``FormatError/unknownEntity(relation:entity:)``, ``FormatError/invalidValue(relation:field:value:)``,
    ///   ``FormatError/outOfOrder(operation:)``; the sink's ``OutputError``.
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
        kindsPresent.insert(relation.kind)
        modalitiesPresent.insert(relation.modality)
        // The statement is built as bytes: the same text as attributeList(_:) with quoted(_:).
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: "  ".utf8)
        DOTWriter.appendQuotedID(relation.subject, to: &line)
        line.append(contentsOf: " -> ".utf8)
        DOTWriter.appendQuotedID(relation.object, to: &line)
        line.append(contentsOf: " [".utf8)
        appendAttribute("id", id, first: true)
        appendAttribute("label", DOTWriter.edgeLabel(relation, place: relation.place.map(attributes.label(of:))))
        appendAttribute("color", DOTWriter.color(of: relation.kind))
        switch relation.modality {
        case .asserted: break
        case .planned: appendAttribute("style", "dashed")
        case .negated: appendAttribute("style", "dotted")
        }
        attributes.forEachEdgeValue(relation, id: id) { key, value in appendAttribute(key, value.lexicalForm) }
        line.append(contentsOf: "];\n".utf8)
        try sink.write(line)
    }

    /// Appends `, key="value"` (without the comma for the first) to ``line``.
    private func appendAttribute(_ key: String, _ value: String, first: Bool = false) {
        if !first { line.append(contentsOf: ", ".utf8) }
        line.append(contentsOf: key.utf8)
        line.append(UInt8(ascii: "="))
        DOTWriter.appendQuoted(value, to: &line)
    }

    /// Closes the graph.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or when called twice;
    ///   the sink's ``OutputError``.
    public func finish() throws {
        try state.finish()
        if options.legend { try writeLegend() }
        try sink.write("}\n")
    }

    /// The `cluster_legend` subgraph: a sample node per entity type present, a sample edge per
    /// relation present and per modality other than asserted present.
    private func writeLegend() throws {
        guard !typesPresent.isEmpty else { return }
        var out = "  subgraph \"cluster_legend\" {\n"
        out += "    graph [label=\"Legend\", style=\"rounded\", color=\"#999999\"];\n"
        for type in EntityType.allCases.sorted() where typesPresent.contains(type) {
            let style = DOTWriter.style(of: type)
            out += "    " + DOTWriter.quoted(legendPrefix + "-" + type.rawValue) + " "
                + DOTWriter.attributeList([("label", type.rawValue), ("shape", style.shape), ("fillcolor", style.fillColor),
                                           ("class", "legend")]) + ";\n"
        }
        var samples: [(name: String, color: String, style: String?)] = []
        for kind in RelationKind.allCases where kindsPresent.contains(kind) {
            samples.append((kind.rawValue, DOTWriter.color(of: kind), nil))
        }
        if modalitiesPresent.contains(.planned) { samples.append(("planned", "#666666", "dashed")) }
        if modalitiesPresent.contains(.negated) { samples.append(("negated", "#666666", "dotted")) }
        let point: [(String, String)] = [("label", ""), ("shape", "point"), ("width", "0.05"), ("style", "invis"), ("class", "legend")]
        for sample in samples {
            let tail = DOTWriter.quoted(legendPrefix + "-" + sample.name + "-from")
            let head = DOTWriter.quoted(legendPrefix + "-" + sample.name + "-to")
            var edge = [("label", sample.name), ("color", sample.color), ("class", "legend")]
            if let style = sample.style { edge.append(("style", style)) }
            out += "    " + tail + " " + DOTWriter.attributeList(point) + ";\n"
            out += "    " + head + " " + DOTWriter.attributeList(point) + ";\n"
            out += "    " + tail + " -> " + head + " " + DOTWriter.attributeList(edge) + ";\n"
        }
        try sink.write(out + "  }\n")
    }

    /// Writes a whole graph in its sorted order (see ``GraphMLWriter/write(_:to:options:)``).
    /// - Throws: as ``begin(entities:documents:)``, ``write(_:)`` and ``finish()``.
    public static func write(_ graph: KnowledgeGraph, to sink: ByteSink, options: Options = Options()) throws {
        try DOTWriter(sink: sink, options: options).writeWhole(graph)
    }

    /// `member-of`, `holds-share-in 50%`, `met-with 2008-09-22 in Astana (planned)`: the kind, the
    /// share, the date, the label of the place (`place`), the modality when not asserted.
    static func edgeLabel(_ relation: Relation, place: String? = nil) -> String {
        var label = relation.kind.rawValue
        if let share = relation.share, share.isFinite { label += " " + Identifier.formatDecimal(share) + "%" }
        if let date = relation.date { label += " " + date.description }
        if let place { label += " in " + place }
        if relation.modality != .asserted { label += " (" + relation.modality.rawValue + ")" }
        return label
    }

    /// `[a="x", b="y"]`.
    static func attributeList(_ list: [(String, String)]) -> String {
        "[" + list.map { $0.0 + "=" + quoted($0.1) }.joined(separator: ", ") + "]"
    }

    /// A DOT double-quoted string: XML-safe characters only (``XMLWriter/xmlSafe(_:)``), then `\` → `\\`,
    /// `"` → `\"`, CRLF, CR and LF → `\n`.
    static func quoted(_ text: String) -> String {
        var out: [UInt8] = []
        appendQuoted(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// A node id as a DOT double-quoted string, escaped so that distinct ids stay distinct
    /// (see the type's documentation): `\` → `\\`, `"` → `\"`, LF → `\n`, CR → `\r`, a leading
    /// `%` → `\%`, other C0 controls except tab, U+FFFE and U+FFFF → `\uHHHH`.
    static func quotedID(_ id: String) -> String {
        var out: [UInt8] = []
        appendQuotedID(id, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``quotedID(_:)`` of `id` to `out`, working on UTF-8 bytes.
    static func appendQuotedID(_ id: String, to out: inout [UInt8]) {
        appendQuoted(id, to: &out, asID: true)
    }

    /// `\uHHHH`, upper-case hex.
    private static func appendUnicodeEscape(_ value: UInt16, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out.append(UInt8(ascii: "\\"))
        out.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int(value >> UInt16(shift)) & 0xF]) }
    }

    /// Appends ``quoted(_:)`` of `text` to `out` (``quotedID(_:)`` when `asID`), working on UTF-8
    /// bytes: every character it changes is ASCII, except U+FFFE and U+FFFF (`EF BF BE`, `EF BF BF`).
    static func appendQuoted(_ text: String, to out: inout [UInt8], asID: Bool = false) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var previousCR = false
            var i = 0
            while i < n {
                let b = bytes[i]
                i += 1
                switch b {
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "\""))
                case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: asID ? "r" : "n"))
                case 0x0A: if asID || !previousCR { out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n")) }
                case UInt8(ascii: "%") where asID && i == 1: out.append(UInt8(ascii: "\\")); out.append(b)
                case 0x09: out.append(b)
                case 0x00..<0x20 where asID: appendUnicodeEscape(UInt16(b), to: &out)
                case 0x0B, 0x0C: out.append(UInt8(ascii: " "))
                case 0x00..<0x20: continue  // dropped; the character before still counts as previous
                case 0xEF where i + 1 < n && bytes[i] == 0xBF && bytes[i + 1] >= 0xBE:
                    if asID { appendUnicodeEscape(bytes[i + 1] == 0xBE ? 0xFFFE : 0xFFFF, to: &out) }
                    i += 2
                    continue
                default: out.append(b)
                }
                previousCR = b == 0x0D
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
