import Foundation
import KGModel
import XCTest
import KGExtraction

/// `kgexport explain`: the text for the example article's key relations and rejections.
final class ExplanationTests: XCTestCase {
    private func explanation() throws -> Explanation {
        let url = TestSupport.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
        return TestSupport.extractor.explain(try ArticleReader.read(contentsOf: url))
    }

    func testRelationsAreTheGraphsRelations() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
        let article = try ArticleReader.read(contentsOf: url)
        let graph = TestSupport.extractor.extract(article)
        let e = TestSupport.extractor.explain(article)
        XCTAssertEqual(Set(e.relations.map(\.relation.id)), Set(graph.sortedRelations.map(\.id)))
        XCTAssertEqual(e.relations.count, graph.sortedRelations.count)
    }

    func testKeyRelationsShowRuleMatchedWordsAndSentence() throws {
        let text = try explanation().text
        XCTAssertTrue(text.hasPrefix("Article edm-2008-kazakhstan-csto.txt, published 2008-09\n\nRelations (6)\n"), text)
        XCTAssertTrue(text.contains("""
              3. Kazakhstan member-of Collective Security Treaty Organization [asserted]
                 rule:     member-of/and-other-members
                 matched:  "Kazakhstan" … "member" … "CSTO"
                 sentence: 2, code points 562-764, citing Liter, September 6
                           The Kazakh leader said that he was satisfied with the level of cooperation among Kazakhstan and other member-countries within the CSTO and expressed his hope for strengthening regional security further.

            """), text)
        XCTAssertTrue(text.contains("""
              6. Dmitri Medvedev met-with Nursultan Nazarbayev [planned]
                 rule:     met-with/visit-host
                 matched:  "Dmitri Medvedev" … "Nazarbayev" … "arrives"
                 with:     date 2008-09-22, place Astana
            """), text)
        XCTAssertTrue(text.contains("""
                 rule:     holds-share-in/percent-share-of-x-at-y
                 matched:  "percent" … "KazMunaiGas" … "Batumi oil terminal"
                 with:     share 50%
                 sentence: 17, code points 3505-3700, citing Delovaya Nedelia, September 12
            """), text)
    }

    func testRejectionsSayWhy() throws {
        let e = try explanation()
        XCTAssertEqual(e.rejections.map { "\($0.subjectLabel) \($0.relation.kind.rawValue) \($0.objectLabel): \($0.rejection ?? "")" }, [
            "Kazakhstan member-of North Atlantic Treaty Organization: partnership, not membership: 'partnership'",
            "Georgia met-with Russia: hypothetical: 'offered'",
        ])
        XCTAssertTrue(e.text.hasSuffix("""
            Rejected candidates (2)
              1. Kazakhstan member-of North Atlantic Treaty Organization: partnership, not membership: 'partnership'
                 rule:     member-of/not-a-member
                 matched:  "Kazakhstan" … "NATO" … "partnership"
                 sentence: 13, code points 2949-3072
                           Indeed, Kazakhstan is developing close ties with NATO within the individual partnership program despite Moscow’s annoyance.
              2. Georgia met-with Russia: hypothetical: 'offered'
                 rule:     met-with/negotiating-table
                 matched:  "Georgia" … "Russia" … "table"
                 sentence: 16, code points 3365-3504, citing Delovaya Nedelia, September 12
                           Recently, Nazarbayev offered to have Kazakhstan mediate if Georgia and Russia were willing to settle the conflict at the negotiating table.

            """), e.text)
    }

    func testUntypedEndsAndNegationsAreExplained() {
        let e = TestSupport.extractor.explain(TestSupport.article(
            "Russian President Vladimir Putin did not meet Ukrainian President Viktor Yushchenko. Zorvex acquired Lumix Telecom."))
        XCTAssertEqual(e.rejections.map { "\($0.rule) \($0.rejection ?? "")" }, ["met-with/met negated: 'not'"])
        XCTAssertEqual(e.rejections.first?.relation.modality, .negated)
        XCTAssertTrue(e.text.contains("with:     modality negated"), e.text)
    }

    func testDeterministic() throws {
        XCTAssertEqual(try explanation().text, try explanation().text)
    }
}
