import CFuzzSupport
import Foundation
import FuzzSupport
import KGFormats
import KGModel
import KGRDF

/// Builds a graph from the input, writes it as JSON-LD and parses the result as JSON (RFC 8259):
/// one JSON object with a `@context` and a `@graph` holding one node object per subject.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLD(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        let mapping = try OntologyMapping()
        do {
            try JSONLDWriter.write(graph, mapping: mapping, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        guard let document = try? JSONSerialization.jsonObject(with: Data(sink.bytes)) as? [String: Any] else {
            throw FuzzFailure("jsonld: not a JSON object:\n\(sink.text)")
        }
        guard document["@context"] != nil, let nodes = document["@graph"] as? [[String: Any]] else {
            throw FuzzFailure("jsonld: no @context or @graph:\n\(sink.text)")
        }
        let subjects = Set(try mapping.triples(for: graph).map(\.subject))
        guard nodes.count == subjects.count else {
            throw FuzzFailure("jsonld: \(nodes.count) node objects for \(subjects.count) subjects")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzJSONLD_main")
public func fuzzJSONLDMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzJSONLD)
}
