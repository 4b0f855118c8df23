import CFuzzSupport
import FuzzSupport
import KGFormats

/// Builds a graph from the input, writes it as GEXF and parses the result with libxml2: the
/// document must be well-formed, with one <node> per entity and one <edge> per distinct relation.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGEXF(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        try WriterCheck.checkPropertyGraphXML(FuzzGraph.decode(bytes), format: "gexf") { try GEXFWriter.write($0, to: $1) }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzGEXF_main")
public func fuzzGEXFMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzGEXF)
}
