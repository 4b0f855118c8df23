import KGModel
import XCTest
@testable import KGExtraction

/// Each holds-share-in phrasing of issue 3 as sentences beside the relations they must and must not
/// give, with the share as a number.
final class ShareholdingPhrasingTests: XCTestCase {
    private func share(_ text: String, _ owner: String, _ asset: String, file: StaticString = #filePath, line: UInt = #line) -> Double? {
        guard let r = TestSupport.relation(text, owner, .holdsShareIn, asset) else {
            XCTFail("no \(owner) holds-share-in \(asset) in: \(text)", file: file, line: line)
            return nil
        }
        return r.share
    }

    func testOwnsOrHoldsPercentOfOrIn() {
        XCTAssertEqual(share("Gazprom owns 51% of Sibneft.", "Gazprom", "Sibneft"), 51)
        XCTAssertEqual(share("Vexo Holdings holds 30% in Lumix Telecom.", "Vexo Holdings", "Lumix Telecom"), 30)
        XCTAssertEqual(share("Nordvik Energy AG holds 12.5 per cent of Kelvo Oil.", "Nordvik Energy AG", "Kelvo Oil"), 12.5)
        XCTAssertEqual(share("Turan Gas Transit Ltd will run the pipeline. China's Silk Road Energy Group holds 50% in the venture.",
                             "Silk Road Energy Group", "Turan Gas Transit Ltd"), 50, "the company named last")
        XCTAssertEqual(share("The pipeline will be run by Turan Gas Transit Ltd, a venture registered in Tashkent. China's Silk Road Energy Group holds 50% in the venture.",
                             "Silk Road Energy Group", "Turan Gas Transit Ltd"), 50)
    }

    func testPercentStakeIn() {
        XCTAssertEqual(share("Statoil has a 20 percent stake in Novatek.", "Statoil", "Novatek"), 20)
        XCTAssertEqual(share("BP, which holds a 19.75 percent stake in Rosneft, declined to comment.", "BP", "Rosneft"), 19.75)
        XCTAssertEqual(share("Vexo's 25% stake in Lumix Telecom is worth $2bn.", "Vexo", "Lumix Telecom"), 25)
        // Coordinated owners and a stake in the holding just named.
        let each = "Silk Road Energy Group holds 50% in Turan Gas Transit Ltd, while Uzbekistan's state-owned Zarafshon Neftegaz and Kazakhstan's Altyn Gas JSC each own a 25 percent stake."
        XCTAssertEqual(share(each, "Zarafshon Neftegaz", "Turan Gas Transit Ltd"), 25)
        XCTAssertEqual(share(each, "Altyn Gas JSC", "Turan Gas Transit Ltd"), 25)
        RuleCase.check([RuleCase(each, mustNot: ["Uzbekistan holds-share-in Turan Gas Transit Ltd", "Kazakhstan holds-share-in Turan Gas Transit Ltd"])])
    }

    func testMajorityAndMinorityWordsStayInTheEvidence() throws {
        let text = "Nordhafen Bank holds a majority stake in Banco Atlantico."
        let r = try XCTUnwrap(TestSupport.relation(text, "Nordhafen Bank", .holdsShareIn, "Banco Atlantico"))
        XCTAssertNil(r.share)
        XCTAssertEqual(r.evidence.sentence, text)
        XCTAssertEqual(share("Vexo Holdings owns a controlling 60% stake in Lumix Telecom.", "Vexo Holdings", "Lumix Telecom"), 60)
        XCTAssertEqual(share("Brandt AG has a minority stake of 10% in Kelvo Oil.", "Brandt AG", "Kelvo Oil"), 10)
    }

    func testAcquiredPercent() throws {
        XCTAssertEqual(share("Vexo Holdings acquired 20% of Lumix Telecom in 2005.", "Vexo Holdings", "Lumix Telecom"), 20)
        XCTAssertEqual(share("Vexo Holdings bought a 35% stake in Lumix Telecom.", "Vexo Holdings", "Lumix Telecom"), 35)
        XCTAssertEqual(share("Nordhafen Bank took a 40 percent stake in Banco Atlantico last year.", "Nordhafen Bank", "Banco Atlantico"), 40)
        let r = try XCTUnwrap(TestSupport.relation("Vexo Holdings acquired 20% of Lumix Telecom in 2005.", "Vexo Holdings", .holdsShareIn, "Lumix Telecom"))
        XCTAssertEqual(r.date?.description, "2005")
    }

    func testRaisedItsStakeToTheNewValue() {
        XCTAssertEqual(share("Vexo Holdings raised its stake in Lumix Telecom to 35%.", "Vexo Holdings", "Lumix Telecom"), 35)
        XCTAssertEqual(share("Vexo Holdings raised its stake in Lumix Telecom from 20% to 35%.", "Vexo Holdings", "Lumix Telecom"), 35)
        XCTAssertEqual(share("Vexo Holdings owns 20% of Lumix Telecom. In May it raised its stake to 29.9%.", "Vexo Holdings", "Lumix Telecom"), 20)
        let later = TestSupport.extractor.extract(TestSupport.article("Vexo Holdings owns 20% of Lumix Telecom. In May it raised its stake to 29.9%."))
        XCTAssertEqual(later.sortedRelations.compactMap(\.share).sorted(), [20, 29.9])
        XCTAssertEqual(share("US tycoon Malcolm Glazer has increased his stake in Manchester United to 70%.", "Malcolm Glazer", "Manchester United"), 70)
    }

    func testSoldStakesEnd() {
        let text = "Vexo Holdings sold its 30% stake in Lumix Telecom to Brandt AG."
        RuleCase.check([
            RuleCase(text, must: ["Brandt AG holds-share-in Lumix Telecom"], mustNot: ["Vexo Holdings holds-share-in Lumix Telecom"]),
            RuleCase("Vexo Holdings sold its stake in Lumix Telecom.", mustNot: ["Vexo Holdings holds-share-in Lumix Telecom"]),
            RuleCase("Vexo Holdings agreed to sell its stake in Lumix Telecom to Brandt AG.",
                     mustNot: ["Brandt AG holds-share-in Lumix Telecom"]),
        ])
        XCTAssertEqual(share(text, "Brandt AG", "Lumix Telecom"), 30)
        XCTAssertEqual(TestSupport.rejections("Vexo Holdings sold its stake in Lumix Telecom."),
                       ["Vexo Holdings holds-share-in Lumix Telecom: ended: 'sold'"])
    }

    func testPassiveVoice() {
        XCTAssertEqual(share("Lumix Telecom is 51% owned by Vexo Holdings.", "Vexo Holdings", "Lumix Telecom"), 51)
        XCTAssertEqual(share("Vexo Holdings owns 51% of Lumix Telecom. The remaining 49% is held by Brandt AG.", "Brandt AG", "Lumix Telecom"), 49)
        RuleCase.check([
            RuleCase("A conflict with water firm Aguas Norte, controlled by France's Vexo, continued.",
                     must: ["Vexo holds-share-in Aguas Norte"], mustNot: ["France holds-share-in Aguas Norte"]),
            RuleCase("Kelvo Oil, a subsidiary of Nordvik Energy AG, cut output.", must: ["Nordvik Energy AG holds-share-in Kelvo Oil"]),
            RuleCase("Brandt AG is the largest shareholder in Lumix Telecom.", must: ["Brandt AG holds-share-in Lumix Telecom"]),
        ])
        XCTAssertEqual(share("Brandt AG is Lumix Telecom's largest shareholder with 28%.", "Brandt AG", "Lumix Telecom"), 28)
    }

    func testKeptStakesSubsidiariesAndEndedHoldings() throws {
        XCTAssertEqual(share("Nordkom AB, which sells the rest, will keep a 20 percent stake in Baltiq Mobile.", "Nordkom AB", "Baltiq Mobile"), 20)
        XCTAssertEqual(share("Baltiq Mobile's second-largest shareholder, Estonian fund Tallinn Capital, holds 5 percent.",
                             "Tallinn Capital", "Baltiq Mobile"), 5)
        RuleCase.check([
            RuleCase("Kelvo Oil operates the Esbjerg oil terminal through its subsidiary Kelvo Terminals A/S. Kelvo Terminals holds a 60% stake in the Esbjerg terminal.",
                     must: ["Kelvo Oil holds-share-in Kelvo Terminals A/S", "Kelvo Terminals A/S holds-share-in Esbjerg oil terminal"]),
            RuleCase("Kelvo Oil, which was majority-owned by the Danish state until 2009, grew.", mustNot: ["Denmark holds-share-in Kelvo Oil"]),
            RuleCase("Norway's Nordvik Energy ASA said on Thursday it had raised its stake in Kelvo Oil to 34.5 percent.",
                     must: ["Nordvik Energy ASA holds-share-in Kelvo Oil"], mustNot: ["Norway holds-share-in Kelvo Oil"]),
        ])
        let port = "Meridian Capital Partners has acquired a 49 percent interest in the Tupkaragan port terminal from Kazakhstan Temir Zholy (KTZ). KTZ retains the remaining 51 percent."
        XCTAssertEqual(share(port, "Meridian Capital Partners", "Tupkaragan port terminal"), 49)
        XCTAssertEqual(share(port, "Kazakhstan Temir Zholy", "Tupkaragan port terminal"), 51)
        XCTAssertEqual(TestSupport.rejections("Kelvo Oil, which was majority-owned by the Danish state until 2009, grew."),
                       ["Denmark holds-share-in Kelvo Oil: ended: 'until'"])
    }

    func testBidsAndOffersAreNotHoldings() {
        RuleCase.check([
            RuleCase("Vexo Holdings made a bid for a 20% stake in Lumix Telecom.", mustNot: ["Vexo Holdings holds-share-in Lumix Telecom"]),
            RuleCase("Vexo Holdings plans to buy 20% of Lumix Telecom.", mustNot: ["Vexo Holdings holds-share-in Lumix Telecom"]),
            RuleCase("Vexo Holdings would own 30% of Lumix Telecom if regulators agree.", mustNot: ["Vexo Holdings holds-share-in Lumix Telecom"]),
        ])
    }
}
