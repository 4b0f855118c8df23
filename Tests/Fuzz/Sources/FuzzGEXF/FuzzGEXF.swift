import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel

/// Builds a graph from the input, writes it as GEXF and parses the result with libxml2: the
/// document must be well-formed, with one <node> per entity and one <edge> per distinct relation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGEXF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        do {
            try GEXFWriter.write(graph, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        let counts = try XMLCheck.check(sink.bytes, counting: ["node", "edge"])
        let expected = [graph.entities.count, Fuzz.uniqueRelationCount(graph)]
        guard counts == expected else {
            throw FuzzFailure("gexf: nodes and edges \(counts), expected \(expected)")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzGEXF_main")
public func fuzzGEXFMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzGEXF)
}
