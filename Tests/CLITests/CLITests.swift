import Foundation
import XCTest

/// Runs the built `kgexport` binary as a user would, on the example article and on bad input.
final class CLITests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let example = packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
    private static let goldenDir = packageRoot.appendingPathComponent("Examples/out")
    private static let shared = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    private var binary: URL {
        Bundle.main.bundleURL.appendingPathComponent("kgexport")
    }

    private func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    @discardableResult
    private func run(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    private func files(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    /// The example article gives exactly the reviewed files in Examples/out, byte for byte, in every
    /// text format (pictures depend on the Graphviz version and are not compared).
    /// Set KGEXPORT_RECORD=1 to rewrite them (the test then fails so the new files are read).
    func testExampleArticleMatchesTheReviewedOutputs() throws {
        let dir = try temporaryDirectory()
        let formats = "graphml,gexf,rdfxml,ntriples,nquads,turtle,jsonld,dot,jsonl"
        let result = try run([Self.example.path, "--output-dir", dir.path, "--to", formats])
        XCTAssertEqual(result.status, 0, result.stderr)
        let names = ["graphml", "gexf", "rdf", "nt", "nq", "ttl", "jsonld", "dot", "jsonl"].map { "edm-2008-kazakhstan-csto." + $0 }
        XCTAssertEqual(try files(in: dir), names.sorted())
        if ProcessInfo.processInfo.environment["KGEXPORT_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDir, withIntermediateDirectories: true)
            for name in names {
                let target = Self.goldenDir.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: dir.appendingPathComponent(name), to: target)
            }
            XCTFail("recorded Examples/out; read the files, then run again without KGEXPORT_RECORD")
            return
        }
        for name in names {
            let produced = try Data(contentsOf: dir.appendingPathComponent(name))
            let golden = try Data(contentsOf: Self.goldenDir.appendingPathComponent(name))
            XCTAssertEqual(produced, golden, "\(name) differs from Examples/out/\(name)")
        }
    }

    func testSameInputGivesByteIdenticalFiles() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        try run([Self.example.path, "--output-dir", a.path, "--quiet"])
        try run([Self.example.path, "--output-dir", b.path, "--quiet"])
        for name in try files(in: a) {
            XCTAssertEqual(try Data(contentsOf: a.appendingPathComponent(name)), try Data(contentsOf: b.appendingPathComponent(name)), name)
        }
        XCTAssertEqual(try files(in: a).count, 4)
    }

    func testSingleFormatToStandardOutput() throws {
        let result = try run([Self.example.path, "--to", "dot", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("digraph"), String(result.stdout.prefix(80)))
        XCTAssertTrue(result.stdout.contains("\"kazmunaigas\""))
    }

    func testDashOTakesTheFormatFromTheExtension() throws {
        let dir = try temporaryDirectory()
        let target = dir.appendingPathComponent("g.ttl")
        let result = try run([Self.example.path, "-o", target.path, "-q"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        XCTAssertTrue(try String(contentsOf: target, encoding: .utf8).hasPrefix("@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."))
        let stdout = try run([Self.example.path, "-o", "-"])
        XCTAssertEqual(stdout.status, 64)
        XCTAssertTrue(stdout.stderr.contains("-o -: name the format with --to"), stdout.stderr)
    }

    func testAnOutputDirectoryBelowAFileIsNamed() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("afile")
        try Data().write(to: file)
        let result = try run([Self.example.path, "--output-dir", file.appendingPathComponent("sub").path])
        XCTAssertEqual(result.status, 74)
        XCTAssertTrue(result.stderr.contains("\(file.path) is a file, not a directory"), result.stderr)
    }

    func testTwoFormatsWithDashOIsAUsageError() throws {
        let result = try run([Self.example.path, "--to", "dot,graphml", "-o", "x.dot"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("-o writes a single format"), result.stderr)
    }

    func testUnknownFormatListsTheKnownOnes() throws {
        let result = try run([Self.example.path, "--to", "gexf2"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("choose from graphml, rdfxml, dot, jsonl"), result.stderr)
    }

    func testConvertRoundTripsTheInterchangeFile() throws {
        let dir = try temporaryDirectory()
        XCTAssertEqual(try run([Self.example.path, "--to", "jsonl", "-o", dir.appendingPathComponent("a.jsonl").path]).status, 0)
        let second = try run(["convert", dir.appendingPathComponent("a.jsonl").path, "--to", "jsonl", "-o", dir.appendingPathComponent("b.jsonl").path])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertEqual(try Data(contentsOf: dir.appendingPathComponent("a.jsonl")), try Data(contentsOf: dir.appendingPathComponent("b.jsonl")))
    }

    func testBadInterchangeLineNamesFileLineColumnAndWritesNothing() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("bad.jsonl")
        try Data("""
        {"kind":"entity","id":"a","label":"A","type":"Country"}
        {"kind":"entity","id":"b","label":"B","type":"Organization"}
        {"kind":"relation","subject":"a","relation":"member-of","object":"b","share":"50%"}

        """.utf8).write(to: input)
        let out = dir.appendingPathComponent("out")
        let result = try run(["convert", input.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):3:78: field 'share': expected a number (percent, 0 to 100), found the string \"50%\"\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("bad.graphml").path))
    }

    func testAFailedRunLeavesThePreviousOutputIntact() throws {
        let dir = try temporaryDirectory()
        let target = dir.appendingPathComponent("g.graphml")
        try Data("previous".utf8).write(to: target)
        let input = dir.appendingPathComponent("bad.jsonl")
        try Data("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"Country\"}\n{\"kind\":\"ent".utf8).write(to: input)
        let result = try run(["convert", input.path, "--to", "graphml", "-o", target.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertTrue(result.stderr.contains(":2:"), result.stderr)
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "previous")
        XCTAssertEqual(try files(in: dir), ["bad.jsonl", "g.graphml"])
    }

    func testRefusesToOverwriteItsInput() throws {
        let dir = try temporaryDirectory()
        let input = dir.appendingPathComponent("g.jsonl")
        try Data("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"Country\"}\n".utf8).write(to: input)
        let result = try run(["convert", input.path, "--to", "jsonl", "-o", input.path])
        XCTAssertEqual(result.status, 74)
        XCTAssertTrue(result.stderr.contains("refusing to overwrite the input"), result.stderr)
    }

    func testMissingInterchangeFileIsAnInputOutputError() throws {
        let result = try run(["convert", "/nonexistent/graph.jsonl", "--to", "dot", "-o", "-"])
        XCTAssertEqual(result.status, 74)
        XCTAssertEqual(result.stderr, "kgexport: /nonexistent/graph.jsonl: cannot read the file (no such file or directory); check the path and permissions\n")
    }

    func testMissingArticleIsADataErrorNamingTheFile() throws {
        let result = try run(["/nonexistent/article.txt", "--to", "dot", "-o", "-"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("/nonexistent/article.txt"), result.stderr)
    }

    func testSeveralArticlesMergeIntoOneGraph() throws {
        let dir = try temporaryDirectory()
        let copy = dir.appendingPathComponent("copy.txt")
        try FileManager.default.copyItem(at: Self.example, to: copy)
        let result = try run([Self.example.path, copy.path, "--output-dir", dir.path, "--to", "jsonl", "--name", "merged"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = try String(contentsOf: dir.appendingPathComponent("merged.jsonl"), encoding: .utf8).split(separator: "\n")
        let kazakhstan = lines.filter { $0.contains("\"kind\":\"entity\"") && $0.contains("\"id\":\"kazakhstan\"") }
        XCTAssertEqual(kazakhstan.count, 1)
        let members = lines.filter { $0.contains("\"subject\":\"armenia\",\"relation\":\"member-of\"") }
        XCTAssertEqual(members.count, 2, "one attestation per article")
        XCTAssertEqual(Set(members.compactMap { $0.range(of: "\"source\":\"copy.txt\"") != nil ? "copy" : "orig" }), ["copy", "orig"])
    }
}
