import KGTestSupport
import KGModel
import KGRDF
import XCTest
@testable import KGFormats

final class GEXFWriterTests: XCTestCase {
    private func gexf(_ graph: KnowledgeGraph, options: GEXFWriter.Options = .init()) throws -> String {
        let sink = MemorySink()
        try GEXFWriter.write(graph, to: sink, options: options)
        return sink.text
    }

    private func graph(_ entities: [Entity], _ relations: [Relation] = [], documents: [Document] = []) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for e in entities { g.add(e) }
        for d in documents { g.add(d) }
        for r in relations { g.add(r) }
        return g
    }

    private static let header = #"""
    <?xml version="1.0" encoding="UTF-8"?>
    <gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
      <meta>
        <creator>kgexport</creator>
        <description>entities and the relations between them, read from news articles</description>
      </meta>
      <graph mode="dynamic" timeformat="date" defaultedgetype="directed" idtype="string">
        <attributes class="node" mode="static">
          <attribute id="type" title="type" type="string"/>
          <attribute id="iri" title="iri" type="string"/>
          <attribute id="aliases" title="aliases" type="liststring"/>
        </attributes>
        <attributes class="edge" mode="static">
          <attribute id="relation" title="relation" type="string"/>
          <attribute id="relation_iri" title="relation_iri" type="string"/>
          <attribute id="date" title="date" type="string"/>
          <attribute id="place" title="place" type="string"/>
          <attribute id="place_iri" title="place_iri" type="string"/>
          <attribute id="share" title="share" type="double"/>
          <attribute id="modality" title="modality" type="string"/>
          <attribute id="evidence" title="evidence" type="string"/>
          <attribute id="source" title="source" type="string"/>
          <attribute id="source_title" title="source_title" type="string"/>
          <attribute id="source_url" title="source_url" type="string"/>
          <attribute id="source_date" title="source_date" type="string"/>
          <attribute id="source_publication" title="source_publication" type="string"/>
          <attribute id="cited_source" title="cited_source" type="string"/>
          <attribute id="offset_start" title="offset_start" type="integer"/>
          <attribute id="offset_end" title="offset_end" type="integer"/>
        </attributes>

    """#

    func testSmallGraphExactOutput() throws {
        let stake = Relation(subject: "acme corp", kind: .holdsShareIn, object: "e2", date: PartialDate(iso: "2008-09"),
                             share: 12.5, modality: .planned,
                             evidence: Evidence(sentence: "Acme holds 12.5% of x]]>y.", source: "doc 1.txt",
                                                citedSource: "Liter, September 6", offsets: 10..<37))
        let meeting = Relation(subject: "e2", kind: .metWith, object: "acme corp", date: PartialDate(iso: "--09-05"))
        let g = graph([Entity(id: "acme corp", label: "Acme & Sons \"AG\" <node>", type: .company, aliases: ["Acme", "A \"B\"\\"]),
                       Entity(id: "e2", label: "Bell\u{7} Corp\u{C}", type: .organization)],
                      [stake, meeting],
                      documents: [Document(id: "doc 1.txt", title: "T & T", url: "https://example.org/a?b=1&c=2",
                                           date: PartialDate(iso: "2008-09"), publication: nil)])
        let expected = Self.header + #"""
            <nodes>
              <node id="acme_20corp" label="Acme &amp; Sons &quot;AG&quot; &lt;node&gt;">
                <attvalues>
                  <attvalue for="type" value="Company"/>
                  <attvalue for="iri" value="https://w3id.org/kgexport/id/entity/acme%20corp"/>
                  <attvalue for="aliases" value="[&quot;Acme&quot;, &quot;A \&quot;B\&quot;\\&quot;]"/>
                </attvalues>
                <viz:color r="252" g="229" b="205"/>
              </node>
              <node id="e2" label="Bell Corp ">
                <attvalues>
                  <attvalue for="type" value="Organization"/>
                  <attvalue for="iri" value="https://w3id.org/kgexport/id/entity/e2"/>
                </attvalues>
                <viz:color r="255" g="242" b="204"/>
              </node>
            </nodes>
            <edges>
              <edge id="\#(stake.id)" source="acme_20corp" target="e2" label="holds-share-in" kind="holds-share-in" start="2008-09-01">
                <attvalues>
                  <attvalue for="relation" value="holds-share-in"/>
                  <attvalue for="relation_iri" value="https://w3id.org/kgexport/id/relation/\#(stake.id)"/>
                  <attvalue for="date" value="2008-09"/>
                  <attvalue for="share" value="12.5"/>
                  <attvalue for="modality" value="planned"/>
                  <attvalue for="evidence" value="Acme holds 12.5% of x]]&gt;y."/>
                  <attvalue for="source" value="doc 1.txt"/>
                  <attvalue for="source_title" value="T &amp; T"/>
                  <attvalue for="source_url" value="https://example.org/a?b=1&amp;c=2"/>
                  <attvalue for="source_date" value="2008-09"/>
                  <attvalue for="cited_source" value="Liter, September 6"/>
                  <attvalue for="offset_start" value="10"/>
                  <attvalue for="offset_end" value="37"/>
                </attvalues>
                <viz:color r="230" g="145" b="56"/>
                <viz:shape value="dashed"/>
              </edge>
              <edge id="\#(meeting.id)" source="e2" target="acme_20corp" label="met-with" kind="met-with">
                <attvalues>
                  <attvalue for="relation" value="met-with"/>
                  <attvalue for="relation_iri" value="https://w3id.org/kgexport/id/relation/\#(meeting.id)"/>
                  <attvalue for="date" value="--09-05"/>
                  <attvalue for="modality" value="asserted"/>
                </attvalues>
                <viz:color r="106" g="168" b="79"/>
              </edge>
            </edges>
          </graph>
        </gexf>

        """#
        XCTAssertEqual(try gexf(g), expected)
    }

    func testEmptyGraphIsAValidSkeleton() throws {
        let out = try gexf(KnowledgeGraph())
        XCTAssertTrue(out.hasPrefix(Self.header), out)
        XCTAssertTrue(out.hasSuffix("</attributes>\n    <nodes/>\n    <edges/>\n  </graph>\n</gexf>\n"), out)
    }

    func testStartIsTheFirstDayOfThePeriodAndNoneWithoutAYear() throws {
        XCTAssertEqual(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "2008-09-22"))), "2008-09-22")
        XCTAssertEqual(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "2008-09"))), "2008-09-01")
        XCTAssertEqual(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "2008"))), "2008-01-01")
        XCTAssertEqual(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "0033"))), "0033-01-01")
        XCTAssertNil(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "--09-05"))))
        XCTAssertNil(GEXFWriter.start(of: try XCTUnwrap(PartialDate(iso: "--02-29"))))

        let dates = ["2008-09-22", "2008-09", "2008", "--09-05"]
        let entities = [Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)]
        let relations = dates.map { Relation(subject: "a", kind: .memberOf, object: "b", date: PartialDate(iso: $0)) }
        let out = try gexf(graph(entities, relations))
        for (relation, start) in zip(relations, ["2008-09-22", "2008-09-01", "2008-01-01", nil]) {
            let tag = "<edge id=\"\(relation.id)\" source=\"a\" target=\"b\" label=\"member-of\" kind=\"member-of\""
            XCTAssertTrue(out.contains(tag + (start.map { " start=\"\($0)\">" } ?? ">")), "\(relation.date?.description ?? "")")
            let body = try XCTUnwrap(out.range(of: tag)).upperBound
            XCTAssertTrue(out[body...].contains("<attvalue for=\"date\" value=\"\(relation.date?.description ?? "")\"/>"),
                          "the exact date stays in the date attribute")
        }
        XCTAssertFalse(out.contains("end="), "the model has no end dates")
    }

    func testListStringSyntaxQuotesEveryItem() {
        XCTAssertEqual(GEXFWriter.list([]), "[]")
        XCTAssertEqual(GEXFWriter.list(["Kazakh"]), "[\"Kazakh\"]")
        XCTAssertEqual(GEXFWriter.list(["a, b", "[c]", "it's", "null", " padded "]),
                       "[\"a, b\", \"[c]\", \"it's\", \"null\", \" padded \"]")
        XCTAssertEqual(GEXFWriter.list(["A \"B\"\\", "C:\\dir"]), "[\"A \\\"B\\\"\\\\\", \"C:\\\\dir\"]")
        XCTAssertEqual(GEXFWriter.list(["Назарбаев", "中国石油"]), "[\"Назарбаев\", \"中国石油\"]")
    }

    func testParallelEdgesKeepTheirOwnIdsDatesAndStartsAndARepeatedRelationIsWrittenOnce() throws {
        let first = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-09-05"),
                             evidence: Evidence(sentence: "They met.", source: "doc-1.txt"))
        let second = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-10-15"),
                              evidence: Evidence(sentence: "They met again.", source: "doc-2.txt"))
        XCTAssertNotEqual(first.id, second.id)
        let sink = MemorySink()
        let writer = try GEXFWriter(sink: sink)
        try writer.begin(entities: [Entity(id: "e7", label: "A", type: .person), Entity(id: "e8", label: "B", type: .person)], documents: [])
        try writer.write(second)
        try writer.write(first)
        try writer.write(second)
        try writer.finish()
        let out = sink.text
        XCTAssertEqual(out.components(separatedBy: "<edge ").count - 1, 2)
        let secondTag = try XCTUnwrap(out.range(of: "<edge id=\"\(second.id)\" source=\"e7\" target=\"e8\" label=\"met-with\" kind=\"met-with\" start=\"2008-10-15\">"))
        let firstTag = try XCTUnwrap(out.range(of: "<edge id=\"\(first.id)\" source=\"e7\" target=\"e8\" label=\"met-with\" kind=\"met-with\" start=\"2008-09-05\">"))
        XCTAssertLessThan(secondTag.lowerBound, firstTag.lowerBound, "edges are written in the order given")
        let secondBody = out[secondTag.upperBound..<firstTag.lowerBound]
        XCTAssertTrue(secondBody.contains("<attvalue for=\"evidence\" value=\"They met again.\"/>"))
        XCTAssertFalse(secondBody.contains("They met."))
        XCTAssertTrue(out[firstTag.upperBound...].contains("<attvalue for=\"evidence\" value=\"They met.\"/>"))
    }

    func testNodeIdsAreTheGraphMLNMTokens() throws {
        let r = Relation(subject: "Acme Corp", kind: .memberOf, object: "Strict:node_1")
        let out = try gexf(graph([Entity(id: "Acme Corp", label: "Acme Corp", type: .company),
                                  Entity(id: "Strict:node_1", label: "node", type: .organization),
                                  Entity(id: "Назарбаев", label: "Назарбаев", type: .person)], [r]))
        XCTAssertTrue(out.contains("<node id=\"Acme_20Corp\" label=\"Acme Corp\">"))
        XCTAssertTrue(out.contains("<node id=\"Strict_3Anode_5F1\" label=\"node\">"))
        XCTAssertTrue(out.contains("<node id=\"_D0_9D_D0_B0_D0_B7_D0_B0_D1_80_D0_B1_D0_B0_D0_B5_D0_B2\" label=\"Назарбаев\">"))
        XCTAssertTrue(out.contains("<edge id=\"\(r.id)\" source=\"Acme_20Corp\" target=\"Strict_3Anode_5F1\""))
        let graphML = MemorySink()
        try GraphMLWriter.write(graph([Entity(id: "Acme Corp", label: "Acme Corp", type: .company)]), to: graphML)
        XCTAssertTrue(graphML.text.contains("<node id=\"Acme_20Corp\">"), "the same ids as GraphML")
    }

    func testNodesAreColouredByTypeWithTheDOTPalette() throws {
        let expected: [(EntityType, String)] = [
            (.person, "r=\"207\" g=\"226\" b=\"243\""),
            (.country, "r=\"217\" g=\"234\" b=\"211\""),
            (.organization, "r=\"255\" g=\"242\" b=\"204\""),
            (.company, "r=\"252\" g=\"229\" b=\"205\""),
            (.facility, "r=\"234\" g=\"209\" b=\"220\""),
            (.place, "r=\"208\" g=\"224\" b=\"227\""),
        ]
        for (type, rgb) in expected {
            let out = try gexf(graph([Entity(id: "x", label: "X", type: type)]))
            XCTAssertTrue(out.contains("</attvalues>\n        <viz:color \(rgb)/>\n      </node>"), "\(type)")
            let hex = DOTWriter.style(of: type).fillColor
            let channels = try XCTUnwrap(GEXFWriter.rgb(hex))
            XCTAssertEqual("r=\"\(channels.red)\" g=\"\(channels.green)\" b=\"\(channels.blue)\"", rgb, hex)
        }
        XCTAssertNil(GEXFWriter.rgb("cfe2f3"))
        XCTAssertNil(GEXFWriter.rgb("#cfe2f"))
    }

    func testEdgesAreColouredByRelationAndShapedByModality() throws {
        let entities = [Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .company)]
        let cases: [(Relation, String)] = [
            (Relation(subject: "a", kind: .memberOf, object: "b"), "<viz:color r=\"61\" g=\"133\" b=\"198\"/>\n      </edge>"),
            (Relation(subject: "a", kind: .metWith, object: "b", modality: .planned),
             "<viz:color r=\"106\" g=\"168\" b=\"79\"/>\n        <viz:shape value=\"dashed\"/>\n      </edge>"),
            (Relation(subject: "a", kind: .holdsShareIn, object: "b", modality: .negated),
             "<viz:color r=\"230\" g=\"145\" b=\"56\"/>\n        <viz:shape value=\"dotted\"/>\n      </edge>"),
        ]
        for (relation, tail) in cases {
            let out = try gexf(graph(entities, [relation]))
            XCTAssertTrue(out.contains("</attvalues>\n        " + tail), out)
        }
    }

    func testControlCharactersAreDroppedEvenInsideLists() throws {
        let r = Relation(subject: "a", kind: .metWith, object: "a",
                         evidence: Evidence(sentence: "Bell\u{7} Corp met\u{0} Acme\u{B}Corp\u{1B}.\u{FFFE}\tend\r\n"))
        let out = try gexf(graph([Entity(id: "a", label: "Bell\u{7} Corp\u{C}", type: .company, aliases: ["Bell\u{7}", "x\ty"])], [r]))
        XCTAssertTrue(out.contains("<node id=\"a\" label=\"Bell Corp \">"))
        XCTAssertTrue(out.contains("<attvalue for=\"evidence\" value=\"Bell Corp met Acme Corp.&#9;end&#13;&#10;\"/>"), out)
        XCTAssertTrue(out.contains("<attvalue for=\"aliases\" value=\"[&quot;Bell&quot;, &quot;x&#9;y&quot;]\"/>"), out)
        for forbidden in (0x00...0x1F).filter({ ![0x09, 0x0A, 0x0D].contains($0) }) {
            XCTAssertFalse(out.unicodeScalars.contains { $0.value == UInt32(forbidden) }, "U+\(String(forbidden, radix: 16))")
        }
    }

    func testNumbersArePlainDecimalsAndMissingValuesAreAbsent() throws {
        let entities = [Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .facility)]
        for (share, text) in [(50.0, "50"), (12.5, "12.5"), (0.5, "0.5"), (25.01, "25.01"), (100, "100")] {
            let out = try gexf(graph(entities, [Relation(subject: "a", kind: .holdsShareIn, object: "b", share: share)]))
            XCTAssertTrue(out.contains("<attvalue for=\"share\" value=\"\(text)\"/>"), "\(share)")
        }
        let bare = Relation(subject: "a", kind: .memberOf, object: "b")
        let out = try gexf(graph(entities, [bare]))
        XCTAssertTrue(out.contains("""
              <edge id="\(bare.id)" source="a" target="b" label="member-of" kind="member-of">
                <attvalues>
                  <attvalue for="relation" value="member-of"/>
                  <attvalue for="relation_iri" value="https://w3id.org/kgexport/id/relation/\(bare.id)"/>
                  <attvalue for="modality" value="asserted"/>
                </attvalues>
        """), out)
        XCTAssertFalse(out.contains("value=\"\""))
        XCTAssertFalse(out.contains("NaN"))
        XCTAssertFalse(out.contains("for=\"aliases\""), "an entity without aliases has no aliases value")
    }

    func testTheSameAttributesAsGraphML() throws {
        let gexfNames = (GEXFWriter.nodeKeys + GEXFWriter.edgeKeys).map(\.name)
        let graphMLNames = (PropertyGraphAttributes.nodeKeys + PropertyGraphAttributes.edgeKeys).map(\.name)
        XCTAssertEqual(["label"] + gexfNames, graphMLNames, "every key but label (the node's own label) is an attribute")
        let types = Dictionary(uniqueKeysWithValues: (GEXFWriter.nodeKeys + GEXFWriter.edgeKeys).map { ($0.name, $0.type.gexfType) })
        XCTAssertEqual(types["aliases"], "liststring")
        XCTAssertEqual(types["share"], "double")
        XCTAssertEqual(types["offset_start"], "integer")
        XCTAssertEqual(types["offset_end"], "integer")
        XCTAssertEqual(Set(types.values), ["string", "double", "integer", "liststring"])
    }

    func testIRIFunctionsComeFromOptions() throws {
        let options = GEXFWriter.Options(iriForEntity: { "urn:e:" + $0.id }, iriForRelation: { "urn:r:" + $0.kind.rawValue }, indent: false)
        let out = try gexf(graph([Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)],
                                 [Relation(subject: "a", kind: .memberOf, object: "b")]), options: options)
        XCTAssertTrue(out.contains("<attvalue for=\"iri\" value=\"urn:e:a\"/>"))
        XCTAssertTrue(out.contains("<attvalue for=\"relation_iri\" value=\"urn:r:member-of\"/>"))
        XCTAssertFalse(out.contains("\n  "), "no indentation")
        let custom = GEXFWriter.Options(iris: try IRIMinter(base: "http://example.org/kg#"))
        XCTAssertEqual(custom.iriForEntity(Entity(id: "Acme Corp", label: "Acme", type: .company)), "http://example.org/kg#entity/Acme%20Corp")
    }

    func testSameGraphGivesTheSameBytesWhateverTheInsertionOrder() throws {
        let golden = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for e in golden.sortedEntities.reversed() { reversed.add(e) }
        for d in golden.sortedDocuments { reversed.add(d) }
        for r in golden.relations.reversed() { reversed.add(r) }
        XCTAssertEqual(try gexf(golden), try gexf(reversed))
    }

    func testGoldenKazakhstanGraph() throws {
        Snapshot.assertMatches(try gexf(GoldenGraph.kazakhstan), named: "kazakhstan.gexf")
    }

    func testErrorsNameTheValueAndABadShareWritesNothing() throws {
        let a = Entity(id: "a", label: "A", type: .company)
        XCTAssertThrowsError(try GEXFWriter(sink: MemorySink()).begin(entities: [a, a], documents: [])) {
            XCTAssertEqual($0 as? FormatError, .duplicateEntity(id: "a"))
        }
        let writer = try GEXFWriter(sink: MemorySink())
        try writer.begin(entities: [a], documents: [])
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "nato"))) {
            XCTAssertEqual("\($0)", "relation a member-of nato names entity 'nato', which is not in the graph")
        }
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .holdsShareIn, object: "a", share: .nan))) {
            XCTAssertEqual($0 as? FormatError, .invalidValue(relation: "a holds-share-in a", field: "share", value: "nan"))
        }
        let sink = MemorySink()
        let g = graph([a, Entity(id: "b", label: "B", type: .facility)], [Relation(subject: "a", kind: .holdsShareIn, object: "b", share: 1e300)])
        XCTAssertThrowsError(try GEXFWriter.write(g, to: sink)) {
            XCTAssertEqual("\($0)", "relation a holds-share-in b has share '1e+300', which cannot be written")
        }
        XCTAssertEqual(sink.bytes.count, 0)
    }

    func testVerbsOutOfOrderAreErrors() throws {
        let writer = try GEXFWriter(sink: MemorySink())
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b"))) {
            XCTAssertEqual($0 as? FormatError, .outOfOrder(operation: "write an edge"))
        }
        XCTAssertThrowsError(try writer.finish()) {
            XCTAssertEqual($0 as? FormatError, .outOfOrder(operation: "finish a gexf document"))
        }
        try writer.begin(entities: [], documents: [])
        XCTAssertThrowsError(try writer.begin(entities: [], documents: [])) {
            XCTAssertEqual($0 as? FormatError, .outOfOrder(operation: "begin a gexf document"))
        }
        try writer.finish()
        XCTAssertThrowsError(try writer.finish())
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b")))
    }

    func testSinkErrorsPassThrough() throws {
        final class FullDisk: ByteSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                throw OutputError(operation: "cannot write", path: "/full/kg.gexf", reason: "no space left on device")
            }
        }
        XCTAssertThrowsError(try GEXFWriter.write(GoldenGraph.kazakhstan, to: FullDisk())) {
            XCTAssertEqual("\($0)", "cannot write /full/kg.gexf: no space left on device")
        }
    }
}
