import KGModel
import XCTest
@testable import KGExtraction

/// Each phrasing the rules support, as a sentence beside the relations it must and must not give.
final class RelationRuleTests: XCTestCase {
    private struct Case {
        var text: String
        var must: [String] = []
        var mustNot: [String] = []
        var line: UInt
    }

    /// "A relation B" with labels; met-with matches either order.
    private func has(_ relations: [String], _ expected: String) -> Bool {
        if relations.contains(expected) { return true }
        for kind in ["met-with"] {
            let parts = expected.components(separatedBy: " \(kind) ")
            if parts.count == 2, relations.contains("\(parts[1]) \(kind) \(parts[0])") { return true }
        }
        return false
    }

    private func check(_ cases: [Case]) {
        for c in cases {
            let r = TestSupport.relations(c.text)
            for m in c.must { XCTAssertTrue(has(r, m), "missing \(m) in \(r)", line: c.line) }
            for m in c.mustNot { XCTAssertFalse(has(r, m), "unexpected \(m)", line: c.line) }
        }
    }

    func testMemberOf() {
        check([
            Case(text: "Kazakhstan praised cooperation among Kazakhstan and other member-states of the Shanghai Cooperation Organization.",
                 must: ["Kazakhstan member-of Shanghai Cooperation Organization"], line: #line),
            Case(text: "He praised cooperation among Kazakhstan and other member-countries within the CSTO.",
                 must: ["Kazakhstan member-of Collective Security Treaty Organization"], line: #line),
            Case(text: "Georgia is a member of the Council of Europe.", must: ["Georgia member-of Council of Europe"], line: #line),
            Case(text: "Kazakhstan, Russia and Belarus are members of the Eurasian Economic Community.",
                 must: ["Kazakhstan member-of Eurasian Economic Community", "Russia member-of Eurasian Economic Community",
                        "Belarus member-of Eurasian Economic Community"], line: #line),
            Case(text: "Poland, a member of NATO, sent troops.", must: ["Poland member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "But, Hans Brenner, a board member of Germany's central bank, the Bundesbank, said rates would rise.",
                 must: ["Hans Brenner member-of Bundesbank"], line: #line),
            Case(text: "The Shanghai Cooperation Organization, which unites China, Russia and four Central Asian states, met in Astana.",
                 must: ["China member-of Shanghai Cooperation Organization", "Russia member-of Shanghai Cooperation Organization"],
                 mustNot: ["Astana member-of Shanghai Cooperation Organization"], line: #line),
            Case(text: "He spoke at the CSTO summit, praising this organization, which unites four Central Asian countries, Armenia, and Belarus under the eyes of Moscow.",
                 must: ["Armenia member-of Collective Security Treaty Organization", "Belarus member-of Collective Security Treaty Organization"],
                 mustNot: ["Russia member-of Collective Security Treaty Organization"], line: #line),
            Case(text: "The southern part of Cyprus is an EU member, but Turkey is not.",
                 must: ["Cyprus member-of European Union"], mustNot: ["Turkey member-of European Union"], line: #line),
            Case(text: "EU members Poland and Hungary objected.",
                 must: ["Poland member-of European Union", "Hungary member-of European Union"], line: #line),
            Case(text: "NATO member Turkey blocked the plan.", must: ["Turkey member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Croatia joined NATO in 2009.", must: ["Croatia member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Tory leader Michael Howard said the deal was good.", must: ["Michael Howard member-of Conservative Party"], line: #line),
            Case(text: "UK Independence Party (UKIP) leader Roger Knapman said Britain should leave the EU.",
                 must: ["Roger Knapman member-of UK Independence Party"], mustNot: ["United Kingdom member-of European Union"], line: #line),
            Case(text: "IOC member Craig Reedie told BBC Sport that the bid was strong.",
                 must: ["Craig Reedie member-of International Olympic Committee"],
                 mustNot: ["BBC member-of International Olympic Committee"], line: #line),
            Case(text: "Tory foreign affairs spokesman Michael Ancram objected.", must: ["Michael Ancram member-of Conservative Party"], line: #line),
            Case(text: "Stephen Byers, the Labour MP for North Tyneside, said it was wrong.",
                 must: ["Stephen Byers member-of Labour Party"], line: #line),
            Case(text: "Labour MP Diane Abbott said it was wrong.", must: ["Diane Abbott member-of Labour Party"], line: #line),
            Case(text: "IOC member Dick Pound said the tests were fair.", must: ["Dick Pound member-of International Olympic Committee"], line: #line),
            Case(text: "Mr Magnier, a member of the board of Coolmore Stud, refused to comment.",
                 must: ["Magnier member-of Coolmore Stud"], line: #line),
            Case(text: "Sepp Blatter, a member of the IOC, denied the claims.",
                 must: ["Sepp Blatter member-of International Olympic Committee"], line: #line),
            // Not membership.
            Case(text: "Turkey hopes to become a member of the EU.", mustNot: ["Turkey member-of European Union"], line: #line),
            Case(text: "Ukraine is not a member of NATO.", mustNot: ["Ukraine member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Kazakhstan is developing close ties with NATO within the individual partnership program.",
                 mustNot: ["Kazakhstan member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Serbia, an observer in the CSTO, sent a delegation.",
                 mustNot: ["Serbia member-of Collective Security Treaty Organization"], line: #line),
            Case(text: "Moldova, a former member of the CIS, left.", mustNot: ["Moldova member-of Commonwealth of Independent States"], line: #line),
            Case(text: "Macedonia, a candidate member of the EU, waited.", mustNot: ["North Macedonia member-of European Union"], line: #line),
            Case(text: "The EU has also announced that it will start accession talks with Croatia in April 2005.",
                 mustNot: ["Croatia member-of European Union", "European Union met-with Croatia"], line: #line),
            Case(text: "It could take 15 years before Turkey is able to join the EU.", mustNot: ["Turkey member-of European Union"], line: #line),
            Case(text: "Croatia will join NATO next year.", mustNot: ["Croatia member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Claudio Bisonero, deputy secretary general of NATO, arrived.",
                 mustNot: ["Claudio Bisonero member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "President Nestor Kirchner of Argentina arrived in power.",
                 mustNot: ["Nestor Kirchner member-of Argentina"], line: #line),
            Case(text: "Beijing says Taiwan is part of Chinese territory.", mustNot: ["Taiwan member-of China"], line: #line),
            Case(text: "It should not increase arms exports from European Union member states to China.",
                 mustNot: ["China member-of European Union"], line: #line),
            Case(text: "Argentina is under pressure from European Union countries and the IMF.",
                 mustNot: ["Argentina member-of European Union"], line: #line),
        ])
    }

    func testMetWith() {
        check([
            Case(text: "Werner Seifert met LSE chief executive Clara Furse amid rumours of a bid.",
                 must: ["Werner Seifert met-with Clara Furse"], mustNot: ["Werner Seifert member-of London Stock Exchange"], line: #line),
            Case(text: "German Chancellor Angela Merkel met French President Jacques Chirac in Berlin on Friday.",
                 must: ["Angela Merkel met-with Jacques Chirac"], line: #line),
            Case(text: "Gazprom held talks with Naftogaz in Kiev.", must: ["Gazprom met-with Naftogaz"], line: #line),
            Case(text: "Deutsche Boerse bosses have held \"constructive, professional and friendly\" talks with the London Stock Exchange (LSE), its chief has said.",
                 must: ["Deutsche Boerse met-with London Stock Exchange"], line: #line),
            Case(text: "Euronext, which combines the Paris, Amsterdam and Lisbon stock exchanges, also began talks with the LSE.",
                 must: ["Euronext met-with London Stock Exchange"], line: #line),
            Case(text: "Fifa president Sepp Blatter has held talks with Uefa chief executive Lars-Christer Olsson in Zurich.",
                 must: ["Sepp Blatter met-with Lars-Christer Olsson"], line: #line),
            Case(text: "Iran will hold talks with France, Germany and Britain in Geneva next week, officials said.",
                 must: ["Iran met-with France", "Iran met-with Germany", "Iran met-with United Kingdom"], line: #line),
            Case(text: "Russian Foreign Minister Sergei Lavrov met his Iranian counterpart Kamal Kharrazi in Moscow.",
                 must: ["Sergei Lavrov met-with Kamal Kharrazi"], mustNot: ["Sergei Lavrov met-with Iran"], line: #line),
            Case(text: "Manchester United chief executive David Gill met Mr Glazer's sons in Florida.",
                 mustNot: ["David Gill met-with Glazer", "David Gill member-of Manchester United"], line: #line),
            Case(text: "Chinese oil firm CNPC said it had held talks with Rosneft in Moscow.",
                 must: ["CNPC met-with Rosneft"], line: #line),
            Case(text: "Armenia and Azerbaijan held talks in Prague.", must: ["Armenia met-with Azerbaijan"], line: #line),
            Case(text: "Talks between Armenia and Azerbaijan resumed.", must: ["Armenia met-with Azerbaijan"], line: #line),
            Case(text: "Ms Rice, speaking at a joint news conference with Israeli Foreign Minister Tzipi Livni, stressed this point.",
                 must: ["Rice met-with Tzipi Livni"], line: #line),
            Case(text: "Kazakh Defense Minister Danial Akhmetov, shaking hands with Claudio Bisonero, deputy secretary general of NATO in Astana, spoke.",
                 must: ["Danial Akhmetov met-with Claudio Bisonero"],
                 mustNot: ["Danial Akhmetov member-of North Atlantic Treaty Organization"], line: #line),
            Case(text: "Last week in Paris, President Kirchner discussed this problem with French president Jacques Chirac.",
                 must: ["Kirchner met-with Jacques Chirac"], line: #line),
            Case(text: "The plan was discussed by Mr Brown with Mr Schroeder.", must: ["Brown met-with Schroeder"], line: #line),
            Case(text: "Prime Minister Tony Blair received Libyan leader Muammar Gaddafi.",
                 must: ["Tony Blair met-with Muammar Gaddafi"], line: #line),
            Case(text: "German Chancellor Gerhard Schroeder hosted Russian President Vladimir Putin in Hamburg.",
                 must: ["Gerhard Schroeder met-with Vladimir Putin"], line: #line),
            Case(text: "Visiting Paris, Chinese Premier Wen Jiabao told French President Jacques Chirac that trade would grow.",
                 must: ["Wen Jiabao met-with Jacques Chirac"], line: #line),
            Case(text: "Chinese President Hu Jintao will press Kazakh President Nursultan Nazarbayev for oil when he arrives on a state visit to Astana on October 3.",
                 must: ["Hu Jintao met-with Nursultan Nazarbayev"], line: #line),
            Case(text: "Mr Nazarbayev will be explicit when he confers with Russian President Dmitri Medvedev in Brussels.",
                 must: ["Nazarbayev met-with Dmitri Medvedev"], line: #line),
            // Not meetings.
            Case(text: "Argentine Economic Minister, Roberto Lavagna, told the French media in Paris that tariffs would rise.",
                 mustNot: ["Roberto Lavagna met-with France"], line: #line),
            Case(text: "Russian President Vladimir Putin did not meet Ukrainian President Viktor Yushchenko.",
                 mustNot: ["Vladimir Putin met-with Viktor Yushchenko"], line: #line),
            Case(text: "Russian President Vladimir Putin refused to meet Ukrainian President Viktor Yushchenko.",
                 mustNot: ["Vladimir Putin met-with Viktor Yushchenko"], line: #line),
            Case(text: "The Kremlin denied that President Vladimir Putin had met Yukos founder Mikhail Khodorkovsky.",
                 mustNot: ["Vladimir Putin met-with Mikhail Khodorkovsky"], line: #line),
            Case(text: "Russian President Vladimir Putin may meet Ukrainian President Viktor Yushchenko.",
                 mustNot: ["Vladimir Putin met-with Viktor Yushchenko"], line: #line),
            Case(text: "Recently, Nazarbayev offered to have Kazakhstan mediate if Georgia and Russia were willing to meet at the negotiating table.",
                 mustNot: ["Georgia met-with Russia"], line: #line),
            Case(text: "This time around, Standard Chartered is thought to have beaten HSBC to the deal.",
                 mustNot: ["Standard Chartered met-with HSBC"], line: #line),
            Case(text: "Aguas Argentinas told the Argentine newspaper Clarin it would not accept any change.",
                 mustNot: ["Aguas Argentinas met-with Clarin"], line: #line),
            Case(text: "The deal to open formal talks with Ankara came despite an EU demand.",
                 mustNot: ["European Union met-with Turkey"], line: #line),
        ])
    }

    func testHoldsShareIn() {
        check([
            Case(text: "Gazprom owns 51% of Sibneft.", must: ["Gazprom holds-share-in Sibneft"], line: #line),
            Case(text: "The Polish government owns 51.4% of Velta Bank, while the remaining shareholding is in the hands of US investment group Orvell Capital.",
                 must: ["Poland holds-share-in Velta Bank", "Orvell Capital holds-share-in Velta Bank"],
                 mustNot: ["United States holds-share-in Velta Bank"], line: #line),
            Case(text: "BP holds a 50% stake in Rosneft Trading.", must: ["BP holds-share-in Rosneft Trading"], line: #line),
            Case(text: "Statoil has a 20 percent stake in Novatek.", must: ["Statoil holds-share-in Novatek"], line: #line),
            Case(text: "Baku pursues interests in Georgia with a 25 percent share of the SOCAR state oil company in the Kulevi oil terminal.",
                 must: ["Socar holds-share-in Kulevi oil terminal"], line: #line),
            Case(text: "Vexo owns 60% of Lumix Telecom, while Germany's Brandt Holdings is its second biggest shareholder with 15.5%.",
                 must: ["Vexo holds-share-in Lumix Telecom", "Brandt Holdings holds-share-in Lumix Telecom"],
                 mustNot: ["Germany holds-share-in Lumix Telecom"], line: #line),
            Case(text: "Orvell Capital, owner of the Kelvo oil terminal, said profits rose.",
                 must: ["Orvell Capital holds-share-in Kelvo oil terminal"], line: #line),
            Case(text: "A conflict with water firm Aguas Norte, controlled by France's Vexo, continued.",
                 must: ["Vexo holds-share-in Aguas Norte"], mustNot: ["France holds-share-in Aguas Norte"], line: #line),
            Case(text: "Chelsea, owned by Russian billionaire Roman Abramovich, will play Barcelona.",
                 must: ["Roman Abramovich holds-share-in Chelsea"], mustNot: ["Russia holds-share-in Chelsea"], line: #line),
            Case(text: "US tycoon Malcolm Glazer has increased his stake in Manchester United to 70%.",
                 must: ["Malcolm Glazer holds-share-in Manchester United"], mustNot: ["United States holds-share-in Manchester United"], line: #line),
            Case(text: "Later, Lumix Telecom's biggest shareholder, Brandt Holdings, said it would vote against.",
                 must: ["Brandt Holdings holds-share-in Lumix Telecom"], line: #line),
            Case(text: "The fields belong to Gazprom-owned Sibneft.", must: ["Gazprom holds-share-in Sibneft"], line: #line),
            Case(text: "Yuganskneftegaz was bought by the little-known Baikal Finance Group on Sunday.",
                 must: ["Baikal Finance Group holds-share-in Yuganskneftegaz"], line: #line),
            Case(text: "Rosneft, Russia's state oil firm, later acquired Baikal Finance Group.",
                 must: ["Rosneft holds-share-in Baikal Finance Group"], mustNot: ["Russia holds-share-in Baikal Finance Group"], line: #line),
            Case(text: "Velta's shares are held by the state. Korea Exchange Bank is also currently in the hands of a US group.",
                 mustNot: ["United States holds-share-in Korea Exchange Bank"], line: #line),
            // Not holdings.
            Case(text: "UK-based bank Standard Chartered said it would spend $3.3bn (£1.8bn) to buy Korea First Bank.",
                 mustNot: ["Standard Chartered holds-share-in Korea First Bank"], line: #line),
            Case(text: "Standard Chartered said it was buying 100% of Korea First Bank, a deal which requires regulatory approval.",
                 mustNot: ["Standard Chartered holds-share-in Korea First Bank"], line: #line),
            Case(text: "Vexo sold its 30% stake in Lumix Telecom.", mustNot: ["Vexo holds-share-in Lumix Telecom"], line: #line),
            Case(text: "Eni would own 30% of Galp if the deal goes through.", mustNot: ["Eni holds-share-in Galp"], line: #line),
            Case(text: "Suez lost a water concession in Bolivia.", mustNot: ["Suez holds-share-in Bolivia"], line: #line),
            Case(text: "Gazprom has made a bid for Sibneft.", mustNot: ["Gazprom holds-share-in Sibneft"], line: #line),
            Case(text: "However, neither side has made a formal offer for the LSE.",
                 mustNot: ["Deutsche Boerse holds-share-in London Stock Exchange"], line: #line),
        ])
    }

    func testAttributes() throws {
        let planned = try XCTUnwrap(TestSupport.relation(
            "Russian President Vladimir Putin will meet US President George Bush in Sochi on October 3.",
            "Vladimir Putin", .metWith, "George Bush"))
        XCTAssertEqual(planned.modality, .planned)
        XCTAssertEqual(planned.date?.description, "2008-10-03")
        XCTAssertEqual(planned.place, "sochi")

        // 2008-09-10 is a Wednesday: a past "Friday" is 2008-09-05.
        let met = try XCTUnwrap(TestSupport.relation(
            "German Chancellor Angela Merkel met French President Jacques Chirac in Berlin on Friday.",
            "Angela Merkel", .metWith, "Jacques Chirac"))
        XCTAssertEqual(met.modality, .asserted)
        XCTAssertEqual(met.date?.description, "2008-09-05")
        XCTAssertEqual(met.place, "berlin")

        let exact = try XCTUnwrap(TestSupport.relation("Eni owns 30% of Galp (33.34%).", "Eni", .holdsShareIn, "Galp"))
        XCTAssertEqual(exact.share, 33.34)
        let shareholder = try XCTUnwrap(TestSupport.relation(
            "Vexo owns 60% of Lumix Telecom, while Germany's Brandt Holdings is its second biggest shareholder with 15.5%.",
            "Brandt Holdings", .holdsShareIn, "Lumix Telecom"))
        XCTAssertEqual(shareholder.share, 15.5)
    }

    func testRejectedCandidatesKeepRuleAndReason() {
        let a = TestSupport.analysis("Russian President Vladimir Putin did not meet Ukrainian President Viktor Yushchenko.")
        XCTAssertEqual(a.candidates.count, 1)
        XCTAssertEqual(a.candidates.first?.rule, "met-with/met")
        XCTAssertEqual(a.candidates.first?.rejection, "negated: 'not'")
        XCTAssertEqual(a.candidates.first?.modality, .negated)
        let b = TestSupport.analysis("Eni would own 30% of Galp if the deal goes through.")
        XCTAssertEqual(b.candidates.first?.rejection, "hypothetical: 'would'")
    }

    func testEvidenceOffsetsPointAtTheSentence() throws {
        let body = "Intro line here. Gazprom owns 51% of Sibneft (Interfax, May 2). Done."
        let article = TestSupport.article(body)
        let g = TestSupport.extractor.extract(article)
        let r = try XCTUnwrap(g.sortedRelations.first)
        let offsets = try XCTUnwrap(r.evidence.offsets)
        let scalars = Array(article.text.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[offsets])), r.evidence.sentence)
        XCTAssertEqual(r.evidence.sentence, "Gazprom owns 51% of Sibneft (Interfax, May 2).")
        XCTAssertEqual(r.evidence.citedSource, "Interfax, May 2")
        XCTAssertEqual(r.evidence.source, "case.txt")
    }
}
