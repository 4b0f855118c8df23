import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel
import KGRDF

/// Builds a graph from the input, writes it as N-Quads (one named graph per article) and parses
/// the result against the N-Quads grammar: one line per quad of the mapping
/// (``OntologyMapping/forEachQuad(in:_:)``), in its order, each decoding to exactly that quad
/// (every character kept, controls included), no quad twice, and the union of the graphs'
/// triples exactly the N-Triples of the same graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNQuads(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        let mapping = try OntologyMapping()
        do {
            try NQuadsWriter.write(graph, mapping: mapping, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        var expected: [NTriplesGrammar.Line] = []
        try mapping.forEachQuad(in: graph) { expected.append(NTriplesGrammar.Line($0.triple, graph: $0.graph)) }
        let lines = try NTriplesGrammar.parse(sink.bytes, quads: true)
        guard lines == expected else {
            let first = zip(lines, expected).first { $0 != $1 }
            throw FuzzFailure("nq: \(lines.count) lines for \(expected.count) quads; first difference \(String(describing: first))")
        }
        guard Set(lines).count == lines.count else {
            throw FuzzFailure("nq: \(lines.count - Set(lines).count) quads written twice")
        }
        let triples = Set(try mapping.triples(for: graph).map { NTriplesGrammar.Line($0) })
        guard Set(lines.map(\.triple)) == triples else {
            throw FuzzFailure("nq: the union of the graphs is not the N-Triples graph: missing \(triples.subtracting(lines.map(\.triple))), extra \(Set(lines.map(\.triple)).subtracting(triples))")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzNQuads_main")
public func fuzzNQuadsMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzNQuads)
}
