import KGModel
import XCTest

final class FingerprintSetTests: XCTestCase {
    /// Each value once, across several doublings of the table (1,024 slots at first).
    func testEachValueIsInsertedOnce() {
        var set = FingerprintSet()
        let values = (0..<20_000).map { UInt64($0) &* 0x9E37_79B9_7F4A_7C15 ^ 0x5555 }
        for value in values { XCTAssertTrue(set.insert(value)) }
        for value in values { XCTAssertFalse(set.insert(value)) }
        XCTAssertEqual(set.count, 20_000)
    }

    /// 0 (the table's empty mark) and values that share a slot are elements like any other.
    func testZeroAndCollidingSlots() {
        var set = FingerprintSet()
        XCTAssertTrue(set.insert(0))
        XCTAssertFalse(set.insert(0))
        // Values whose products differ only in low bits land in the same slot.
        XCTAssertTrue(set.insert(1 << 60))
        XCTAssertTrue(set.insert(1 << 61))
        XCTAssertTrue(set.insert(UInt64.max))
        XCTAssertFalse(set.insert(1 << 61))
        XCTAssertEqual(set.count, 4)
    }
}
