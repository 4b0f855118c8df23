import KGTestSupport
import KGFormats
import KGModel
import KGRDF
import XCTest

final class NQuadsWriterTests: XCTestCase {
    private let id = "https://w3id.org/kgexport/id/"

    private func nquads(_ graph: KnowledgeGraph) throws -> String {
        let sink = MemorySink()
        try NQuadsWriter.write(graph, mapping: OntologyMapping(), to: sink)
        return sink.text
    }

    func testGoldenGraph() throws {
        Snapshot.assertMatches(try nquads(GoldenGraph.kazakhstan), named: "kazakhstan.nq")
    }

    func testRelationsAreInTheGraphOfTheirArticle() throws {
        let text = try nquads(GoldenGraph.kazakhstan)
        let lines = text.split(separator: "\n").map(String.init)
        let article = "<\(id)article/edm-2008-kazakhstan-csto.txt>"
        // 11 entities (28 triples: type, label, 6 aliases), 5 direct triples, 6 qualified nodes
        // (56 triples), 1 article (5 triples).
        XCTAssertEqual(lines.count, 94)
        let named = lines.filter { $0.hasSuffix(" \(article) .") }
        XCTAssertEqual(named.count, 5 + 56)
        XCTAssertTrue(named.allSatisfy { $0.hasPrefix("<\(id)relation/") || $0.contains("ontology#memberOf") || $0.contains("ontology#metWith") || $0.contains("ontology#holdsShareIn") }, "\(named)")
        // Each line without the graph is a line of the N-Triples output, in the same order.
        let sink = MemorySink()
        try NTriplesWriter.write(GoldenGraph.kazakhstan, mapping: OntologyMapping(), to: sink)
        let triples = lines.map { $0.hasSuffix(" \(article) .") ? String($0.dropLast(" \(article) .".count)) + " ." : $0 }
        XCTAssertEqual(triples.joined(separator: "\n") + "\n", sink.text)
    }

    func testExactQuadsOfASmallDataset() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "e", label: "E \"q\"", type: .organization))
        graph.add(Relation(subject: "e", kind: .memberOf, object: "f", evidence: Evidence(sentence: "line\nbreak", source: "doc 1.txt")))
        graph.add(Relation(subject: "e", kind: .memberOf, object: "f", evidence: Evidence(source: "doc-2.txt")))
        let relations = graph.sortedRelations
        let r1 = try XCTUnwrap(relations.first { $0.evidence.source == "doc 1.txt" }).id
        let r2 = try XCTUnwrap(relations.first { $0.evidence.source == "doc-2.txt" }).id
        let (a1, a2) = ("<\(id)article/doc%201.txt>", "<\(id)article/doc-2.txt>")
        let (kg, rdf) = ("https://w3id.org/kgexport/ontology#", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        let first = r1 < r2
        let node: (String, String) -> [String] = { r, a in [
            "<\(self.id)relation/\(r)> <\(rdf)type> <\(kg)Membership> \(a) .",
            "<\(self.id)relation/\(r)> <\(kg)member> <\(self.id)entity/e> \(a) .",
            "<\(self.id)relation/\(r)> <\(kg)organization> <\(self.id)entity/f> \(a) .",
            "<\(self.id)relation/\(r)> <\(kg)modality> <\(kg)Asserted> \(a) .",
        ] }
        var expected = [
            "<\(id)entity/e> <\(rdf)type> <\(kg)Organization> .",
            "<\(id)entity/e> <http://www.w3.org/2000/01/rdf-schema#label> \"E \\\"q\\\"\"@en .",
            "<\(id)entity/e> <\(kg)memberOf> <\(id)entity/f> \(a1) .",
            "<\(id)entity/e> <\(kg)memberOf> <\(id)entity/f> \(a2) .",
        ]
        var one = node(r1, a1)
        one.append("<\(id)relation/\(r1)> <\(kg)evidenceText> \"line\\nbreak\"@en \(a1) .")
        one.append("<\(id)relation/\(r1)> <http://www.w3.org/ns/prov#wasDerivedFrom> \(a1) \(a1) .")
        var two = node(r2, a2)
        two.append("<\(id)relation/\(r2)> <http://www.w3.org/ns/prov#wasDerivedFrom> \(a2) \(a2) .")
        // Relations with the same subject, kind, object and date are ordered by id.
        expected += first ? one + two : two + one
        XCTAssertEqual(try nquads(graph), expected.joined(separator: "\n") + "\n")
    }

    func testVerbsOutOfOrder() throws {
        let writer = NQuadsWriter(sink: MemorySink())
        try writer.finish()
        let quad = Quad(Triple(try IRI("http://example.org/s"), Vocabulary.RDFS.label, Literal("x")), graph: nil)
        XCTAssertThrowsError(try writer.write(quad)) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "write a quad"))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "finish an N-Quads document"))
        }
    }

    func testFormatDescriptor() {
        XCTAssertEqual(NQuadsWriter.fileExtension, "nq")
        XCTAssertEqual(NQuadsWriter.mediaType, "application/n-quads")
    }
}
