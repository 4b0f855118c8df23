import Foundation
import XCTest

/// `--drop-isolated` leaves out the entities that take part in no relation (the place of a
/// relation takes part) in every format, for `extract` and for `convert` (files and standard input).
final class DropIsolatedTests: XCTestCase {
    private typealias K = KGExportProcess

    /// In the example article 23 entities are found; 11 take part in its 6 relations (Astana only
    /// as the place of two meetings).
    private static let allEntities = 23
    private static let participating = 11
    private static let relations = 6

    /// The example article's graph: entity ids, and the ids its relations name (subject, object, place).
    private func exampleGraph(in dir: URL) throws -> (jsonl: URL, entities: Set<String>, participating: Set<String>) {
        let jsonl = dir.appendingPathComponent("example.jsonl")
        let result = try K.run([K.exampleArticle.path, "--to", "jsonl", "-o", jsonl.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        var entities = Set<String>(), participating = Set<String>()
        for line in try String(contentsOf: jsonl, encoding: .utf8).split(separator: "\n") {
            let record = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            switch record["kind"] as? String {
            case "entity": entities.insert(try XCTUnwrap(record["id"] as? String))
            case "relation":
                for key in ["subject", "object", "place"] {
                    if let id = record[key] as? String { participating.insert(id) }
                }
            default: break
            }
        }
        XCTAssertEqual(entities.count, Self.allEntities)
        XCTAssertEqual(participating.count, Self.participating)
        XCTAssertTrue(participating.contains("astana"), "Astana takes part only as the place of meetings")
        return (jsonl, entities, participating)
    }

    /// The `id` of each GraphML `<node>`, and the number of `<edge>`s.
    private func graphML(_ url: URL) throws -> (nodes: Set<String>, nodeCount: Int, edges: Int) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let ids = matches(#"<node id="([^"]*)""#, in: text)
        return (Set(ids), ids.count, matches(#"<edge[ >]"#, in: text).count)
    }

    /// The ids of the node statements of a DOT file (`"id" [...]`, not `"a" -> "b" [...]`), and
    /// the number of edge statements.
    private func dot(_ url: URL) throws -> (nodes: Set<String>, nodeCount: Int, edges: Int) {
        let text = try String(contentsOf: url, encoding: .utf8)
        let nodes = matches(#"(?m)^\s*"([^"]*)" \["#, in: text)
        return (Set(nodes), nodes.count, matches(#"(?m)^\s*"[^"]*" -> "[^"]*" \["#, in: text).count)
    }

    /// The titles (ids) of the entity nodes Graphviz drew in an SVG (`class="node"`; the legend's
    /// samples are `class="node legend"`).
    private func svgNodes(_ url: URL) throws -> [String] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return matches(#"class="node">\s*<title>([^<]*)</title>"#, in: text)
            .map { $0.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&amp;", with: "&") }
    }

    /// The first capture group (or the whole match) of each match of `pattern`.
    private func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return Range(range, in: text).map { String(text[$0]) }
        }
    }

    private func requireGraphviz() throws {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
        if !found {
            if ProcessInfo.processInfo.environment["KGEXPORT_REQUIRE_TOOLS"] == "1" { XCTFail("Graphviz (dot) is not installed") }
            throw XCTSkip("Graphviz (dot) is not installed")
        }
    }

    func testExtractLeavesOutIsolatedEntitiesInGraphMLAndDOT() throws {
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let all = dir.appendingPathComponent("all"), kept = dir.appendingPathComponent("kept")
        let plain = try K.run([K.exampleArticle.path, "--to", "graphml,dot", "--output-dir", all.path])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        let dropped = try K.run([K.exampleArticle.path, "--to", "graphml,dot", "--output-dir", kept.path, "--drop-isolated"])
        XCTAssertEqual(dropped.status, 0, dropped.stderr)
        XCTAssertEqual(dropped.stderr, "kgexport: 11 entities, 6 relations (12 isolated entities left out); wrote "
                       + "\(kept.path)/edm-2008-kazakhstan-csto.graphml, \(kept.path)/edm-2008-kazakhstan-csto.dot\n")

        let graphMLAll = try graphML(all.appendingPathComponent("edm-2008-kazakhstan-csto.graphml"))
        let graphMLKept = try graphML(kept.appendingPathComponent("edm-2008-kazakhstan-csto.graphml"))
        XCTAssertEqual(graphMLAll.nodeCount, Self.allEntities)
        XCTAssertEqual(graphMLAll.nodes, graph.entities)
        XCTAssertEqual(graphMLKept.nodeCount, Self.participating)
        XCTAssertEqual(graphMLKept.nodes, graph.participating)
        XCTAssertEqual(graphMLAll.edges, Self.relations)
        XCTAssertEqual(graphMLKept.edges, Self.relations, "every relation is kept")

        let dotAll = try dot(all.appendingPathComponent("edm-2008-kazakhstan-csto.dot"))
        let dotKept = try dot(kept.appendingPathComponent("edm-2008-kazakhstan-csto.dot"))
        XCTAssertEqual(dotAll.nodeCount, Self.allEntities)
        XCTAssertEqual(dotKept.nodeCount, Self.participating)
        XCTAssertEqual(dotKept.nodes, graph.participating)
        XCTAssertEqual(dotAll.edges, Self.relations)
        XCTAssertEqual(dotKept.edges, Self.relations)
    }

    /// Every format: no line of the kept graph names an isolated entity.
    func testEveryFormatLeavesThemOut() throws {
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let isolated = graph.entities.subtracting(graph.participating)
        let formats = ["graphml", "gexf", "rdfxml", "ntriples", "nquads", "turtle", "jsonld", "dot", "jsonl"]
        let out = dir.appendingPathComponent("out")
        let result = try K.run([K.exampleArticle.path, "--to", formats.joined(separator: ","), "--output-dir", out.path, "--drop-isolated", "-q"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let files = K.files(in: out)
        XCTAssertEqual(files.count, formats.count, "\(files)")
        for name in files {
            let text = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            for id in isolated {
                // Ids are quoted in every format, and end IRIs (…/entity/ID>) in N-Triples and N-Quads.
                XCTAssertFalse(text.contains("\"\(id)\"") || text.contains("/entity/\(id)>") || text.contains("/entity/\(id)\""),
                               "\(name) still names \(id)")
            }
            for id in graph.participating {
                XCTAssertTrue(text.contains(id), "\(name) lost \(id)")
            }
        }
    }

    /// The picture: Graphviz draws only the entities that take part in a relation (and the legend).
    func testRenderedPictureHasNoIsolatedNode() throws {
        try requireGraphviz()
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let all = dir.appendingPathComponent("all"), kept = dir.appendingPathComponent("kept")
        for (out, extra) in [(all, [String]()), (kept, ["--drop-isolated"])] {
            let result = try K.run([K.exampleArticle.path, "--to", "dot", "--render", "svg", "--output-dir", out.path] + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let drawnAll = try svgNodes(all.appendingPathComponent("edm-2008-kazakhstan-csto.svg"))
        let drawnKept = try svgNodes(kept.appendingPathComponent("edm-2008-kazakhstan-csto.svg"))
        XCTAssertEqual(drawnAll.count, Self.allEntities)
        XCTAssertEqual(drawnKept.count, Self.participating)
        XCTAssertEqual(Set(drawnKept), graph.participating)

        // convert draws the same picture from the interchange file.
        let converted = dir.appendingPathComponent("converted.svg")
        let result = try K.run(["convert", graph.jsonl.path, "--to", "svg", "-o", converted.path, "--drop-isolated"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Set(try svgNodes(converted)), graph.participating)
        XCTAssertEqual(try svgNodes(converted).count, Self.participating)
    }

    /// convert reads a file twice and standard input from a temporary copy, which it removes;
    /// both give the files extract writes.
    func testConvertFromAFileAndFromStandardInputGivesExtractsFiles() throws {
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let extracted = dir.appendingPathComponent("extracted")
        let extract = try K.run([K.exampleArticle.path, "--to", "graphml,dot,jsonl", "--output-dir", extracted.path, "--drop-isolated", "--name", "g"])
        XCTAssertEqual(extract.status, 0, extract.stderr)

        let fromFile = dir.appendingPathComponent("file")
        let file = try K.run(["convert", graph.jsonl.path, "--to", "graphml,dot,jsonl", "--output-dir", fromFile.path, "--drop-isolated"])
        XCTAssertEqual(file.status, 0, file.stderr)
        XCTAssertTrue(file.stderr.hasPrefix("kgexport: 11 entities, 6 relations (12 isolated entities left out); wrote "), file.stderr)

        let scratch = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let fromStandardInput = dir.appendingPathComponent("stdin")
        let stdin = try K.run(["convert", "-", "--name", "example", "--to", "graphml,dot,jsonl", "--output-dir", fromStandardInput.path, "--drop-isolated"],
                            input: try Data(contentsOf: graph.jsonl), environment: ["TMPDIR": scratch.path])
        XCTAssertEqual(stdin.status, 0, stdin.stderr)
        XCTAssertTrue(stdin.stderr.hasPrefix("kgexport: 11 entities, 6 relations (12 isolated entities left out); wrote "), stdin.stderr)
        XCTAssertEqual(K.files(in: scratch), [], "the copy of standard input is removed")

        for ext in ["graphml", "dot", "jsonl"] {
            let expected = try Data(contentsOf: extracted.appendingPathComponent("edm-2008-kazakhstan-csto.\(ext)"))
            XCTAssertEqual(try Data(contentsOf: fromFile.appendingPathComponent("example.\(ext)")), expected, ext)
            XCTAssertEqual(try Data(contentsOf: fromStandardInput.appendingPathComponent("example.\(ext)")), expected, ext)
        }
    }

    /// Reading twice does not repeat the warnings, and a bad line still stops the run with nothing written.
    func testConvertWarnsOnceAndStopsAtABadLine() throws {
        let dir = try K.temporaryDirectory(for: self)
        let lines = [
            #"{"kind":"entity","id":"a","label":"A","type":"Country","colour":"red"}"#,
            #"{"kind":"entity","id":"b","label":"B","type":"Organization"}"#,
            #"{"kind":"entity","id":"c","label":"C","type":"Country"}"#,
            #"{"kind":"relation","subject":"a","relation":"member-of","object":"b"}"#,
        ]
        let good = dir.appendingPathComponent("good.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: good)
        let result = try K.run(["convert", good.path, "--to", "graphml", "-o", "-", "--drop-isolated"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let stderr = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(stderr.count, 2, result.stderr)
        XCTAssertTrue(stderr.first?.hasPrefix("kgexport: warning: \(good.path):1:") == true, result.stderr)
        XCTAssertTrue(stderr.first?.hasSuffix(" field 'colour': unknown field, ignored") == true, result.stderr)
        XCTAssertEqual(stderr.last, "kgexport: 2 entities, 1 relation (1 isolated entity left out)")
        XCTAssertEqual(try graphMLText(result.stdout).nodes, ["a", "b"])

        let bad = dir.appendingPathComponent("bad.jsonl")
        try Data((lines + [#"{"kind":"relation","subject":"a","relation":"member-of","object":"nobody"}"#]).joined(separator: "\n").utf8).write(to: bad)
        let out = dir.appendingPathComponent("out")
        let failed = try K.run(["convert", bad.path, "--output-dir", out.path, "--drop-isolated", "-q"])
        XCTAssertEqual(failed.status, 65, failed.stderr)
        XCTAssertTrue(failed.stderr.hasPrefix("kgexport: \(bad.path):5:"), failed.stderr)
        XCTAssertTrue(failed.stderr.contains("field 'object': names entity \"nobody\""), failed.stderr)
        XCTAssertEqual(K.files(in: out), [])
    }

    private func graphMLText(_ text: String) throws -> (nodes: Set<String>, edges: Int) {
        (Set(matches(#"<node id="([^"]*)""#, in: text)), matches(#"<edge[ >]"#, in: text).count)
    }

    func testHelpDescribesTheOption() throws {
        for command in [["extract"], ["convert"]] {
            let result = try K.run(command + ["--help"])
            XCTAssertEqual(result.status, 0)
            let text = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            XCTAssertTrue(text.contains("--drop-isolated Leave out entities that take part in no relation (the place of a meeting takes part), in every format."), text)
        }
    }
}
