import KGFormats
import KGModel
import KGRDF

/// Accepting or rejecting a writer's refusal: a writer may refuse a graph only for a reason the
/// graph really has (a relation naming an entity that is not there, a share that is not a finite
/// number); any other error, or a refusal without such a reason, is a failure.
public enum WriterCheck {
    /// Whether some relation names a subject or object that is not an entity of `graph`.
    public static func hasDanglingRelation(_ graph: KnowledgeGraph) -> Bool {
        graph.relations.contains { graph.entities[$0.subject] == nil || graph.entities[$0.object] == nil }
    }

    /// Throws unless `error` is a refusal `graph` deserves.
    public static func expectRefusal(_ error: Error, for graph: KnowledgeGraph) throws {
        switch error {
        case FormatError.unknownEntity where hasDanglingRelation(graph): return
        case FormatError.invalidValue where !Fuzz.hasWritableShares(graph): return
        case is OntologyMappingError where hasDanglingRelation(graph) || !Fuzz.hasWritableShares(graph): return
        default: throw FuzzFailure("writer refused a graph it should write: \(error)")
        }
    }

    /// Writes `graph` with `write` and parses the result with libxml2: the document must be
    /// well-formed, with one `<node>` per entity and one `<edge>` per distinct relation (GraphML,
    /// GEXF); a refusal must be one the graph deserves (``expectRefusal(_:for:)``).
    /// - Throws: ``FuzzFailure`` naming `format`.
    public static func checkPropertyGraphXML(_ graph: KnowledgeGraph, format: String,
                                             write: (KnowledgeGraph, MemorySink) throws -> Void) throws {
        let sink = MemorySink()
        do {
            try write(graph, sink)
        } catch {
            try expectRefusal(error, for: graph)
            return
        }
        let counts = try XMLCheck.check(sink.bytes, counting: ["node", "edge"])
        let expected = [graph.entities.count, Fuzz.uniqueRelationCount(graph)]
        guard counts == expected else {
            throw FuzzFailure("\(format): nodes and edges \(counts), expected \(expected)")
        }
    }
}
