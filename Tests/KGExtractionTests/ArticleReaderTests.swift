import Foundation
import KGModel
import XCTest
@testable import KGExtraction

final class ArticleReaderTests: XCTestCase {
    func testHeaderFieldsAndBodyStart() {
        let text = "Title: A title\nSource: https://example.org/a\nDate: 2008-09\nPublication: EDM 5/180\n\nBody starts here."
        let a = ArticleReader.parse(text, id: "a.txt")
        XCTAssertEqual(a.title, "A title")
        XCTAssertEqual(a.url, "https://example.org/a")
        XCTAssertEqual(a.date, PartialDate(iso: "2008-09"))
        XCTAssertEqual(a.publication, "EDM 5/180")
        XCTAssertEqual(a.bodyStart, text.unicodeScalars.count - "Body starts here.".unicodeScalars.count)
        XCTAssertEqual(a.document, Document(id: "a.txt", title: "A title", url: "https://example.org/a",
                                            date: PartialDate(iso: "2008-09"), publication: "EDM 5/180"))
    }

    func testNoHeaderMeansBodyAtZero() {
        let a = ArticleReader.parse("Kazakhstan joined the CSTO.", id: "b.txt")
        XCTAssertEqual(a.bodyStart, 0)
        XCTAssertNil(a.title)
        XCTAssertNil(a.date)
    }

    func testSpelledHeaderDate() {
        let a = ArticleReader.parse("Date: January 10, 2005\n\nText.", id: "c.txt")
        XCTAssertEqual(a.date?.description, "2005-01-10")
    }

    func testByteOrderMarkIsRemoved() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bom-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data([0xEF, 0xBB, 0xBF] + Array("Date: 2005-01-06\n\nHi.".utf8)).write(to: url)
        let a = try ArticleReader.read(contentsOf: url)
        XCTAssertEqual(a.text, "Date: 2005-01-06\n\nHi.")
        XCTAssertEqual(a.id, url.lastPathComponent)
        XCTAssertEqual(a.date?.description, "2005-01-06")
    }

    func testInvalidUTF8ReportsLineColumnAndByte() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-bad-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(Array("Title: x\n\nab".utf8) + [0xC3, 0x28]).write(to: url)
        XCTAssertThrowsError(try ArticleReader.read(contentsOf: url)) { error in
            XCTAssertEqual(error as? ArticleError, .invalidUTF8(file: url.path, line: 3, column: 3, byteOffset: 12))
            XCTAssertEqual("\(error)", "\(url.path):3:3: invalid UTF-8 (byte offset 12)")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try ArticleReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.txt"))) { error in
            XCTAssertEqual(error as? ArticleError, .unreadable(file: "/nonexistent/x.txt", reason: "no such file or directory"))
            XCTAssertEqual("\(error)", "/nonexistent/x.txt: cannot read the file (no such file or directory); check the path and permissions")
        }
    }

    /// The system's reason for a folder; a character device (`/dev/null`) is read as an empty file.
    func testAFolderAndADeviceAreReadWithTheSystemsReason() throws {
        let folder = FileManager.default.temporaryDirectory
        XCTAssertThrowsError(try ArticleReader.read(contentsOf: folder, lenient: false)) { error in
            XCTAssertEqual(error as? ArticleError, .unreadable(file: folder.path, reason: "is a directory"))
        }
        XCTAssertEqual(try ArticleReader.contents(of: URL(fileURLWithPath: "/dev/null")), [])
        XCTAssertThrowsError(try ArticleReader.read(contentsOf: URL(fileURLWithPath: "/dev/null"), lenient: false)) { error in
            XCTAssertEqual(error as? ArticleError, .empty(file: "/dev/null"))
        }
    }

    /// A pipe is read to its end, as a file is.
    func testAPipeIsReadToItsEnd() throws {
        let pipe = Pipe()
        let text = String(repeating: "Kazakhstan is a member of the CSTO. ", count: 5_000)  // more than a pipe holds
        let writer = pipe.fileHandleForWriting
        DispatchQueue.global().async {
            writer.write(Data(("Title: T\n\n" + text).utf8))
            try? writer.close()
        }
        let url = URL(fileURLWithPath: "/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)")
        let article = try ArticleReader.read(contentsOf: url, id: "t.txt", lenient: false).article
        XCTAssertEqual(article.title, "T")
        XCTAssertEqual(article.text, "Title: T\n\n" + text)
    }

    // MARK: Date: header values

    /// An ISO 8601 date and time is read by its date as written; time and zone are checked, not used.
    func testDateAndTimeGiveTheirDate() {
        for value in ["2008-09-22T10:00:00Z", "2008-09-22T23:30:00-05:00", "2008-09-22t10:00z", "2008-09-22 10:00",
                      "2008-09-22T10:00:00.250+0200", "2008-09-22T10:00:00,5+02", "2008-09-22T24:00:00Z"] {
            let a = ArticleReader.parse("Date: \(value)\n\nText.", id: "a.txt")
            XCTAssertEqual(a.date?.description, "2008-09-22", value)
            XCTAssertEqual(a.warnings, [], value)
        }
        for value in ["2008-09-22T", "2008-09-22T10", "2008-09-22T25:00Z", "2008-09-22T10:60", "2008-09-22T10:00:00Y",
                      "2008-09-22T10:00+5", "2008-02-30T10:00Z", "2008-09T10:00Z", "2008-09-22T10:00:00."] {
            XCTAssertNil(ArticleReader.dateOfDateTime(value), value)
        }
    }

    /// Another value leaves the article without a date, with a warning at the value.
    func testAValueThatIsNotADateIsAWarningAtTheValue() {
        let cases: [(String, Int)] = [("2008-13-01", 8), ("2008/09/22", 8), ("yesterday", 8), ("  \"2008\"", 10)]
        for (value, column) in cases {
            let a = ArticleReader.parse("Title: T\nDate:  \(value)\n\nText.", id: "a.txt")
            XCTAssertNil(a.date, value)
            let shown = value.trimmingCharacters(in: .whitespaces).debugDescription
            XCTAssertEqual(a.warnings, [ArticleWarning(line: 2, column: column, message:
                "Date: \(shown) is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date")], value)
        }
        XCTAssertEqual(ArticleReader.parse("Date: 2008/09/22\n\nText.", id: "a.txt").warnings.first?.naming("a.txt"),
                       #"a.txt:1:7: Date: "2008/09/22" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date"#)
        // Columns count code points; an empty value is no date and no warning.
        XCTAssertEqual(ArticleReader.parse("Title: Ünïcode\r\nDATE:\u{3000}x\n\nText.", id: "a.txt").warnings.map(\.column), [7])
        XCTAssertEqual(ArticleReader.parse("Date:\n\nText.", id: "a.txt").warnings, [])
    }

    // MARK: errors in the compiler shape FILE:LINE:COLUMN: message

    /// The error `read(contentsOf:lenient:)` throws for a file holding `bytes`, as printed.
    private func readError(_ bytes: [UInt8], lenient: Bool = false) throws -> (path: String, message: String?) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-article-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try ArticleReader.read(contentsOf: url, lenient: lenient)
            return (url.path, nil)
        } catch {
            return (url.path, "\(error)")
        }
    }

    func testInvalidUTF8AfterMultibyteTextAndCRLineEnds() throws {
        // Byte order mark, "a\r\nb\rΩé" (Ω and é two bytes each): the bad byte is at line 3,
        // column 3 (code points), byte offset 12 (from the start of the file).
        let (path, message) = try readError([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rΩé".utf8) + [0xC3, 0x28])
        XCTAssertEqual(message, "\(path):3:3: invalid UTF-8 (byte offset 12)")
    }

    func testBinaryFileIsAtTheNULByteEvenWhenLenient() throws {
        // A PNG signature: 0x89 (one ill-formed sequence), "PNG", CRLF, 0x1A, LF, then NUL at byte 8.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        let (path, message) = try readError(png, lenient: true)
        XCTAssertEqual(message, "\(path):3:1: binary file (NUL byte at byte offset 8); give a plain UTF-8 text file")
        XCTAssertThrowsError(try ArticleReader.decode(Array("ab\ncd\u{0}".utf8), file: "f.txt")) { error in
            XCTAssertEqual(error as? ArticleError, .binary(file: "f.txt", line: 2, column: 3, byteOffset: 5))
            XCTAssertEqual("\(error)", "f.txt:2:3: binary file (NUL byte at byte offset 5); give a plain UTF-8 text file")
        }
    }

    func testEmptyFileIsAtLineOneColumnOne() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array(" \n\t\r\n".utf8)] {
            let (path, message) = try readError(bytes)
            XCTAssertEqual(message, "\(path):1:1: empty article (no text); check that the file was saved or downloaded completely")
        }
    }

    func testHeaderWithoutBodyIsWhereTheBodyWouldStart() throws {
        let (path, message) = try readError(Array("Title: Kazakhstan and the CSTO\r\nDate: 2008-09-05\r\n\r\n  \r\n".utf8))
        XCTAssertEqual(message, "\(path):5:1: header lines but no body; put the text after the blank line that ends the header")
        let (path2, message2) = try readError(Array("Title: Ünïcode".utf8))
        XCTAssertEqual(message2, "\(path2):1:15: header lines but no body; put the text after the blank line that ends the header")
    }

    func testUTF8Validator() {
        XCTAssertNil(ArticleReader.firstInvalidUTF8(Array("Kazakh–Russian ’s €".utf8)))
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]), 1)  // surrogate
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x41, 0xE2, 0x82]), 1)  // truncated
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0xC0, 0x80]), 0)  // overlong
    }
}
