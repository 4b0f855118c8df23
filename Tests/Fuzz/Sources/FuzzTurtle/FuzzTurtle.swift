import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel
import KGRDF

/// Builds a graph from the input, writes it as Turtle and reads the result back with a reader
/// strict about the shape TurtleWriter documents (``TurtleShape``): the triples read must be
/// exactly the N-Triples of the same graph (``OntologyMapping/forEachTriple(in:_:)``), each once,
/// every character of every literal kept.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTurtle(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        let mapping = try OntologyMapping()
        do {
            try TurtleWriter.write(graph, mapping: mapping, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        let triples = try TurtleShape.parse(sink.bytes)
        var expected: [NTriplesGrammar.Line] = []
        try mapping.forEachTriple(in: graph) { expected.append(NTriplesGrammar.Line($0)) }
        let read = Set(triples), meant = Set(expected)
        guard triples.count == expected.count, read == meant else {
            throw FuzzFailure("ttl: \(triples.count) triples for \(expected.count); missing \(meant.subtracting(read).map(\.description)), extra \(read.subtracting(meant).map(\.description))\n\(sink.text)")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzTurtle_main")
public func fuzzTurtleMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTurtle)
}
