import KGModel
import XCTest
@testable import KGRDF

final class OntologyMappingTests: XCTestCase {
    private let id = "https://w3id.org/kgexport/id/"
    private let kg = "https://w3id.org/kgexport/ontology#"
    private let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    private let rdfs = "http://www.w3.org/2000/01/rdf-schema#"
    private let xsd = "http://www.w3.org/2001/XMLSchema#"
    private let skos = "http://www.w3.org/2004/02/skos/core#"
    private let prov = "http://www.w3.org/ns/prov#"
    private let schema = "http://schema.org/"

    private func smallGraph() throws -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "kazakhstan", label: "Kazakhstan", type: .country, aliases: ["Kazakh"]))
        graph.add(Entity(id: "csto", label: "Collective Security Treaty Organization", type: .organization))
        graph.add(Entity(id: "nazarbayev", label: "Nursultan Nazarbayev", type: .person))
        graph.add(Entity(id: "medvedev", label: "Dmitri Medvedev", type: .person))
        graph.add(Entity(id: "astana", label: "Astana", type: .place))
        graph.add(Relation(subject: "kazakhstan", kind: .memberOf, object: "csto",
                           evidence: Evidence(sentence: "Kazakhstan and other member-countries within the CSTO",
                                              source: "edm.txt", citedSource: "Liter, September 6", offsets: 10..<63)))
        graph.add(Relation(subject: "medvedev", kind: .metWith, object: "nazarbayev",
                           date: try XCTUnwrap(PartialDate(iso: "2008-09-22")), place: "astana", modality: .planned,
                           evidence: Evidence(source: "edm.txt")))
        graph.add(Document(id: "edm.txt", title: "South Ossetia Tests Kazakhstan’s Foreign Policy Priorities",
                           url: "https://jamestown.org/program/x/", date: PartialDate(iso: "2008-09"),
                           publication: "Eurasia Daily Monitor Volume: 5 Issue: 180"))
        return graph
    }

    func testExactTriplesOfASmallGraph() throws {
        let graph = try smallGraph()
        let mapping = try OntologyMapping()
        let member = try XCTUnwrap(graph.sortedRelations.first { $0.kind == .memberOf })
        let meeting = try XCTUnwrap(graph.sortedRelations.first { $0.kind == .metWith })
        let m = "<\(id)relation/\(member.id)>"
        let t = "<\(id)relation/\(meeting.id)>"
        let expected = [
            // entities and their direct triples, by id
            "<\(id)entity/astana> <\(rdf)type> <\(kg)Place> .",
            "<\(id)entity/astana> <\(rdfs)label> \"Astana\"@en .",
            "<\(id)entity/csto> <\(rdf)type> <\(kg)Organization> .",
            "<\(id)entity/csto> <\(rdfs)label> \"Collective Security Treaty Organization\"@en .",
            "<\(id)entity/kazakhstan> <\(rdf)type> <\(kg)Country> .",
            "<\(id)entity/kazakhstan> <\(rdfs)label> \"Kazakhstan\"@en .",
            "<\(id)entity/kazakhstan> <\(skos)altLabel> \"Kazakh\"@en .",
            "<\(id)entity/kazakhstan> <\(kg)memberOf> <\(id)entity/csto> .",
            "<\(id)entity/medvedev> <\(rdf)type> <\(kg)Person> .",
            "<\(id)entity/medvedev> <\(rdfs)label> \"Dmitri Medvedev\"@en .",
            // no direct kg:metWith: the meeting is only planned
            "<\(id)entity/nazarbayev> <\(rdf)type> <\(kg)Person> .",
            "<\(id)entity/nazarbayev> <\(rdfs)label> \"Nursultan Nazarbayev\"@en .",
            // qualified nodes, in sortedRelations order (subject kazakhstan < medvedev)
            "\(m) <\(rdf)type> <\(kg)Membership> .",
            "\(m) <\(kg)member> <\(id)entity/kazakhstan> .",
            "\(m) <\(kg)organization> <\(id)entity/csto> .",
            "\(m) <\(kg)modality> <\(kg)Asserted> .",
            "\(m) <\(kg)evidenceText> \"Kazakhstan and other member-countries within the CSTO\"@en .",
            "\(m) <\(kg)startOffset> \"10\"^^<\(xsd)integer> .",
            "\(m) <\(kg)endOffset> \"63\"^^<\(xsd)integer> .",
            "\(m) <\(kg)citedSource> \"Liter, September 6\" .",
            "\(m) <\(prov)wasDerivedFrom> <\(id)article/edm.txt> .",
            "\(t) <\(rdf)type> <\(kg)Meeting> .",
            "\(t) <\(kg)participant> <\(id)entity/medvedev> .",
            "\(t) <\(kg)participant> <\(id)entity/nazarbayev> .",
            "\(t) <\(kg)date> \"2008-09-22\"^^<\(xsd)date> .",
            "\(t) <\(kg)place> <\(id)entity/astana> .",
            "\(t) <\(kg)modality> <\(kg)Planned> .",
            "\(t) <\(prov)wasDerivedFrom> <\(id)article/edm.txt> .",
            // documents
            "<\(id)article/edm.txt> <\(rdf)type> <\(kg)Article> .",
            "<\(id)article/edm.txt> <\(schema)headline> \"South Ossetia Tests Kazakhstan’s Foreign Policy Priorities\"@en .",
            "<\(id)article/edm.txt> <\(schema)url> <https://jamestown.org/program/x/> .",
            "<\(id)article/edm.txt> <\(schema)datePublished> \"2008-09\"^^<\(xsd)gYearMonth> .",
            "<\(id)article/edm.txt> <\(schema)isPartOf> \"Eurasia Daily Monitor Volume: 5 Issue: 180\" .",
        ]
        let actual = try mapping.triples(for: graph).map(\.description)
        XCTAssertEqual(actual, expected)
        // The streaming walk gives the same sequence.
        var streamed: [String] = []
        try mapping.forEachTriple(in: graph) { streamed.append($0.description) }
        XCTAssertEqual(streamed, expected)
    }

    func testTriplesAreGroupedBySubject() throws {
        let triples = try OntologyMapping().triples(for: smallGraph())
        // Runs of equal subjects: one run per subject means each subject is one group.
        var runs: [IRI] = []
        for triple in triples where triple.subject != runs.last {
            runs.append(triple.subject)
        }
        XCTAssertEqual(runs.count, Set(runs).count)
        XCTAssertEqual(runs.count, 8)  // 5 entities, 2 relations, 1 article
    }

    func testIRIsAreDeterministicAndIndependentOfInsertionOrder() throws {
        let graph = try smallGraph()
        var reversed = KnowledgeGraph()
        for document in graph.sortedDocuments.reversed() { reversed.add(document) }
        for relation in graph.relations.reversed() { reversed.add(relation) }
        for entity in graph.sortedEntities.reversed() { reversed.add(entity) }
        let mapping = try OntologyMapping()
        XCTAssertEqual(try mapping.triples(for: reversed), try mapping.triples(for: graph))

        let relation = Relation(subject: "a", kind: .holdsShareIn, object: "b", share: 50)
        XCTAssertEqual(mapping.iris.relationIRI(for: relation).string, id + "relation/" + relation.id)
        XCTAssertEqual(mapping.iris.relationIRI(for: relation), mapping.iris.relationIRI(for: relation))
    }

    func testOddIdentifiersArePercentEncoded() throws {
        let mapping = try OntologyMapping()
        let cases: [(String, String)] = [
            ("Acme Corp", "Acme%20Corp"),
            ("Acme:AG", "Acme%3AAG"),
            ("Acme \"AG\"", "Acme%20%22AG%22"),
            ("<b>bold</b>", "%3Cb%3Ebold%3C%2Fb%3E"),
            ("Back\\slash", "Back%5Cslash"),
            ("50%", "50%25"),
            ("a#b?c", "a%23b%3Fc"),
            ("Назарбаев", "Назарбаев"),
            ("Bell\u{7}", "Bell%07"),
            ("2023", "2023"),
        ]
        for (key, segment) in cases {
            let iri = mapping.iris.entityIRI(id: key)
            XCTAssertEqual(iri.string, id + "entity/" + segment)
            XCTAssertTrue(IRI.isValid(iri.string), iri.string)
        }
        XCTAssertEqual(mapping.iris.articleIRI(id: "doc 1.txt").string, id + "article/doc%201.txt")
        XCTAssertNotEqual(mapping.iris.entityIRI(id: "a b"), mapping.iris.entityIRI(id: "a%20b"))
    }

    func testConfigurableBaseAndLanguage() throws {
        let mapping = try OntologyMapping(iris: IRIMinter(base: "http://example.org/kg#"), language: nil)
        XCTAssertEqual(mapping.iris.entityIRI(id: "x").string, "http://example.org/kg#entity/x")
        let triples = mapping.triples(forEntity: Entity(id: "x", label: "X", type: .company))
        XCTAssertEqual(triples.map(\.description), [
            "<http://example.org/kg#entity/x> <\(rdf)type> <\(kg)Company> .",
            "<http://example.org/kg#entity/x> <\(rdfs)label> \"X\" .",
        ])
        let german = try OntologyMapping(language: "de-CH")
        XCTAssertEqual(german.triples(forEntity: Entity(id: "x", label: "X", type: .company))[1].description,
                       "<\(id)entity/x> <\(rdfs)label> \"X\"@de-CH .")
    }

    func testInvalidConfigurationIsRefused() {
        let cases: [(String, String)] = [
            ("https://example.org/my data/", "contains a space"),
            ("https://example.org/id", "a base must end in / or #"),
            ("https://example.org/id#x/", "a base with a fragment must end in #"),
            ("example.org/id/", "not absolute (no scheme followed by a colon)"),
        ]
        for (base, reason) in cases {
            XCTAssertThrowsError(try IRIMinter(base: base), base) { error in
                XCTAssertEqual(error as? RDFTermError, .invalidIRI(base, reason: reason))
            }
        }
        XCTAssertEqual(IRIMinter().base.string, "https://w3id.org/kgexport/id/")
        XCTAssertThrowsError(try OntologyMapping(language: "en_US")) { error in
            XCTAssertEqual(error as? OntologyMappingError, .invalidLanguageTag("en_US"))
            XCTAssertEqual("\(error)", "invalid language tag \"en_US\": not a well-formed BCP 47 tag (e.g. en, en-US)")
        }
    }

    func testRelationAttributesAndModalities() throws {
        let mapping = try OntologyMapping()
        let holding = Relation(subject: "kazmunaigas", kind: .holdsShareIn, object: "batumi-oil-terminal",
                               date: PartialDate(iso: "--09-05"), share: 12.5, modality: .negated)
        XCTAssertNil(mapping.directTriple(forRelation: holding))
        let node = "<\(id)relation/\(holding.id)>"
        XCTAssertEqual(try mapping.triples(forRelation: holding).map(\.description), [
            "\(node) <\(rdf)type> <\(kg)Shareholding> .",
            "\(node) <\(kg)shareholder> <\(id)entity/kazmunaigas> .",
            "\(node) <\(kg)holding> <\(id)entity/batumi-oil-terminal> .",
            "\(node) <\(kg)date> \"--09-05\"^^<\(xsd)gMonthDay> .",
            "\(node) <\(kg)share> \"12.5\"^^<\(xsd)decimal> .",
            "\(node) <\(kg)modality> <\(kg)Negated> .",
        ])
        let year = Relation(subject: "a", kind: .memberOf, object: "b", date: PartialDate(iso: "2008"))
        XCTAssertEqual(try mapping.triples(forRelation: year)[3].description,
                       "<\(id)relation/\(year.id)> <\(kg)date> \"2008\"^^<\(xsd)gYear> .")
        XCTAssertEqual(mapping.directTriple(forRelation: year)?.description,
                       "<\(id)entity/a> <\(kg)memberOf> <\(id)entity/b> .")
    }

    func testShareThatIsNoDecimalIsAnErrorNotACrash() throws {
        let mapping = try OntologyMapping()
        for value in [Double.nan, .infinity, 1e13 + 0.5] {
            let broken = Relation(subject: "a", kind: .holdsShareIn, object: "b", share: value)
            XCTAssertThrowsError(try mapping.triples(forRelation: broken)) { error in
                // (NaN is unequal to itself, so the case is compared by its parts.)
                guard case let .invalidShare(share, relation)? = error as? OntologyMappingError else {
                    return XCTFail("unexpected error \(error)")
                }
                XCTAssertEqual(share.isNaN ? "nan" : "\(share)", value.isNaN ? "nan" : "\(value)")
                XCTAssertEqual(relation, "a holds-share-in b")
            }
            var graph = KnowledgeGraph()
            graph.add(broken)
            XCTAssertThrowsError(try mapping.triples(for: graph)) { error in
                XCTAssertEqual("\(error)", "invalid share \(value) in relation a holds-share-in b: not a finite decimal below 10^12")
            }
            XCTAssertThrowsError(try mapping.forEachTriple(in: graph) { _ in })
        }
    }

    func testDuplicatesAreWrittenOnce() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "x", label: "X", type: .person, aliases: ["Y", "Y"]))
        graph.add(Entity(id: "z", label: "Z", type: .person))
        // Two attestations (two articles) of one meeting: one direct triple, two qualified nodes.
        graph.add(Relation(subject: "x", kind: .metWith, object: "z", evidence: Evidence(source: "a.txt")))
        graph.add(Relation(subject: "x", kind: .metWith, object: "z", evidence: Evidence(source: "b.txt")))
        graph.add(Relation(subject: "x", kind: .metWith, object: "z", evidence: Evidence(source: "b.txt")))
        let triples = try OntologyMapping().triples(for: graph)
        XCTAssertEqual(Set(triples).count, triples.count)
        XCTAssertEqual(triples.filter { $0.predicate == Vocabulary.SKOS.altLabel }.count, 1)
        XCTAssertEqual(triples.filter { $0.predicate == Vocabulary.KG.property(.metWith) }.count, 1)
        XCTAssertEqual(triples.filter { $0.object == .iri(Vocabulary.KG.qualifiedClass(.metWith)) }.count, 2)
    }

    func testDanglingSubjectStillGetsItsDirectTriple() throws {
        var graph = KnowledgeGraph()
        graph.add(Relation(subject: "ghost", kind: .memberOf, object: "nato"))
        let triples = try OntologyMapping().triples(for: graph)
        XCTAssertEqual(triples.first?.description, "<\(id)entity/ghost> <\(kg)memberOf> <\(id)entity/nato> .")
        XCTAssertEqual(triples.count, 5)
    }

    func testDocumentURLThatIsNoIRIIsAString() throws {
        let mapping = try OntologyMapping()
        let triples = mapping.triples(forDocument: Document(id: "d", url: "www.example.org/a b"))
        XCTAssertEqual(triples.map(\.description), [
            "<\(id)article/d> <\(rdf)type> <\(kg)Article> .",
            "<\(id)article/d> <\(schema)url> \"www.example.org/a b\" .",
        ])
    }
}
