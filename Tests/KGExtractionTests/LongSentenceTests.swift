import Foundation
import KGModel
import XCTest
@testable import KGExtraction

/// Text without sentence punctuation is cut into sentences of at most ``SentenceSegmenter/maxTokens`` tokens.
final class LongSentenceTests: XCTestCase {
    private let cap = SentenceSegmenter.maxTokens

    private func segment(_ text: String) -> (scalars: [Unicode.Scalar], tokens: [Token], sentences: [Sentence]) {
        let scalars = Array(text.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars)
        return (scalars, tokens, SentenceSegmenter.segment(tokens))
    }

    private func texts(_ text: String) -> [String] {
        let s = segment(text)
        return s.sentences.map { String(String.UnicodeScalarView(s.scalars[$0.offsets])) }
    }

    /// `count` words cycling through `words`, one space apart.
    private func words(_ words: [String], _ count: Int) -> [String] {
        (0..<count).map { words[$0 % words.count] }
    }

    private static let phrase = "Armenia is a member of the CSTO and the weather is fine today in Yerevan with no wind at all"
        .split(separator: " ").map(String.init)

    func testTheCapIsWellAboveRealNewsSentences() throws {
        XCTAssertEqual(cap, 250)
        let url = TestSupport.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
        let analysis = TestSupport.extractor.analyze(try ArticleReader.read(contentsOf: url))
        XCTAssertEqual(analysis.sentences.map(\.tokens.count).max(), 67)
    }

    func testUnpunctuatedTextIsCutBeforeALowerCaseWordAtTheCap() {
        // 760 words (19 a phrase): token 250 is "member" → cut at 250; token 499 is "the", 500
        // "CSTO" → cut at 499, before "the"; token 749 is "the" → cut at 749.
        let w = words(Self.phrase, 760)
        let s = segment(w.joined(separator: " "))
        XCTAssertEqual(s.sentences.map(\.tokens), [0..<250, 250..<499, 499..<749, 749..<760])
        XCTAssertEqual(texts(w.joined(separator: " ")),
                       [w[0..<250], w[250..<499], w[499..<749], w[749..<760]].map { $0.joined(separator: " ") })
        XCTAssertEqual(s.sentences.map(\.index), [0, 1, 2, 3])
        XCTAssertEqual(s.sentences.map(\.paragraph), [0, 0, 0, 0], "a cut is no paragraph break")
    }

    func testCutAvoidsSplittingANameWhenItCan() {
        // 249 lower-case words, then "Kassym Jomart Tokayev ..." capitalized: the cut goes before the
        // last lower-case word within the cap, not inside the name.
        let w = words(["the", "weather", "is", "fine"], 248) + ["Kassym", "Jomart", "Tokayev"] + words(["and", "so", "on"], 20)
        XCTAssertEqual(segment(w.joined(separator: " ")).sentences.map(\.tokens), [0..<247, 247..<271])
    }

    func testWithoutLowerCaseWordsTheCutIsExactlyAtTheCap() {
        let w = words(["Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan"], 600)
        XCTAssertEqual(segment(w.joined(separator: " ")).sentences.map(\.tokens), [0..<250, 250..<500, 500..<600])
    }

    func testSemicolonThenCommaInTheSecondHalfArePreferred() {
        // Words 0..<300; a ";" after word 40 (first half: ignored), a "," after word 150, a ";" after word 199.
        var w = words(["alpha", "beta", "gamma"], 300)
        w[40] += ";"
        w[150] += ","
        w[199] += ";"
        // Tokens: word k is token k for k <= 40, k + 1 up to 150, k + 2 up to 199; the ";" after
        // word 199 is token 202, so the first sentence is tokens 0..<203.
        let s = segment(w.joined(separator: " "))
        XCTAssertEqual(s.sentences.map(\.tokens), [0..<203, 203..<303])
        XCTAssertEqual(texts(w.joined(separator: " ")).first, w[0...199].joined(separator: " "))
        // Without the late ";", the "," after word 150 (token 152) ends the first sentence.
        w[199].removeLast()
        XCTAssertEqual(segment(w.joined(separator: " ")).sentences.map(\.tokens), [0..<153, 153..<302])
    }

    func testASentenceOfTheCapIsNotCut() {
        let exact = words(["the", "weather", "is", "fine"], cap - 1).joined(separator: " ") + ". Next one."
        XCTAssertEqual(segment(exact).sentences.map(\.tokens), [0..<250, 250..<253])
        // One token over: cut before the last lower-case word within the cap (token 249, "weather").
        let over = words(["the", "weather", "is", "fine"], cap).joined(separator: " ") + "."
        XCTAssertEqual(segment(over).sentences.map(\.tokens), [0..<249, 249..<251])
    }

    func testLineBreaksStillEndSentencesBeforeTheCap() {
        let w = words(Self.phrase, 19)
        let line = w.joined(separator: " ")
        XCTAssertEqual(texts(Array(repeating: line, count: 3).joined(separator: "\n")), [line, line, line])
    }

    func testLongUnpunctuatedTextIsCutEverywhereIntoPiecesOfTheCap() {
        // 200 KB of the phrase without a full stop: 40,000 tokens, cut into consecutive sentences
        // of 249 or 250 tokens (249 where "CSTO" would open the next one).
        let w = words(Self.phrase, 40_000)
        let s = segment(w.joined(separator: " "))
        XCTAssertEqual(s.tokens.count, 40_000)
        XCTAssertEqual(s.sentences.first?.tokens.lowerBound, 0)
        XCTAssertEqual(s.sentences.last?.tokens.upperBound, 40_000)
        for (a, b) in zip(s.sentences, s.sentences.dropFirst()) {
            XCTAssertEqual(a.tokens.upperBound, b.tokens.lowerBound)
            XCTAssertEqual(a.offsets.upperBound + 1, b.offsets.lowerBound)
            XCTAssertTrue((cap - 1...cap).contains(a.tokens.count), "\(a.tokens)")
            XCTAssertNotEqual(s.tokens[b.tokens.lowerBound].text, "CSTO")
        }
        XCTAssertEqual(s.sentences.map(\.index), Array(s.sentences.indices))
    }

    func testRelationsOfEachPieceHaveThePieceAsEvidence() {
        // Pieces 0..<250, 250..<500, 500..<750, 750..<760; the last has no "Armenia ... CSTO".
        let body = words(Self.phrase, 760).joined(separator: " ")
        let article = ArticleReader.parse(body, id: "flat.txt")
        let g = TestSupport.extractor.extract(article)
        let scalars = Array(article.text.unicodeScalars)
        let s = segment(body)
        XCTAssertEqual(g.sortedRelations.compactMap(\.evidence.offsets).sorted { $0.lowerBound < $1.lowerBound },
                       s.sentences[0..<3].map(\.offsets))
        for r in g.sortedRelations {
            XCTAssertEqual(r.kind, .memberOf)
            XCTAssertEqual(g.entities[r.object]?.label, "Collective Security Treaty Organization")
            let e = r.evidence
            guard let o = e.offsets else { XCTFail("no evidence offsets"); continue }
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[o])), e.sentence)
        }
    }
}
