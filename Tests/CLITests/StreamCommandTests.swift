import Foundation
import XCTest

/// `kgexport stream`: articles as JSON Lines on standard input, one graph per article on standard output.
final class StreamCommandTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let example = packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")

    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("kgexport") }

    private func run(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// The example article and three variants of it (other ids, one cut short), as input records.
    private func records() throws -> [String] {
        let text = try String(contentsOf: Self.example, encoding: .utf8)
        let body = String(text[(text.range(of: "\n\n")?.upperBound ?? text.startIndex)...])
        let articles: [[String: String]] = [
            ["id": "a.txt", "text": text],
            ["id": "b.txt", "text": String(body.prefix(1500)), "date": "2008-09-05"],
            ["id": "c d.txt", "text": "Title: Summit\n\n" + body],
            ["id": "e.txt", "text": String(body.suffix(2500)), "date": "2008"],
        ]
        return try articles.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
    }

    private func lines(_ text: String) -> Set<Substring> { Set(text.split(separator: "\n")) }

    /// Graphs made from shards of the input merge by union into the graph of one run: IRIs depend
    /// only on content. And the number of threads changes nothing.
    func testTheUnionOfShardsIsTheSingleRun() throws {
        let records = try records()
        let whole = try run(["stream", "--to", "nquads", "--quiet"], input: records.joined(separator: "\n") + "\n")
        XCTAssertEqual(whole.status, 0, whole.stderr)
        let first = try run(["stream", "--quiet", "--jobs", "1"], input: records[0] + "\n" + records[2] + "\n")
        let second = try run(["stream", "--quiet", "--jobs", "3"], input: records[1] + "\n\n" + records[3])
        XCTAssertEqual(lines(first.stdout).union(lines(second.stdout)), lines(whole.stdout))
        XCTAssertGreaterThan(lines(whole.stdout).count, 100)
        let oneThread = try run(["stream", "--quiet", "--jobs", "1"], input: records.joined(separator: "\n"))
        XCTAssertEqual(oneThread.stdout, whole.stdout)
    }

    /// Every line is a quad: an article's relations are in the named graph of the article.
    func testNQuadsPutRelationsInTheGraphOfTheirArticle() throws {
        let result = try run(["stream"], input: try records()[2])
        XCTAssertEqual(result.status, 0, result.stderr)
        let quads = result.stdout.split(separator: "\n")
        XCTAssertTrue(quads.allSatisfy { $0.hasPrefix("<") && $0.hasSuffix(" .") }, result.stdout)
        XCTAssertTrue(quads.contains { $0.contains("<https://w3id.org/kgexport/ontology#memberOf>") && $0.hasSuffix("<https://w3id.org/kgexport/id/article/c%20d.txt> .") })
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: 1 articles, "), result.stderr)
    }

    /// --to jsonl: each article's lines are a complete interchange graph, document first.
    func testJSONLinesWriteOneInterchangeGraphPerArticle() throws {
        let result = try run(["stream", "--to", "jsonl", "--quiet"], input: try records().prefix(2).joined(separator: "\n"))
        XCTAssertEqual(result.status, 0, result.stderr)
        let documents = result.stdout.split(separator: "\n").filter { $0.hasPrefix(#"{"kind":"document""#) }
        XCTAssertEqual(documents.count, 2)
        XCTAssertTrue(result.stdout.hasPrefix(#"{"kind":"document","id":"a.txt""#))
        XCTAssertTrue(documents[1].contains(#""date":"2008-09-05""#), String(documents[1]))
    }

    /// Each bad record is named `-:LINE:COLUMN:` (the value at fault, or the `{` of an object
    /// that lacks a member), with what to do.
    func testABadRecordNamesItsLineAndColumn() throws {
        let records = try records()
        let shape = "each line is {\"id\": …, \"text\": …, \"date\": …}"
        var result = try run(["stream"], input: records[0] + "\n\n" + #"  {"id":"x"}"# + "\n")
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:3:3: field 'text': missing; \(shape)\n")
        result = try run(["stream"], input: #"{"id":"x","text":"Hi.","date":"May"}"#)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:31: field 'date': \"May\" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY\n")
        result = try run(["stream"], input: #"{"id":"é","text":7}"#)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:18: field 'text': expected a string, found the number 7\n")
        result = try run(["stream"], input: "not json\n")
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:1: not JSON (invalid literal; expected null); \(shape)\n")
        result = try run(["stream"], input: "[1]\n")
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:1: an array is not a JSON object; \(shape)\n")
        result = try run(["stream", "--to", "graphml"], input: "")
        XCTAssertEqual(result.status, 64)
    }
}
