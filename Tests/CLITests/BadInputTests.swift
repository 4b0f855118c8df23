import Foundation
import XCTest
@testable import kgexport

/// Bad input gets a clear error (file, position, what to do), the documented exit status and no
/// output file; odd but valid input (byte order mark, CRLF or CR line ends, nothing to extract)
/// is read correctly.
///
/// Exit statuses (sysexits.h): 0 success, 64 usage error, 65 bad input data, 74 input/output error.
final class BadInputTests: XCTestCase {
    private typealias K = KGExportProcess

    // MARK: articles

    func testInvalidUTF8NamesFileLineColumnAndByteOffsetAndWritesNothing() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("bad.txt")
        // Line 3, after "Abc": 0xFF 0xFE, at byte offset 13 ("Title: X\n\n" is 10 bytes).
        try Data("Title: X\n\nAbc".utf8 + [0xFF, 0xFE] + Data("def. Putin met Nazarbayev.\n".utf8)).write(to: article)
        let out = dir.appendingPathComponent("out")
        let result = try K.run([article.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(article.path):3:4: invalid UTF-8 (byte offset 13); "
                       + "save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD\n")
        XCTAssertEqual(K.files(in: out), [])
    }

    func testInvalidUTF8AfterCRLineEndsCountsLinesAndTheByteOrderMarkInTheOffset() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("cr.txt")
        // BOM (3 bytes), "a\r\nb\rcd" (7 bytes): the bad byte is line 3, column 3, byte offset 10.
        try Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rcd".utf8) + [0xC3, 0x28]).write(to: article)
        let result = try K.run([article.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(article.path):3:3: invalid UTF-8 (byte offset 10); "
                       + "save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD\n")
        XCTAssertEqual(result.stdout, "")
    }

    func testLenientReplacesEachBadSequenceWithUFFFDAndSaysHowMany() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("latin1.txt")
        // "Müller" in Latin-1 (0xFC) and a lone 0xFF 0xFE pair: three ill-formed sequences.
        try Data(Array("M".utf8) + [0xFC] + Array("ller met Putin in Astana on ".utf8) + [0xFF, 0xFE]
                 + Array(" September 5, 2008.\n".utf8)).write(to: article)
        let result = try K.run(["extract", article.path, "--lenient", "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: warning: \(article.path): replaced 3 invalid UTF-8 byte sequences with U+FFFD\n"),
                      result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("{\"kind\":\"document\",\"id\":\"latin1.txt\"}\n"), result.stdout)
    }

    func testByteOrderMarkIsSkippedAndOffsetsCountFromAfterIt() throws {
        let dir = try K.temporaryDirectory(for: self)
        let plain = try Data(contentsOf: K.exampleArticle)
        let withBOM = dir.appendingPathComponent("bom/a.txt"), without = dir.appendingPathComponent("plain/a.txt")
        for url in [withBOM, without] {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try (Data([0xEF, 0xBB, 0xBF]) + plain).write(to: withBOM)
        try plain.write(to: without)
        let a = try K.run([withBOM.path, "--to", "jsonl", "-o", "-"])
        let b = try K.run([without.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout, "a byte order mark changes nothing in the graph")
        try assertOffsetsSelectTheEvidence(jsonl: a.stdout, article: withBOM, expectedRelations: 6)
    }

    func testCRLFLineEndsGiveTheSameGraphWithOffsetsIntoTheCRLFText() throws {
        try assertLineEnds("\r\n")
    }

    func testCRLineEndsGiveTheSameGraphWithOffsetsIntoTheCRText() throws {
        try assertLineEnds("\r")
    }

    /// The example article with `ending` for every line end reads its header and gives the same
    /// relations, each with offsets that select its evidence in the file as it is.
    private func assertLineEnds(_ ending: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try K.temporaryDirectory(for: self)
        let text = try String(contentsOf: K.exampleArticle, encoding: .utf8)
        let article = dir.appendingPathComponent("article.txt")
        try Data(text.replacingOccurrences(of: "\n", with: ending).utf8).write(to: article)
        let result = try K.run([article.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let reference = try K.run([K.exampleArticle.path, "--to", "jsonl", "-o", "-"])
        let records = try jsonRecords(result.stdout)
        XCTAssertEqual(records.first?["title"] as? String, "South Ossetia Tests Kazakhstan’s Foreign Policy Priorities",
                       "the header is read", file: file, line: line)
        XCTAssertEqual(triples(records), triples(try jsonRecords(reference.stdout)), file: file, line: line)
        try assertOffsetsSelectTheEvidence(jsonl: result.stdout, article: article, expectedRelations: 6, file: file, line: line)
    }

    func testEmptyArticleIsADataErrorAndWritesNothing() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("empty.txt")
        try Data().write(to: article)
        let out = dir.appendingPathComponent("out")
        let result = try K.run([article.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(article.path):1:1: empty article (no text); check that the file was saved or downloaded completely\n")
        XCTAssertEqual(K.files(in: out), [])
    }

    func testBinaryFileIsRefusedEvenWhenLenient() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("picture.png")
        // A PNG signature and the start of its IHDR chunk: NUL at byte offset 8, line 3 (after CRLF
        // and LF), column 1.
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]).write(to: article)
        let out = dir.appendingPathComponent("out")
        let result = try K.run([article.path, "--lenient", "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(article.path):3:1: binary file (NUL byte at byte offset 8); give a plain UTF-8 text file\n")
        XCTAssertEqual(K.files(in: out), [])
    }

    func testHeaderWithNoBodyIsADataErrorAndWritesNothing() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("header.txt")
        try Data("Title: Kazakhstan and the CSTO\r\nDate: 2008-09-05\r\n\r\n  \r\n".utf8).write(to: article)
        let out = dir.appendingPathComponent("out")
        let result = try K.run([article.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(article.path):5:1: header lines but no body; put the text after the blank line that ends the header\n")
        XCTAssertEqual(K.files(in: out), [])
    }

    func testMissingArticleIsAnInputOutputError() throws {
        let dir = try K.temporaryDirectory(for: self)
        let missing = dir.appendingPathComponent("missing.txt")
        let result = try K.run([missing.path, "--output-dir", dir.path])
        XCTAssertEqual(result.status, 74)
        XCTAssertEqual(result.stderr, "kgexport: \(missing.path): cannot read the file (no such file or directory); check the path and permissions\n")
        XCTAssertEqual(K.files(in: dir), [])
    }

    // MARK: inputs that cannot be read: exit status 74, the system's reason, the path as typed

    private func assertUnreadable(_ arguments: [String], in dir: URL, _ message: String, unprivileged: Bool = false,
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        let before = K.files(in: dir)
        let result = unprivileged ? try K.runUnprivileged(arguments, in: dir) : try K.run(arguments, in: dir)
        XCTAssertEqual(result.status, 74, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "kgexport: \(message); check the path and permissions\n", file: file, line: line)
        XCTAssertEqual(K.files(in: dir), before, "nothing written", file: file, line: line)
    }

    func testAMissingArticleTypedRelativeIsNamedAsTyped() throws {
        let dir = try K.temporaryDirectory(for: self)
        try assertUnreadable(["missing.txt"], in: dir, "missing.txt: cannot read the file (no such file or directory)")
        try assertUnreadable(["explain", "missing.txt"], in: dir, "missing.txt: cannot read the file (no such file or directory)")
    }

    func testAFolderGivenWhereAnArticleFileIsExpected() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("dir.txt"), withIntermediateDirectories: true)
        try assertUnreadable(["explain", "dir.txt"], in: dir, "dir.txt: cannot read the file (is a directory)")
        // A folder named like an article inside a folder of articles.
        let articles = dir.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles.appendingPathComponent("sub.txt"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: K.exampleArticle, to: articles.appendingPathComponent("a.txt"))
        try assertUnreadable(["articles", "--output-dir", "out"], in: dir, "articles/sub.txt: cannot read the file (is a directory)")
    }

    /// A folder without articles names none: a usage error, with extract's usage.
    func testAFolderWithNoArticlesIsAUsageError() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("dir.txt"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: dir.appendingPathComponent("dir.txt/notes.md"))
        let result = try K.run(["dir.txt"], in: dir)
        XCTAssertEqual(result.status, 64, result.stderr)
        XCTAssertEqual(result.stderr, """
            Error: the folder dir.txt has no .txt articles; give article files, or a folder that holds *.txt files
            Usage: kgexport extract [<options>] <article> ...
              See 'kgexport extract --help' for more information.

            """)
        XCTAssertEqual(K.files(in: dir), ["dir.txt"])
    }

    /// Permission denied, for a file and for a folder, by extract and explain (run without the
    /// capabilities that let root read any file).
    func testAnArticleOrFolderWithoutReadPermissionSaysPermissionDenied() throws {
        let dir = try K.temporaryDirectory(for: self)
        let file = dir.appendingPathComponent("noperm.txt"), folder = dir.appendingPathComponent("noperm")
        try FileManager.default.copyItem(at: K.exampleArticle, to: file)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: K.exampleArticle, to: folder.appendingPathComponent("a.txt"))
        for path in [file, folder] {
            try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path.path)
            addTeardownBlock { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path) }
        }
        try assertUnreadable(["noperm.txt"], in: dir, "noperm.txt: cannot read the file (permission denied)", unprivileged: true)
        try assertUnreadable(["explain", "noperm.txt"], in: dir, "noperm.txt: cannot read the file (permission denied)", unprivileged: true)
        try assertUnreadable(["noperm"], in: dir, "noperm: cannot read the folder (permission denied)", unprivileged: true)
    }

    /// The messages themselves, also where no test can take the permission away.
    func testUnreadableInputMessages() {
        XCTAssertEqual(ArticleInput.unreadable("noperm.txt", code: EACCES).message,
                       "noperm.txt: cannot read the file (permission denied); check the path and permissions")
        XCTAssertEqual(ArticleInput.unreadable("dir", code: EACCES, folder: true).message,
                       "dir: cannot read the folder (permission denied); check the path and permissions")
        XCTAssertEqual(ArticleInput.unreadable("dir.txt", code: EISDIR).kind, .io)
        XCTAssertEqual(ArticleInput.obstacle(FileManager.default.temporaryDirectory.path), EISDIR)
        XCTAssertEqual(ArticleInput.obstacle(K.exampleArticle.path), nil)
    }

    /// Errors inside an article name it as typed, not as an absolute path.
    func testAnArticleErrorNamesThePathAsTyped() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try Data("Title: X\n\nAbc".utf8 + [0xFF] + Data(" def.\n".utf8)).write(to: dir.appendingPathComponent("in/bad.txt"))
        for (arguments, shown) in [(["in/bad.txt"], "in/bad.txt"), (["in"], "in/bad.txt"), (["./in/bad.txt"], "./in/bad.txt")] {
            let result = try K.run(arguments + ["--output-dir", "out"], in: dir)
            XCTAssertEqual(result.status, 65, result.stderr)
            XCTAssertEqual(result.stderr, "kgexport: \(shown):3:4: invalid UTF-8 (byte offset 13); "
                           + "save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD\n")
        }
        let empty = dir.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let result = try K.run(["explain", "empty.txt"], in: dir)
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: empty.txt:1:1: empty article"), result.stderr)
    }

    func testArticleWithNothingToExtractGivesAValidEmptyGraph() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("weather.txt")
        try Data("Title: Weather\n\nIt rained all day and the wind was cold.\n".utf8).write(to: article)
        let result = try K.run([article.path, "--output-dir", dir.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: 0 entities, 0 relations; wrote \(dir.path)/weather.graphml, \(dir.path)/weather.rdf, "
                       + "\(dir.path)/weather.dot, \(dir.path)/weather.jsonl\n")
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("weather.jsonl"), encoding: .utf8),
                       "{\"kind\":\"document\",\"id\":\"weather.txt\",\"title\":\"Weather\"}\n")
        let graphml = try String(contentsOf: dir.appendingPathComponent("weather.graphml"), encoding: .utf8)
        XCTAssertTrue(graphml.contains("<graph id=\"G\" edgedefault=\"directed\"/>"), graphml)
        XCTAssertTrue(try String(contentsOf: dir.appendingPathComponent("weather.dot"), encoding: .utf8).hasSuffix("}\n"))
    }

    /// 20 MB of news text on one line (the example article's body, repeated): the run ends in
    /// minutes, not hours, and in well under 2 GB of memory.
    func testTwentyMegabytesWithoutALineBreak() throws {
        let dir = try K.temporaryDirectory(for: self)
        let text = try String(contentsOf: K.exampleArticle, encoding: .utf8)
        guard let headerEnd = text.range(of: "\n\n") else { return XCTFail("the example article has a header") }
        let body = text[headerEnd.upperBound...].replacingOccurrences(of: "\n", with: " ") + " "
        var bytes = [UInt8]()
        bytes.reserveCapacity(20_000_000)
        while bytes.count < 20_000_000 { bytes += body.utf8 }
        bytes.removeLast(bytes.count - 20_000_000)
        // Cut at a character boundary (the body has curly quotes).
        while let last = bytes.last, last & 0xC0 == 0x80 || last >= 0xC0 { bytes.removeLast() }
        let article = dir.appendingPathComponent("one-line.txt")
        try Data(bytes).write(to: article)
        let start = Date()
        let result = try K.run([article.path, "--to", "jsonl,graphml", "--output-dir", dir.path])
        let seconds = Date().timeIntervalSince(start)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertLessThan(seconds, 600, "20 MB took \(Int(seconds)) s")
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        XCTAssertLessThan(usage.ru_maxrss, 2_000_000, "peak resident memory of a child, KiB")
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: 23 entities, "), result.stderr)
        XCTAssertEqual(K.files(in: dir), ["one-line.graphml", "one-line.jsonl", "one-line.txt"])
    }

    // MARK: interchange files

    private let countryA = #"{"kind":"entity","id":"a","label":"A","type":"Country"}"#
    private let organizationB = #"{"kind":"entity","id":"b","label":"B","type":"Organization"}"#

    /// Runs `convert` on `lines` and checks the status, the exact message and that nothing was written.
    private func assertConvertFails(_ lines: [String], _ expected: String, trailingNewline: Bool = true,
                                    arguments: [String] = [], file: StaticString = #filePath, line: UInt = #line) throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("in.jsonl")
        try Data((lines.joined(separator: "\n") + (trailingNewline ? "\n" : "")).utf8).write(to: input)
        let out = dir.appendingPathComponent("out")
        let result = try K.run(["convert", input.path, "--output-dir", out.path] + arguments)
        XCTAssertEqual(result.status, 65, result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):\(expected)\n", file: file, line: line)
        XCTAssertEqual(K.files(in: out), [], "nothing written", file: file, line: line)
    }

    func testMalformedJSONNamesLineAndColumn() throws {
        try assertConvertFails([countryA, #"{"kind":"entity","id":"b",}"#], "2:27: malformed JSON: expected a member name in double quotes")
    }

    func testTruncatedLastLineSaysItMayBeTruncated() throws {
        try assertConvertFails([countryA, #"{"kind":"entity","id":"b","lab"#],
                               "2:27: malformed JSON: unterminated string (started at byte 26); is the line truncated?",
                               trailingNewline: false)
    }

    func testDuplicateEntityID() throws {
        try assertConvertFails([countryA, countryA],
                               "2:23: field 'id': duplicate entity id \"a\"; declare each entity once and put its other names in \"aliases\"")
    }

    func testRelationNamingAnUnknownEntity() throws {
        try assertConvertFails([countryA, #"{"kind":"relation","subject":"a","relation":"member-of","object":"nato"}"#],
                               "2:66: field 'object': names entity \"nato\", which no earlier line declares; add an entity line for it before this line")
    }

    func testUnknownRelationListsTheAllowedOnes() throws {
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"friend-of","object":"b"}"#],
                               "3:45: field 'relation': unknown relation \"friend-of\"; allowed: member-of, met-with, holds-share-in")
    }

    func testUnknownTypeListsTheAllowedOnes() throws {
        try assertConvertFails([#"{"kind":"entity","id":"mars","type":"Planet"}"#],
                               "1:37: field 'type': unknown type \"Planet\"; allowed: Person, Country, Organization, Company, Facility, Place")
    }

    func testShareAboveOneHundred() throws {
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"holds-share-in","object":"b","share":150}"#],
                               "3:83: field 'share': 150 is outside 0 to 100; give the share in percent")
    }

    func testNegativeShare() throws {
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"holds-share-in","object":"b","share":-0.5}"#],
                               "3:83: field 'share': -0.5 is outside 0 to 100; give the share in percent")
    }

    func testShareThatIsNotANumber() throws {
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"holds-share-in","object":"b","share":"half"}"#],
                               "3:83: field 'share': expected a number (percent, 0 to 100), found the string \"half\"")
    }

    func testImpossibleDate() throws {
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"member-of","object":"b","date":"2008-02-30"}"#],
                               "3:77: field 'date': \"2008-02-30\" is not a valid date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (a real calendar day)")
    }

    func testFieldOfTheWrongType() throws {
        try assertConvertFails([#"{"kind":"entity","id":"a","label":5,"type":"Country"}"#],
                               "1:35: field 'label': expected a string, found the number 5")
    }

    func testUnknownFieldIsAWarningThatStrictTurnsIntoAnError() throws {
        let line = #"{"kind":"entity","id":"a","label":"A","type":"Country","colour":"red"}"#
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("in.jsonl")
        try Data((line + "\n").utf8).write(to: input)
        let lenient = try K.run(["convert", input.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stderr.hasPrefix("kgexport: warning: \(input.path):1:56: field 'colour': unknown field, ignored\n"), lenient.stderr)
        XCTAssertEqual(lenient.stdout, #"{"kind":"entity","id":"a","label":"A","type":"Country","aliases":[]}"# + "\n")
        try assertConvertFails([line], "1:56: field 'colour': unknown field; remove it, or run without --strict", arguments: ["--strict"])
    }

    /// An empty input (a truncated download, /dev/null) still gives an empty graph, with a warning.
    func testAnEmptyInterchangeFileIsAWarning() throws {
        var result = try K.run(["convert", "/dev/null", "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, "kgexport: warning: /dev/null: no lines; the graph is empty\nkgexport: 0 entities, 0 relations\n")
        let dir = try K.temporaryDirectory(for: self)
        let blank = dir.appendingPathComponent("blank.jsonl")
        try Data("\n \n".utf8).write(to: blank)
        result = try K.run(["convert", blank.path, "--to", "jsonl", "-o", "-", "--drop-isolated"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: warning: \(blank.path): only blank lines; the graph is empty\nkgexport: 0 entities, 0 relations\n")
        // --strict makes the warning an error with its own message, and writes nothing.
        let out = dir.appendingPathComponent("out.jsonl")
        result = try K.run(["convert", "/dev/null", "--strict", "-o", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: /dev/null: no lines; check that the file was saved or downloaded completely, or run without --strict\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// In a file with document lines, a relation whose source names none of them is a warning at
    /// the source; the relation is kept.
    func testASourceThatNamesNoDocumentLineIsAWarning() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("in.jsonl")
        let lines = [#"{"kind":"document","id":"a.txt"}"#, countryA, organizationB,
                     #"{"kind":"relation","subject":"a","relation":"member-of","object":"b","source":"a.txt"}"#,
                     #"{"kind":"relation","subject":"b","relation":"member-of","object":"a","source":"b.txt"}"#]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        let result = try K.run(["convert", input.path, "--to", "nquads", "-o", "-"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: warning: \(input.path):5:79: field 'source': names no document line; add a document line with that id\n"),
                      result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix("kgexport: 2 entities, 2 relations\n"), result.stderr)
    }

    /// A file with CR-only line ends reads as one long line: said as such, at the first CR.
    func testCROnlyLineEndsAreNamed() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("cr.jsonl")
        try Data(([countryA, organizationB].joined(separator: "\r") + "\r").utf8).write(to: input)
        let out = dir.appendingPathComponent("out")
        let result = try K.run(["convert", input.path, "--output-dir", out.path])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):1:56: line ends are CR only (old Mac style); convert them to LF (e.g. tr '\\r' '\\n')\n")
        XCTAssertEqual(K.files(in: out), [])
    }

    /// A 5,000-digit number is not echoed whole: the message stays short.
    func testALongNumberIsAbbreviatedInTheMessage() throws {
        let digits = String(repeating: "1", count: 5_000)
        try assertConvertFails([countryA, organizationB, #"{"kind":"relation","subject":"a","relation":"holds-share-in","object":"b","share":\#(digits)}"#],
                               "3:83: malformed JSON: number \(digits.prefix(40))… is out of range")
    }

    /// A byte that is not UTF-8 inside a string is named at the byte, with its offset in the line.
    func testInvalidUTF8InAStringIsAtTheBadByte() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("in.jsonl")
        try (Data(#"{"kind":"entity","id":"Kaz"#.utf8) + Data([0xFF]) + Data((#"akhstan","type":"Country"}"# + "\n").utf8)).write(to: input)
        let result = try K.run(["convert", input.path, "--to", "jsonl", "-o", "-"])
        XCTAssertEqual(result.status, 65)
        XCTAssertEqual(result.stderr, "kgexport: \(input.path):1:27: invalid UTF-8 (byte offset 26 in the line); save the file as UTF-8\n")
    }

    // MARK: usage

    func testHelpDocumentsTheExitStatuses() throws {
        let result = try K.run(["--help"])
        XCTAssertEqual(result.status, 0)
        // The help text is wrapped to the terminal's width; compare with single spaces.
        let text = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(text.contains("Exit status: 0 success, 64 usage error, 65 bad input data, 74 input/output error (130 and 143 when interrupted;"),
                      result.stdout)
    }

    // MARK: helpers

    private func jsonRecords(_ jsonl: String) throws -> [[String: Any]] {
        try jsonl.split(separator: "\n").map { line in
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw NotAnObject(line: String(line))
            }
            return record
        }
    }

    private func triples(_ records: [[String: Any]]) -> [String] {
        records.filter { $0["kind"] as? String == "relation" }
            .map { "\($0["subject"] ?? "") \($0["relation"] ?? "") \($0["object"] ?? "")" }.sorted()
    }

    /// Every relation's offsets select exactly its evidence in the file's text (byte order mark
    /// removed, line ends as in the file), as Python's `text[start:end]` would.
    private func assertOffsetsSelectTheEvidence(jsonl: String, article: URL, expectedRelations: Int,
                                                file: StaticString = #filePath, line: UInt = #line) throws {
        var bytes = [UInt8](try Data(contentsOf: article))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var checked = 0
        for record in try jsonRecords(jsonl) where record["kind"] as? String == "relation" {
            guard let offsets = record["offsets"] as? [Int], offsets.count == 2, let evidence = record["evidence"] as? String else {
                XCTFail("relation without offsets or evidence: \(record)", file: file, line: line)
                continue
            }
            XCTAssertLessThanOrEqual(offsets[1], scalars.count, file: file, line: line)
            guard offsets[0] <= offsets[1], offsets[1] <= scalars.count else { continue }
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[offsets[0]..<offsets[1]])), evidence, file: file, line: line)
            checked += 1
        }
        XCTAssertEqual(checked, expectedRelations, file: file, line: line)
    }

    private struct NotAnObject: Error {
        var line: String
    }
}
