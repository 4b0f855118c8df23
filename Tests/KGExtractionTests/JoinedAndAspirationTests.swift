import KGModel
import XCTest
@testable import KGExtraction

/// "X joined Y" is a membership only when Y itself is joined: joining something the body holds or
/// takes part in (talks, a summit, a mission, a call) is not, nor is wishing or applying to join.
/// Each sentence is checked against the exact relations and rejected candidates it gives.
final class JoinedAndAspirationTests: XCTestCase {
    private let nato = "North Atlantic Treaty Organization"

    /// Sentences that state a membership: the one relation, no rejected candidate.
    func testJoiningTheBodyIsMembership() {
        let cases: [(String, String)] = [
            ("Montenegro joined NATO on June 5, 2017.", "Montenegro member-of \(nato)"),
            ("Finland joined NATO on April 4, 2023.", "Finland member-of \(nato)"),
            ("Sweden joined NATO last year.", "Sweden member-of \(nato)"),
            ("Sweden joined the NATO alliance in March.", "Sweden member-of \(nato)"),
            ("Sweden joined the Western defence alliance NATO in March.", "Sweden member-of \(nato)"),
            ("Armenia joined the Russian-led CSTO in 1992.", "Armenia member-of Collective Security Treaty Organization"),
            ("Croatia joined the EU as its 28th member.", "Croatia member-of European Union"),
            ("Timor-Leste joined ASEAN as its 11th member.", "Timor-Leste member-of Association of Southeast Asian Nations"),
            ("Kosovo joined UEFA in 2016.", "Kosovo member-of UEFA"),
            ("Lena Vogt joined the Free Democratic Party in 2015.", "Lena Vogt member-of Free Democratic Party"),
            ("Finland joined NATO officially on Tuesday.", "Finland member-of \(nato)"),
            ("Poland joined NATO together with Hungary in 1999.", "Poland member-of \(nato)"),
            ("Estonia joined NATO and the European Union in 2004.", "Estonia member-of \(nato)"),
            ("Montenegro became NATO's 29th member when it joined the alliance in 2017.", "Montenegro member-of \(nato)"),
            ("Finland became a member of NATO in 2023.", "Finland member-of \(nato)"),
            ("Gibraltar has been a UEFA member since 2013.", "Gibraltar member-of UEFA"),
        ]
        for (text, relation) in cases {
            XCTAssertEqual(TestSupport.relations(text), [relation], text)
            XCTAssertEqual(TestSupport.rejections(text), [], text)
        }
    }

    /// Joining something of the body or something it takes part in: no relation, a rejected
    /// candidate naming the noun joined.
    func testJoiningAnActivityIsNotMembership() {
        let cases: [(String, String)] = [
            ("Georgia joined NATO talks on Monday.", "Georgia member-of \(nato): not membership: joined 'talks'"),
            ("Georgia joined talks with NATO on Monday.", "Georgia member-of \(nato): not membership: joined 'talks'"),
            ("Georgia joined the EU summit in Brussels.", "Georgia member-of European Union: not membership: joined 'summit'"),
            ("Serbia joined an OSCE mission.",
             "Serbia member-of Organization for Security and Cooperation in Europe: not membership: joined 'mission'"),
            ("Turkey joined the UN's call for a ceasefire.", "Turkey member-of United Nations: not membership: joined 'call'"),
            ("Georgia joined NATO exercises in the Black Sea.", "Georgia member-of \(nato): not membership: joined 'exercises'"),
            ("Kazakhstan joined the CSTO peacekeeping operation.",
             "Kazakhstan member-of Collective Security Treaty Organization: not membership: joined 'operation'"),
            ("Moldova joined the EU's programme for students.", "Moldova member-of European Union: not membership: joined 'programme'"),
            ("Hungary joined a chorus of criticism of the EU.", "Hungary member-of European Union: not membership: joined 'chorus'"),
            ("Austria joined the lawsuit against the European Commission.",
             "Austria member-of European Commission: not membership: joined 'lawsuit'"),
            ("Ukraine joined the race to host the OSCE summit.",
             "Ukraine member-of Organization for Security and Cooperation in Europe: not membership: joined 'race'"),
            ("Norway joined the EU boycott of the games.", "Norway member-of European Union: not membership: joined 'boycott'"),
            ("Poland joined the US-led NATO mission in Iraq.", "Poland member-of \(nato): not membership: joined 'mission'"),
        ]
        for (text, rejection) in cases {
            XCTAssertEqual(TestSupport.relations(text).filter { $0.contains("member-of") }, [], text)
            XCTAssertEqual(TestSupport.rejections(text), [rejection], text)
        }
    }

    /// Wishing, seeking or applying to join: no relation, a rejected candidate with the reason
    /// "aspiration" and the word that says it.
    func testAspirationIsNotMembership() {
        let cases: [(String, String)] = [
            ("Ukraine hopes to become a member of NATO.", "Ukraine member-of \(nato): aspiration: 'hopes'"),
            ("Ukraine hopes to join NATO.", "Ukraine member-of \(nato): aspiration: 'hopes'"),
            ("Ukraine wants to become a NATO member.", "Ukraine member-of \(nato): aspiration: 'wants'"),
            ("Serbia wants to join the European Union.", "Serbia member-of European Union: aspiration: 'wants'"),
            ("Bosnia aims to join NATO by 2030.", "Bosnia and Herzegovina member-of \(nato): aspiration: 'aims'"),
            ("Georgia applied to become a member of the EU in 2022.", "Georgia member-of European Union: aspiration: 'applied'"),
            ("Moldova is seeking to become a full member of the EU.", "Moldova member-of European Union: aspiration: 'seeking'"),
            ("Georgia's bid to join NATO was shelved.", "Georgia member-of \(nato): aspiration: 'bid'"),
            ("Estonia applied to join the OECD in 2007.", "Estonia member-of Organisation for Economic Co-operation and Development: aspiration: 'applied'"),
            ("Serbia's application for membership of the EU was welcomed.", "Serbia member-of European Union: aspiration: 'application'"),
        ]
        for (text, rejection) in cases {
            XCTAssertEqual(TestSupport.relations(text).filter { $0.contains("member-of") }, [], text)
            XCTAssertEqual(TestSupport.rejections(text), [rejection], text)
        }
    }

    /// A membership still to come is not held either; a negation keeps its own reason.
    func testPlannedAndNegatedJoining() {
        let cases: [(String, String)] = [
            ("Finland is expected to become a member of NATO.", "Finland member-of \(nato): not yet a member: 'to become'"),
            ("Switzerland does not want to join the EU.", "Switzerland member-of European Union: negated: 'not'"),
        ]
        for (text, rejection) in cases {
            XCTAssertEqual(TestSupport.relations(text).filter { $0.contains("member-of") }, [], text)
            XCTAssertEqual(TestSupport.rejections(text), [rejection], text)
        }
    }

    /// `explain` lists the rejected join with its rule and reason.
    func testExplainListsTheRejectedJoin() {
        let text = TestSupport.extractor.explain(TestSupport.article("Georgia joined NATO talks on Monday.")).text
        XCTAssertTrue(text.contains("Relations (0)"), text)
        XCTAssertTrue(text.contains("1. Georgia member-of \(nato): not membership: joined 'talks'\n     rule:     member-of/joined"), text)
        let aspiration = TestSupport.extractor.explain(TestSupport.article("Ukraine hopes to become a member of NATO.")).text
        XCTAssertTrue(aspiration.contains("1. Ukraine member-of \(nato): aspiration: 'hopes'\n     rule:     member-of/is-a-member"), aspiration)
    }
}
