import Foundation
import XCTest

/// `kgexport stream`: articles as JSON Lines on standard input, one graph per article on standard output.
final class StreamCommandTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let example = packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")

    private var binary: URL { Bundle.main.bundleURL.appendingPathComponent("kgexport") }

    private func run(_ arguments: [String], input: String) throws -> (status: Int32, stdout: String, stderr: String) {
        try run(arguments, bytes: Data(input.utf8))
    }

    private func run(_ arguments: [String], bytes input: Data) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        stdin.fileHandleForWriting.write(input)
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
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: 1 article, "), result.stderr)
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

    /// A byte that is not UTF-8 is named by its column and byte offset, as convert names it.
    func testInvalidUTF8IsAtTheBadByte() throws {
        let line = Data(#"{"id":"x","text":"Kaz"#.utf8) + Data([0xFF]) + Data("akhstan\"}\n".utf8)
        let result = try run(["stream"], bytes: line)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:22: invalid UTF-8 (byte offset 21 in the line); encode the input as UTF-8\n")
        XCTAssertEqual(result.stdout, "")
    }

    /// An empty text and a header without a body, which extract refuses, are skipped with a
    /// warning at the text; the run goes on and says how many it skipped.
    func testAnEmptyArticleIsSkippedWithAWarning() throws {
        let good = try records()[2]
        let input = [#"{"id":"x","text":""}"#, good, #"{"id":"h","text":"Title: A\nDate: 2008-01-01\n"}"#, #"{"id":"s", "text":" \n "}"#]
        let result = try run(["stream", "--to", "jsonl"], input: input.joined(separator: "\n") + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        let stderr = result.stderr.split(separator: "\n")
        XCTAssertEqual(Array(stderr.dropLast()), [
            "kgexport: warning: -:1:18: field 'text': empty article, skipped",
            "kgexport: warning: -:3:18: field 'text': header lines but no body, skipped",
            "kgexport: warning: -:4:19: field 'text': empty article, skipped",
        ])
        XCTAssertTrue(stderr.last?.hasPrefix("kgexport: 1 article, ") == true, result.stderr)
        XCTAssertTrue(stderr.last?.hasSuffix(" relations (3 empty records skipped)") == true, result.stderr)
        XCTAssertEqual(result.stdout.split(separator: "\n").filter { $0.hasPrefix(#"{"kind":"document""#) }.count, 1)
        XCTAssertEqual(try run(["stream", "--quiet"], input: input[0]).stderr, "")
    }

    /// Members other than id, text and date are warned about, as convert warns about unknown fields.
    func testAnUnknownMemberIsAWarning() throws {
        let result = try run(["stream", "--to", "jsonl"], input: #"{"id":"x","lang":"en","text":"Putin met Nazarbayev in Astana."}"# + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: warning: -:1:11: field 'lang': unknown field, ignored\n"), result.stderr)
    }

    /// Four records with the same id: warned about at the id, naming the first line; after three
    /// warnings a count, and --verbose shows them all.
    func testARepeatedIdIsAWarningNamingTheFirstLine() throws {
        let record = #"{"id":"x","text":"Putin met Nazarbayev in Astana."}"#
        let input = Array(repeating: record, count: 5).joined(separator: "\n")
        var result = try run(["stream", "--to", "jsonl"], input: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Array(result.stderr.split(separator: "\n").dropLast()), [
            #"kgexport: warning: -:2:7: field 'id': "x" was used on line 1; the articles' graphs will merge"#,
            #"kgexport: warning: -:3:7: field 'id': "x" was used on line 1; the articles' graphs will merge"#,
            #"kgexport: warning: -:4:7: field 'id': "x" was used on line 1; the articles' graphs will merge"#,
            "kgexport: warning: 1 more warnings for field 'id' not shown (--verbose lists them)",
        ])
        result = try run(["stream", "--to", "jsonl", "--verbose"], input: input)
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.contains("was used on line 1") }.count, 4, result.stderr)
        XCTAssertEqual(try run(["stream", "--quiet", "--verbose"], input: input).status, 64)
    }

    /// Input with CR-only line ends is one line of several records: said as such.
    func testCROnlyLineEndsAreNamed() throws {
        let result = try run(["stream"], input: #"{"id":"a","text":"A."}"# + "\r" + #"{"id":"b","text":"B."}"# + "\r")
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:23: line ends are CR only (old Mac style); convert them to LF (e.g. tr '\\r' '\\n')\n")
    }

    /// A 5,000-digit number is not repeated whole in the message.
    func testALongNumberIsAbbreviatedInTheMessage() throws {
        let digits = String(repeating: "9", count: 5_000)
        var result = try run(["stream"], input: #"{"id":"x","text":1\#(digits)}"#)
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: -:1:18: not JSON (number 1\(digits.prefix(39))… is out of range); each line is {\"id\": …, \"text\": …, \"date\": …}\n")
        result = try run(["stream"], input: #"{"id":"x","text":0.\#(digits)}"#)
        XCTAssertEqual(result.stderr, "kgexport: -:1:18: field 'text': expected a string, found the number 0.\(digits.prefix(38))…\n")
    }

    /// A `Date:` header the reader cannot use is a warning at the record's text, as in extract;
    /// the article is read without a date, and an ISO 8601 date-time counts by its date.
    func testADateHeaderThatIsNotADateIsAWarning() throws {
        let records = [
            #"{"id":"a.txt","text":"Title: A\nDate: 2008/09/22\n\nArmenia is a member of the CSTO.\n"}"#,
            #"{"id":"b.txt","text":"Title: B\nDate: 2008-09-22T10:00:00Z\n\nBelarus is a member of the CSTO.\n"}"#,
        ]
        let result = try run(["stream", "--to", "jsonl"], input: records.joined(separator: "\n") + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").first.map(String.init),
                       "kgexport: warning: -:1:22: field 'text': line 2 of the article: Date: \"2008/09/22\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date")
        let documents = result.stdout.split(separator: "\n").filter { $0.hasPrefix(#"{"kind":"document""#) }
        XCTAssertEqual(documents, [#"{"kind":"document","id":"a.txt","title":"A"}"#,
                                   #"{"kind":"document","id":"b.txt","title":"B","date":"2008-09-22"}"#])
    }
}
