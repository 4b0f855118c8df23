import KGModel
import XCTest
import KGFormats

final class RelationIDSetTests: XCTestCase {
    func testEachIdIsInsertedOnce() {
        var set = RelationIDSet()
        let ids = (0..<5000).map { Relation(subject: "s\($0 % 97)", kind: .metWith, object: "o\($0)").id }
        for id in ids { XCTAssertTrue(set.insert(id), id) }
        for id in ids { XCTAssertFalse(set.insert(id), id) }
        XCTAssertEqual(set.count, 5000)
    }

    /// Ids of the usual shape are numbers: the all-zero one, and ones of another shape, still count once.
    func testUnusualIdsAndZero() {
        var set = RelationIDSet()
        XCTAssertTrue(set.insert("r0000000000000000"))
        XCTAssertFalse(set.insert("r0000000000000000"))
        XCTAssertTrue(set.insert("r000000000000000A"), "upper-case hex is another string")
        XCTAssertTrue(set.insert("r000000000000000a"))
        XCTAssertTrue(set.insert("x"))
        XCTAssertFalse(set.insert("x"))
        XCTAssertTrue(set.insert("rffffffffffffffff"))
        XCTAssertFalse(set.insert("rffffffffffffffff"))
        XCTAssertEqual(set.count, 5)
    }
}
