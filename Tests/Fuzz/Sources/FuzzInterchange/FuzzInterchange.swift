import CFuzzSupport
import FuzzSupport
import KGFormats
import KGInterchange
import KGModel

/// Reads the input as an interchange file. An error must name a line of the input; a file that
/// reads must write back (JSONLinesWriter) to a file that reads to the same graph.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterchange(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        var reader = InterchangeReader(file: "fuzz.jsonl")
        do {
            try reader.consume(bytes)
        } catch let error as InterchangeError {
            let lines = bytes.count { $0 == 0x0A } + 1
            guard (1...lines).contains(error.line), !error.message.isEmpty else {
                throw FuzzFailure("error outside the input's \(lines) lines: \(error)")
            }
            return
        }
        let sink = MemorySink()
        try JSONLinesWriter.write(reader.graph, to: sink)
        var again = InterchangeReader(file: "again.jsonl")
        do {
            try again.consume(sink.bytes)
        } catch {
            throw FuzzFailure("the written interchange file does not read back: \(error)\n\(sink.text)")
        }
        guard RoundTrip.same(reader.graph, again.graph) else {
            throw FuzzFailure("interchange round trip changed the graph:\n\(sink.text)")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzInterchange_main")
public func fuzzInterchangeMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzInterchange)
}
