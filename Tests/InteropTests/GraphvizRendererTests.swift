import KGTestSupport
import Foundation
import KGFormats
import KGModel
import XCTest

/// Pictures drawn by Graphviz through ``GraphvizRenderer``, and the DOT drawing options (legend,
/// clusters by type) read back by `dot -Tcanon`.
final class GraphvizRendererTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-render")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func render(_ graph: KnowledgeGraph, _ format: GraphvizRenderer.ImageFormat, name: String,
                        options: DOTWriter.Options = DOTWriter.Options(legend: true)) throws -> (path: String, warnings: [String]) {
        try Tool.require("dot", package: "Debian package graphviz")
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        let warnings = try GraphvizRenderer(format: format, options: options).render(graph, to: sink)
        try sink.commit()
        return (path, warnings)
    }

    /// The text of every `<text>` element of an SVG file, and the `class` of every group (ElementTree: a strict XML parser).
    private func svgContents(_ path: String) throws -> (texts: [String], classes: [String]) {
        try Tool.require("python3", package: "Debian package python3")
        let program = #"""
        import sys, json, xml.etree.ElementTree as ET
        root = ET.parse(sys.argv[1]).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        print(json.dumps({"texts": ["".join(t.itertext()) for t in root.iter(ns + "text")],
                          "classes": [g.get("class", "") for g in root.iter(ns + "g")]}, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: [path])
        XCTAssertEqual(result.status, 0, "the SVG is not well-formed XML:\n\(result.stderr)")
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: [String]], result.stdout)
        return (json["texts"] ?? [], json["classes"] ?? [])
    }

    // MARK: Pictures

    func testSVGOfTheGoldenGraphIsXMLWithEveryLabelAndTheLegend() throws {
        let graph = GoldenGraph.kazakhstan
        let (path, warnings) = try render(graph, .svg, name: "kazakhstan.svg")
        XCTAssertEqual(warnings, [])
        try Tool.require("xmllint", package: "Debian package libxml2-utils")
        let lint = try Tool.run("xmllint", args: ["--noout", "--nonet", path])
        XCTAssertEqual(lint.status, 0, lint.stderr)

        let svg = try svgContents(path)
        for entity in graph.sortedEntities {
            XCTAssertTrue(svg.texts.contains(entity.label), entity.label)
        }
        XCTAssertTrue(svg.texts.contains("holds-share-in 50%"))
        XCTAssertTrue(svg.texts.contains("met-with 2008-09-22 in Astana (planned)"))
        // The legend: its title, one sample per entity type present, one per relation and for planned.
        XCTAssertTrue(svg.texts.contains("Legend"))
        for name in ["Company", "Country", "Facility", "Organization", "Person", "Place", "member-of", "met-with", "holds-share-in", "planned"] {
            XCTAssertTrue(svg.texts.contains(name), name)
        }
        XCTAssertFalse(svg.texts.contains("negated"), "no negated relation in the graph")
        XCTAssertEqual(svg.classes.filter { $0 == "node legend" }.count, 6, "one per type; the ends of the sample edges are invisible")
        XCTAssertEqual(svg.classes.filter { $0 == "edge legend" }.count, 4)
        XCTAssertEqual(svg.classes.filter { $0 == "node" }.count, 11)
        XCTAssertEqual(svg.classes.filter { $0 == "edge" }.count, 6)
    }

    func testPNGStartsWithThePNGSignature() throws {
        let (path, warnings) = try render(GoldenGraph.kazakhstan, .png, name: "kazakhstan.png",
                                          options: DOTWriter.Options(legend: true, clusterByType: true))
        XCTAssertEqual(warnings, [])
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(Array(bytes.dropFirst(12).prefix(4)), Array("IHDR".utf8))
        XCTAssertEqual(Array(bytes.suffix(8).prefix(4)), Array("IEND".utf8))
        XCTAssertGreaterThan(bytes.count, 10_000)
    }

    func testNastyNamesRenderWithoutWarnings() throws {
        let (path, warnings) = try render(try NastyNames.graph(), .svg, name: "nasty-names.svg",
                                          options: DOTWriter.Options(legend: true, clusterByType: true))
        XCTAssertEqual(warnings, [])
        let texts = try svgContents(path).texts
        for label in ["Acme \"AG\"", "Back\\slash Holdings\\", "Tom & Jerry <Ltd>", "A]]>B", "<b>bold</b>", "Назарбаев Нурсултан", "شركة النفط"] {
            XCTAssertTrue(texts.contains(label), label)
        }
    }

    // MARK: Legend and clusters in Graphviz's own reading

    private func writeDOT(_ graph: KnowledgeGraph, name: String, options: DOTWriter.Options) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        try DOTWriter.write(graph, to: sink, options: options)
        try sink.commit()
        return path
    }

    func testLegendAndClustersKeepEveryNodeLabelAndEdgeThroughTheCanonicalForm() throws {
        for graph in [GoldenGraph.kazakhstan, try NastyNames.graph()] {
            let path = try writeDOT(graph, name: "clustered.dot", options: DOTWriter.Options(legend: true, clusterByType: true))
            let canon = try DOTCanon.read(path)
            let legendNodes = canon.nodes.filter { $0.key.hasPrefix("kgexport-legend") }
            let entityNodes = canon.nodes.filter { !$0.key.hasPrefix("kgexport-legend") }
            XCTAssertEqual(Set(entityNodes.keys), Set(graph.sortedEntities.map(\.id)), "no node was split, merged or invented")
            for entity in graph.sortedEntities {
                let node = try XCTUnwrap(entityNodes[entity.id])
                XCTAssertEqual(node.attributes["label"], XMLCarried.text(entity.label), entity.id)
                XCTAssertEqual(node.attributes["type"], entity.type.rawValue)
                XCTAssertEqual(node.subgraph, "cluster_" + entity.type.rawValue, entity.id)
            }
            let types = Set(graph.sortedEntities.map(\.type))
            XCTAssertEqual(Set(canon.subgraphs.keys), Set(types.map { "cluster_" + $0.rawValue } + ["cluster_legend"]))
            XCTAssertEqual(canon.subgraphs["cluster_legend"]?["label"], "Legend")
            XCTAssertEqual(canon.subgraphs["cluster_Person"]?["label"], "Person")
            XCTAssertTrue(legendNodes.values.allSatisfy { $0.subgraph == "cluster_legend" && $0.attributes["class"] == "legend" })
            XCTAssertEqual(Set(legendNodes.values.compactMap { $0.attributes["shape"] == "point" ? nil : $0.attributes["label"] }),
                           Set(types.map(\.rawValue)))

            // dot files an edge under the cluster holding both its ends, so edges are told apart by their ends.
            let entityEdges = canon.edges.filter { !$0.tail.hasPrefix("kgexport-legend") }
            XCTAssertEqual(entityEdges.map { "\($0.tail) -> \($0.head) \($0.attributes["id"] ?? "")" }.sorted(),
                           graph.sortedRelations.map { "\($0.subject) -> \($0.object) \($0.id)" }.sorted())
            let samples = canon.edges.filter { $0.tail.hasPrefix("kgexport-legend") }.compactMap { $0.attributes["label"] }
            XCTAssertTrue(canon.edges.filter { $0.tail.hasPrefix("kgexport-legend") }.allSatisfy { $0.subgraph == "cluster_legend" })
            XCTAssertEqual(Set(samples), Set(graph.sortedRelations.map(\.kind.rawValue)).union(
                graph.sortedRelations.contains { $0.modality == .planned } ? ["planned"] : []))
        }
    }

    // MARK: Errors

    func testMissingGraphvizIsAClearErrorNamingTheDebianPackage() throws {
        let sink = MemorySink()
        for command in ["kgexport-no-such-dot", "/nonexistent/bin/dot", ""] {
            let renderer = GraphvizRenderer(format: .svg, command: command)
            XCTAssertFalse(renderer.isAvailable)
            XCTAssertThrowsError(try renderer.render(GoldenGraph.kazakhstan, to: sink)) { error in
                XCTAssertEqual(error as? GraphvizError, .notInstalled(command: command))
                XCTAssertEqual("\(error)", "cannot render: graphviz is not installed ('\(command)' was not found; install the Debian package graphviz)")
            }
        }
        XCTAssertEqual(sink.bytes.count, 0, "nothing is written")
    }

    func testInvalidDOTIsAnErrorWithGraphvizsMessageAndWarningsAreReturned() throws {
        try Tool.require("dot", package: "Debian package graphviz")
        let renderer = GraphvizRenderer(format: .svg)
        XCTAssertTrue(renderer.isAvailable)
        XCTAssertThrowsError(try renderer.render(dot: "digraph { node -> edge }", to: MemorySink())) { error in
            guard case let .failed(command, status, message)? = error as? GraphvizError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(command, "dot")
            XCTAssertEqual(status, 1)
            XCTAssertTrue(message.contains("syntax error in line 1 near '->'"), message)
            XCTAssertTrue("\(error)".hasPrefix("'dot' failed with exit status 1: "), "\(error)")
        }
        let sink = MemorySink()
        let warnings = try renderer.render(dot: "digraph { a [shape=\"nosuchshape\"] }", to: sink)
        XCTAssertEqual(warnings, ["Warning: using box for unknown shape nosuchshape"])
        XCTAssertTrue(sink.text.contains("<svg"))
    }

    func testSinkErrorsPassThroughAndStopDot() throws {
        try Tool.require("dot", package: "Debian package graphviz")
        final class FullDisk: ByteSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                throw OutputError(operation: "cannot write", path: "/full/kg.png", reason: "no space left on device")
            }
        }
        XCTAssertThrowsError(try GraphvizRenderer(format: .png).render(GoldenGraph.kazakhstan, to: FullDisk())) {
            XCTAssertEqual("\($0)", "cannot write /full/kg.png: no space left on device")
        }
    }

    func testFormatsNameTheirExtensionsAndMediaTypes() {
        XCTAssertEqual(GraphvizRenderer.ImageFormat.allCases.map(\.fileExtension), ["svg", "png"])
        XCTAssertEqual(GraphvizRenderer.ImageFormat.allCases.map(\.mediaType), ["image/svg+xml", "image/png"])
    }
}
