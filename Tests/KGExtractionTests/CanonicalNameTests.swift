import KGModel
import XCTest
@testable import KGExtraction

/// Names that point to a lexicon entry keep that entry's label: an acronym before a hyphenated
/// suffix ("UK-based") is the country or organization it abbreviates, never a new place re-cased
/// from the acronym ("Uk"); a party's nickname or short name ("Tory", "the Tories", "Labour",
/// "GOP") is the party with its lexicon label, whatever the order of names and articles.
final class CanonicalNameTests: XCTestCase {
    private func graph(_ body: String, id: String = "case.txt") -> KnowledgeGraph {
        TestSupport.extractor.extract(TestSupport.article(body, id: id))
    }

    /// Entities of a text as "id|label|Type".
    private func entities(_ body: String) -> [String] {
        graph(body).sortedEntities.map { "\($0.id)|\($0.label)|\($0.type.rawValue)" }
    }

    // MARK: - Compound adjectives

    func testAcronymBeforeAHyphenatedSuffixIsTheEntityItAbbreviates() {
        let cases: [(String, String, UInt)] = [
            // At the start of the body, where a wire-story dateline would stand.
            ("UK-based miner Vedanta said it would buy the mine.", "united-kingdom|United Kingdom|Country", #line),
            ("UK-owned Vedanta said it would buy the mine.", "united-kingdom|United Kingdom|Country", #line),
            ("U.K.-registered Vedanta said it would buy the mine.", "united-kingdom|United Kingdom|Country", #line),
            ("US-led forces entered the town.", "united-states|United States|Country", #line),
            ("NATO-led forces entered the town.", "north-atlantic-treaty-organization|North Atlantic Treaty Organization|Organization", #line),
            ("EU-backed reforms began in Kazakhstan.", "european-union|European Union|Organization", #line),
            ("UAE-listed Vedanta said it would buy the mine.", "united-arab-emirates|United Arab Emirates|Country", #line),
            ("IMF-backed reforms began in Kazakhstan.", "international-monetary-fund|International Monetary Fund|Organization", #line),
            // Inside a sentence.
            ("Shares in the UK-based miner Vedanta rose.", "united-kingdom|United Kingdom|Country", #line),
            ("Analysts said the US-led coalition and the DRC-registered miner would agree.",
             "democratic-republic-of-congo|Democratic Republic of Congo|Country", #line),
        ]
        for (text, expected, line) in cases {
            let found = entities(text)
            XCTAssertTrue(found.contains(expected), "missing \(expected) in \(found)", line: line)
            // Never a place made from the acronym's letters.
            XCTAssertFalse(found.contains { $0.hasSuffix("|Place") }, "a place in \(found)", line: line)
            XCTAssertFalse(found.contains { e in ["|Uk|", "|Us|", "|Nato|", "|Eu|", "|Uae|", "|Imf|", "|U.k.|"].contains { e.contains($0) } },
                           "a label re-cased from an acronym in \(found)", line: line)
        }
    }

    func testUKBasedCompanyExactEntities() {
        XCTAssertEqual(entities("UK-based miner Vedanta said it would buy the mine."),
                       ["united-kingdom|United Kingdom|Country", "vedanta|Vedanta|Company"])
        let uk = graph("UK-based miner Vedanta said it would buy the mine.").entities["united-kingdom"]
        XCTAssertEqual(uk?.aliases, ["UK"])
    }

    func testDatelinesStillNameTheirCity() {
        XCTAssertEqual(entities("LONDON (Reuters) - Vedanta Resources said it would buy the mine."),
                       ["london|London|Place", "vedanta-resources|Vedanta Resources|Company"])
        XCTAssertEqual(entities("MOSCOW, Sept 5 - Defence ministers met."), ["moscow|Moscow|Place"])
        XCTAssertEqual(entities("NUR-SULTAN - Defence ministers met."), ["nur-sultan|Nur-Sultan|Place"])
        // A city in capitals that the lexicon writes so keeps its capitals: "U.K." is not "U.k.".
        XCTAssertEqual(entities("U.K. (Reuters) - Defence ministers met."), ["united-kingdom|United Kingdom|Country"])
    }

    func testMergedArticlesHaveOneUnitedKingdom() throws {
        let a = graph("UK-based miner Vedanta said it would buy the mine.", id: "a.txt")
        let b = graph("The United Kingdom and France are members of NATO.", id: "b.txt")
        for linked in [EntityLinker().link([a, b]), EntityLinker().link([b, a])] {
            let countries = linked.sortedEntities.filter { $0.label.lowercased().contains("k") && ($0.type == .country || $0.type == .place) }
            XCTAssertEqual(countries.map(\.label), ["United Kingdom"])
            XCTAssertEqual(linked.entities["united-kingdom"]?.aliases, ["UK"])
            XCTAssertNil(linked.entities["uk"])
        }
    }

    // MARK: - Parties

    func testPartyNicknamesGiveTheLexiconLabel() throws {
        let cases: [(String, String, [String], UInt)] = [
            ("Tory leader Michael Howard said the deal was good.", "conservative-party|Conservative Party|Organization", ["Tory"], #line),
            ("Michael Howard said the Tories would vote against it.", "conservative-party|Conservative Party|Organization", ["Tories"], #line),
            ("Michael Howard said the Conservatives would vote against it.", "conservative-party|Conservative Party|Organization", ["Conservatives"], #line),
            ("Michael Howard said the Tory party would vote against it.", "conservative-party|Conservative Party|Organization", ["Tory party"], #line),
            ("Stephen Byers, the Labour MP for North Tyneside, said it was wrong.", "labour-party|Labour Party|Organization", ["Labour"], #line),
            ("In Washington the Democrats said they would block the bill.", "democratic-party|Democratic Party|Organization", ["Democrats"], #line),
            ("In Washington the Republicans said they would back the bill.", "republican-party|Republican Party|Organization", ["Republicans"], #line),
            ("In Washington the GOP said it would back the bill.", "republican-party|Republican Party|Organization", ["GOP"], #line),
            ("Berlin said the SPD would join the coalition.", "social-democratic-party-of-germany|Social Democratic Party of Germany|Organization", ["SPD"], #line),
            ("Lena Vogt said the Free Democrats would join the coalition.", "free-democratic-party|Free Democratic Party|Organization", ["Free Democrats"], #line),
        ]
        for (text, expected, aliases, line) in cases {
            let g = graph(text)
            let found = g.sortedEntities.map { "\($0.id)|\($0.label)|\($0.type.rawValue)" }
            XCTAssertTrue(found.contains(expected), "missing \(expected) in \(found)", line: line)
            let id = String(expected.prefix { $0 != "|" })
            XCTAssertEqual(g.entities[id]?.aliases, aliases, line: line)
            // No party named by the nickname.
            XCTAssertFalse(found.contains { e in aliases.contains { e.contains("|\($0)|") } }, "\(found)", line: line)
        }
        XCTAssertEqual(TestSupport.relations("Tory leader Michael Howard said the deal was good."),
                       ["Michael Howard member-of Conservative Party"])
    }

    func testPartyLabelDoesNotDependOnTheOrderOfNames() throws {
        let texts = [
            "Tory leader Michael Howard spoke. The Conservative Party later agreed. The Tories cheered.",
            "The Conservative Party agreed. Tory leader Michael Howard spoke. The Tories cheered.",
            "The Tories cheered. The Conservative Party agreed. Tory leader Michael Howard spoke.",
        ]
        for text in texts {
            let g = graph(text)
            let party = try XCTUnwrap(g.entities["conservative-party"], text)
            XCTAssertEqual(party.label, "Conservative Party", text)
            XCTAssertEqual(party.type, .organization, text)
            XCTAssertEqual(Set(party.aliases), ["Tories", "Tory"], text)
            XCTAssertEqual(g.sortedEntities.filter { $0.type == .organization }.count, 1, text)
        }
        // Across articles: one node, whichever article comes first.
        let a = graph("Tory leader Michael Howard spoke.", id: "a.txt")
        let b = graph("The Conservatives and Labour clashed over the budget.", id: "b.txt")
        let ab = EntityLinker().link([a, b])
        XCTAssertEqual(ab, EntityLinker().link([b, a]))
        XCTAssertEqual(ab.sortedEntities.filter { $0.type == .organization }.map(\.id), ["conservative-party", "labour-party"])
        XCTAssertEqual(ab.entities["conservative-party"]?.aliases, ["Conservatives", "Tory"])
    }

    func testOrdinaryWordsAndOtherPartiesAreNotTheseParties() {
        let none: [(String, UInt)] = [
            ("Many conservatives and democrats objected to the plan.", #line),
            ("Democrats around the world welcomed the decision.", #line),
            ("Labour costs rose by 3% last year.", #line),
            ("Republicans and monarchists argued for decades.", #line),
        ]
        for (text, line) in none {
            XCTAssertEqual(entities(text).filter { $0.hasSuffix("|Organization") }, [], text, line: line)
        }
        // Other parties whose names end in a party's short name.
        XCTAssertEqual(entities("The Sweden Democrats objected."), ["sweden-democrats|Sweden Democrats|Organization"])
        XCTAssertEqual(entities("Lena Vogt said the Christian Democrats objected."),
                       ["christian-democrats|Christian Democrats|Organization", "lena-vogt|Lena Vogt|Person"])
        // A sentence-initial short name counts when the article also names the party inside a sentence,
        // or when a title follows it.
        XCTAssertEqual(entities("Labour won the vote. Voters in Leeds backed Labour."), ["labour-party|Labour Party|Organization"])
        XCTAssertEqual(TestSupport.relations("Labour MP Diane Abbott said it was wrong."), ["Diane Abbott member-of Labour Party"])
    }

    func testSharedPartyNamesKeepTheArticlesName() throws {
        // "Greens" and "Social Democrats" are the names of parties in many countries.
        XCTAssertEqual(entities("Axel Vogel left the Greens and joined the Social Democrats."),
                       ["axel-vogel|Axel Vogel|Person", "greens|Greens|Organization", "social-democrats|Social Democrats|Organization"])
        // With a name of its own the party takes the lexicon's label.
        let g = graph("Axel Vogel joined the Social Democrats. The SPD welcomed him.")
        XCTAssertEqual(g.entities["social-democratic-party-of-germany"]?.label, "Social Democratic Party of Germany")
        XCTAssertEqual(g.entities["social-democratic-party-of-germany"]?.aliases, ["Social Democrats", "SPD"], "first seen first")
    }

    /// Forces named like a party are not the party: "Republican Guard" is not the Republican Party.
    func testForcesNamedLikeAPartyAreTheirOwnOrganization() {
        XCTAssertEqual(entities("Iraq's Republican Guard moved north on Monday."),
                       ["iraq|Iraq|Country", "republican-guard|Republican Guard|Organization"])
        XCTAssertEqual(entities("Iran's Revolutionary Guards seized the tanker."),
                       ["iran|Iran|Country", "islamic-revolutionary-guard-corps|Islamic Revolutionary Guard Corps|Organization"])
    }
}
