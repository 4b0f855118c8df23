import KGTestSupport
import KGFormats
import KGModel
import KGRDF
import XCTest

final class NTriplesWriterTests: XCTestCase {
    private let ex = "http://example.org/"

    private func ntriples(_ graph: KnowledgeGraph) throws -> String {
        let sink = MemorySink()
        try NTriplesWriter.write(graph, mapping: OntologyMapping(), to: sink)
        return sink.text
    }

    private func document(_ triples: [Triple]) throws -> String {
        let sink = MemorySink()
        let writer = NTriplesWriter(sink: sink)
        for triple in triples { try writer.write(triple) }
        try writer.finish()
        return sink.text
    }

    func testGoldenGraph() throws {
        Snapshot.assertMatches(try ntriples(GoldenGraph.kazakhstan), named: "kazakhstan.nt")
    }

    func testOneLinePerTripleOfTheMapping() throws {
        let text = try ntriples(GoldenGraph.kazakhstan)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 95)  // 94 triples and the empty rest after the final line feed
        XCTAssertEqual(lines.last, "")
        XCTAssertEqual(lines.dropLast().map(String.init), try OntologyMapping().triples(for: GoldenGraph.kazakhstan).map(\.description))
    }

    func testSameGraphGivesSameBytesWhateverTheInsertionOrder() throws {
        let graph = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for relation in graph.relations.reversed() { reversed.add(relation) }
        for entity in graph.sortedEntities.reversed() { reversed.add(entity) }
        for document in graph.sortedDocuments { reversed.add(document) }
        XCTAssertEqual(try ntriples(reversed), try ntriples(graph))
    }

    func testEscapesOfLiteralsAndFormsOfTerms() throws {
        let s = try IRI(ex + "s/Назарбаев?a=1&b=%20")
        let p = try IRI(ex + "p#x")
        let text = try document([
            Triple(s, p, Literal("quote \" backslash \\ newline \n return \r tab \t")),
            Triple(s, p, Literal("bell \u{7} backspace \u{8} vt \u{B} ff \u{C} nul \u{0} esc \u{1B} del \u{7F} \u{FFFF}")),
            Triple(s, p, try Literal("Société 中国石油 شركة 𝄞", language: "en-US")),
            Triple(s, p, try Literal("12.5", datatype: Vocabulary.XSD.decimal)),
            Triple(s, p, try IRI("urn:x:a'b(c)~d")),
        ])
        XCTAssertEqual(text, #"""
        <http://example.org/s/Назарбаев?a=1&b=%20> <http://example.org/p#x> "quote \" backslash \\ newline \n return \r tab \t" .
        <http://example.org/s/Назарбаев?a=1&b=%20> <http://example.org/p#x> "bell \u0007 backspace \b vt \u000B ff \f nul \u0000 esc \u001B del \u007F \uFFFF" .
        <http://example.org/s/Назарбаев?a=1&b=%20> <http://example.org/p#x> "Société 中国石油 شركة 𝄞"@en-US .
        <http://example.org/s/Назарбаев?a=1&b=%20> <http://example.org/p#x> "12.5"^^<http://www.w3.org/2001/XMLSchema#decimal> .
        <http://example.org/s/Назарбаев?a=1&b=%20> <http://example.org/p#x> <urn:x:a'b(c)~d> .

        """#)
    }

    func testPercentEncodedIdsAndEveryControlCharacterSurvive() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "Acme Corp", label: "Bell\u{7} Corp\u{C}", type: .company))
        let text = try ntriples(graph)
        XCTAssertEqual(text, """
        <https://w3id.org/kgexport/id/entity/Acme%20Corp> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgexport/ontology#Company> .
        <https://w3id.org/kgexport/id/entity/Acme%20Corp> <http://www.w3.org/2000/01/rdf-schema#label> "Bell\\u0007 Corp\\f"@en .

        """)
    }

    func testEmptyGraphIsAnEmptyDocument() throws {
        XCTAssertEqual(try ntriples(KnowledgeGraph()), "")
    }

    func testVerbsOutOfOrder() throws {
        let writer = NTriplesWriter(sink: MemorySink())
        try writer.finish()
        XCTAssertThrowsError(try writer.write(Triple(try IRI(ex + "s"), Vocabulary.RDFS.label, Literal("x")))) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "write a triple"))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "finish an N-Triples document"))
        }
    }

    func testGraphTheMappingRefusesWritesNothing() throws {
        var graph = GoldenGraph.kazakhstan
        graph.add(Relation(subject: "kazmunaigas", kind: .holdsShareIn, object: "astana", share: .nan))
        let sink = MemorySink()
        XCTAssertThrowsError(try NTriplesWriter.write(graph, mapping: OntologyMapping(), to: sink)) { error in
            XCTAssertTrue(error is OntologyMappingError, "\(error)")
        }
        XCTAssertEqual(sink.bytes.count, 0)
    }

    func testFormatDescriptor() {
        XCTAssertEqual(NTriplesWriter.fileExtension, "nt")
        XCTAssertEqual(NTriplesWriter.mediaType, "application/n-triples")
    }
}
