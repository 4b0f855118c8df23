import KGModel
import XCTest
@testable import KGExtraction

/// How mentions refer (issue 3): coordination, apposition, passive voice, titles with demonyms,
/// definite descriptions and pronouns within a sentence or two, capitals for governments; and
/// unknown capitalized names typed from their context instead of dropped.
final class ReferencePhrasingTests: XCTestCase {
    func testCoordinationHasOneConjunction() {
        RuleCase.check([
            RuleCase("Talks were held in Ankara and Budapest, and Turkey and Hungary, both members of NATO, agreed.",
                     must: ["Turkey member-of North Atlantic Treaty Organization", "Hungary member-of North Atlantic Treaty Organization"],
                     mustNot: ["Budapest member-of North Atlantic Treaty Organization", "Hungary member-of North Atlantic Treaty Organization "]),
            RuleCase("Malaysia, Singapore and the Philippines, all members of ASEAN, objected.",
                     must: ["Philippines member-of Association of Southeast Asian Nations",
                            "Malaysia member-of Association of Southeast Asian Nations"]),
            RuleCase("Poland, a member of NATO, sent troops.", must: ["Poland member-of North Atlantic Treaty Organization"]),
        ])
    }

    func testAppositionAndOffices() {
        RuleCase.check([
            RuleCase("Foreign Minister Elina Koskimaa held talks with Marius Vandeweghe, the deputy secretary general of NATO, on Monday.",
                     must: ["Elina Koskimaa met-with Marius Vandeweghe"], mustNot: ["Marius Vandeweghe member-of North Atlantic Treaty Organization"]),
            RuleCase("The Philippine foreign secretary, Gloria Macaraig, told reporters the plan had failed.",
                     mustNot: ["Philippines met-with Gloria Macaraig"]),
        ])
        XCTAssertEqual(TestSupport.entities("The Philippine foreign secretary, Gloria Macaraig, told reporters the plan had failed."),
                       ["Gloria Macaraig:Person", "Philippines:Country"])
    }

    func testTitlesWithDemonyms() throws {
        let a = TestSupport.analysis("Kazakh Defense Minister Danial Akhmetov met Claudio Bisonero. His Russian counterpart, Viktor Gromenko, agreed.")
        let akhmetov = try XCTUnwrap(a.entities["person:Danial Akhmetov"])
        XCTAssertEqual(akhmetov.nationality, "Kazakhstan")
        XCTAssertEqual(akhmetov.titles, ["Defense Minister"])
        let gromenko = try XCTUnwrap(a.entities["person:Viktor Gromenko"])
        XCTAssertEqual(gromenko.nationality, "Russia")
        XCTAssertEqual(gromenko.titles, ["counterpart"])
    }

    func testDescriptionsReferWithinAndAcrossSentences() throws {
        // "the alliance" four sentences after NATO was named.
        RuleCase.check([
            RuleCase("NATO met. Talks went on. Nothing was decided. Critics spoke. Turkey and Hungary, both members of the alliance, objected.",
                     must: ["Turkey member-of North Atlantic Treaty Organization", "Hungary member-of North Atlantic Treaty Organization"]),
            RuleCase("The African Union met in Addis Ababa. Algeria and South Africa, both members of the continental body, objected.",
                     must: ["Algeria member-of African Union", "South Africa member-of African Union"]),
            RuleCase("The European Union met. Later the union admitted Croatia.", must: ["Croatia member-of European Union"]),
        ])
        // The description is not an alias.
        let g = TestSupport.extractor.extract(TestSupport.article("NATO met. Turkey and Hungary, both members of the alliance, objected."))
        XCTAssertEqual(g.entities["north-atlantic-treaty-organization"]?.aliases, ["NATO"])
    }

    func testPronounSubjects() {
        RuleCase.check([
            RuleCase("Montenegro held a referendum. It joined NATO in 2017.", must: ["Montenegro member-of North Atlantic Treaty Organization"]),
            RuleCase("Russian Defence Minister Viktor Gromenko flew to Dushanbe. He met Tajik Defence Minister Sherali Rahmonzoda.",
                     must: ["Viktor Gromenko met-with Sherali Rahmonzoda"]),
        ])
    }

    func testCapitalsForGovernments() throws {
        let a = TestSupport.analysis("Moscow said it would take countermeasures.")
        let m = try XCTUnwrap(a.mentions[0].first)
        XCTAssertEqual(m.kind, .capital)
        XCTAssertTrue(m.isGovernment)
        XCTAssertEqual(m.entity, "lex:Russia")
        XCTAssertEqual(TestSupport.entities("He flew to Oslo. Officials in Helsinki said Finnish forces would help."),
                       ["Finland:Country", "Helsinki:Place", "Oslo:Place"])
    }

    func testUnknownNamesTypedFromContext() {
        XCTAssertEqual(TestSupport.entities("""
            Shares in Altyn Gas JSC, Vexo Holdings plc and Brandt AG rose. Uzbekistan's state-owned Zarafshon Neftegaz \
            agreed. The Prazda Ministry objected. Banco Atlantico fell. Kelvo Oil, a unit of Nordvik Energy AG, grew.
            """), ["Altyn Gas JSC:Company", "Banco Atlantico:Company", "Brandt AG:Company", "Kelvo Oil:Company",
                   "Nordvik Energy AG:Company", "Prazda Ministry:Organization", "Uzbekistan:Country", "Vexo Holdings plc:Company",
                   "Zarafshon Neftegaz:Company"])
        XCTAssertEqual(TestSupport.entities("""
            Boats crossed the South China Sea. The Sahrawi Arab Democratic Republic (SADR) protested. The Organisation of \
            African Unity (OAU) met. The AU's Peace and Security Council met. Ships reached the Tupkar Oil Terminal.
            """), ["African Union:Organization", "Organisation of African Unity:Organization", "Peace and Security Council:Organization", "Sahrawi Arab Democratic Republic:Country",
                   "South China Sea:Place", "Tupkar Oil Terminal:Facility"])
        XCTAssertEqual(TestSupport.entities("Chief executive Hans Olsen met his counterpart, Aino Virtanen, on Monday."),
                       ["Aino Virtanen:Person", "Hans Olsen:Person"])
    }

    func testDatelines() {
        XCTAssertEqual(TestSupport.entities("LABUAN BAJO, Indonesia, May 11 (APW) - Leaders of the bloc met on the island of Flores."),
                       ["Flores:Place", "Indonesia:Country", "Labuan Bajo:Place"])
        XCTAssertEqual(TestSupport.entities("BISHKEK, June 18 (Eurasian Wire) - Defence ministers met."), ["Bishkek:Place"])
    }
}
