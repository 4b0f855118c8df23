import KGTestSupport
import KGModel
import XCTest
@testable import KGFormats

final class DOTWriterTests: XCTestCase {
    private func dot(_ graph: KnowledgeGraph, options: DOTWriter.Options = .init()) throws -> String {
        let sink = MemorySink()
        try DOTWriter.write(graph, to: sink, options: options)
        return sink.text
    }

    private func graph(_ entities: [Entity], _ relations: [Relation] = [], documents: [Document] = []) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for e in entities { g.add(e) }
        for d in documents { g.add(d) }
        for r in relations { g.add(r) }
        return g
    }

    func testSmallGraphExactOutput() throws {
        let relation = Relation(subject: "Acme:AG", kind: .holdsShareIn, object: "node", date: PartialDate(iso: "--09-05"),
                                share: 12.5, modality: .planned,
                                evidence: Evidence(sentence: "Acme \"AG\" said\nC:\\dir", source: "doc 1.txt",
                                                   citedSource: "Liter", offsets: 3..<9))
        let g = graph([Entity(id: "Acme:AG", label: "Acme \"AG\"", type: .company, aliases: ["A\\G"]),
                       Entity(id: "node", label: "Back\\slash Holdings\\", type: .organization)],
                      [relation],
                      documents: [Document(id: "doc 1.txt", title: "<b>T</b>")])
        let expected = """
        digraph "knowledge_graph" {
          graph [charset="UTF-8", rankdir="LR"];
          node [style="filled", fontsize="11"];
          edge [fontsize="9"];
          "Acme:AG" [label="Acme \\"AG\\"", shape="component", fillcolor="#fce5cd", type="Company", iri="https://w3id.org/kgexport/id/entity/Acme%3AAG", aliases="[\\"A\\\\\\\\G\\"]"];
          "node" [label="Back\\\\slash Holdings\\\\", shape="hexagon", fillcolor="#fff2cc", type="Organization", iri="https://w3id.org/kgexport/id/entity/node"];
          "Acme:AG" -> "node" [id="\(relation.id)", label="holds-share-in 12.5% --09-05 (planned)", color="#e69138", style="dashed", relation="holds-share-in", relation_iri="https://w3id.org/kgexport/id/relation/\(relation.id)", date="--09-05", share="12.5", modality="planned", evidence="Acme \\"AG\\" said\\nC:\\\\dir", source="doc 1.txt", source_title="<b>T</b>", cited_source="Liter", offset_start="3", offset_end="9"];
        }

        """
        XCTAssertEqual(try dot(g), expected)
    }

    func testQuotedStringsEscapeBackslashQuoteAndLineBreaks() {
        XCTAssertEqual(DOTWriter.quoted("node"), "\"node\"")
        XCTAssertEqual(DOTWriter.quoted("Strict"), "\"Strict\"")
        XCTAssertEqual(DOTWriter.quoted("a \"b\""), "\"a \\\"b\\\"\"")
        XCTAssertEqual(DOTWriter.quoted("trailing\\"), "\"trailing\\\\\"")
        XCTAssertEqual(DOTWriter.quoted("l1\nl2\r\nl3\rl4"), "\"l1\\nl2\\nl3\\nl4\"")
        XCTAssertEqual(DOTWriter.quoted("\\n is not a newline"), "\"\\\\n is not a newline\"")
        XCTAssertEqual(DOTWriter.quoted("<b>bold</b>"), "\"<b>bold</b>\"")
        XCTAssertEqual(DOTWriter.quoted("Назарбаев 中国石油 🚀"), "\"Назарбаев 中国石油 🚀\"")
        XCTAssertEqual(DOTWriter.quoted(""), "\"\"")
    }

    func testControlCharactersAreCleanedAsInXML() {
        XCTAssertEqual(DOTWriter.quoted("Bell\u{7} Corp\u{C}"), "\"Bell Corp \"")
        XCTAssertEqual(DOTWriter.quoted("a\u{0}b\u{B}c\u{1B}d\te\u{FFFF}"), "\"ab cd\te\"")
    }

    func testParallelEdgesAreSeparateStatementsAndARepeatedRelationIsWrittenOnce() throws {
        let first = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-09-05"))
        let second = Relation(subject: "e7", kind: .metWith, object: "e8", date: PartialDate(iso: "2008-10-15"))
        let out = try dot(graph([Entity(id: "e7", label: "A", type: .person), Entity(id: "e8", label: "B", type: .person)],
                                [first, second, first]))
        let edges = out.split(separator: "\n").filter { $0.contains(" -> ") }
        XCTAssertEqual(edges.count, 2)
        XCTAssertTrue(edges[0].hasPrefix("  \"e7\" -> \"e8\" [id=\"\(first.id)\", label=\"met-with 2008-09-05\", color=\"#6aa84f\", relation=\"met-with\""))
        XCTAssertTrue(edges[0].contains("date=\"2008-09-05\""))
        XCTAssertTrue(edges[1].hasPrefix("  \"e7\" -> \"e8\" [id=\"\(second.id)\", label=\"met-with 2008-10-15\""))
        XCTAssertTrue(edges[1].contains("date=\"2008-10-15\""))
    }

    func testNodesAreStyledByType() throws {
        let expected: [(EntityType, String)] = [
            (.person, "shape=\"ellipse\", fillcolor=\"#cfe2f3\""),
            (.country, "shape=\"box3d\", fillcolor=\"#d9ead3\""),
            (.organization, "shape=\"hexagon\", fillcolor=\"#fff2cc\""),
            (.company, "shape=\"component\", fillcolor=\"#fce5cd\""),
            (.facility, "shape=\"house\", fillcolor=\"#ead1dc\""),
            (.place, "shape=\"diamond\", fillcolor=\"#d0e0e3\""),
        ]
        for (type, style) in expected {
            let out = try dot(graph([Entity(id: "x", label: "X", type: type)]))
            XCTAssertTrue(out.contains("  \"x\" [label=\"X\", \(style), type=\"\(type.rawValue)\""), "\(type)")
        }
    }

    func testEdgeLabelsAndStylesFollowKindShareDateAndModality() {
        XCTAssertEqual(DOTWriter.edgeLabel(Relation(subject: "a", kind: .memberOf, object: "b")), "member-of")
        XCTAssertEqual(DOTWriter.edgeLabel(Relation(subject: "a", kind: .holdsShareIn, object: "b", share: 50)), "holds-share-in 50%")
        XCTAssertEqual(DOTWriter.edgeLabel(Relation(subject: "a", kind: .metWith, object: "b", date: PartialDate(iso: "2008-09-22"),
                                                    modality: .planned)), "met-with 2008-09-22 (planned)")
        XCTAssertEqual(DOTWriter.edgeLabel(Relation(subject: "a", kind: .memberOf, object: "b", modality: .negated)), "member-of (negated)")
        XCTAssertEqual(DOTWriter.edgeLabel(Relation(subject: "a", kind: .metWith, object: "b", date: PartialDate(iso: "2008-09-22"),
                                                    place: "astana", modality: .planned), place: "Astana"),
                       "met-with 2008-09-22 in Astana (planned)")
    }

    func testMissingValuesAreLeftOut() throws {
        let r = Relation(subject: "a", kind: .memberOf, object: "b", modality: .negated)
        let out = try dot(graph([Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)], [r]))
        let edge = try XCTUnwrap(out.split(separator: "\n").first { $0.contains(" -> ") })
        XCTAssertEqual(String(edge), "  \"a\" -> \"b\" [id=\"\(r.id)\", label=\"member-of (negated)\", color=\"#3d85c6\", style=\"dotted\", relation=\"member-of\", relation_iri=\"https://w3id.org/kgexport/id/relation/\(r.id)\", modality=\"negated\"];")
        XCTAssertFalse(out.contains("aliases="))
    }

    func testErrorsMatchGraphML() throws {
        let writer = DOTWriter(sink: MemorySink())
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b"))) {
            XCTAssertEqual($0 as? FormatError, .outOfOrder(operation: "write an edge"))
        }
        try writer.begin(entities: [Entity(id: "a", label: "A", type: .country)], documents: [])
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .memberOf, object: "b"))) {
            XCTAssertEqual($0 as? FormatError, .unknownEntity(relation: "a member-of b", entity: "b"))
        }
        XCTAssertThrowsError(try writer.write(Relation(subject: "a", kind: .holdsShareIn, object: "a", share: .infinity))) {
            XCTAssertEqual($0 as? FormatError, .invalidValue(relation: "a holds-share-in a", field: "share", value: "inf"))
        }
        try writer.finish()
        XCTAssertThrowsError(try writer.finish())
        XCTAssertThrowsError(try DOTWriter(sink: MemorySink()).begin(entities: [Entity(id: "a", label: "A", type: .country),
                                                                               Entity(id: "a", label: "B", type: .country)], documents: [])) {
            XCTAssertEqual($0 as? FormatError, .duplicateEntity(id: "a"))
        }
    }

    func testEmptyGraph() throws {
        XCTAssertEqual(try dot(KnowledgeGraph()), """
        digraph "knowledge_graph" {
          graph [charset="UTF-8", rankdir="LR"];
          node [style="filled", fontsize="11"];
          edge [fontsize="9"];
        }

        """)
    }

    func testSameGraphGivesTheSameBytesWhateverTheInsertionOrder() throws {
        let golden = GoldenGraph.kazakhstan
        var reversed = KnowledgeGraph()
        for e in golden.sortedEntities.reversed() { reversed.add(e) }
        for d in golden.sortedDocuments { reversed.add(d) }
        for r in golden.relations.reversed() { reversed.add(r) }
        XCTAssertEqual(try dot(golden), try dot(reversed))
    }

    func testGoldenKazakhstanGraph() throws {
        Snapshot.assertMatches(try dot(GoldenGraph.kazakhstan), named: "kazakhstan.dot")
    }
}
