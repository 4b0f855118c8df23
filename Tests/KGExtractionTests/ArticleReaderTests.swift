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
            XCTAssertEqual("\(error)", "article \(url.path) is not valid utf-8 at line 3, column 3 (byte offset 12)")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try ArticleReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/x.txt"))) { error in
            XCTAssertEqual(error as? ArticleError, .unreadable(file: "/nonexistent/x.txt", reason: "no such file or not readable"))
        }
    }

    func testUTF8Validator() {
        XCTAssertNil(ArticleReader.firstInvalidUTF8(Array("Kazakh–Russian ’s €".utf8)))
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x41, 0xED, 0xA0, 0x80]), 1)  // surrogate
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0x41, 0xE2, 0x82]), 1)  // truncated
        XCTAssertEqual(ArticleReader.firstInvalidUTF8([0xC0, 0x80]), 0)  // overlong
    }
}
