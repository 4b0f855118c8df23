import KGTestSupport
import Foundation
import KGFormats
import KGModel
import XCTest

/// DOT output read by Graphviz itself: `dot -Tsvg` must accept it, and `dot -Tcanon` must give back
/// exactly the node ids, labels and edges that were meant (exit status alone is not enough:
/// `"Acme "AG""` is silently three nodes).
final class DOTInteropTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-dot")
        try Tool.require("dot", package: "Debian package graphviz")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func write(_ graph: KnowledgeGraph, name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        try DOTWriter.write(graph, to: sink)
        try sink.commit()
        return path
    }

    /// Graphviz's own reading of the file (``DOTCanon``), as node id → attributes and (tail, head, attributes).
    private func canon(_ path: String) throws -> (nodes: [String: [String: String]], edges: [(String, String, [String: String])]) {
        let read = try DOTCanon.read(path)
        return (read.nodes.mapValues(\.attributes), read.edges.map { ($0.tail, $0.head, $0.attributes) })
    }

    private func assertRenders(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let svg = directory.appendingPathComponent("out.svg").path
        let result = try Tool.run("dot", args: ["-Tsvg", "-o", svg, path])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "", "dot warned", file: file, line: line)
        let size = (try? FileManager.default.attributesOfItem(atPath: svg)[.size] as? Int) ?? 0
        XCTAssertGreaterThan(size, 500, file: file, line: line)
    }

    func testDotRendersTheGoldenGraphAndTheNastyNames() throws {
        try assertRenders(try write(GoldenGraph.kazakhstan, name: "kazakhstan.dot"))
        try assertRenders(try write(try NastyNames.graph(), name: "nasty-names.dot"))
    }

    func testCanonicalFormGivesBackTheGoldenGraph() throws {
        let graph = GoldenGraph.kazakhstan
        let read = try canon(try write(graph, name: "kazakhstan.dot"))
        XCTAssertEqual(Set(read.nodes.keys), Set(graph.sortedEntities.map(\.id)))
        for entity in graph.sortedEntities {
            XCTAssertEqual(read.nodes[entity.id]?["label"], entity.label)
            XCTAssertEqual(read.nodes[entity.id]?["type"], entity.type.rawValue)
        }
        XCTAssertEqual(read.edges.count, 6)
        let share = try XCTUnwrap(read.edges.first { $0.0 == "kazmunaigas" }?.2)
        XCTAssertEqual(share["label"], "holds-share-in 50%")
        XCTAssertEqual(share["share"], "50")
        XCTAssertEqual(share["offset_start"], "3505")
        let visit = try XCTUnwrap(read.edges.first { $0.0 == "nursultan-nazarbayev" })
        XCTAssertEqual(visit.1, "dmitri-medvedev")
        XCTAssertEqual(visit.2["style"], "dashed")
        XCTAssertEqual(visit.2["date"], "2008-09-22")
        XCTAssertEqual(visit.2["place"], "Astana")
        XCTAssertEqual(visit.2["evidence"],
                       "Russian President Dmitri Medvedev will probably demand clear promises of friendship from Nazarbayev when he arrives on an official visit to Astana on September 22.")
    }

    func testCanonicalFormGivesBackExactlyTheNastyIdsLabelsAndEdges() throws {
        let graph = try NastyNames.graph()
        let read = try canon(try write(graph, name: "nasty-names.dot"))
        XCTAssertEqual(Set(read.nodes.keys), Set(NastyNames.labels.keys), "no node was split, merged or invented")
        for (id, label) in NastyNames.labels {
            XCTAssertEqual(read.nodes[id]?["label"], label, id)
        }
        XCTAssertEqual(read.nodes["e7"]?["aliases"], "[\"Nazarbayev\"]")
        XCTAssertEqual(read.edges.count, NastyNames.relationCount)
        let expectedEdges = graph.sortedRelations.map { "\($0.subject) -> \($0.object) \($0.id)" }.sorted()
        XCTAssertEqual(read.edges.map { "\($0.0) -> \($0.1) \($0.2["id"] ?? "")" }.sorted(), expectedEdges)

        let meetings = read.edges.filter { $0.0 == "e7" && $0.1 == "e8" }.map(\.2)
        XCTAssertEqual(Set(meetings.compactMap { $0["date"] }), ["2008-09-05", "2008-10-15"])
        let first = try XCTUnwrap(meetings.first { $0["date"] == "2008-09-05" })
        XCTAssertEqual(first["evidence"], "They met in Astana on \"Friday\" \\ then left.")
        XCTAssertEqual(first["source"], "doc 1.txt")
        XCTAssertEqual(first["place"], "Kazakhstan")
        XCTAssertEqual(first["label"], "met-with 2008-09-05 in Kazakhstan")
        let stake = try XCTUnwrap(read.edges.first { $0.0 == "e5" })
        XCTAssertEqual(stake.1, "e6")
        XCTAssertEqual(stake.2["label"], "holds-share-in 12.5% --09-05")
        XCTAssertEqual(read.edges.first { $0.0 == "e11" }?.2["evidence"], "Tom & Jerry <Ltd> joined A]]>B.")
        XCTAssertEqual(read.edges.first { $0.0 == "e12" }?.2["evidence"], "Bell Corp met Acme Corp .")
        XCTAssertEqual(read.edges.first { $0.0 == "e12" }?.2["style"], "dashed")
        XCTAssertEqual(read.edges.first { $0.0 == "e9" }?.2["evidence"], "حصة صغيرة")
    }

    func testKeywordAndPortLookalikeIdsStayWholeNodes() throws {
        var graph = KnowledgeGraph()
        let ids = ["node", "EDGE", "Strict", "graph", "subgraph", "digraph", "Acme:AG", "a -> b", "Acme \"AG\"", "trailing\\", "x;y", "{z}"]
        for id in ids { graph.add(Entity(id: id, label: id, type: .organization)) }
        graph.add(Relation(subject: "Acme:AG", kind: .memberOf, object: "node"))
        let read = try canon(try write(graph, name: "keywords.dot"))
        XCTAssertEqual(Set(read.nodes.keys), Set(ids))
        for id in ids { XCTAssertEqual(read.nodes[id]?["label"], id) }
        XCTAssertEqual(read.edges.map { [$0.0, $0.1] }, [["Acme:AG", "node"]])
    }
}
