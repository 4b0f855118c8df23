import KGModel
import XCTest
@testable import KGExtraction

/// Each met-with phrasing of issue 3 as sentences beside the relations they must and must not give,
/// with the place, date and modality a meeting carries.
final class MeetingPhrasingTests: XCTestCase {
    func testMeetingVerbs() {
        RuleCase.check([
            RuleCase("Moroccan Foreign Minister Karim Bennani held talks with Alpha Kouyate, the chairperson of the AU Commission.",
                     must: ["Karim Bennani met-with Alpha Kouyate"], mustNot: ["Alpha Kouyate member-of AU Commission"]),
            RuleCase("German Chancellor Angela Merkel met French President Jacques Chirac in Berlin.",
                     must: ["Angela Merkel met-with Jacques Chirac"]),
            RuleCase("Indonesian Foreign Minister Ratna Wulandari received her Timorese counterpart, Jacinto Soares, at the summit venue.",
                     must: ["Ratna Wulandari met-with Jacinto Soares"]),
            RuleCase("Uzbek Prime Minister Rustam Azimjonov hosted Chinese Vice Premier Zhou Mingyuan at his residence.",
                     must: ["Rustam Azimjonov met-with Zhou Mingyuan"]),
            RuleCase("Kazakh Defence Minister Nurlan Sarsenbayev shook hands with his Russian counterpart, Viktor Gromenko.",
                     must: ["Nurlan Sarsenbayev met-with Viktor Gromenko"], mustNot: ["Nurlan Sarsenbayev met-with Russia"]),
            RuleCase("French President Emmanuel Macron conferred with German Chancellor Olaf Scholz on Monday.",
                     must: ["Emmanuel Macron met-with Olaf Scholz"]),
        ])
    }

    func testAMeetingBetween() {
        RuleCase.check([
            RuleCase("A meeting between Turkish President Recep Erdogan and Russian President Vladimir Putin took place in Sochi.",
                     must: ["Recep Erdogan met-with Vladimir Putin"]),
            RuleCase("Talks between Armenia and Azerbaijan resumed in Prague.", must: ["Armenia met-with Azerbaijan"]),
            RuleCase("A meeting between Mr Bennani and Algerian Foreign Minister Rachid Mebarki, which diplomats had expected, did not take place.",
                     mustNot: ["Bennani met-with Rachid Mebarki"]),
        ])
        XCTAssertEqual(TestSupport.rejections("A meeting between Ms Rice and Foreign Minister Sergei Lavrov did not take place."),
                       ["Rice met-with Sergei Lavrov: negated: 'not'"])
    }

    func testVisitedWhereHeMet() throws {
        let text = "Before arriving in Flores, Mr Soares visited Kuala Lumpur, where he met Malaysian Foreign Minister Hamid Rosli."
        RuleCase.check([RuleCase(text, must: ["Soares met-with Hamid Rosli"], mustNot: ["Malaysia met-with Hamid Rosli"])])
        let r = try XCTUnwrap(TestSupport.relation(text, "Soares", .metWith, "Hamid Rosli"))
        XCTAssertEqual(r.place, "kuala-lumpur")
    }

    func testEveryPairOfSeveralParticipants() {
        RuleCase.check([
            RuleCase("Uzbek Energy Minister Dilshod Yusupov met his Kazakh counterpart, Arman Zhaksylykov, and Wang Lihua, deputy head of China's energy agency, on Thursday.",
                     must: ["Dilshod Yusupov met-with Arman Zhaksylykov", "Dilshod Yusupov met-with Wang Lihua",
                            "Arman Zhaksylykov met-with Wang Lihua"]),
            RuleCase("France, Germany and Poland held talks in Weimar.",
                     must: ["France met-with Germany", "France met-with Poland", "Germany met-with Poland"]),
            RuleCase("German Chancellor Olaf Scholz met French President Emmanuel Macron and Italian Prime Minister Mario Draghi in Kyiv.",
                     must: ["Olaf Scholz met-with Emmanuel Macron", "Olaf Scholz met-with Mario Draghi", "Emmanuel Macron met-with Mario Draghi"]),
        ])
    }

    func testPlaceAndDate() throws {
        // 2019-06-18 was a Tuesday.
        let r = try XCTUnwrap(TestSupport.relation(
            "Russian Defence Minister Viktor Gromenko met Tajik Defence Minister Sherali Rahmonzoda in Dushanbe on Monday.",
            "Viktor Gromenko", .metWith, "Sherali Rahmonzoda", date: "2019-06-18"))
        XCTAssertEqual(r.place, "dushanbe")
        XCTAssertEqual(r.date?.description, "2019-06-17")
        XCTAssertEqual(r.modality, .asserted)
        // A place later in another clause is not the meeting's.
        let trip = try XCTUnwrap(TestSupport.relation(
            "Finnish President Aaro Lindqvist will meet Norwegian Prime Minister Hege Aasland, a trip that officials in Helsinki praise.",
            "Aaro Lindqvist", .metWith, "Hege Aasland"))
        XCTAssertNil(trip.place)
    }

    func testPlannedMeetings() throws {
        let due = try XCTUnwrap(TestSupport.relation(
            "Finnish President Aaro Lindqvist is due to visit Oslo on April 20 to meet Norwegian Prime Minister Hege Aasland.",
            "Aaro Lindqvist", .metWith, "Hege Aasland", date: "2023-04"))
        XCTAssertEqual(due.modality, .planned)
        XCTAssertEqual(due.date?.description, "2023-04-20")
        XCTAssertEqual(due.place, "oslo")
        let will = try XCTUnwrap(TestSupport.relation(
            "Mr Sarsenbayev is due to visit Brussels in September, where he will meet Anna Lindholm, NATO's assistant secretary general.",
            "Sarsenbayev", .metWith, "Anna Lindholm", date: "2019-06-18"))
        XCTAssertEqual(will.modality, .planned)
        XCTAssertEqual(will.date?.description, "2019-09")
        XCTAssertEqual(will.place, "brussels")
        RuleCase.check([
            RuleCase("Mr Sarsenbayev is due to visit Brussels in September, where he will meet Anna Lindholm, NATO's assistant secretary general.",
                     mustNot: ["Anna Lindholm member-of North Atlantic Treaty Organization", "Sarsenbayev met-with Brussels"]),
            RuleCase("Finnish President Aaro Lindqvist is due to visit Oslo on April 20 to meet Norwegian Prime Minister Hege Aasland.",
                     mustNot: ["Norway met-with Hege Aasland", "Aaro Lindqvist member-of Finland"]),
        ])
    }

    func testHypotheticalMeetingsAreDropped() {
        RuleCase.check([
            RuleCase("Guinea's president offered to mediate between Rabat and Algiers if both governments asked him to do so.",
                     mustNot: ["Morocco met-with Algeria"]),
            RuleCase("Nazarbayev offered to have Kazakhstan mediate if Georgia and Russia were willing to settle the conflict at the negotiating table.",
                     mustNot: ["Georgia met-with Russia", "Kazakhstan met-with Georgia"]),
        ])
        XCTAssertEqual(TestSupport.rejections("Turkey offered to mediate between Russia and Ukraine."),
                       ["Russia met-with Ukraine: hypothetical: 'offered'"])
        XCTAssertEqual(TestSupport.rejections("Norway mediated between Israel and the PLO."),
                       ["Israel met-with PLO: mediation: the parties are not said to meet"])
    }

    func testPronounsAndDescriptionsAcrossSentences() {
        RuleCase.check([
            RuleCase("Russian Defence Minister Viktor Gromenko flew to Dushanbe. He met Tajik Defence Minister Sherali Rahmonzoda on Tuesday.",
                     must: ["Viktor Gromenko met-with Sherali Rahmonzoda"]),
            RuleCase("Kazakh Defence Minister Nurlan Sarsenbayev shook hands with his Russian counterpart, Viktor Gromenko. The Russian minister also used the trip to visit Dushanbe. He met Tajik Defence Minister Sherali Rahmonzoda on Tuesday.",
                     must: ["Viktor Gromenko met-with Sherali Rahmonzoda"], mustNot: ["Nurlan Sarsenbayev met-with Sherali Rahmonzoda"]),
            RuleCase("Kazakh President Nursultan Nazarbayev arrived in Moscow. The Kazakh leader met Russian President Dmitri Medvedev.",
                     must: ["Nursultan Nazarbayev met-with Dmitri Medvedev"]),
        ])
    }

    func testCapitalsStandForGovernments() {
        RuleCase.check([
            RuleCase("Moscow and Beijing held talks on the pipeline.", must: ["Russia met-with China"]),
            RuleCase("The summit was held in Moscow. Moscow said it was pleased.", mustNot: ["Moscow met-with Russia"]),
        ])
        XCTAssertEqual(TestSupport.entities("Moscow said it would respond. Talks were held in Ankara and Budapest."),
                       ["Ankara:Place", "Budapest:Place", "Russia:Country"])
    }
}
