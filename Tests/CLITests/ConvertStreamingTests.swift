import Foundation
import XCTest

/// `kgexport convert` streams relations from the input to every output.
final class ConvertStreamingTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let example = packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")

    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("kgexport") }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-convert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    @discardableResult
    private func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func write(_ lines: [String], to url: URL) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    private let entities = [
        #"{"kind":"entity","id":"a","label":"A & B","type":"Country","aliases":["AB"]}"#,
        #"{"kind":"entity","id":"b","label":"B","type":"Organization"}"#,
    ]
    private let relation = #"{"kind":"relation","subject":"a","relation":"member-of","object":"b","evidence":"A is in B.","source":"x.txt"}"#

    /// kgexport's own interchange file has its relations in graph order, so converting it gives the
    /// files `extract` writes, byte for byte (GraphML, DOT, JSON Lines), and the same RDF graph.
    func testConvertingAnExtractedGraphGivesTheExtractedFiles() throws {
        let dir = try temporaryDirectory()
        let extracted = dir.appendingPathComponent("extracted")
        let converted = dir.appendingPathComponent("converted")
        var result = try run([Self.example.path, "--to", "graphml,dot,jsonl,ntriples", "--output-dir", extracted.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let jsonl = extracted.appendingPathComponent("edm-2008-kazakhstan-csto.jsonl")
        result = try run(["convert", jsonl.path, "--to", "graphml,dot,jsonl,ntriples", "--output-dir", converted.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.contains("relations; wrote"), result.stderr)
        for ext in ["graphml", "dot", "jsonl"] {
            let name = "edm-2008-kazakhstan-csto." + ext
            XCTAssertEqual(try Data(contentsOf: converted.appendingPathComponent(name)),
                           try Data(contentsOf: extracted.appendingPathComponent(name)), name)
        }
        let lines = { (url: URL) in Set(try String(contentsOf: url, encoding: .utf8).split(separator: "\n")) }
        let nt = "edm-2008-kazakhstan-csto.nt"
        XCTAssertEqual(try lines(converted.appendingPathComponent(nt)), try lines(extracted.appendingPathComponent(nt)))
    }

    func testAnEntityAfterTheFirstRelationStopsTheRunAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("late.jsonl")
        try write(entities + [relation, #"{"kind":"entity","id":"c","type":"Place"}"#], to: input)
        let out = dir.appendingPathComponent("out")
        let result = try run(["convert", input.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):4:9: field 'kind': an entity after the first relation line; put every document and entity line before the relations, which are streamed\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path), [])
    }

    func testARelationNamingAnUndeclaredEntityNamesFileAndLine() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("g.jsonl")
        try write(entities + [relation.replacingOccurrences(of: #""object":"b""#, with: #""object":"z""#)], to: input)
        let result = try run(["convert", input.path, "--to", "graphml", "-o", dir.appendingPathComponent("g.graphml").path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):3:66: field 'object': names entity \"z\", which no earlier line declares; add an entity line for it before this line\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("g.graphml").path))
    }

    /// Two files: one node per entity (names united), the relations of both in input order, a
    /// relation given twice written once.
    func testSeveralInputsMergeAndARepeatedRelationIsWrittenOnce() throws {
        let dir = try temporaryDirectory()
        let first = dir.appendingPathComponent("1.jsonl"), second = dir.appendingPathComponent("2.jsonl")
        try write(entities + [relation], to: first)
        try write([#"{"kind":"entity","id":"a","label":"A","type":"Country"}"#, entities[1], relation,
                   relation.replacingOccurrences(of: "x.txt", with: "y.txt")], to: second)
        let result = try run(["convert", first.path, second.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n"), [
            #"{"kind":"entity","id":"a","label":"A & B","type":"Country","aliases":["AB","A"]}"#,
            #"{"kind":"entity","id":"b","label":"B","type":"Organization","aliases":[]}"#,
            #"{"kind":"relation","subject":"a","relation":"member-of","object":"b","modality":"asserted","evidence":"A is in B.","source":"x.txt"}"#,
            #"{"kind":"relation","subject":"a","relation":"member-of","object":"b","modality":"asserted","evidence":"A is in B.","source":"y.txt"}"#,
        ])
        XCTAssertEqual(result.stderr, "kgexport: 2 entities, 2 relations (1 repeated relation line left out)\n")
    }

    func testReadsStandardInput() throws {
        let input = Data((entities + [relation]).joined(separator: "\n").utf8)
        let result = try run(["convert", "-", "--to", "dot", "-o", "-", "--quiet"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(#""a" -> "b" [id="r"#), result.stdout)
        XCTAssertEqual(result.stderr, "")
    }

    /// The first three warnings of a field are shown, then a count; --verbose shows all, --quiet
    /// none, --strict stops at the first.
    func testWarningsAreCountedAfterTheFirstThree() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("w.jsonl")
        let relations = (1...5).map {
            relation.replacingOccurrences(of: "{", with: "{\"id\":\"r\($0)\",").replacingOccurrences(of: "x.txt", with: "\($0).txt")
        }
        try write(entities + relations, to: input)
        let target = dir.appendingPathComponent("w.nt").path
        var result = try run(["convert", input.path, "--to", "ntriples", "-o", target])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n"), [
            "kgexport: warning: \(input.path):3:2: field 'id': unknown field, ignored",
            "kgexport: warning: \(input.path):4:2: field 'id': unknown field, ignored",
            "kgexport: warning: \(input.path):5:2: field 'id': unknown field, ignored",
            "kgexport: warning: 2 more warnings for field 'id' not shown (--verbose lists them)",
            "kgexport: 2 entities, 5 relations; wrote \(target)",
        ])
        result = try run(["convert", input.path, "--to", "ntriples", "-o", target, "--verbose"])
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.contains("unknown field") }.count, 5, result.stderr)
        result = try run(["convert", input.path, "--to", "ntriples", "-o", target, "--quiet"])
        XCTAssertEqual(result.stderr, "")
        result = try run(["convert", input.path, "--to", "ntriples", "-o", target, "--strict"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):3:2: field 'id': unknown field; remove it, or run without --strict\n")
        result = try run(["convert", input.path, "--quiet", "--verbose"])
        XCTAssertEqual(result.status, 64)
    }

    /// Standard error is not a terminal here: no progress line, only the summary.
    func testNoProgressLineWhenStandardErrorIsNotATerminal() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("p.jsonl")
        try write(entities + [relation], to: input)
        let result = try run(["convert", input.path, "--to", "graphml", "-o", dir.appendingPathComponent("p.graphml").path])
        XCTAssertEqual(result.status, 0)
        XCTAssertFalse(result.stderr.contains("\r"), result.stderr)
        XCTAssertFalse(result.stderr.contains("relations/s"), result.stderr)
    }
}
