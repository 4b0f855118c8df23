import XCTest
import KGInterchange

final class JSONParserTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    private func offset(_ text: String) -> Int? {
        do { _ = try parse(text); return nil } catch let e as JSONSyntaxError { return e.offset } catch { return -1 }
    }

    func testValues() throws {
        XCTAssertEqual(try parse(#" {"a": [1, -2.5e1, true, false, null, "x"]} "#),
                       .object([("a", .array([.number(1, "1"), .number(-25, "-2.5e1"), .bool(true), .bool(false), .null, .string("x")]))]))
    }

    func testStrictness() {
        XCTAssertEqual(offset("[1,]"), 3)
        XCTAssertEqual(offset("01"), 1)
        XCTAssertEqual(offset("{\"a\":1,\"a\":2}"), 7)
        XCTAssertEqual(offset("\"a\u{1}\""), 2)
        XCTAssertEqual(offset("NaN"), 0)
        XCTAssertEqual(offset("1 2"), 2)
        XCTAssertEqual(offset(String(repeating: "[", count: 65) + String(repeating: "]", count: 65)), 64)
        XCTAssertNil(offset(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)))
    }

    func testPositionsOfTheValueAndItsTopLevelMembers() throws {
        let text = Array(#"  {"a": {"n": 1}, "é" :"x","b":[2]} "#.utf8)
        let (value, positions) = try text.withUnsafeBufferPointer { try JSONParser.parseWithPositions($0) }
        XCTAssertEqual(value, try JSONParser.parse(text))
        XCTAssertEqual(positions.start, 2)
        // Names at their opening quote, values at their first byte (byte offsets: "é" is two bytes);
        // the nested member "n" has no entry.
        XCTAssertEqual(positions.names, [3, 18, 28])
        XCTAssertEqual(positions.values, [8, 24, 32])
    }

    private func failure(_ bytes: [UInt8]) -> JSONSyntaxError? {
        do { _ = try JSONParser.parse(bytes); return nil } catch let e as JSONSyntaxError { return e } catch { return nil }
    }

    /// A byte that is not UTF-8 inside a string is reported at the byte, not at the string's quote.
    func testInvalidUTF8InAStringIsAtTheBadByte() {
        let kazakhstan = Array(#"{"id":"x","text":"Kaz"#.utf8) + [0xFF] + Array(#"akhstan"}"#.utf8)
        XCTAssertEqual(failure(kazakhstan)?.offset, 21)
        XCTAssertEqual(failure(kazakhstan)?.message, "invalid UTF-8 in a string (byte offset 21)")
        // After an escape and a good two-byte sequence; a lead byte cut short by the closing quote.
        XCTAssertEqual(failure(Array(#""a\n\u00e9é"#.utf8) + [0xC3, 0x28] + [0x22])?.offset, 12)
        XCTAssertEqual(failure([0x22, 0x61, 0xE2, 0x82, 0x22])?.offset, 2)
    }

    /// Messages repeat at most 40 characters of a value: a 5,000-digit number is not echoed whole.
    func testLongValuesAreAbbreviatedInMessages() {
        let digits = String(repeating: "9", count: 5_000)
        let e = failure(Array("[\(digits)]".utf8))
        XCTAssertEqual(e?.offset, 1)
        XCTAssertEqual(e?.message, "number \(digits.prefix(40))… is out of range")
        XCTAssertEqual(JSONValue.number(1, "1." + String(repeating: "0", count: 100)).summary,
                       "the number 1.\(String(repeating: "0", count: 38))…")
        XCTAssertEqual(JSONValue.number(7, "7").summary, "the number 7")
        XCTAssertEqual(JSONValue.string(String(repeating: "é", count: 41)).summary,
                       "the string \"\(String(repeating: "é", count: 40))…\"")
        XCTAssertEqual(JSONValue.string(String(repeating: "é", count: 40)).summary,
                       "the string \"\(String(repeating: "é", count: 40))\"")
        let key = String(repeating: "k", count: 50)
        XCTAssertEqual(failure(Array(#"{"\#(key)":1,"\#(key)":2}"#.utf8))?.message,
                       "duplicate member name \"\(key.prefix(40))…\"")
    }
}
