import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel

/// Builds a graph from the input, writes it as DOT and checks the result against the DOT grammar:
/// one node statement per entity, named by the entity's id as Graphviz reads it back (distinct ids
/// stay distinct nodes), and one edge statement per distinct relation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDOT(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        do {
            try DOTWriter.write(graph, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        let summary = try DOTGrammar.check(sink.bytes)
        guard summary.nodeIDs.count == graph.entities.count, summary.edges.count == Fuzz.uniqueRelationCount(graph) else {
            throw FuzzFailure("dot: \(summary.nodeIDs.count) nodes and \(summary.edges.count) edges for \(graph.entities.count) entities and \(Fuzz.uniqueRelationCount(graph)) relations")
        }
        let expectedIDs = Set(graph.entities.keys.map(XMLText.dotID))
        guard Set(summary.nodeIDs) == expectedIDs else {
            throw FuzzFailure("dot: node IDs \(summary.nodeIDs.sorted()) are not the entity ids \(expectedIDs.sorted())")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzDOT_main")
public func fuzzDOTMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzDOT)
}
