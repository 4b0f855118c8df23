import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel
import KGRDF

/// Builds a graph from the input, writes it as N-Triples (what `kgexport push` sends to a triple
/// store) and parses the result against the N-Triples grammar: one line per triple of the
/// mapping, each decoding to exactly that triple (every character kept, controls included).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNTriples(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        let mapping = try OntologyMapping()
        do {
            try NTriplesWriter.write(graph, mapping: mapping, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        var expected: [NTriplesGrammar.Line] = []
        try mapping.forEachTriple(in: graph) { expected.append(NTriplesGrammar.Line($0)) }
        let lines = try NTriplesGrammar.parse(sink.bytes)
        guard lines == expected else {
            let first = zip(lines, expected).first { $0 != $1 }
            throw FuzzFailure("nt: \(lines.count) lines for \(expected.count) triples; first difference \(String(describing: first))")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzNTriples_main")
public func fuzzNTriplesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzNTriples)
}
