@testable import KGFormats
import KGTestSupport
import KGModel
import KGRDF
import XCTest

final class TurtleWriterTests: XCTestCase {
    private let ex = "http://example.org/"

    private func turtle(_ graph: KnowledgeGraph) throws -> String {
        let sink = MemorySink()
        try TurtleWriter.write(graph, mapping: OntologyMapping(), to: sink)
        return sink.text
    }

    private func document(_ triples: [Triple], prefixes: [Namespace]) throws -> String {
        let sink = MemorySink()
        let writer = try TurtleWriter(sink: sink, prefixes: prefixes)
        for triple in triples { try writer.write(triple) }
        try writer.finish()
        return sink.text
    }

    private func iri(_ text: String) throws -> IRI { try IRI(text) }

    func testGoldenGraph() throws {
        Snapshot.assertMatches(try turtle(GoldenGraph.kazakhstan), named: "kazakhstan.ttl")
    }

    func testSameGraphGivesSameBytesWhateverTheInsertionOrder() throws {
        let graph = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for relation in graph.relations.reversed() { reversed.add(relation) }
        for entity in graph.sortedEntities.reversed() { reversed.add(entity) }
        for document in graph.sortedDocuments { reversed.add(document) }
        XCTAssertEqual(try turtle(reversed), try turtle(graph))
    }

    func testBlocksPredicateListsObjectListsAndLiteralForms() throws {
        let ns = try Namespace(prefix: "ex", iri: try iri(ex))
        let s = try iri(ex + "s"), t = try iri(ex + "t"), p = try iri(ex + "p"), q = try iri(ex + "q")
        let text = try document([
            Triple(s, Vocabulary.RDF.type, try iri(ex + "Thing")),
            Triple(s, p, Literal("quote \" backslash \\ tab \t bell \u{7} ff \u{C}")),
            Triple(s, q, try Literal("Société", language: "fr")),
            Triple(s, p, try iri(ex + "o")),
            Triple(s, q, Literal(integer: 562)),
            Triple(t, p, try Literal("12.5", datatype: Vocabulary.XSD.decimal)),
            Triple(t, p, try Literal("50", datatype: Vocabulary.XSD.decimal)),
            Triple(t, p, try Literal("true", datatype: Vocabulary.XSD.boolean)),
            Triple(t, p, try Literal("1", datatype: Vocabulary.XSD.boolean)),
            Triple(t, p, Literal(try XCTUnwrap(PartialDate(iso: "2008-09")))),
            Triple(t, q, Literal("two\nlines \"quoted\" and \"\"\"triple\"\"\" \r end\"")),
        ], prefixes: [ns, Vocabulary.xsd])
        XCTAssertEqual(text, #"""
        @prefix ex: <http://example.org/> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

        ex:s a ex:Thing ;
            ex:p "quote \" backslash \\ tab \t bell \u0007 ff \f", ex:o ;
            ex:q "Société"@fr, 562 .

        ex:t ex:p 12.5, "50"^^xsd:decimal, true, "1"^^xsd:boolean, "2008-09"^^xsd:gYearMonth ;
            ex:q """two
        lines "quoted" and \"\""triple\"\"" \r end\"""" .

        """#)
    }

    func testPrefixedNamesOnlyWhereTheLocalPartIsValid() throws {
        let ns = try Namespace(prefix: "e", iri: try iri(ex + "entity/"))
        let writer = try TurtleWriter(sink: MemorySink(), prefixes: [ns, try Namespace(prefix: "long", iri: try iri(ex + "entity/a/"))])
        let cases: [(String, String)] = [
            ("kazakhstan", "e:kazakhstan"),
            ("Acme%20Corp", "e:Acme%20Corp"),
            ("doc-1.txt", "e:doc-1.txt"),
            ("Назарбаев", "e:Назарбаев"),
            ("2023", "e:2023"),
            ("_x", "e:_x"),
            ("a:b", "e:a:b"),
            ("-x", "e:\\-x"),
            ("x~y", "e:x\\~y"),
            ("a'b(c)", "e:a\\'b\\(c\\)"),
            ("a/b", "long:b"),
            ("", "e:"),
            // A local part starting or ending with '.' is written in full (rdflib cannot read `\.`).
            (".", "<http://example.org/entity/.>"),
            ("a.", "<http://example.org/entity/a.>"),
            // Characters Turtle has no escape for.
            ("Ⓐb", "<http://example.org/entity/Ⓐb>"),
            ("\u{B7}x", "<http://example.org/entity/\u{B7}x>"),
        ]
        for (local, expected) in cases {
            XCTAssertEqual(writer.name(try iri(ex + "entity/" + local)), expected, local)
        }
        XCTAssertEqual(writer.name(try iri("urn:other")), "<urn:other>")
    }

    func testInvalidPrefixesFailBeforeAnyByteIsWritten() throws {
        let namespace = try iri(ex)
        for (prefix, reason) in [("_x", "not a Turtle prefix name (PN_PREFIX)"), ("a.", "not a Turtle prefix name (PN_PREFIX)")] {
            let sink = MemorySink()
            XCTAssertThrowsError(try TurtleWriter(sink: sink, prefixes: [try Namespace(prefix: prefix, iri: namespace)])) { error in
                XCTAssertEqual(error as? TurtleError, .invalidPrefix(prefix, namespace: ex, reason: reason))
            }
            XCTAssertEqual(sink.bytes.count, 0)
        }
        let twice = [try Namespace(prefix: "ex", iri: namespace), try Namespace(prefix: "ex", iri: try iri(ex + "other#"))]
        XCTAssertThrowsError(try TurtleWriter(sink: MemorySink(), prefixes: twice)) { error in
            XCTAssertEqual("\(error)", "cannot declare prefix 'ex' for <http://example.org/other#>: declared twice")
        }
    }

    func testEmptyGraphIsThePrefixesAlone() throws {
        XCTAssertEqual(try turtle(KnowledgeGraph()), """
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix schema: <http://schema.org/> .
        @prefix kg: <https://w3id.org/kgexport/ontology#> .
        @prefix entity: <https://w3id.org/kgexport/id/entity/> .
        @prefix relation: <https://w3id.org/kgexport/id/relation/> .
        @prefix article: <https://w3id.org/kgexport/id/article/> .

        """)
        XCTAssertEqual(try document([], prefixes: []), "")
        XCTAssertEqual(try document([Triple(try iri(ex + "s"), try iri(ex + "p"), Literal("x"))], prefixes: []),
                       "<http://example.org/s> <http://example.org/p> \"x\" .\n")
    }

    func testRepeatedSubjectLaterStartsANewBlock() throws {
        let s = try iri(ex + "s"), t = try iri(ex + "t"), p = try iri(ex + "p")
        let text = try document([Triple(s, p, Literal("1")), Triple(t, p, Literal("2")), Triple(s, p, Literal("3"))], prefixes: [])
        XCTAssertEqual(text, """
        <http://example.org/s> <http://example.org/p> "1" .

        <http://example.org/t> <http://example.org/p> "2" .

        <http://example.org/s> <http://example.org/p> "3" .

        """)
    }

    func testVerbsOutOfOrder() throws {
        let writer = try TurtleWriter(sink: MemorySink(), prefixes: [])
        try writer.finish()
        XCTAssertThrowsError(try writer.write(Triple(try iri(ex + "s"), Vocabulary.RDFS.label, Literal("x")))) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "write a triple"))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "finish a Turtle document"))
        }
    }

    func testLexicalRules() {
        XCTAssertTrue(TurtleWriter.isInteger("-12"))
        XCTAssertTrue(TurtleWriter.isInteger("007"))
        XCTAssertFalse(TurtleWriter.isInteger("1.0"))
        XCTAssertFalse(TurtleWriter.isInteger("+"))
        XCTAssertTrue(TurtleWriter.isDecimal(".5"))
        XCTAssertTrue(TurtleWriter.isDecimal("-0.25"))
        XCTAssertFalse(TurtleWriter.isDecimal("5."))
        XCTAssertFalse(TurtleWriter.isDecimal("50"))
        XCTAssertTrue(TurtleWriter.isPrefixName("schema"))
        XCTAssertTrue(TurtleWriter.isPrefixName("a.b"))
        XCTAssertFalse(TurtleWriter.isPrefixName("a."))
        XCTAssertFalse(TurtleWriter.isPrefixName("_a"))
    }

    func testFormatDescriptor() {
        XCTAssertEqual(TurtleWriter.fileExtension, "ttl")
        XCTAssertEqual(TurtleWriter.mediaType, "text/turtle")
    }
}
