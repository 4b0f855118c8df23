/// A triple in a graph of an RDF dataset (RDF 1.1 Concepts §4): in the default graph, or in the
/// named graph ``graph``.
public struct Quad: Sendable, Hashable, CustomStringConvertible {
    /// The statement.
    public let triple: Triple
    /// The name of the graph the triple is in, or nil for the default graph.
    public let graph: IRI?

    /// The quad of `triple` in the graph named `graph` (nil: the default graph).
    public init(_ triple: Triple, graph: IRI?) {
        self.triple = triple
        self.graph = graph
    }

    /// The canonical N-Quads line without the final newline: `<s> <p> <o> <g> .`, or
    /// `<s> <p> <o> .` in the default graph (RDF 1.1 N-Quads §2, terms as in ``Triple/description``).
    public var description: String {
        let t = triple
        guard let graph else { return t.description }
        return "\(t.subject) \(t.predicate) \(t.object) \(graph) ."
    }
}
