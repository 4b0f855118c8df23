// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kgexport",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kgexport", targets: ["kgexport"]),
        .library(name: "KGExport", targets: ["KGModel", "KGInterchange", "KGExtraction", "KGRDF", "KGFormats", "KGStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Property-based tests (Swift Testing) of ReliabilityTests only.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // libxml2 from the system (Debian: libxml2-dev); all XML is written through it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Stage 0: the graph model (plain values, no I/O).
        .target(name: "KGModel"),
        // Stage 1: the JSON Lines interchange file (read and write).
        .target(name: "KGInterchange", dependencies: ["KGModel"]),
        // Stages 2-3: article reading, mention tagging, resolution, relation rules.
        .target(name: "KGExtraction", dependencies: ["KGModel"], resources: [.copy("Lexicon")]),
        // Stage 4: RDF terms and the mapping of the graph onto the kgexport ontology.
        .target(name: "KGRDF", dependencies: ["KGModel"]),
        // Stage 5: serializers (GraphML, DOT, RDF/XML) over a libxml2 writer.
        .target(name: "KGFormats", dependencies: ["KGModel", "KGRDF", "CLibXML2"]),
        // Stage 6: sending a graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).
        .target(name: "KGStore", dependencies: ["KGRDF"]),
        // The command-line tool: parses, calls, prints.
        .executableTarget(
            name: "kgexport",
            dependencies: [
                "KGModel", "KGInterchange", "KGExtraction", "KGRDF", "KGFormats", "KGStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KGModelTests", dependencies: ["KGModel"]),
        .testTarget(name: "KGInterchangeTests", dependencies: ["KGInterchange"]),
        .testTarget(name: "KGExtractionTests", dependencies: ["KGExtraction"]),
        .testTarget(name: "KGRDFTests", dependencies: ["KGRDF"]),
        // The small fixed graph that the writers' golden files and the interop tests share.
        .target(name: "KGTestSupport", dependencies: ["KGModel"], path: "Tests/KGTestSupport"),
        .testTarget(name: "KGFormatsTests", dependencies: ["KGFormats", "KGInterchange", "KGTestSupport"], resources: [.copy("Snapshots")]),
        .testTarget(name: "KGStoreTests", dependencies: ["KGStore", "KGRDF"]),
        .testTarget(name: "InteropTests", dependencies: ["KGFormats", "KGInterchange", "KGExtraction", "KGRDF", "KGStore", "KGTestSupport"]),
        // Runs the built binary end to end (depends on it so that `swift build --build-tests` builds it).
        .testTarget(name: "CLITests", dependencies: ["kgexport"]),
        // Generated graphs read back the same from every format (property tests, in-process and with
        // NetworkX and rdflib); injected write errors; regressions found by the fuzz targets (Tests/Fuzz).
        .testTarget(
            name: "ReliabilityTests",
            dependencies: [
                "KGModel", "KGInterchange", "KGExtraction", "KGRDF", "KGFormats", "CLibXML2",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
    ]
)
