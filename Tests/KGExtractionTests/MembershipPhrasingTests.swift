import KGModel
import XCTest
@testable import KGExtraction

/// Each member-of phrasing of issue 3 as sentences beside the relations they must and must not give;
/// memberships that ended or are not held stay rejected candidates with their reason.
final class MembershipPhrasingTests: XCTestCase {
    func testMemberStatesOf() {
        RuleCase.check([
            RuleCase("Among the member states of NATO, Norway, Estonia and Latvia were the first to welcome the step.",
                     must: ["Norway member-of North Atlantic Treaty Organization", "Estonia member-of North Atlantic Treaty Organization",
                            "Latvia member-of North Atlantic Treaty Organization"]),
            RuleCase("Member states of the African Union, including Kenya and Ghana, backed the plan.",
                     must: ["Kenya member-of African Union", "Ghana member-of African Union"]),
            RuleCase("Denmark and Iceland, member states of the Nordic Council, objected.",
                     must: ["Denmark member-of Nordic Council", "Iceland member-of Nordic Council"]),
            RuleCase("Thirty-nine of the 54 member states of the AU backed the application.", mustNot: ["African Union member-of African Union"]),
            RuleCase("Arms exports from European Union member states to China rose.", mustNot: ["China member-of European Union"]),
        ])
    }

    func testAllMembersOf() {
        RuleCase.check([
            RuleCase("Brazil, Argentina and Uruguay, all members of Mercosur, signed the accord.",
                     must: ["Brazil member-of Mercosur", "Argentina member-of Mercosur", "Uruguay member-of Mercosur"]),
            RuleCase("Its protocol awaits ratification in Ankara and Budapest, and Turkey and Hungary, both members of NATO, wait.",
                     must: ["Turkey member-of North Atlantic Treaty Organization", "Hungary member-of North Atlantic Treaty Organization"],
                     mustNot: ["Ankara member-of North Atlantic Treaty Organization"]),
            RuleCase("Chile, Peru and the Philippines, all founding members of the forum, met in Lima. The Pacific Forum grew.",
                     mustNot: ["Lima member-of Pacific Forum"]),
        ])
    }

    func testMembershipIn() throws {
        RuleCase.check([
            RuleCase("Poland's membership in the European Union, which dates from 2004, changed its farms.",
                     must: ["Poland member-of European Union"]),
            RuleCase("Finland's NATO membership doubled the alliance's border with Russia.",
                     must: ["Finland member-of North Atlantic Treaty Organization"]),
            RuleCase("Ukraine's membership in NATO still depends on the end of the war.",
                     mustNot: ["Ukraine member-of North Atlantic Treaty Organization"]),
            RuleCase("Georgia's membership bid was shelved.", mustNot: ["Georgia member-of North Atlantic Treaty Organization"]),
            RuleCase("Serbia's application for membership of the EU was welcomed.", mustNot: ["Serbia member-of European Union"]),
        ])
        let r = try XCTUnwrap(TestSupport.relation("Poland's membership in the European Union, which dates from 2004, changed its farms.",
                                                   "Poland", .memberOf, "European Union"))
        XCTAssertEqual(r.date?.description, "2004")
        XCTAssertEqual(TestSupport.rejections("Ukraine's membership in NATO still depends on the end of the war."),
                       ["Ukraine member-of North Atlantic Treaty Organization: not yet a member: 'still'"])
    }

    func testJoinedAndAdmittedWithDate() throws {
        RuleCase.check([
            RuleCase("Montenegro joined NATO on June 5, 2017.", must: ["Montenegro member-of North Atlantic Treaty Organization"]),
            RuleCase("Croatia was admitted to the European Union in July 2013.", must: ["Croatia member-of European Union"]),
            RuleCase("India and Pakistan, which joined the organisation in 2017, sent their prime ministers. Both sit in the Shanghai Cooperation Organisation.",
                     mustNot: ["India member-of Shanghai Cooperation Organization"]),
            RuleCase("The Shanghai Cooperation Organisation met. India and Pakistan, which joined the organisation in 2017, sent their prime ministers.",
                     must: ["India member-of Shanghai Cooperation Organization", "Pakistan member-of Shanghai Cooperation Organization"]),
            RuleCase("UEFA's congress voted to admit Kosovo and Gibraltar as members.",
                     must: ["Kosovo member-of UEFA", "Gibraltar member-of UEFA"]),
            RuleCase("It is a small country. Estonia applied to join the OECD in 2007.", mustNot: ["Estonia member-of OECD"]),
            RuleCase("Morocco has applied to join the Economic Community of West African States (ECOWAS).",
                     mustNot: ["Morocco member-of Economic Community of West African States"]),
            RuleCase("The bloc agreed in principle to admit the island nation as its 11th member.", mustNot: []),
            RuleCase("Croatia will join NATO next year.", mustNot: ["Croatia member-of North Atlantic Treaty Organization"]),
        ])
        let joined = try XCTUnwrap(TestSupport.relation("Montenegro joined NATO on June 5, 2017.",
                                                        "Montenegro", .memberOf, "North Atlantic Treaty Organization"))
        XCTAssertEqual(joined.date?.description, "2017-06-05")
        let admitted = try XCTUnwrap(TestSupport.relation("Croatia was admitted to the European Union in July 2013.",
                                                          "Croatia", .memberOf, "European Union"))
        XCTAssertEqual(admitted.date?.description, "2013-07")
        // 2017-01-31 was a Tuesday: "on Monday" is the day before.
        let monday = try XCTUnwrap(TestSupport.relation("Morocco was admitted to the African Union (AU) on Monday.",
                                                        "Morocco", .memberOf, "African Union", date: "2017-01-31"))
        XCTAssertEqual(monday.date?.description, "2017-01-30")
    }

    func testTheAllianceUnites() {
        RuleCase.check([
            RuleCase("NATO met in Vilnius. The alliance unites the United States, Canada and Norway.",
                     must: ["United States member-of North Atlantic Treaty Organization", "Canada member-of North Atlantic Treaty Organization",
                            "Norway member-of North Atlantic Treaty Organization"]),
            RuleCase("The CSTO, which unites Russia, Belarus and Armenia, met in Moscow.",
                     must: ["Russia member-of Collective Security Treaty Organization", "Armenia member-of Collective Security Treaty Organization"],
                     mustNot: ["Moscow member-of Collective Security Treaty Organization"]),
        ])
    }

    func testEndedMembershipsAreRejectedWithTheirDate() throws {
        let cases = [
            ("Britain left the European Union in 2020.", "United Kingdom member-of European Union: ended: 'left'", "2020"),
            ("Uzbekistan, which quit the CSTO in 2012, sent no delegation.",
             "Uzbekistan member-of Collective Security Treaty Organization: ended: 'quit'", "2012"),
            ("Russia was expelled from the Council of Europe in March 2022.", "Russia member-of Council of Europe: ended: 'expelled'", "2022-03"),
            ("Venezuela withdrew from the Organization of American States.",
             "Venezuela member-of Organization of American States: ended: 'withdrew'", nil),
            ("Morocco walked out of the Organisation of African Unity (OAU) in 1984.",
             "Morocco member-of Organisation of African Unity: ended: 'walked'", "1984"),
        ]
        for (text, rejection, date) in cases {
            XCTAssertEqual(TestSupport.relations(text).filter { $0.contains("member-of") }, [], text)
            XCTAssertEqual(TestSupport.rejections(text), [rejection], text)
            let c = try XCTUnwrap(TestSupport.analysis(text).candidates.first { $0.kind == .memberOf })
            XCTAssertEqual(c.date?.description, date, text)
        }
        XCTAssertEqual(TestSupport.rejections("Moldova, a former member of the CIS, left the talks."),
                       ["Moldova member-of Commonwealth of Independent States: ended: 'former'"])
    }

    func testObserversCandidatesAndPartnersAreNotMembers() {
        RuleCase.check([
            RuleCase("Serbia, an observer in the CSTO, sent a delegation.", mustNot: ["Serbia member-of Collective Security Treaty Organization"]),
            RuleCase("Mongolia keeps its observer status in the SCO.", mustNot: ["Mongolia member-of Shanghai Cooperation Organization"]),
            RuleCase("Bosnia, a candidate for membership of the EU, waited.", mustNot: ["Bosnia and Herzegovina member-of European Union"]),
            RuleCase("Macedonia, a candidate member of the EU, waited.", mustNot: ["North Macedonia member-of European Union"]),
            RuleCase("Kazakhstan, Kyrgyzstan and Tajikistan take part in NATO's Partnership for Peace programme.",
                     mustNot: ["Kazakhstan member-of North Atlantic Treaty Organization", "Tajikistan member-of North Atlantic Treaty Organization"]),
            RuleCase("Turkey remains a dialogue partner of the Shanghai Cooperation Organisation.",
                     mustNot: ["Turkey member-of Shanghai Cooperation Organization"]),
        ])
        XCTAssertEqual(TestSupport.rejections("Kazakhstan is developing close ties with NATO within the individual partnership program."),
                       ["Kazakhstan member-of North Atlantic Treaty Organization: partnership, not membership: 'partnership'"])
        XCTAssertEqual(TestSupport.rejections("Serbia, an observer in the CSTO, sent a delegation."),
                       ["Serbia member-of Collective Security Treaty Organization: observer, not a member: 'observer'"])
    }

    func testIsNotAMemberIsNegated() throws {
        RuleCase.check([
            RuleCase("Switzerland is not a member of the European Union.", mustNot: ["Switzerland member-of European Union"]),
            RuleCase("Turkmenistan, which is not a member of the SCO, attended as a guest.",
                     mustNot: ["Turkmenistan member-of Shanghai Cooperation Organization"]),
        ])
        let c = try XCTUnwrap(TestSupport.analysis("Switzerland is not a member of the European Union.").candidates.first)
        XCTAssertEqual(c.modality, .negated)
        XCTAssertEqual(c.rejection, "negated: 'not'")
    }

    func testOrganizationMemberApposition() {
        RuleCase.check([
            RuleCase("Myanmar, an ASEAN member since 1997, sent a civil servant.",
                     must: ["Myanmar member-of Association of Southeast Asian Nations"]),
            RuleCase("Armenia, the only CSTO member in the South Caucasus, sent a deputy minister.",
                     must: ["Armenia member-of Collective Security Treaty Organization"]),
            RuleCase("Nigeria, the largest member of ECOWAS, objected.",
                     must: ["Nigeria member-of ECOWAS"]),
            RuleCase("Kosovo and Gibraltar became the 54th and 55th members of UEFA.",
                     must: ["Kosovo member-of UEFA", "Gibraltar member-of UEFA"]),
        ])
    }

    func testPartyMembership() throws {
        RuleCase.check([
            RuleCase("Green Party co-leader Anna Berger said the coalition would hold.", must: ["Anna Berger member-of Green Party"]),
            RuleCase("Hans Keller, a member of the Social Democrats since 1990, said he would stay.",
                     must: ["Hans Keller member-of Social Democrats"]),
            RuleCase("Lena Vogt joined the Free Democratic Party in 2015.", must: ["Lena Vogt member-of Free Democratic Party"]),
            RuleCase("Environment minister Jutta Heller quit the Green Party on Tuesday.", mustNot: ["Jutta Heller member-of Green Party"]),
            // The later end outweighs the earlier start; a verb after "and" shares the clause's subject.
            RuleCase("Brandenburg's environment minister, Axel Vogel, quit the Greens on Monday. Vogel, who joined the party in 1990, will stay in the cabinet.",
                     mustNot: ["Axel Vogel member-of Greens"]),
            RuleCase("Brandenburg's agriculture minister, Jutta Lange, left the Greens in May and joined the Social Democrats in June.",
                     must: ["Jutta Lange member-of Social Democrats"],
                     mustNot: ["Jutta Lange member-of Greens", "Greens member-of Social Democrats"]),
        ])
        XCTAssertEqual(TestSupport.rejections("Axel Vogel quit the Greens on Monday. Vogel, who joined the party in 1990, will stay."),
                       ["Axel Vogel member-of Greens: ended: 'quit'",
                        "Axel Vogel member-of Greens: ended: 'quit', stated elsewhere in the article"])
    }

    func testAPartyIsLabelledByTheNameTheArticleUses() throws {
        // "Green Party" names parties in many countries: an article about "the Greens" keeps its own name.
        let g = TestSupport.extractor.extract(TestSupport.article("Axel Vogel quit the Greens on Monday. Greens co-leader Anna Berger regretted it."))
        let party = try XCTUnwrap(g.entities["greens"])
        XCTAssertEqual(party.label, "Greens")
        XCTAssertEqual(party.aliases, ["Green Party"])
        let named = TestSupport.extractor.extract(TestSupport.article("Lena Vogt joined the Free Democratic Party in 2015."))
        XCTAssertEqual(named.entities["free-democratic-party"]?.label, "Free Democratic Party")
    }

    func testSportsBodies() {
        RuleCase.check([
            RuleCase("Delegates at the FIFA Congress in Mexico City voted 141-23 to admit Kosovo.", must: ["Kosovo member-of FIFA"]),
            RuleCase("Kosovo and Gibraltar were admitted to FIFA on Friday.", must: ["Kosovo member-of FIFA", "Gibraltar member-of FIFA"]),
            RuleCase("Gibraltar has been a UEFA member since 2013.", must: ["Gibraltar member-of UEFA"]),
            RuleCase("Bosnia, Montenegro and Albania, all members of UEFA, backed the bid.",
                     must: ["Bosnia and Herzegovina member-of UEFA", "Montenegro member-of UEFA", "Albania member-of UEFA"]),
        ])
    }
}
