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

    /// Parses `dot -Tcanon` output: quoted strings unescaped as the DOT lexer and label escapes do
    /// (`\` + newline is a continuation; `\\`, `\"` and `\n` are a backslash, a quote and a newline).
    private static let canonParser = #"""
    import sys, json, re
    text = sys.stdin.read()
    tokens = []
    pattern = re.compile(r'\s+|"((?:[^"\\]|\\.)*)"|(->|--|[{}\[\];,=])|([^\s{}\[\];,="]+)', re.S)
    def unescape(s):
        out, i = [], 0
        while i < len(s):
            c = s[i]
            if c == '\\' and i + 1 < len(s):
                n = s[i + 1]
                if n == '\n': i += 2; continue
                if n in '\\"': out.append(n); i += 2; continue
                if n == 'n': out.append('\n'); i += 2; continue
            out.append(c); i += 1
        return ''.join(out)
    pos = 0
    while pos < len(text):
        m = pattern.match(text, pos)
        if not m: raise SystemExit("cannot tokenize at %d: %r" % (pos, text[pos:pos+40]))
        pos = m.end()
        if m.group(1) is not None: tokens.append(("id", unescape(m.group(1)), True))
        elif m.group(2): tokens.append(("op", m.group(2), False))
        elif m.group(3): tokens.append(("id", m.group(3), False))
    i = tokens.index(("op", "{", False)) + 1
    nodes, edges = {}, []
    def attrs():
        global i
        out = {}
        while tokens[i][0] == "op" and tokens[i][1] == "[":
            i += 1
            while tokens[i][1] != "]" or tokens[i][0] != "op":
                key = tokens[i][1]; assert tokens[i + 1][1] == "="; out[key] = tokens[i + 2][1]; i += 3
                if tokens[i] == ("op", ",", False) or tokens[i] == ("op", ";", False): i += 1
            i += 1
        return out
    while tokens[i] != ("op", "}", False):
        kind, value, quoted = tokens[i]
        if kind == "op": i += 1; continue
        i += 1
        if not quoted and value in ("graph", "node", "edge"): attrs(); continue
        if tokens[i] == ("op", "=", False): i += 2; continue
        if tokens[i] == ("op", "->", False):
            head = tokens[i + 1][1]; i += 2
            edges.append([value, head, attrs()])
        else:
            nodes[value] = attrs()
    print(json.dumps({"nodes": nodes, "edges": edges}, ensure_ascii=False))
    """#

    private func canon(_ path: String) throws -> (nodes: [String: [String: String]], edges: [(String, String, [String: String])]) {
        let canon = try Tool.run("dot", args: ["-Tcanon", path])
        XCTAssertEqual(canon.status, 0, canon.stderr)
        XCTAssertEqual(canon.stderr, "", "dot warned")
        try Tool.require("python3", package: "Debian package python3")
        let parsed = try Tool.run("python3", args: ["-c", Self.canonParser], stdin: canon.stdoutData)
        XCTAssertEqual(parsed.status, 0, parsed.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: parsed.stdoutData) as? [String: Any], parsed.stdout)
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [String: String]])
        let edges = try XCTUnwrap(json["edges"] as? [[Any]]).map { e in
            (e[0] as? String ?? "", e[1] as? String ?? "", e[2] as? [String: String] ?? [:])
        }
        return (nodes, edges)
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
        XCTAssertEqual(first["label"], "met-with 2008-09-05")
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
