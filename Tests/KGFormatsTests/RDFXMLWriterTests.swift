@testable import KGFormats
import KGTestSupport
import KGModel
import KGRDF
import XCTest

final class RDFXMLWriterTests: XCTestCase {
    private let ex = "http://example.org/"

    private func rdfxml(_ graph: KnowledgeGraph, mapping: OntologyMapping? = nil) throws -> String {
        let sink = MemorySink()
        try RDFXMLWriter.write(graph, mapping: mapping ?? OntologyMapping(), to: sink)
        return sink.text
    }

    /// Writes `triples` with the given prefixes, without indentation, and returns the document.
    private func document(_ triples: [Triple], prefixes: [Namespace] = [], indent: Bool = false) throws -> String {
        let sink = MemorySink()
        let writer = try RDFXMLWriter(sink: sink, prefixes: prefixes, indent: indent)
        try writer.begin()
        for triple in triples { try writer.write(triple) }
        try writer.finish()
        return sink.text
    }

    private func iri(_ text: String) throws -> IRI { try IRI(text) }

    func testGoldenGraph() throws {
        Snapshot.assertMatches(try rdfxml(GoldenGraph.kazakhstan), named: "kazakhstan.rdf")
    }

    func testSameGraphGivesSameBytesWhateverTheInsertionOrder() throws {
        let graph = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for relation in graph.relations.reversed() { reversed.add(relation) }
        for entity in graph.sortedEntities.reversed() { reversed.add(entity) }
        for document in graph.sortedDocuments { reversed.add(document) }
        XCTAssertEqual(try rdfxml(reversed), try rdfxml(graph))
    }

    func testOneDescriptionPerSubject() throws {
        let text = try rdfxml(GoldenGraph.kazakhstan)
        // 11 entities, 6 qualified nodes, 1 article.
        XCTAssertEqual(text.components(separatedBy: "<rdf:Description ").count - 1, 18)
        XCTAssertEqual(text.components(separatedBy: "</rdf:Description>").count - 1, 18)
        // Only the asserted relations have a direct triple: 3 memberships, 1 meeting, 1 shareholding.
        XCTAssertEqual(text.components(separatedBy: "<kg:memberOf ").count - 1, 3)
        XCTAssertEqual(text.components(separatedBy: "<kg:metWith ").count - 1, 1)
        XCTAssertEqual(text.components(separatedBy: "<kg:holdsShareIn ").count - 1, 1)
        XCTAssertEqual(text.components(separatedBy: "<kg:modality rdf:resource=\"https://w3id.org/kgexport/ontology#Planned\"/>").count - 1, 1)
    }

    func testObjectsAndLiteralForms() throws {
        let s = try iri(ex + "s")
        let p = try iri(ex + "vocab#p")
        let text = try document([
            Triple(s, p, try iri(ex + "o?a=1&b=2")),
            Triple(s, p, try Literal("Kazakhstan", language: "en")),
            Triple(s, p, Literal(try XCTUnwrap(PartialDate(iso: "2008-09-22")))),
            Triple(s, p, Literal("Tom & Jerry <Ltd> A]]>B \"q\" 'a'")),
        ], prefixes: [try Namespace(prefix: "ex", iri: try iri(ex + "vocab#"))])
        XCTAssertEqual(text, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/vocab#">\
        <rdf:Description rdf:about="http://example.org/s">\
        <ex:p rdf:resource="http://example.org/o?a=1&amp;b=2"/>\
        <ex:p xml:lang="en">Kazakhstan</ex:p>\
        <ex:p rdf:datatype="http://www.w3.org/2001/XMLSchema#date">2008-09-22</ex:p>\
        <ex:p>Tom &amp; Jerry &lt;Ltd&gt; A]]&gt;B &quot;q&quot; 'a'</ex:p>\
        </rdf:Description></rdf:RDF>

        """)
    }

    func testCharactersXMLCannotCarryAreDroppedOrSpaced() throws {
        let text = try document([Triple(try iri(ex + "s"), Vocabulary.RDFS.label, Literal("Bell\u{7} Corp\u{C}\u{B}\u{1}x\ty"))],
                                prefixes: [Vocabulary.rdfs])
        XCTAssertTrue(text.contains("<rdfs:label>Bell Corp  x\ty</rdfs:label>"), text)
    }

    func testPredicateOutsideThePrefixesGetsAGeneratedPrefixOnItsElement() throws {
        let s = try iri(ex + "s")
        let text = try document([
            Triple(s, try iri(ex + "vocab#name"), Literal("a")),
            Triple(s, try iri(ex + "other/name"), Literal("b")),
            Triple(s, try iri(ex + "vocab#size"), Literal("c")),
        ], prefixes: [try Namespace(prefix: "ns1", iri: try iri("urn:x:"))])
        XCTAssertTrue(text.contains(#"<ns2:name xmlns:ns2="http://example.org/vocab#">a</ns2:name>"#), text)
        XCTAssertTrue(text.contains(#"<ns3:name xmlns:ns3="http://example.org/other/">b</ns3:name>"#), text)
        XCTAssertTrue(text.contains(#"<ns2:size xmlns:ns2="http://example.org/vocab#">c</ns2:size>"#), text)
    }

    func testLongestConfiguredNamespaceWins() throws {
        let text = try document([Triple(try iri(ex + "s"), try iri(ex + "a/b"), Literal("x"))],
                                prefixes: [try Namespace(prefix: "short", iri: try iri(ex)),
                                           try Namespace(prefix: "long", iri: try iri(ex + "a/"))])
        XCTAssertTrue(text.contains("<long:b>x</long:b>"), text)
    }

    func testPredicateWithoutAnXMLNameIsAnErrorNotABrokenFile() throws {
        let s = try iri(ex + "s")
        for bad in [ex + "rel/2023", ex + "p%20q", ex + "p/", ex + "p%C3%A9"] {
            let sink = MemorySink()
            let writer = try RDFXMLWriter(sink: sink, prefixes: [], indent: false)
            try writer.begin()
            try writer.write(Triple(s, Vocabulary.RDF.type, try iri(ex + "T")))
            XCTAssertThrowsError(try writer.write(Triple(s, try iri(bad), Literal("x"))), bad) { error in
                XCTAssertEqual(error as? RDFXMLError, .unwritablePredicate(bad))
                XCTAssertEqual("\(error)", "predicate <\(bad)> cannot be written as RDF/XML: its IRI does not end in an XML name (NCName)")
            }
            // Nothing of the refused triple was written; the document still closes properly.
            try writer.finish()
            XCTAssertEqual(sink.text, """
            <?xml version="1.0" encoding="UTF-8"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
            <rdf:Description rdf:about="http://example.org/s">\
            <rdf:type rdf:resource="http://example.org/T"/></rdf:Description></rdf:RDF>

            """)
        }
    }

    func testSplitAtTheLongestNCNameSuffix() {
        XCTAssertEqual(RDFXMLWriterSplit.of("http://www.wikidata.org/prop/direct/P463"), ["http://www.wikidata.org/prop/direct/", "P463"])
        XCTAssertEqual(RDFXMLWriterSplit.of("http://example.org/a-1.b_c"), ["http://example.org/", "a-1.b_c"])
        XCTAssertEqual(RDFXMLWriterSplit.of("http://example.org/v2/2x"), ["http://example.org/v2/2", "x"])
        XCTAssertEqual(RDFXMLWriterSplit.of("urn:x:Назарбаев"), ["urn:x:", "Назарбаев"])
        XCTAssertNil(RDFXMLWriterSplit.of("http://example.org/rel/2023"))
        XCTAssertNil(RDFXMLWriterSplit.of("http://example.org/p%20q"))
    }

    func testInvalidPrefixesFailBeforeAnyByteIsWritten() throws {
        let cases: [(KeyValuePairs<String, String>, RDFXMLError)] = [
            (["bad": "http://example.org/a b#"],
             .invalidPrefix("bad", namespace: "http://example.org/a b#", reason: "invalid IRI \"http://example.org/a b#\": contains a space")),
            (["ex": "example.org/#"],
             .invalidPrefix("ex", namespace: "example.org/#", reason: "invalid IRI \"example.org/#\": not absolute (no scheme followed by a colon)")),
            (["1ex": "http://example.org/#"],
             .invalidPrefix("1ex", namespace: "http://example.org/#",
                            reason: "invalid local name \"1ex\" in namespace <http://example.org/#>: not an XML NCName")),
            (["xmlfoo": "http://example.org/#"],
             .invalidPrefix("xmlfoo", namespace: "http://example.org/#", reason: "prefixes starting with xml are reserved")),
            (["rdf": "http://example.org/#"],
             .invalidPrefix("rdf", namespace: "http://example.org/#", reason: "rdf must name http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
            (["ex": "http://example.org/#", "ex": "http://example.org/other#"],
             .invalidPrefix("ex", namespace: "http://example.org/other#", reason: "declared twice")),
        ]
        for (prefixes, expected) in cases {
            let sink = MemorySink()
            XCTAssertThrowsError(try RDFXMLWriter(sink: sink, prefixes: prefixes)) { error in
                XCTAssertEqual(error as? RDFXMLError, expected)
            }
            XCTAssertEqual(sink.bytes.count, 0)
        }
        XCTAssertEqual("\(RDFXMLError.invalidPrefix("ex", namespace: "x", reason: "declared twice"))",
                       "cannot declare prefix 'ex' for <x>: declared twice")
    }

    func testVerbsOutOfOrder() throws {
        let writer = try RDFXMLWriter(sink: MemorySink())
        let triple = Triple(try iri(ex + "s"), Vocabulary.RDFS.label, Literal("x"))
        XCTAssertThrowsError(try writer.write(triple)) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "write a triple"))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "finish an RDF/XML document"))
        }
        try writer.begin()
        XCTAssertThrowsError(try writer.begin()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "begin an RDF/XML document"))
        }
        try writer.finish()
        XCTAssertThrowsError(try writer.write(triple))
        XCTAssertThrowsError(try writer.finish())
    }

    func testEmptyGraphIsAnEmptyRDFDocument() throws {
        let text = try rdfxml(KnowledgeGraph())
        XCTAssertTrue(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF xmlns:rdf="), text)
        XCTAssertTrue(text.hasSuffix("xmlns:kg=\"https://w3id.org/kgexport/ontology#\"/>\n"), text)
    }

    func testGraphTheMappingRefusesWritesNothing() throws {
        var graph = GoldenGraph.kazakhstan
        graph.add(Relation(subject: "kazmunaigas", kind: .holdsShareIn, object: "astana", share: .infinity))
        let sink = MemorySink()
        XCTAssertThrowsError(try RDFXMLWriter.write(graph, mapping: OntologyMapping(), to: sink)) { error in
            XCTAssertTrue(error is OntologyMappingError, "\(error)")
        }
        XCTAssertEqual(sink.bytes.count, 0)
    }

    func testNastyNamesAreWritten() throws {
        // The entity with a BEL and form feed in its label, and ids that need percent-encoding.
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "e12", label: "Bell\u{7} Corp\u{C}", type: .company))
        graph.add(Entity(id: "Acme Corp", label: "Acme Corp", type: .company, aliases: ["Acme Corp."]))
        graph.add(Relation(subject: "Acme Corp", kind: .memberOf, object: "<b>", evidence: Evidence(source: "doc 1.txt")))
        let text = try rdfxml(graph)
        XCTAssertTrue(text.contains("<rdfs:label xml:lang=\"en\">Bell Corp </rdfs:label>"), text)
        XCTAssertTrue(text.contains("rdf:about=\"https://w3id.org/kgexport/id/entity/Acme%20Corp\""), text)
        XCTAssertTrue(text.contains("<kg:memberOf rdf:resource=\"https://w3id.org/kgexport/id/entity/%3Cb%3E\"/>"), text)
        XCTAssertTrue(text.contains("<prov:wasDerivedFrom rdf:resource=\"https://w3id.org/kgexport/id/article/doc%201.txt\"/>"), text)
    }
}

/// The writer's split, as arrays for comparison.
private enum RDFXMLWriterSplit {
    static func of(_ iri: String) -> [String]? {
        RDFXMLWriter.split(iri).map { [$0.namespace, $0.localName] }
    }
}
