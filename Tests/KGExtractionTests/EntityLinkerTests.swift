import KGModel
import XCTest
@testable import KGExtraction

/// Identity across articles: one node per entity, every attestation kept, independent of input order.
final class EntityLinkerTests: XCTestCase {
    private let first = """
        Kazakh President Nursultan Nazarbayev met Russian President Dmitri Medvedev in Moscow on Friday. \
        Kazakhstan and Belarus are members of the Collective Security Treaty Organization (CSTO). \
        Zarafshon Neftegaz owns 50% of the Batumi oil terminal.
        """
    private let second = """
        Mr Nazarbaev held talks with Dmitry Medvedev in Astana. Kazakh Defense Minister Daniyal Akhmetow attended. \
        Armenia, a member of the CSTO, sent a delegation. Zarafshan Neftegaz also owns 20% of Kelvo Oil.
        """

    private func graph(_ body: String, id: String, date: String = "2008-09-10") -> KnowledgeGraph {
        TestSupport.extractor.extract(TestSupport.article(body, date: date, id: id))
    }

    func testTwoArticlesSharingEntitiesGiveOneNodePerEntityWithBothArticlesEvidence() throws {
        let linked = EntityLinker().link([graph(first, id: "a.txt"), graph(second, id: "b.txt")])
        let persons = linked.sortedEntities.filter { $0.type == .person }.map(\.label)
        XCTAssertEqual(persons, ["Daniyal Akhmetow", "Dmitri Medvedev", "Nursultan Nazarbayev"])
        let nazarbayev = try XCTUnwrap(linked.entities["nursultan-nazarbayev"])
        XCTAssertEqual(nazarbayev.aliases, ["Nazarbaev"], "the surname alone, as the second article writes it")
        XCTAssertEqual(linked.entities["dmitri-medvedev"]?.aliases, ["Dmitry Medvedev"])
        XCTAssertEqual(linked.entities["zarafshan-neftegaz"]?.aliases, ["Zarafshon Neftegaz"], "a transliteration of one company")
        XCTAssertEqual(linked.entities.values.filter { $0.label.hasPrefix("Collective") }.count, 1)
        // Both meetings, each with its own article's evidence.
        let meetings = linked.sortedRelations.filter { $0.kind == .metWith }
        XCTAssertEqual(meetings.map { "\($0.subject) \($0.object) \($0.evidence.source ?? "")" }.sorted(),
                       ["nursultan-nazarbayev dmitri-medvedev a.txt", "nursultan-nazarbayev dmitri-medvedev b.txt"])
        XCTAssertEqual(Set(linked.sortedRelations.compactMap(\.evidence.source)), ["a.txt", "b.txt"])
        XCTAssertEqual(linked.documents.keys.sorted(), ["a.txt", "b.txt"])
        // The members of the CSTO from both articles point at one node.
        let members = linked.sortedRelations.filter { $0.kind == .memberOf }.map(\.subject)
        XCTAssertEqual(members, ["armenia", "belarus", "kazakhstan"])
        XCTAssertEqual(Set(linked.sortedRelations.filter { $0.kind == .memberOf }.map(\.object)),
                       ["collective-security-treaty-organization"])
        // Every relation end is an entity of the linked graph.
        for r in linked.sortedRelations {
            XCTAssertNotNil(linked.entities[r.subject], r.subject)
            XCTAssertNotNil(linked.entities[r.object], r.object)
            if let p = r.place { XCTAssertNotNil(linked.entities[p], p) }
        }
    }

    func testInputOrderDoesNotChangeTheOutput() {
        let a = graph(first, id: "a.txt")
        let b = graph(second, id: "b.txt")
        let c = graph("Rinat Akhmetov bought 10% of Kelvo Oil. Akhmetov said he was pleased.", id: "c.txt")
        let forward = EntityLinker().link([a, b, c])
        XCTAssertEqual(EntityLinker().link([c, b, a]), forward)
        XCTAssertEqual(EntityLinker().link([b, c, a]), forward)
        // Linking what was linked changes nothing, and linking in steps gives the same graph.
        XCTAssertEqual(EntityLinker().link([forward]), forward)
        XCTAssertEqual(EntityLinker().link([EntityLinker().link([a, b]), c]), forward)
    }

    func testAmbiguousSurnamesAndOtherTypesStayApart() {
        let people = KnowledgeGraph.with([
            Entity(id: "danial-akhmetov", label: "Danial Akhmetov", type: .person),
            Entity(id: "rinat-akhmetov", label: "Rinat Akhmetov", type: .person),
        ], document: "x.txt")
        let surname = KnowledgeGraph.with([Entity(id: "akhmetov", label: "Akhmetov", type: .person)], document: "y.txt")
        let linked = EntityLinker().link([people, surname])
        XCTAssertEqual(linked.sortedEntities.map(\.id), ["akhmetov", "danial-akhmetov", "rinat-akhmetov"])
        // Same label, different types: two nodes, ids kept apart.
        let country = KnowledgeGraph.with([Entity(id: "georgia", label: "Georgia", type: .country)], document: "c.txt")
        let place = KnowledgeGraph.with([Entity(id: "georgia", label: "Georgia", type: .place)], document: "p.txt")
        let both = EntityLinker().link([place, country])
        XCTAssertEqual(both.sortedEntities.map { "\($0.id):\($0.type.rawValue)" }, ["georgia:Country", "georgia-place:Place"])
        XCTAssertEqual(EntityLinker().link([country, place]), both)
    }

    func testVariantRule() {
        let linker = EntityLinker()
        XCTAssertTrue(linker.wordsVary("akhmetov", "akhmetow"))
        XCTAssertTrue(linker.wordsVary("nazarbayev", "nazarbaev"))
        XCTAssertTrue(linker.wordsVary("dmitri", "dmitry"))
        XCTAssertFalse(linker.wordsVary("austria", "australia"), "2 edits in 9 letters")
        XCTAssertFalse(linker.wordsVary("ivanov", "vanov"), "the first two letters differ")
        XCTAssertTrue(linker.fullNamesMatch("danial akhmetov", "d akhmetov"))
        XCTAssertFalse(linker.fullNamesMatch("danial akhmetov", "rinat akhmetov"))
        XCTAssertTrue(linker.namesVary("kazmunaigas", "kazmunaygas"))
        XCTAssertFalse(linker.namesVary("vexo bank", "vexa bank"), "names under eight letters a word apart are not compared")
        XCTAssertEqual(EntityLinker.editDistance("kitten", "sitting"), 3)
    }

    func testSharedAcronymsAndShortNames() {
        let long = KnowledgeGraph.with([Entity(id: "korea-first-bank", label: "Korea First Bank", type: .company, aliases: ["KFB"]),
                                        Entity(id: "kelvo-oil", label: "Kelvo Oil", type: .company, aliases: ["Kelvo"])], document: "a.txt")
        let short = KnowledgeGraph.with([Entity(id: "kfb", label: "KFB", type: .company),
                                         Entity(id: "kelvo", label: "Kelvo", type: .company),
                                         Entity(id: "kelvo-terminals", label: "Kelvo Terminals", type: .company, aliases: ["Kelvo"])],
                                        document: "b.txt")
        let linked = EntityLinker().link([long, short])
        // "Kelvo" begins two longer names: it stays apart, and the short alias links neither.
        XCTAssertEqual(linked.sortedEntities.map(\.id), ["kelvo", "kelvo-oil", "kelvo-terminals", "korea-first-bank"])
    }
}

private extension KnowledgeGraph {
    static func with(_ entities: [Entity], document: String) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        g.add(Document(id: document))
        for e in entities { g.add(e) }
        return g
    }
}
