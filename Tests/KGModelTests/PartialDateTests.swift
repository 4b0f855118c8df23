import XCTest
import KGModel

final class PartialDateTests: XCTestCase {
    func testParsesEveryShapeAndWritesItBack() throws {
        for text in ["2008-09-22", "2008-09", "2008", "--09-05", "2008-02-29", "--02-29"] {
            let date = try XCTUnwrap(PartialDate(iso: text), text)
            XCTAssertEqual(date.description, text)
        }
    }

    func testDatatypeFollowsTheShape() {
        XCTAssertEqual(PartialDate(iso: "2008-09-22")?.xsdType, "date")
        XCTAssertEqual(PartialDate(iso: "2008-09")?.xsdType, "gYearMonth")
        XCTAssertEqual(PartialDate(iso: "2008")?.xsdType, "gYear")
        XCTAssertEqual(PartialDate(iso: "--09-05")?.xsdType, "gMonthDay")
    }

    func testRejectsImpossibleDates() {
        for text in ["2008-02-30", "2007-02-29", "1900-02-29", "2008-13", "2008-00", "2008-04-31", "--02-30",
                     "08-09-22", "2008/09/22", "", "2008-9-22", "20080922", "0000"] {
            XCTAssertNil(PartialDate(iso: text), text)
        }
        XCTAssertNil(PartialDate(year: nil, month: nil, day: 5))
        XCTAssertNil(PartialDate(year: 2008, month: nil, day: 5))
        XCTAssertNotNil(PartialDate(iso: "2000-02-29"))
    }
}

final class IdentifierTests: XCTestCase {
    func testSlugFoldsAccentsAndPunctuation() {
        XCTAssertEqual(Identifier.slug("Nursultan Nazarbayev"), "nursultan-nazarbayev")
        XCTAssertEqual(Identifier.slug("Société Générale"), "societe-generale")
        XCTAssertEqual(Identifier.slug("  U.S.  "), "u-s")
        XCTAssertEqual(Identifier.slug("Straße"), "strasse")
        XCTAssertEqual(Identifier.slug("Назарбаев Нурсултан"), "назарбаев-нурсултан")
        XCTAssertEqual(Identifier.slug("???"), "x" + Identifier.fnv1a64Hex("???"))
    }

    func testNMTokenIsInjectiveAndXMLSafe() {
        XCTAssertEqual(Identifier.nmtoken("doc 1"), "doc_201")
        XCTAssertEqual(Identifier.nmtoken("a_b"), "a_5Fb")
        XCTAssertEqual(Identifier.nmtoken("kazakhstan"), "kazakhstan")
        XCTAssertEqual(Identifier.nmtoken("é"), "_C3_A9")
        XCTAssertNotEqual(Identifier.nmtoken("a b"), Identifier.nmtoken("a_20b"))
    }

    func testIRISegmentPercentEncodesReservedCharacters() {
        XCTAssertEqual(Identifier.iriSegment("Acme Corp"), "Acme%20Corp")
        XCTAssertEqual(Identifier.iriSegment("Acme:AG/\"x\""), "Acme%3AAG%2F%22x%22")
        XCTAssertEqual(Identifier.iriSegment("中国石油"), "中国石油")
        XCTAssertEqual(Identifier.iriSegment("a<b>"), "a%3Cb%3E")
    }

    func testHashIsTheFNV1aReferenceValue() {
        // Reference values of FNV-1a 64 (draft-eastlake-fnv, test vectors).
        XCTAssertEqual(Identifier.fnv1a64Hex(""), "cbf29ce484222325")
        XCTAssertEqual(Identifier.fnv1a64Hex("a"), "af63dc4c8601ec8c")
        XCTAssertEqual(Identifier.fnv1a64Hex("foobar"), "85944171f73967e8")
    }

    func testDecimalsHaveNoExponentOrSeparator() {
        XCTAssertEqual(Identifier.formatDecimal(50), "50")
        XCTAssertEqual(Identifier.formatDecimal(12.5), "12.5")
        XCTAssertEqual(Identifier.formatDecimal(25.01), "25.01")
        XCTAssertEqual(Identifier.formatDecimal(0.5), "0.5")
        XCTAssertEqual(Identifier.formatDecimal(39.9), "39.9")
        XCTAssertEqual(Identifier.formatDecimal(-1.25), "-1.25")
        XCTAssertEqual(Identifier.formatDecimal(1e20), "100000000000000000000")
        XCTAssertEqual(Identifier.formatDecimal(9.3e12 + 0.5), "9300000000000.5")
        XCTAssertEqual(Identifier.formatDecimal(-0.0000001), "0")
        XCTAssertEqual(Identifier.formatDecimal(.nan), "NaN")
        XCTAssertEqual(Identifier.formatDecimal(-.infinity), "-INF")
    }
}

final class KnowledgeGraphTests: XCTestCase {
    func testOrderDoesNotDependOnInsertionOrder() {
        let a = Entity(id: "b", label: "B", type: .country)
        let b = Entity(id: "a", label: "A", type: .organization)
        let r1 = Relation(subject: "b", kind: .memberOf, object: "a")
        let r2 = Relation(subject: "a", kind: .metWith, object: "b", date: PartialDate(iso: "2008-09"))
        var g1 = KnowledgeGraph(); g1.add(a); g1.add(b); g1.add(r1); g1.add(r2)
        var g2 = KnowledgeGraph(); g2.add(b); g2.add(a); g2.add(r2); g2.add(r1)
        XCTAssertEqual(g1.sortedEntities.map(\.id), ["a", "b"])
        XCTAssertEqual(g1.sortedRelations, g2.sortedRelations)
        XCTAssertEqual(g1.sortedRelations.map(\.subject), ["a", "b"])
    }

    func testParallelAttestationsStayAndDuplicatesCollapse() {
        var g = KnowledgeGraph()
        let first = Relation(subject: "x", kind: .metWith, object: "y", date: PartialDate(iso: "2008-09-05"),
                             evidence: Evidence(sentence: "They met.", source: "a.txt"))
        var second = first
        second.date = PartialDate(iso: "2008-10-15")
        g.add(first); g.add(second); g.add(first)
        XCTAssertEqual(g.sortedRelations.count, 2)
        XCTAssertEqual(g.sortedRelations.map { $0.date?.description }, ["2008-09-05", "2008-10-15"])
        XCTAssertNotEqual(first.id, second.id)
        XCTAssertTrue(first.id.hasPrefix("r"))
        XCTAssertEqual(first.id.count, 17)
    }

    func testMergeKeepsTheLabelAndUnitesAliases() {
        var g = KnowledgeGraph()
        g.add(Entity(id: "kz", label: "Kazakhstan", type: .country, aliases: ["Kazakh"]))
        g.add(Entity(id: "kz", label: "Republic of Kazakhstan", type: .country, aliases: ["Kazakh", "Astana"]))
        XCTAssertEqual(g.entities["kz"]?.label, "Kazakhstan")
        XCTAssertEqual(g.entities["kz"]?.aliases, ["Kazakh", "Republic of Kazakhstan", "Astana"])
    }
}
