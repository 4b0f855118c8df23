import KGTestSupport
import KGModel
import KGRDF
import XCTest
@testable import KGFormats

final class GraphMLWriterTests: XCTestCase {
    private func graphML(_ graph: KnowledgeGraph, options: GraphMLWriter.Options = .init()) throws -> String {
        let sink = MemorySink()
        try GraphMLWriter.write(graph, to: sink, options: options)
        return sink.text
    }

    private func graph(_ entities: [Entity], _ relations: [Relation] = [], documents: [Document] = []) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for e in entities { g.add(e) }
        for d in documents { g.add(d) }
        for r in relations { g.add(r) }
        return g
    }

    private static let keys = """
      <key id="label" for="node" attr.name="label" attr.type="string">
        <desc>canonical name of the entity</desc>
      </key>
      <key id="type" for="node" attr.name="type" attr.type="string">
        <desc>entity type: Person, Country, Organization, Company, Facility or Place</desc>
      </key>
      <key id="iri" for="node" attr.name="iri" attr.type="string">
        <desc>IRI of the entity in the RDF output</desc>
      </key>
      <key id="aliases" for="node" attr.name="aliases" attr.type="string">
        <desc>other names of the entity, as a JSON array of strings</desc>
      </key>
      <key id="relation" for="edge" attr.name="relation" attr.type="string">
        <desc>relation: member-of, met-with (symmetric, written once from subject to object) or holds-share-in</desc>
      </key>
      <key id="relation_iri" for="edge" attr.name="relation_iri" attr.type="string">
        <desc>IRI of the relation's qualified node (membership, meeting, shareholding) in the RDF output</desc>
      </key>
      <key id="date" for="edge" attr.name="date" attr.type="string">
        <desc>when the relation held or the meeting took place: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD</desc>
      </key>
      <key id="place" for="edge" attr.name="place" attr.type="string">
        <desc>label of the place where the meeting took place</desc>
      </key>
      <key id="place_iri" for="edge" attr.name="place_iri" attr.type="string">
        <desc>IRI of the place entity</desc>
      </key>
      <key id="share" for="edge" attr.name="share" attr.type="double">
        <desc>share held, percent (0 to 100)</desc>
      </key>
      <key id="modality" for="edge" attr.name="modality" attr.type="string">
        <desc>how the text states the relation: asserted, planned or negated</desc>
      </key>
      <key id="evidence" for="edge" attr.name="evidence" attr.type="string">
        <desc>the sentence stating the relation</desc>
      </key>
      <key id="source" for="edge" attr.name="source" attr.type="string">
        <desc>the article the sentence is from (input file name)</desc>
      </key>
      <key id="source_title" for="edge" attr.name="source_title" attr.type="string">
        <desc>title of the article</desc>
      </key>
      <key id="source_url" for="edge" attr.name="source_url" attr.type="string">
        <desc>where the article was published</desc>
      </key>
      <key id="source_date" for="edge" attr.name="source_date" attr.type="string">
        <desc>publication date of the article</desc>
      </key>
      <key id="source_publication" for="edge" attr.name="source_publication" attr.type="string">
        <desc>publication the article appeared in</desc>
      </key>
      <key id="cited_source" for="edge" attr.name="cited_source" attr.type="string">
        <desc>the source the article cites for the statement</desc>
      </key>
      <key id="offset_start" for="edge" attr.name="offset_start" attr.type="int">
        <desc>start of the sentence in the article, in Unicode code points from 0</desc>
      </key>
      <key id="offset_end" for="edge" attr.name="offset_end" attr.type="int">
        <desc>end of the sentence in the article, in Unicode code points, exclusive</desc>
      </key>

    """

    func testSmallGraphExactOutput() throws {
        let relation = Relation(subject: "acme corp", kind: .holdsShareIn, object: "e2",
                                date: PartialDate(iso: "--09-05"), share: 12.5,
                                evidence: Evidence(sentence: "Acme holds 12.5% of x]]>y.", source: "doc 1.txt",
                                                   citedSource: "Liter, September 6", offsets: 10..<37))
        let g = graph([Entity(id: "acme corp", label: "Acme & Sons \"AG\" <node>", type: .company, aliases: ["Acme", "A \"B\"\\"]),
                       Entity(id: "e2", label: "Bell\u{7} Corp\u{C}", type: .organization)],
                      [relation],
                      documents: [Document(id: "doc 1.txt", title: "T & T", url: "https://example.org/a?b=1&c=2",
                                           date: PartialDate(iso: "2008-09"), publication: nil)])
        let expected = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
        \(Self.keys)  <graph id="G" edgedefault="directed">
            <node id="acme_20corp">
              <data key="label">Acme &amp; Sons &quot;AG&quot; &lt;node&gt;</data>
              <data key="type">Company</data>
              <data key="iri">https://w3id.org/kgexport/id/entity/acme%20corp</data>
              <data key="aliases">[&quot;Acme&quot;,&quot;A \\&quot;B\\&quot;\\\\&quot;]</data>
            </node>
            <node id="e2">
              <data key="label">Bell Corp </data>
              <data key="type">Organization</data>
              <data key="iri">https://w3id.org/kgexport/id/entity/e2</data>
            </node>
            <edge id="\(relation.id)" source="acme_20corp" target="e2">
              <data key="relation">holds-share-in</data>
              <data key="relation_iri">https://w3id.org/kgexport/id/relation/\(relation.id)</data>
              <data key="date">--09-05</data>
              <data key="share">12.5</data>
              <data key="modality">asserted</data>
              <data key="evidence">Acme holds 12.5% of x]]&gt;y.</data>
              <data key="source">doc 1.txt</data>
              <data key="source_title">T &amp; T</data>
              <data key="source_url">https://example.org/a?b=1&amp;c=2</data>
              <data key="source_date">2008-09</data>
              <data key="cited_source">Liter, September 6</data>
              <data key="offset_start">10</data>
              <data key="offset_end">37</data>
            </edge>
          </graph>
        </graphml>

        """
        XCTAssertEqual(try graphML(g), expected)
    }

    func testMissingValuesAreAbsentDataNotEmptyOrNaN() throws {
        let relation = Relation(subject: "a", kind: .memberOf, object: "b")
        let out = try graphML(graph([Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)], [relation]))
        let edge = """
            <edge id="\(relation.id)" source="a" target="b">
              <data key="relation">member-of</data>
              <data key="relation_iri">https://w3id.org/kgexport/id/relation/\(relation.id)</data>
              <data key="modality">asserted</data>
            </edge>
        """
        XCTAssertTrue(out.contains(edge), out)
        XCTAssertFalse(out.contains("NaN"))
        XCTAssertFalse(out.contains("></data>"))
        XCTAssertFalse(out.contains("key=\"aliases\""), "an entity without aliases has no aliases data")
    }

    func testParallelEdgesKeepTheirOwnIdsAndDatesAndARepeatedRelationIsWrittenOnce() throws {
        let first = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-09-05"),
                             evidence: Evidence(sentence: "They met.", source: "doc-1.txt"))
        let second = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-10-15"),
                              evidence: Evidence(sentence: "They met again.", source: "doc-2.txt"))
        XCTAssertNotEqual(first.id, second.id)
        let sink = MemorySink()
        let writer = try GraphMLWriter(sink: sink)
        try writer.begin(entities: [Entity(id: "e7", label: "A", type: .person), Entity(id: "e8", label: "B", type: .person)], documents: [])
        try writer.write(second)
        try writer.write(first)
        try writer.write(second)
        try writer.finish()
        let out = sink.text
        XCTAssertEqual(out.components(separatedBy: "<edge ").count - 1, 2)
        let secondRange = try XCTUnwrap(out.range(of: "<edge id=\"\(second.id)\" source=\"e7\" target=\"e8\">"))
        let firstRange = try XCTUnwrap(out.range(of: "<edge id=\"\(first.id)\" source=\"e7\" target=\"e8\">"))
        XCTAssertLessThan(secondRange.lowerBound, firstRange.lowerBound, "edges are written in the order given")
        XCTAssertTrue(out[secondRange.upperBound...].hasPrefix("\n      <data key=\"relation\">met-with</data>"))
        XCTAssertTrue(out[firstRange.upperBound...].contains("<data key=\"date\">2008-09-05</data>"))
        let secondBody = out[secondRange.upperBound..<firstRange.lowerBound]
        XCTAssertTrue(secondBody.contains("<data key=\"date\">2008-10-15</data>"))
        XCTAssertTrue(secondBody.contains("<data key=\"evidence\">They met again.</data>"))
        XCTAssertFalse(secondBody.contains("2008-09-05"))
    }

    func testNodeIdsAreNMTokensThatKeepTheEntityIdRecoverable() throws {
        let r = Relation(subject: "Acme Corp", kind: .memberOf, object: "Strict:node_1")
        let out = try graphML(graph([Entity(id: "Acme Corp", label: "Acme Corp", type: .company),
                                     Entity(id: "Strict:node_1", label: "node", type: .organization),
                                     Entity(id: "Назарбаев", label: "Назарбаев", type: .person)], [r]))
        XCTAssertTrue(out.contains("<node id=\"Acme_20Corp\">"))
        XCTAssertTrue(out.contains("<node id=\"Strict_3Anode_5F1\">"))
        XCTAssertTrue(out.contains("<node id=\"_D0_9D_D0_B0_D0_B7_D0_B0_D1_80_D0_B1_D0_B0_D0_B5_D0_B2\">"))
        XCTAssertTrue(out.contains("source=\"Acme_20Corp\" target=\"Strict_3Anode_5F1\""))
        XCTAssertTrue(out.contains("<data key=\"iri\">https://w3id.org/kgexport/id/entity/Strict%3Anode_1</data>"))
        XCTAssertTrue(out.contains("<data key=\"iri\">https://w3id.org/kgexport/id/entity/Назарбаев</data>"))
    }

    func testControlCharactersAreDroppedAndVerticalTabAndFormFeedBecomeSpaces() throws {
        let r = Relation(subject: "a", kind: .metWith, object: "a", modality: .planned,
                         evidence: Evidence(sentence: "Bell\u{7} Corp met\u{0} Acme\u{B}Corp\u{1B}.\u{FFFE}\tend\r\n"))
        let out = try graphML(graph([Entity(id: "a", label: "Bell\u{7} Corp\u{C}", type: .company, aliases: ["Bell\u{7}"])], [r]))
        XCTAssertTrue(out.contains("<data key=\"label\">Bell Corp </data>"))
        XCTAssertTrue(out.contains("<data key=\"evidence\">Bell Corp met Acme Corp.\tend&#13;\n</data>"), out)
        XCTAssertTrue(out.contains("<data key=\"aliases\">[&quot;Bell\\u0007&quot;]</data>"), "the JSON string keeps the character as an escape")
        XCTAssertTrue(out.contains("<data key=\"modality\">planned</data>"))
        for forbidden in (0x00...0x1F).filter({ ![0x09, 0x0A, 0x0D].contains($0) }) {
            XCTAssertFalse(out.unicodeScalars.contains { $0.value == UInt32(forbidden) }, "U+\(String(forbidden, radix: 16))")
        }
    }

    func testSharesArePlainDecimals() throws {
        let values: [(Double, String)] = [(50, "50"), (12.5, "12.5"), (0.5, "0.5"), (25.01, "25.01"), (100, "100")]
        for (share, text) in values {
            let r = Relation(subject: "a", kind: .holdsShareIn, object: "b", share: share)
            let out = try graphML(graph([Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .facility)], [r]))
            XCTAssertTrue(out.contains("<data key=\"share\">\(text)</data>"), "\(share)")
        }
    }

    func testPlaceIsTheLabelAndIRIOfThePlaceEntity() throws {
        let r = Relation(subject: "a", kind: .metWith, object: "b", place: "astana")
        let unknown = Relation(subject: "a", kind: .metWith, object: "b", place: "brussels city")
        let out = try graphML(graph([Entity(id: "a", label: "A", type: .person), Entity(id: "b", label: "B", type: .person),
                                     Entity(id: "astana", label: "Astana", type: .place)], [r, unknown]))
        XCTAssertTrue(out.contains("<data key=\"place\">Astana</data>\n      <data key=\"place_iri\">https://w3id.org/kgexport/id/entity/astana</data>"))
        XCTAssertTrue(out.contains("<data key=\"place\">brussels city</data>\n      <data key=\"place_iri\">https://w3id.org/kgexport/id/entity/brussels%20city</data>"))
    }

    func testIRIFunctionsComeFromOptions() throws {
        let options = GraphMLWriter.Options(iriForEntity: { "urn:e:" + $0.id }, iriForRelation: { "urn:r:" + $0.kind.rawValue })
        let out = try graphML(graph([Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)],
                                    [Relation(subject: "a", kind: .memberOf, object: "b")]), options: options)
        XCTAssertTrue(out.contains("<data key=\"iri\">urn:e:a</data>"))
        XCTAssertTrue(out.contains("<data key=\"relation_iri\">urn:r:member-of</data>"))
    }

    func testSameGraphGivesTheSameBytesWhateverTheInsertionOrder() throws {
        let golden = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for e in golden.sortedEntities.reversed() { reversed.add(e) }
        for d in golden.sortedDocuments { reversed.add(d) }
        for r in golden.relations.reversed() { reversed.add(r) }
        XCTAssertEqual(try graphML(golden), try graphML(reversed))
    }

    func testGoldenKazakhstanGraph() throws {
        Snapshot.assertMatches(try graphML(GoldenGraph.kazakhstan), named: "kazakhstan.graphml")
    }

    func testUnknownEntityDuplicateEntityAndBadShareAreErrorsNamingTheValue() throws {
        let a = Entity(id: "a", label: "A", type: .company)
        let writer = try GraphMLWriter(sink: MemorySink())
        XCTAssertThrowsError(try writer.begin(entities: [a, a], documents: [])) {
            XCTAssertEqual($0 as? FormatError, .duplicateEntity(id: "a"))
            XCTAssertEqual("\($0)", "duplicate entity id 'a'")
        }
        let other = try GraphMLWriter(sink: MemorySink())
        try other.begin(entities: [a], documents: [])
        let dangling = Relation(subject: "a", kind: .memberOf, object: "nato")
        XCTAssertThrowsError(try other.write(dangling)) {
            XCTAssertEqual($0 as? FormatError, .unknownEntity(relation: "a member-of nato", entity: "nato"))
            XCTAssertEqual("\($0)", "relation a member-of nato names entity 'nato', which is not in the graph")
        }
        let nan = Relation(subject: "a", kind: .holdsShareIn, object: "a", share: .nan)
        XCTAssertThrowsError(try other.write(nan)) {
            XCTAssertEqual($0 as? FormatError, .invalidValue(relation: "a holds-share-in a", field: "share", value: "nan"))
            XCTAssertEqual("\($0)", "relation a holds-share-in a has share 'nan', which cannot be written")
        }
    }

    func testAShareThatCannotBeFormattedIsAnErrorBeforeAnythingIsWritten() throws {
        let sink = MemorySink()
        let g = graph([Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .facility)],
                      [Relation(subject: "a", kind: .holdsShareIn, object: "b", share: 1e300)])
        XCTAssertThrowsError(try GraphMLWriter.write(g, to: sink)) {
            XCTAssertEqual("\($0)", "relation a holds-share-in b has share '1e+300', which cannot be written")
        }
        XCTAssertEqual(sink.bytes.count, 0)
    }

    func testDefaultIRIsAreTheOntologyMappingsIRIs() throws {
        let entity = Entity(id: "Acme Corp", label: "Acme", type: .company)
        let relation = Relation(subject: "Acme Corp", kind: .memberOf, object: "Acme Corp")
        let options = GraphMLWriter.Options()
        XCTAssertEqual(options.iriForEntity(entity), IRIMinter().entityIRI(for: entity).string)
        XCTAssertEqual(options.iriForEntity(entity), "https://w3id.org/kgexport/id/entity/Acme%20Corp")
        XCTAssertEqual(options.iriForRelation(relation), "https://w3id.org/kgexport/id/relation/" + relation.id)
        let custom = GraphMLWriter.Options(iris: try IRIMinter(base: "http://example.org/kg#"))
        XCTAssertEqual(custom.iriForEntity(entity), "http://example.org/kg#entity/Acme%20Corp")
    }

    func testVerbsOutOfOrderAreErrors() throws {
        let writer = try GraphMLWriter(sink: MemorySink())
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b"))) {
            XCTAssertEqual($0 as? FormatError, .outOfOrder(operation: "write an edge"))
        }
        XCTAssertThrowsError(try writer.finish())
        try writer.begin(entities: [], documents: [])
        XCTAssertThrowsError(try writer.begin(entities: [], documents: []))
        try writer.finish()
        XCTAssertThrowsError(try writer.finish())
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b")))
    }

    func testEmptyGraphIsAValidSkeleton() throws {
        let out = try graphML(KnowledgeGraph())
        XCTAssertTrue(out.hasSuffix("</key>\n  <graph id=\"G\" edgedefault=\"directed\"/>\n</graphml>\n"), out)
    }

    func testSinkErrorsPassThrough() throws {
        final class FullDisk: ByteSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                throw OutputError(operation: "cannot write", path: "/full/kg.graphml", reason: "no space left on device")
            }
        }
        XCTAssertThrowsError(try GraphMLWriter.write(GoldenGraph.kazakhstan, to: FullDisk())) {
            XCTAssertEqual("\($0)", "cannot write /full/kg.graphml: no space left on device")
        }
    }
}
