import XCTest
@testable import KGFormats

/// The byte-level quoting and cleaning give what the character-level definitions say.
final class TextCleaningTests: XCTestCase {
    /// XML 1.0 §2.2 `Char`, and the replacement rule of ``XMLWriter/xmlSafe(_:)``, scalar by scalar.
    private func referenceXMLSafe(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && v != 0xFFFE && v != 0xFFFF {
                out.append(scalar)
            } else if v == 0x0B || v == 0x0C {
                out.append(" ")
            }
        }
        return String(out)
    }

    /// The DOT quoting rule, scalar by scalar, after cleaning.
    private func referenceQuoted(_ text: String) -> String {
        var out = "\""
        var previousCR = false
        for scalar in referenceXMLSafe(text).unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\r": out += "\\n"
            case "\n": if !previousCR { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private func samples() -> [String] {
        let pieces: [String] = ["a", "é", "𠮷", "\\", "\"", "\r", "\n", "\r\n", "\t", "\u{1}", "\u{B}", "\u{C}", "\u{1F}",
                                "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "ﾾ", "node", " ", "<&>", "0123456789abcdef"]
        var generator = Deterministic(state: 7)
        var out = pieces + ["", "\r\u{1}\n", "\u{FFFE}\n", "plain ASCII text that is longer than sixteen bytes"]
        for _ in 0..<3000 {
            out.append((0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined())
        }
        return out
    }

    func testXMLSafeKeepsAllowedCharactersAndReplacesOrDropsTheOthers() {
        for text in samples() {
            XCTAssertEqual(XMLWriter.xmlSafe(text), referenceXMLSafe(text), text.debugDescription)
            XCTAssertEqual(XMLWriter.isXMLSafe(text), referenceXMLSafe(text) == text, text.debugDescription)
        }
    }

    func testDOTQuotingEscapesBackslashQuoteAndLineBreaks() {
        for text in samples() {
            XCTAssertEqual(DOTWriter.quoted(text), referenceQuoted(text), text.debugDescription)
        }
        XCTAssertEqual(DOTWriter.quoted("a\r\nb\rc\nd\"e\\"), #""a\nb\nc\nd\"e\\""#)
    }
}

/// A fixed sequence of pseudo-random numbers (a linear congruential generator), so every run tests the same strings.
private struct Deterministic: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state ^ (state >> 29)
    }
}
