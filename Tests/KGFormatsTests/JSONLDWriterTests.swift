@testable import KGFormats
import KGTestSupport
import Foundation
import KGModel
import KGRDF
import XCTest

final class JSONLDWriterTests: XCTestCase {
    private let ex = "http://example.org/"

    private func jsonld(_ graph: KnowledgeGraph) throws -> String {
        let sink = MemorySink()
        try JSONLDWriter.write(graph, mapping: OntologyMapping(), to: sink)
        return sink.text
    }

    /// The members of `@graph` after the embedded context, as written.
    private func graphPart(_ triples: [Triple]) throws -> String {
        let sink = MemorySink()
        let writer = JSONLDWriter(sink: sink)
        for triple in triples { try writer.write(triple) }
        try writer.finish()
        let text = sink.text
        let marker = "  \"@graph\": ["
        guard let range = text.range(of: marker) else {
            XCTFail("no @graph in \(text)")
            return ""
        }
        return String(text[range.lowerBound...])
    }

    private func iri(_ text: String) throws -> IRI { try IRI(text) }

    /// `Ontology/context.jsonld` in the source tree.
    private static let contextFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // KGFormatsTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
        .appendingPathComponent("Ontology/context.jsonld")

    func testGoldenGraph() throws {
        Snapshot.assertMatches(try jsonld(GoldenGraph.kazakhstan), named: "kazakhstan.jsonld")
    }

    func testTheOntologyContextFileIsTheEmbeddedContext() throws {
        if Snapshot.isRecording {
            try Data(JSONLDWriter.contextDocument.utf8).write(to: Self.contextFile)
            XCTFail("recorded \(Self.contextFile.path); read it, then run again without KGEXPORT_RECORD")
            return
        }
        let file = String(decoding: try Data(contentsOf: Self.contextFile), as: UTF8.self)
        XCTAssertEqual(file, JSONLDWriter.contextDocument, "Ontology/context.jsonld differs from the context the writer embeds")
        // The output starts with the file, byte for byte, up to the end of the context object.
        let output = try jsonld(GoldenGraph.kazakhstan)
        let contextObject = String(file.dropLast("\n}\n".count))
        XCTAssertTrue(output.hasPrefix(contextObject + ",\n  \"@graph\": [\n"), output)
        // And as JSON values the two contexts are equal.
        let parsedFile = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(file.utf8)) as? [String: Any])
        let parsedOutput = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual(parsedFile["@context"] as? NSDictionary, parsedOutput["@context"] as? NSDictionary)
        XCTAssertEqual(Set(parsedOutput.keys), ["@context", "@graph"])
    }

    func testNodesReadLikeTheGraphModel() throws {
        let output = try jsonld(GoldenGraph.kazakhstan)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let nodes = try XCTUnwrap(json["@graph"] as? [[String: Any]])
        XCTAssertEqual(nodes.count, 18)  // 11 entities, 6 qualified nodes, 1 article
        let kazakhstan = try XCTUnwrap(nodes.first { $0["id"] as? String == "entity:kazakhstan" })
        XCTAssertEqual(kazakhstan["type"] as? String, "Country")
        XCTAssertEqual(kazakhstan["label"] as? String, "Kazakhstan")
        XCTAssertEqual(kazakhstan["altLabel"] as? String, "Kazakh")
        XCTAssertEqual(kazakhstan["memberOf"] as? String, "entity:collective-security-treaty-organization")
        let meeting = try XCTUnwrap(nodes.first { $0["modality"] as? String == "Planned" })
        XCTAssertEqual(meeting["type"] as? String, "Meeting")
        XCTAssertEqual(meeting["date"] as? String, "2008-09-22")
        XCTAssertEqual(meeting["participant"] as? [String], ["entity:nursultan-nazarbayev", "entity:dmitri-medvedev"])
        XCTAssertEqual(meeting["startOffset"] as? Int, 4968)
        XCTAssertEqual(meeting["wasDerivedFrom"] as? String, "article:edm-2008-kazakhstan-csto.txt")
        let holding = try XCTUnwrap(nodes.first { $0["type"] as? String == "Shareholding" })
        XCTAssertEqual(holding["share"] as? String, "50")
        let article = try XCTUnwrap(nodes.first { $0["type"] as? String == "Article" })
        XCTAssertEqual(article["datePublished"] as? [String: String], ["@value": "2008-09", "@type": "xsd:gYearMonth"])
        XCTAssertEqual(article["isPartOf"] as? String, "Eurasia Daily Monitor Volume: 5 Issue: 180")
    }

    func testValuesThatDoNotFitATermAreExplicit() throws {
        let s = try iri("https://w3id.org/kgexport/id/entity/Acme%20Corp")
        let text = try graphPart([
            Triple(s, Vocabulary.RDF.type, Vocabulary.KG.entityClass(.company)),
            Triple(s, Vocabulary.RDF.type, try iri(ex + "Other")),
            Triple(s, Vocabulary.RDFS.label, Literal("quote \" backslash \\ newline \n bell \u{7} 中")),
            Triple(s, Vocabulary.RDFS.label, try Literal("Acme", language: "de-CH")),
            Triple(s, Vocabulary.KG.startOffset, Literal(integer: 12)),
            Triple(s, Vocabulary.KG.endOffset, try Literal("007", datatype: Vocabulary.XSD.integer)),
            Triple(s, Vocabulary.KG.date, Literal(try XCTUnwrap(PartialDate(iso: "--09-05")))),
            Triple(s, Vocabulary.KG.citedSource, Literal("Liter")),
            Triple(s, Vocabulary.Schema.url, Literal("not an IRI")),
            Triple(s, Vocabulary.KG.modality, Vocabulary.KG.planned),
            Triple(s, try iri(ex + "p"), try iri(ex + "o")),
            Triple(s, Vocabulary.KG.qualifiedRelationClass, Literal("x")),
            Triple(try iri("urn:x:y"), Vocabulary.KG.member, s),
        ])
        XCTAssertEqual(text, #"""
          "@graph": [
            {
              "id": "entity:Acme%20Corp",
              "type": ["Company", "http://example.org/Other"],
              "label": [{"@value": "quote \" backslash \\ newline \n bell \u0007 中"}, {"@value": "Acme", "@language": "de-CH"}],
              "startOffset": 12,
              "endOffset": "007",
              "date": {"@value": "--09-05", "@type": "xsd:gMonthDay"},
              "citedSource": "Liter",
              "url": {"@value": "not an IRI"},
              "modality": "Planned",
              "http://example.org/p": {"@id": "http://example.org/o"},
              "QualifiedRelation": {"@value": "x"}
            },
            {
              "id": "urn:x:y",
              "member": "entity:Acme%20Corp"
            }
          ]
        }

        """#)
    }

    func testIRIsReadersWouldExpandAreRefusedBeforeAnythingIsWritten() throws {
        let sink = MemorySink()
        let writer = JSONLDWriter(sink: sink)
        let s = try iri(ex + "s")
        for bad in ["kg:x", "entity:y", "label:z", "type:t"] {
            XCTAssertThrowsError(try writer.write(Triple(s, Vocabulary.Schema.url, try iri(bad))), bad) { error in
                let scheme = String(bad.prefix { $0 != ":" })
                XCTAssertEqual(error as? JSONLDError, .unwritableIRI(bad, term: scheme))
                XCTAssertEqual("\(error)", "IRI <\(bad)> cannot be written as JSON-LD: its scheme '\(scheme)' is a term of the kgexport context, which readers would expand")
            }
        }
        XCTAssertEqual(sink.bytes.count, 0)
        // Schemes that are not terms pass; an IRI whose rest after a prefix would start with `//`
        // is written in full (`schema://x` would read as an absolute IRI).
        try writer.write(Triple(s, Vocabulary.Schema.url, try iri("mailto:a@example.org")))
        try writer.write(Triple(s, Vocabulary.Schema.url, try iri("http://schema.org///x")))
        try writer.finish()
        XCTAssertTrue(sink.text.contains(#""url": ["mailto:a@example.org", "http://schema.org///x"]"#), sink.text)
    }

    func testIRIsOutsideTheDefaultBaseAreWrittenInFull() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "x", label: "X", type: .person))
        graph.add(Relation(subject: "x", kind: .memberOf, object: "y", evidence: Evidence(source: "d.txt")))
        let sink = MemorySink()
        let mapping = try OntologyMapping(iris: IRIMinter(base: "http://example.org/kg#"))
        try JSONLDWriter.write(graph, mapping: mapping, to: sink)
        XCTAssertTrue(sink.text.contains("""
            {
              "id": "http://example.org/kg#entity/x",
              "type": "Person",
              "label": "X",
              "memberOf": "http://example.org/kg#entity/y"
            },
        """), sink.text)
        XCTAssertTrue(sink.text.contains(#""wasDerivedFrom": "http://example.org/kg#article/d.txt""#), sink.text)
    }

    func testEmptyGraph() throws {
        let text = try jsonld(KnowledgeGraph())
        XCTAssertTrue(text.hasSuffix("  },\n  \"@graph\": []\n}\n"), text)
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    func testSafeIntegers() {
        for good in ["0", "7", "-12", "123456789012345"] { XCTAssertTrue(JSONLDWriter.isSafeInteger(good), good) }
        for bad in ["007", "-0", "+5", "1234567890123456", "", "-", "1.0"] { XCTAssertFalse(JSONLDWriter.isSafeInteger(bad), bad) }
    }

    func testVerbsOutOfOrder() throws {
        let writer = JSONLDWriter(sink: MemorySink())
        try writer.finish()
        XCTAssertThrowsError(try writer.write(Triple(try iri(ex + "s"), Vocabulary.RDFS.label, Literal("x")))) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "write a triple"))
        }
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? FormatError, .outOfOrder(operation: "finish a JSON-LD document"))
        }
    }

    func testFormatDescriptor() {
        XCTAssertEqual(JSONLDWriter.fileExtension, "jsonld")
        XCTAssertEqual(JSONLDWriter.mediaType, "application/ld+json")
    }
}
