import CFuzzSupport
import FuzzSupport
import KGFormats
import KGModel
import KGRDF

/// Builds a graph from the input, writes it as RDF/XML and parses the result with libxml2: the
/// document must be well-formed and namespace-well-formed, with one rdf:Description per subject.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRDFXML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        let mapping = try OntologyMapping()
        do {
            try RDFXMLWriter.write(graph, mapping: mapping, to: sink)
        } catch {
            try WriterCheck.expectRefusal(error, for: graph)
            return
        }
        let subjects = Set(try mapping.triples(for: graph).map(\.subject))
        let counts = try XMLCheck.check(sink.bytes, counting: ["Description"])
        guard counts == [subjects.count] else {
            throw FuzzFailure("rdfxml: \(counts[0]) rdf:Description elements for \(subjects.count) subjects")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzRDFXML_main")
public func fuzzRDFXMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzRDFXML)
}
