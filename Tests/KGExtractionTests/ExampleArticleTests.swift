import Foundation
import KGModel
import XCTest
@testable import KGExtraction

/// The requirements on the example article `Examples/articles/edm-2008-kazakhstan-csto.txt`.
final class ExampleArticleTests: XCTestCase {
    private var graph = KnowledgeGraph()
    private var article: Article?

    override func setUpWithError() throws {
        let url = TestSupport.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
        let a = try ArticleReader.read(contentsOf: url)
        article = a
        graph = TestSupport.extractor.extract(a)
    }

    private func relations(_ kind: RelationKind, _ s: String, _ o: String) -> [Relation] {
        graph.sortedRelations.filter { r in
            r.kind == kind && ((r.subject == s && r.object == o) || (kind == .metWith && r.subject == o && r.object == s))
        }
    }

    func testHeaderAndDocument() {
        XCTAssertEqual(article?.date?.description, "2008-09")
        XCTAssertEqual(graph.documents["edm-2008-kazakhstan-csto.txt"]?.publication, "Eurasia Daily Monitor Volume: 5 Issue: 180")
    }

    func testEntities() {
        let expected: [String: (String, EntityType)] = [
            "kazakhstan": ("Kazakhstan", .country), "armenia": ("Armenia", .country), "belarus": ("Belarus", .country),
            "collective-security-treaty-organization": ("Collective Security Treaty Organization", .organization),
            "nursultan-nazarbayev": ("Nursultan Nazarbayev", .person), "danial-akhmetov": ("Danial Akhmetov", .person),
            "claudio-bisonero": ("Claudio Bisonero", .person), "dmitri-medvedev": ("Dmitri Medvedev", .person),
            "kazmunaigas": ("KazMunaiGas", .company), "batumi-oil-terminal": ("Batumi oil terminal", .facility),
            "russian-foreign-ministry": ("Russian Foreign Ministry", .organization), "south-ossetia": ("South Ossetia", .place),
        ]
        for (id, (label, type)) in expected {
            XCTAssertEqual(graph.entities[id]?.label, label, id)
            XCTAssertEqual(graph.entities[id]?.type, type, id)
        }
        XCTAssertTrue(graph.entities["kazakhstan"]?.aliases.contains("Kazakh") ?? false)
        XCTAssertTrue(graph.entities["collective-security-treaty-organization"]?.aliases.contains("CSTO") ?? false)
        XCTAssertNil(graph.entities["central-asia"], "macro-regions are not emitted")
    }

    func testMembersOfTheCSTO() {
        for member in ["kazakhstan", "armenia", "belarus"] {
            XCTAssertEqual(relations(.memberOf, member, "collective-security-treaty-organization").count, 1, member)
        }
    }

    func testMeetings() throws {
        XCTAssertFalse(relations(.metWith, "danial-akhmetov", "claudio-bisonero").isEmpty)
        let visit = try XCTUnwrap(relations(.metWith, "nursultan-nazarbayev", "dmitri-medvedev").first)
        XCTAssertEqual(visit.modality, .planned)
        XCTAssertEqual(visit.date?.description, "2008-09-22")
        XCTAssertEqual(visit.place, "astana", "the visited capital is the meeting's place")
        XCTAssertEqual(graph.entities["astana"]?.type, .place)
    }

    func testDescriptionsAreNotAliases() {
        // "this heavily militarized organization" and "the Kazakh leader" refer to entities but name none.
        XCTAssertEqual(graph.entities["collective-security-treaty-organization"]?.aliases, ["CSTO"])
        XCTAssertEqual(graph.entities["nursultan-nazarbayev"]?.aliases, ["Nazarbayev"])
        for e in graph.sortedEntities {
            for a in e.aliases {
                XCTAssertTrue(a.unicodeScalars.first.map { $0.properties.isUppercase } ?? false, "\(e.id) alias \(a)")
            }
        }
    }

    func testShareholding() throws {
        let stake = try XCTUnwrap(relations(.holdsShareIn, "kazmunaigas", "batumi-oil-terminal").first)
        XCTAssertEqual(stake.share, 50)
        XCTAssertEqual(stake.evidence.citedSource, "Delovaya Nedelia, September 12")
    }

    func testNoTrapIsHit() {
        let traps: [(RelationKind, String, String)] = [
            (.memberOf, "kazakhstan", "north-atlantic-treaty-organization"), (.memberOf, "collective-security-treaty-organization", "united-nations"),
            (.memberOf, "danial-akhmetov", "north-atlantic-treaty-organization"), (.metWith, "georgia", "russia"),
            (.metWith, "kazakhstan", "russia"), (.memberOf, "nursultan-nazarbayev", "kazakhstan"),
            (.memberOf, "dmitri-medvedev", "russia"), (.memberOf, "claudio-bisonero", "north-atlantic-treaty-organization"),
            (.memberOf, "nursultan-nazarbayev", "collective-security-treaty-organization"),
        ]
        for (kind, s, o) in traps {
            XCTAssertTrue(relations(kind, s, o).isEmpty, "\(s) \(kind.rawValue) \(o)")
        }
    }

    func testEveryEvidenceOffsetRangeIsItsSentence() throws {
        let scalars = Array(try XCTUnwrap(article).text.unicodeScalars)
        XCTAssertFalse(graph.sortedRelations.isEmpty)
        for r in graph.sortedRelations {
            let o = try XCTUnwrap(r.evidence.offsets)
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[o])), r.evidence.sentence)
            XCTAssertEqual(r.evidence.source, "edm-2008-kazakhstan-csto.txt")
        }
    }

    func testDeterministic() throws {
        let again = TestSupport.extractor.extract(try XCTUnwrap(article))
        XCTAssertEqual(again, graph)
        XCTAssertEqual(again.sortedRelations.map(\.id), graph.sortedRelations.map(\.id))
    }
}
