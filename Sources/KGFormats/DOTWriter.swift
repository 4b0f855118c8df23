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
///   that look like `<b>HTML</b>` are plain strings. Inside quotes `\` is written `\\`, `"` is `\"`,
///   and a line break (LF, CR or CRLF) is `\n`; readers unescape these three (Graphviz does so for
///   labels). Before that, the characters XML 1.0 forbids are cleaned as in every kgexport
///   format: vertical tab and form feed become a space, other C0 controls except tab are dropped.
/// - Node id: the entity id; `label`: the entity label. Nodes are styled by type (shape and fill
///   colour): Person ellipse, Country box3d, Organization hexagon, Company component, Facility
///   house, Place diamond.
/// - Edges point from subject to object (`met-with`, symmetric, is written once that way). The
///   `label` reads `member-of`, `holds-share-in 50%`, `met-with 2008-09-22 (planned)`; planned
///   relations are dashed, negated ones dotted. `id` is the ``KGModel/Relation/id``; parallel
///   relations are separate edges, and a relation given twice (same id) is written once.
/// - Nothing is lost: every attribute of ``PropertyGraphAttributes`` is also written under its
///   own name (`type`, `iri`, `aliases`; `relation`, `relation_iri`, `date`, `place`, `place_iri`,
///   `share`, `modality`, `evidence`, `source`, `source_title`, `source_url`, `source_date`,
///   `source_publication`, `cited_source`, `offset_start`, `offset_end`); Graphviz keeps
///   attributes it does not know. Absent values are left out.
/// - Output is deterministic.
///
/// Lifecycle as ``GraphMLWriter``: ``begin(entities:documents:)``, ``write(_:)``, ``finish()``.
public final class DOTWriter {
    /// What the writer needs besides the graph.
    public struct Options: Sendable {
        /// The `iri` of a node.
        public var iriForEntity: @Sendable (Entity) -> String
        /// The `relation_iri` of an edge (the IRI of the relation's qualified node).
        public var iriForRelation: @Sendable (Relation) -> String
        /// The graph's name (`digraph "<name>"`), default `knowledge_graph`.
        public var graphName: String

        /// Options whose IRIs are minted by `iris` (by default ``KGRDF/IRIMinter``'s base
        /// `https://w3id.org/kgexport/id/`), so nodes and edges name the same resources as the RDF output.
        public init(iris: IRIMinter = IRIMinter(), graphName: String = "knowledge_graph") {
            self.init(iriForEntity: { iris.entityIRI(for: $0).string },
                      iriForRelation: { iris.relationIRI(for: $0).string }, graphName: graphName)
        }

        /// Options with IRI functions of the caller's own.
        public init(iriForEntity: @escaping @Sendable (Entity) -> String,
                    iriForRelation: @escaping @Sendable (Relation) -> String,
                    graphName: String = "knowledge_graph") {
            self.iriForEntity = iriForEntity
            self.iriForRelation = iriForRelation
            self.graphName = graphName
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
    private var attributes: PropertyGraphAttributes?
    private var writtenEdges = Set<String>()
    private var finished = false

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
        guard attributes == nil, !finished else { throw FormatError.outOfOrder(operation: "begin a dot graph") }
        let attributes = try PropertyGraphAttributes(entities: entities, documents: documents,
                                                     iriForEntity: options.iriForEntity,
                                                     iriForRelation: options.iriForRelation)
        self.attributes = attributes
        var out = "digraph " + DOTWriter.quoted(options.graphName) + " {\n"
        out += "  graph [charset=\"UTF-8\", rankdir=\"LR\"];\n"
        out += "  node [style=\"filled\", fontsize=\"11\"];\n"
        out += "  edge [fontsize=\"9\"];\n"
        try sink.write(out)
        for entity in entities {
            let style = DOTWriter.style(of: entity.type)
            var list: [(String, String)] = []
            for (key, value) in attributes.node(entity) {
                list.append((key, value.lexicalForm))
                if key == "label" {
                    list.append(("shape", style.shape))
                    list.append(("fillcolor", style.fillColor))
                }
            }
            try sink.write("  " + DOTWriter.quoted(entity.id) + " " + DOTWriter.attributeList(list) + ";\n")
        }
    }

    /// Writes one edge statement (nothing when an edge with the same ``KGModel/Relation/id`` was written already).
    ///
    /// - Throws: ``FormatError/unknownEntity(relation:entity:)``, ``FormatError/invalidValue(relation:field:value:)``,
    ///   ``FormatError/outOfOrder(operation:)``; the sink's ``OutputError``.
    public func write(_ relation: Relation) throws {
        guard let attributes, !finished else { throw FormatError.outOfOrder(operation: "write an edge") }
        try attributes.validate(relation)
        let id = relation.id
        guard writtenEdges.insert(id).inserted else { return }
        var list: [(String, String)] = [
            ("id", id),
            ("label", DOTWriter.edgeLabel(relation)),
            ("color", DOTWriter.color(of: relation.kind)),
        ]
        switch relation.modality {
        case .asserted: break
        case .planned: list.append(("style", "dashed"))
        case .negated: list.append(("style", "dotted"))
        }
        for (key, value) in attributes.edge(relation) { list.append((key, value.lexicalForm)) }
        try sink.write("  " + DOTWriter.quoted(relation.subject) + " -> " + DOTWriter.quoted(relation.object)
                       + " " + DOTWriter.attributeList(list) + ";\n")
    }

    /// Closes the graph.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before ``begin(entities:documents:)`` or when called twice;
    ///   the sink's ``OutputError``.
    public func finish() throws {
        guard attributes != nil, !finished else { throw FormatError.outOfOrder(operation: "finish a dot graph") }
        finished = true
        try sink.write("}\n")
    }

    /// Writes a whole graph in its sorted order (see ``GraphMLWriter/write(_:to:options:)``).
    /// - Throws: as ``begin(entities:documents:)``, ``write(_:)`` and ``finish()``.
    public static func write(_ graph: KnowledgeGraph, to sink: ByteSink, options: Options = Options()) throws {
        let writer = DOTWriter(sink: sink, options: options)
        for relation in graph.relations { try PropertyGraphAttributes.checkShare(relation) }
        try writer.begin(entities: graph.sortedEntities, documents: graph.sortedDocuments)
        for relation in graph.sortedRelations { try writer.write(relation) }
        try writer.finish()
    }

    /// `member-of`, `holds-share-in 50%`, `met-with 2008-09-22 (planned)`.
    static func edgeLabel(_ relation: Relation) -> String {
        var label = relation.kind.rawValue
        if let share = relation.share, share.isFinite { label += " " + Identifier.formatDecimal(share) + "%" }
        if let date = relation.date { label += " " + date.description }
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
        var out = "\""
        var previousCR = false
        for scalar in XMLWriter.xmlSafe(text).unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
