import KGModel
import XCTest
@testable import KGExtraction

final class TextStageTests: XCTestCase {
    private func tokens(_ s: String) -> [String] {
        Tokenizer.tokenize(Array(s.unicodeScalars)).map(\.text)
    }

    func testTokenizerSplitsPossessivesHyphensAndKeepsAbbreviations() {
        XCTAssertEqual(tokens("Kazakhstan’s U.S. base, Mr. Straw's UK-based bank"),
                       ["Kazakhstan", "’s", "U.S.", "base", ",", "Mr.", "Straw", "'s", "UK", "-", "based", "bank"])
        XCTAssertEqual(tokens("owns 51.4% of 40,000 didn't"), ["owns", "51.4", "%", "of", "40,000", "didn't"])
        XCTAssertEqual(tokens("J. R. Smith"), ["J.", "R.", "Smith"])
    }

    func testTokenOffsetsAreCodePoints() {
        let text = "Кто – Nazarbayev"
        let scalars = Array(text.unicodeScalars)
        let t = Tokenizer.tokenize(scalars)
        XCTAssertEqual(t.last?.text, "Nazarbayev")
        XCTAssertEqual(t.last?.start, 6)
        XCTAssertEqual(t.last?.end, 16)
    }

    private func sentences(_ s: String) -> [String] {
        let scalars = Array(s.unicodeScalars)
        let toks = Tokenizer.tokenize(scalars)
        return SentenceSegmenter.segment(toks).map { String(String.UnicodeScalarView(scalars[$0.offsets])) }
    }

    func testSegmenterKeepsAbbreviations() {
        XCTAssertEqual(sentences("Mr. Smith met Dr. Jones in St. Petersburg on Jan. 5. Gen. Ivanov left. Acme Inc. grew."),
                       ["Mr. Smith met Dr. Jones in St. Petersburg on Jan. 5.", "Gen. Ivanov left.", "Acme Inc. grew."])
        XCTAssertEqual(sentences("He met J. K. Rowling. It rained."), ["He met J. K. Rowling.", "It rained."])
    }

    func testSegmenterDottedAcronymEndsSentenceBeforeAnOpener() {
        XCTAssertEqual(sentences("He flew to the U.S. The talks began. A U.S. base was built."),
                       ["He flew to the U.S.", "The talks began.", "A U.S. base was built."])
    }

    func testSegmenterQuotesAndParagraphs() {
        XCTAssertEqual(sentences("He said “no.” Then he left.\n\nNew paragraph here"),
                       ["He said “no.”", "Then he left.", "New paragraph here"])
        let scalars = Array("One.\n\nTwo. Three.".unicodeScalars)
        let s = SentenceSegmenter.segment(Tokenizer.tokenize(scalars))
        XCTAssertEqual(s.map(\.paragraph), [0, 1, 1])
    }

    func testCitationsCoverTheirParagraphRun() {
        let text = "Ann met Bob. Carl met Dan (Liter, September 6).\n\nEve met Fay. Gus met Hal. (Delovaya Nedelia, September 12)."
        let scalars = Array(text.unicodeScalars)
        let toks = Tokenizer.tokenize(scalars)
        let sents = SentenceSegmenter.segment(toks)
        let finder = CitationFinder(lexicon: TestSupport.lexicon)
        let cites = finder.citations(toks, scalars: scalars)
        XCTAssertEqual(cites.map(\.text), ["Liter, September 6", "Delovaya Nedelia, September 12"])
        XCTAssertEqual(finder.citedSources(sents, cites),
                       ["Liter, September 6", "Liter, September 6", "Delovaya Nedelia, September 12",
                        "Delovaya Nedelia, September 12", "Delovaya Nedelia, September 12"])
    }
}
