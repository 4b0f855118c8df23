// swift-tools-version:6.0
// libFuzzer targets for kgexport's readers and writers. Built and run by run.sh, never by the
// main package: each target has no `main` (libFuzzer supplies it), so it links only with
// `-sanitize=fuzzer`.
import PackageDescription

let fuzzTargets = ["FuzzArticle", "FuzzInterchange", "FuzzGraphML", "FuzzGEXF", "FuzzRDFXML", "FuzzDOT", "FuzzNTriples", "FuzzJSONLD",
                   "FuzzTurtle", "FuzzNQuads", "FuzzJSONLines"]

let package = Package(
    name: "kgexport-fuzz",
    dependencies: [.package(name: "kgexport", path: "../..")],
    targets: [
        // libFuzzer's driver entry, and the well-formedness check of XML output with libxml2's parser (C, so that no libxml2 type
        // meets the main package's CLibXML2 module).
        .target(
            name: "CFuzzSupport",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // Graphs decoded from fuzz bytes, the DOT grammar check, and the checks every target shares.
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzSupport", .product(name: "KGExport", package: "kgexport")]
        ),
    ] + fuzzTargets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", "CFuzzSupport", .product(name: "KGExport", package: "kgexport")])
    }
)
