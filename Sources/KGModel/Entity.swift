/// A resolved entity: one node of the graph.
///
/// `id` is the entity's key in the graph and in the interchange file; writers turn it into an
/// XML NMTOKEN (``Identifier/nmtoken(_:)``) or an IRI path segment (``Identifier/iriSegment(_:)``)
/// without losing it. Extracted entities get ``Identifier/slug(_:)`` of their canonical label.
public struct Entity: Sendable, Hashable {
    /// Key, unique in a graph, non-empty.
    public var id: String
    /// Canonical name, e.g. "Nursultan Nazarbayev".
    public var label: String
    /// Coarse type (ontology class).
    public var type: EntityType
    /// Other names seen for the entity ("Nazarbayev", "Kazakh"), without the label, in first-seen order.
    public var aliases: [String]

    public init(id: String, label: String, type: EntityType, aliases: [String] = []) {
        self.id = id
        self.label = label
        self.type = type
        self.aliases = aliases
    }
}
