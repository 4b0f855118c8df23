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
}
