import KGModel
import XCTest
import KGRDF

/// The streaming mapper gives the mapping's triples, one relation at a time.
final class StreamingMappingTests: XCTestCase {
    private let id = "https://w3id.org/kgexport/id/"
    private let kg = "https://w3id.org/kgexport/ontology#"

    private func relations() throws -> [Relation] {
        [
            Relation(subject: "kazakhstan", kind: .memberOf, object: "csto",
                     evidence: Evidence(sentence: "Kazakhstan is in the CSTO.", source: "edm.txt",
                                        citedSource: "Liter, September 6", offsets: 10..<63)),
            Relation(subject: "medvedev", kind: .metWith, object: "nazarbayev",
                     date: try XCTUnwrap(PartialDate(iso: "2008-09-22")), place: "astana", modality: .planned,
                     evidence: Evidence(source: "doc 1.txt")),
            Relation(subject: "medvedev", kind: .metWith, object: "medvedev", date: PartialDate(iso: "--09-05")),
            Relation(subject: "Acme Corp", kind: .holdsShareIn, object: "Ümlaut AG", date: PartialDate(iso: "2008"),
                     share: 12.5, modality: .negated, evidence: Evidence(sentence: "Line\nbreak", source: "a.txt")),
            Relation(subject: "kazakhstan", kind: .memberOf, object: "csto", date: PartialDate(iso: "2008-09"), share: 50),
        ]
    }

    /// Each relation gives its direct triple (when asserted), then exactly its qualified node's triples.
    func testARelationGivesItsDirectTripleThenItsQualifiedNode() throws {
        for language in ["en", nil] as [String?] {
            let mapping = try OntologyMapping(iris: try IRIMinter(base: "https://example.org/kg#"), language: language)
            for relation in try relations() {
                let stream = StreamingMapping(mapping: mapping)
                var streamed: [Triple] = []
                try stream.forEachTriple(of: relation) { streamed.append($0) }
                let expected = [mapping.directTriple(forRelation: relation)].compactMap { $0 }
                    + (try mapping.triples(forRelation: relation))
                XCTAssertEqual(streamed.map(\.description), expected.map(\.description), "\(relation)")
            }
        }
    }

    /// Relations 0 and 4 both state that Kazakhstan is a member of the CSTO: the direct triple
    /// comes with the first only; a planned meeting has none, so it does not count.
    func testADirectTripleSeveralRelationsStateIsGivenOnce() throws {
        let stream = StreamingMapping(mapping: try OntologyMapping())
        var direct: [String] = []
        var nodes = 0
        for relation in try relations() + [try relations()[0]] {
            try stream.forEachTriple(of: relation) { triple in
                if triple.description.hasPrefix("<\(id)entity/") { direct.append(triple.description) }
                if triple.predicate == Vocabulary.RDF.type { nodes += 1 }
            }
        }
        XCTAssertEqual(direct, [
            "<\(id)entity/kazakhstan> <\(kg)memberOf> <\(id)entity/csto> .",
            "<\(id)entity/medvedev> <\(kg)metWith> <\(id)entity/medvedev> .",
        ])
        XCTAssertEqual(nodes, 6, "every relation keeps its qualified node")
    }

    /// As quads, a direct triple is given once per named graph: relation 0 (from edm.txt) and
    /// relation 4 (no source, the default graph) both give it.
    func testADirectQuadIsGivenOncePerGraph() throws {
        let stream = StreamingMapping(mapping: try OntologyMapping())
        var direct: [String] = []
        for relation in try relations() + [try relations()[0], try relations()[4]] {
            try stream.forEachQuad(of: relation) { quad in
                if quad.description.hasPrefix("<\(id)entity/kazakhstan>") { direct.append(quad.description) }
            }
        }
        XCTAssertEqual(direct, [
            "<\(id)entity/kazakhstan> <\(kg)memberOf> <\(id)entity/csto> <\(id)article/edm.txt> .",
            "<\(id)entity/kazakhstan> <\(kg)memberOf> <\(id)entity/csto> .",
        ])
    }

    func testAMeetingOfAnEntityWithItselfNamesItsParticipantOnce() throws {
        let stream = StreamingMapping(mapping: try OntologyMapping())
        var lines: [String] = []
        try stream.forEachTriple(of: try relations()[2]) { lines.append($0.description) }
        XCTAssertEqual(lines.filter { $0.contains("\(kg)participant") }, [
            "<\(id)relation/\(try relations()[2].id)> <\(kg)participant> <\(id)entity/medvedev> .",
        ])
        XCTAssertEqual(lines.first, "<\(id)entity/medvedev> <\(kg)metWith> <\(id)entity/medvedev> .")
    }

    /// Quads: the relation's triples, direct one included, in the graph of its article.
    func testQuadsAreInTheGraphOfTheSourceArticle() throws {
        let stream = StreamingMapping(mapping: try OntologyMapping())
        let relations = try relations()
        var quads: [Quad] = []
        try stream.forEachQuad(of: relations[0]) { quads.append($0) }
        XCTAssertEqual(Set(quads.map(\.graph)), [try IRI("\(id)article/edm.txt")])
        XCTAssertEqual(quads.first?.description,
                       "<\(id)entity/kazakhstan> <\(kg)memberOf> <\(id)entity/csto> <\(id)article/edm.txt> .")
        quads = []
        try stream.forEachQuad(of: relations[1]) { quads.append($0) }
        XCTAssertEqual(Set(quads.map(\.graph)), [try IRI("\(id)article/doc%201.txt")])
        quads = []
        try stream.forEachQuad(of: relations[2]) { quads.append($0) }
        XCTAssertEqual(Set(quads.map(\.graph)), [nil])
    }

    /// Descriptions, then every relation, then documents: the same triples as the whole-graph
    /// mapping, none twice.
    func testTheUnionIsTheGraphOfTheWholeMapping() throws {
        var graph = KnowledgeGraph()
        for (id, type) in [("kazakhstan", EntityType.country), ("csto", .organization), ("medvedev", .person),
                           ("nazarbayev", .person), ("astana", .place), ("Acme Corp", .company), ("Ümlaut AG", .company)] {
            graph.add(Entity(id: id, label: id.capitalized, type: type, aliases: id == "csto" ? ["ОДКБ", "CSTO"] : []))
        }
        for relation in try relations() { graph.add(relation) }
        graph.add(Document(id: "edm.txt", title: "South Ossetia", url: "https://jamestown.org/x", date: PartialDate(iso: "2008-09")))
        let mapping = try OntologyMapping()
        let stream = StreamingMapping(mapping: mapping)
        var streamed: [String] = []
        for entity in graph.sortedEntities { stream.describe(entity) { streamed.append($0.description) } }
        for relation in graph.relations { try stream.forEachTriple(of: relation) { streamed.append($0.description) } }
        for document in graph.sortedDocuments { stream.describe(document) { streamed.append($0.description) } }
        let whole = try mapping.triples(for: graph).map(\.description)
        XCTAssertEqual(Set(streamed), Set(whole))
        // Two relations state kazakhstan kg:memberOf csto: the stream, too, writes it once.
        XCTAssertEqual(streamed.count, whole.count)
    }

    func testAShareXSDDecimalCannotHoldIsRefusedBeforeAnyTriple() throws {
        let stream = StreamingMapping(mapping: try OntologyMapping())
        var count = 0
        let relation = Relation(subject: "a", kind: .holdsShareIn, object: "b", share: .infinity)
        XCTAssertThrowsError(try stream.forEachTriple(of: relation) { _ in count += 1 }) { error in
            XCTAssertEqual(error as? OntologyMappingError, .invalidShare(.infinity, relation: "a holds-share-in b"))
        }
        XCTAssertEqual(count, 0)
    }
}
