import Foundation
import KGModel

/// What the fuzz targets share: running a body and turning a broken property into a crash
/// libFuzzer records (with the message on standard error).
public enum Fuzz {
    /// Runs `body`; a ``FuzzFailure`` prints its message and aborts (libFuzzer saves the input).
    public static func run(_ data: UnsafePointer<UInt8>?, _ size: Int, _ body: ([UInt8]) throws -> Void) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        do {
            try body(bytes)
        } catch {
            FileHandle.standardError.write(Data("fuzz property broken: \(error)\n".utf8))
            abort()
        }
        return 0
    }

    /// The relations a writer emits: one per distinct ``KGModel/Relation/id``.
    public static func uniqueRelationCount(_ graph: KnowledgeGraph) -> Int {
        Set(graph.relations.map(\.id)).count
    }

    /// Whether every share can be written (writers refuse the others with an error).
    public static func hasWritableShares(_ graph: KnowledgeGraph) -> Bool {
        graph.relations.allSatisfy { $0.share.map { $0.isFinite && abs($0) < 1e12 } ?? true }
    }
}
