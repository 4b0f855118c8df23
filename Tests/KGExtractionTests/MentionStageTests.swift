import KGModel
import XCTest
@testable import KGExtraction

final class MentionStageTests: XCTestCase {
    func testBundledLexiconLoads() throws {
        let lex = try Lexicon.bundled()
        let toks = Tokenizer.tokenize(Array("the Collective Security Treaty Organization".unicodeScalars))
        let m = lex.longestMatch(toks, at: 1, end: toks.count)
        XCTAssertEqual(m?.length, 4)
        XCTAssertEqual(m?.phrase.entry.label, "Collective Security Treaty Organization")
        XCTAssertTrue(lex.cue(.honorific, "mr"))
        XCTAssertTrue(lex.givenNames.contains("Werner"))
    }

    func testMalformedLexiconLineIsReported() {
        XCTAssertThrowsError(try Lexicon(countries: "", places: "", organizations: "X\tNonsense\n", cues: "", givenNames: "")) {
            XCTAssertEqual($0 as? LexiconError, .malformedLine(file: "organizations.tsv", line: 1))
            XCTAssertEqual("\($0)", "lexicon file organizations.tsv line 1 is malformed")
        }
    }

    func testTitlesDemonymsAndCapitals() {
        let e = TestSupport.entities("Kazakh President Nursultan Nazarbayev spoke. Astana pursues its interests. Mr Nazarbayev left.")
        XCTAssertEqual(e, ["Kazakhstan:Country", "Nursultan Nazarbayev:Person"])
    }

    func testCapitalAfterPlacePrepositionIsTheCity() {
        let e = TestSupport.entities("The summit was held in Moscow. Moscow said it was pleased.")
        XCTAssertEqual(e, ["Moscow:Place", "Russia:Country"])
    }

    func testNameSuffixesDescriptorsAndAppositions() {
        let e = TestSupport.entities("""
            Rival banking giant Zorbank said it would bid. Vexo Holdings rose. The Prazda Ministry objected. \
            Lumix, the country's biggest mobile provider, fell. Tarvo Kelmet, a board member of Prazda Ministry, \
            resigned. The Kelvo oil terminal was shut. Water firm Aguas Norte cut supply. \
            He spoke in the city of Sarvo.
            """)
        XCTAssertEqual(e, ["Aguas Norte:Company", "Kelvo oil terminal:Facility", "Lumix:Company", "Prazda Ministry:Organization",
                           "Sarvo:Place", "Tarvo Kelmet:Person", "Vexo Holdings:Company", "Zorbank:Company"])
    }

    func testDescriptionBeforeAndCompanyWordEndings() {
        let e = TestSupport.entities("Hans Brenner of Ruritania's central bank, the Zentralbank, spoke. Later, Velocigroup fell.")
        XCTAssertEqual(e, ["Hans Brenner:Person", "Velocigroup:Company", "Zentralbank:Organization"])
    }

    func testNamesBeginningWithAPlaceAndCorporateTitles() {
        let e = TestSupport.entities("Manchester United chief executive David Gill spoke. Shares in China Mobile rose.")
        XCTAssertEqual(e, ["China Mobile:Company", "David Gill:Person", "Manchester United:Company"])
    }

    func testAcronymDefinitionAndShortNamesResolve() {
        let a = TestSupport.analysis("Velta First Bank (VFB) grew. VFB is profitable. Orvell Capital invested. Orvell sold.")
        let labels = Set(a.emittedEntities.map(\.label))
        XCTAssertEqual(labels, ["Velta First Bank", "Orvell Capital"])
        XCTAssertEqual(a.entities["name:Velta First Bank"]?.aliases, ["VFB"])
        XCTAssertEqual(a.entities["name:Orvell Capital"]?.aliases, ["Orvell"])
    }

    func testDescriptionsReferBack() {
        let a = TestSupport.analysis("Kazakh President Nursultan Nazarbayev arrived. The Kazakh leader said he was pleased.")
        let d = a.mentions[1].first { $0.kind == .description }
        XCTAssertEqual(d.flatMap(\.entity), "person:Nursultan Nazarbayev")
    }

    func testSentenceInitialCommonWordsAreNotNames() {
        let e = TestSupport.entities("Clearly, the plan failed. Local officials in Frankfurt agreed. Taking stock, Werner Seifert left.")
        XCTAssertEqual(e, ["Frankfurt:Place", "Werner Seifert:Person"])
    }

    func testCurrencyAndMacroRegionsAreNotEntities() {
        let e = TestSupport.entities("It cost 5m US dollars in Asia and Europe.")
        XCTAssertEqual(e, [])
    }
}
