import CFuzzSupport
import FuzzSupport
import KGFormats

/// Builds a graph from the input, writes it as GraphML and parses the result with libxml2: the
/// document must be well-formed, with one <node> per entity and one <edge> per distinct relation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        try WriterCheck.checkPropertyGraphXML(FuzzGraph.decode(bytes), format: "graphml") { try GraphMLWriter.write($0, to: $1) }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzGraphML_main")
public func fuzzGraphMLMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzGraphML)
}
