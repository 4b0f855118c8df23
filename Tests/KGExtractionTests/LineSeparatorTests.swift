import Foundation
import KGModel
import XCTest
@testable import KGExtraction

/// NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029) and a lone CR end lines as LF does.
final class LineSeparatorTests: XCTestCase {
    private static let separators: [String] = ["\u{2028}", "\u{2029}", "\u{85}", "\r", "\n", "\r\n"]

    func testTokenizerCountsEveryLineEndOnce() {
        let scalars = Array("a\u{2028}b\u{2029}c\u{85}d\re\r\nf\u{0C}g\u{0B}h \u{2028} \u{2029}i".unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        XCTAssertEqual(tokens.map(\.text), ["a", "b", "c", "d", "e", "f", "g", "h", "i"])
        XCTAssertEqual(tokens.map(\.newlinesBefore), [0, 1, 1, 1, 1, 1, 1, 1, 2])
        XCTAssertEqual(tokens.map(\.start), [0, 2, 4, 6, 8, 11, 13, 15, 20])
    }

    func testALineSeparatorEndsASentenceAndItsParagraph() {
        for sep in Self.separators {
            let text = "Armenia is a member of the CSTO\(sep)Kazakhstan met Russia"
            let scalars = Array(text.unicodeScalars)
            let sentences = SentenceSegmenter.segment(Tokenizer.tokenize(scalars))
            XCTAssertEqual(sentences.map { String(String.UnicodeScalarView(scalars[$0.offsets])) },
                           ["Armenia is a member of the CSTO", "Kazakhstan met Russia"], sep.debugDescription)
            XCTAssertEqual(sentences.map(\.paragraph), [0, 1], sep.debugDescription)
        }
    }

    func testHeaderEndsAtABlankLineOfAnySeparator() {
        for sep in Self.separators {
            let text = "Title: Armenia\(sep)Date: 2008-09-05\(sep)\(sep)Armenia is a member of the CSTO."
            let a = ArticleReader.parse(text, id: "ls.txt")
            XCTAssertEqual(a.title, "Armenia", sep.debugDescription)
            XCTAssertEqual(a.date?.description, "2008-09-05", sep.debugDescription)
            // Code points: "Title: Armenia" 14, "Date: 2008-09-05" 16, each separator 1 (CRLF 2).
            XCTAssertEqual(a.bodyStart, sep == "\r\n" ? 36 : 33, sep.debugDescription)
            XCTAssertEqual(String(String.UnicodeScalarView(Array(text.unicodeScalars)[a.bodyStart...])), "Armenia is a member of the CSTO.")
        }
        // Separators mixed in one file.
        let mixed = ArticleReader.parse("Title: Armenia\u{85}Date: 2008-09-05\u{2028}\u{2029}Body.", id: "m.txt")
        XCTAssertEqual(mixed.title, "Armenia")
        XCTAssertEqual(mixed.date?.description, "2008-09-05")
        XCTAssertEqual(mixed.bodyStart, 33)
    }

    func testEvidenceOffsetsSelectTheSentenceAfterLineSeparators() {
        for sep in ["\u{2028}", "\u{2029}", "\u{85}"] {
            // Body at 33; "Armenia is a member of the CSTO" is 33..<64, the separator at 64, "Kazakhstan
            // joined NATO in 2004." 65..<96.
            let text = "Title: Armenia\(sep)Date: 2008-09-05\(sep)\(sep)Armenia is a member of the CSTO\(sep)Kazakhstan joined NATO in 2004."
            let article = ArticleReader.parse(text, id: "ls.txt")
            let g = TestSupport.extractor.extract(article)
            let scalars = Array(text.unicodeScalars)
            let found = g.sortedRelations.map { r in
                "\(g.entities[r.subject]?.label ?? r.subject) \(r.kind.rawValue) \(g.entities[r.object]?.label ?? r.object) \(r.evidence.offsets.map { "\($0)" } ?? "-")"
            }
            XCTAssertEqual(found.sorted(), ["Armenia member-of Collective Security Treaty Organization 33..<64",
                                            "Kazakhstan member-of North Atlantic Treaty Organization 65..<96"], sep.debugDescription)
            for r in g.sortedRelations {
            let e = r.evidence
            guard let o = e.offsets else { XCTFail("no evidence offsets"); continue }
                XCTAssertEqual(String(String.UnicodeScalarView(scalars[o])), e.sentence)
            }
        }
    }

    private func read(_ bytes: [UInt8]) throws -> Result<Article, Error> {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kg-ls-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return Result { try ArticleReader.read(contentsOf: url, lenient: false).article }
    }

    func testAFileWithLineSeparatorsHasItsBody() throws {
        let text = "Title: Armenia\u{2028}Date: 2008-09-05\u{2028}\u{2028}Armenia is a member of the CSTO."
        let article = try read(Array(text.utf8)).get()
        XCTAssertEqual(article.title, "Armenia")
        XCTAssertEqual(article.bodyStart, 33)
    }

    func testErrorPositionsCountLineSeparatorsAsLines() throws {
        guard case let .failure(e1) = try read(Array("Title: Armenia\u{2028}Date: 2008-09-05\u{2028}\u{2028}".utf8)) else {
            return XCTFail("a header without a body must be refused")
        }
        XCTAssertTrue("\(e1)".hasSuffix(".txt:4:1: header lines but no body; put the text after the blank line that ends the header"), "\(e1)")
        // "a", LS (3 bytes), "b", NEL (2 bytes), "c": the bad byte is line 3, column 2, byte 8.
        XCTAssertThrowsError(try ArticleReader.decode(Array("a\u{2028}b\u{85}c".utf8) + [0xC3, 0x28], file: "f.txt")) { error in
            XCTAssertEqual(error as? ArticleError, .invalidUTF8(file: "f.txt", line: 3, column: 2, byteOffset: 8))
        }
    }
}
