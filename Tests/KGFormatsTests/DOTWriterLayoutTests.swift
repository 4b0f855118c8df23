import KGTestSupport
import KGModel
import XCTest
@testable import KGFormats

/// The drawing options of ``DOTWriter``: a legend, and clusters by entity type.
final class DOTWriterLayoutTests: XCTestCase {
    private func dot(_ graph: KnowledgeGraph, legend: Bool = false, clusterByType: Bool = false) throws -> String {
        let sink = MemorySink()
        try DOTWriter.write(graph, to: sink, options: DOTWriter.Options(legend: legend, clusterByType: clusterByType))
        return sink.text
    }

    private func graph(_ entities: [Entity], _ relations: [Relation] = []) -> KnowledgeGraph {
        var g = KnowledgeGraph()
        for e in entities { g.add(e) }
        for r in relations { g.add(r) }
        return g
    }

    func testSmallGraphWithLegendAndClustersExactOutput() throws {
        let member = Relation(subject: "kz", kind: .memberOf, object: "csto")
        let visit = Relation(subject: "nn", kind: .metWith, object: "dm", modality: .planned)
        let g = graph([Entity(id: "kz", label: "Kazakhstan", type: .country),
                       Entity(id: "csto", label: "CSTO", type: .organization),
                       Entity(id: "nn", label: "Nazarbayev", type: .person),
                       Entity(id: "dm", label: "Medvedev", type: .person)],
                      [member, visit])
        let iri = "https://w3id.org/kgexport/id/"
        let expected = """
        digraph "knowledge_graph" {
          graph [charset="UTF-8", rankdir="LR"];
          node [style="filled", fontsize="11"];
          edge [fontsize="9"];
          subgraph "cluster_Country" {
            graph [label="Country", style="rounded", color="#d9ead3", penwidth="2"];
            "kz" [label="Kazakhstan", shape="box3d", fillcolor="#d9ead3", type="Country", iri="\(iri)entity/kz"];
          }
          subgraph "cluster_Organization" {
            graph [label="Organization", style="rounded", color="#fff2cc", penwidth="2"];
            "csto" [label="CSTO", shape="hexagon", fillcolor="#fff2cc", type="Organization", iri="\(iri)entity/csto"];
          }
          subgraph "cluster_Person" {
            graph [label="Person", style="rounded", color="#cfe2f3", penwidth="2"];
            "dm" [label="Medvedev", shape="ellipse", fillcolor="#cfe2f3", type="Person", iri="\(iri)entity/dm"];
            "nn" [label="Nazarbayev", shape="ellipse", fillcolor="#cfe2f3", type="Person", iri="\(iri)entity/nn"];
          }
          "kz" -> "csto" [id="\(member.id)", label="member-of", color="#3d85c6", relation="member-of", relation_iri="\(iri)relation/\(member.id)", modality="asserted"];
          "nn" -> "dm" [id="\(visit.id)", label="met-with (planned)", color="#6aa84f", style="dashed", relation="met-with", relation_iri="\(iri)relation/\(visit.id)", modality="planned"];
          subgraph "cluster_legend" {
            graph [label="Legend", style="rounded", color="#999999"];
            "kgexport-legend-Country" [label="Country", shape="box3d", fillcolor="#d9ead3", class="legend"];
            "kgexport-legend-Organization" [label="Organization", shape="hexagon", fillcolor="#fff2cc", class="legend"];
            "kgexport-legend-Person" [label="Person", shape="ellipse", fillcolor="#cfe2f3", class="legend"];
            "kgexport-legend-member-of-from" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-member-of-to" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-member-of-from" -> "kgexport-legend-member-of-to" [label="member-of", color="#3d85c6", class="legend"];
            "kgexport-legend-met-with-from" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-met-with-to" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-met-with-from" -> "kgexport-legend-met-with-to" [label="met-with", color="#6aa84f", class="legend"];
            "kgexport-legend-planned-from" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-planned-to" [label="", shape="point", width="0.05", style="invis", class="legend"];
            "kgexport-legend-planned-from" -> "kgexport-legend-planned-to" [label="planned", color="#666666", class="legend", style="dashed"];
          }
        }

        """
        XCTAssertEqual(try dot(g, legend: true, clusterByType: true), expected)
    }

    func testDefaultOptionsGiveTodaysOutput() throws {
        let options = DOTWriter.Options()
        XCTAssertFalse(options.legend)
        XCTAssertFalse(options.clusterByType)
        let plain = try dot(GoldenGraph.kazakhstan)
        Snapshot.assertMatches(plain, named: "kazakhstan.dot")
        XCTAssertFalse(plain.contains("subgraph"))
    }

    func testClustersFollowTypeNamesAndKeepTheEntityOrderWithin() throws {
        let out = try dot(GoldenGraph.kazakhstan, clusterByType: true)
        let clusters = out.split(separator: "\n").filter { $0.hasPrefix("  subgraph ") }
        XCTAssertEqual(clusters, ["  subgraph \"cluster_Company\" {", "  subgraph \"cluster_Country\" {", "  subgraph \"cluster_Facility\" {",
                                  "  subgraph \"cluster_Organization\" {", "  subgraph \"cluster_Person\" {", "  subgraph \"cluster_Place\" {"])
        let countries = try XCTUnwrap(out.range(of: "  subgraph \"cluster_Country\" {\n"))
        let rest = out[countries.upperBound...]
        let body = rest[..<(try XCTUnwrap(rest.range(of: "  }\n")).lowerBound)]
        XCTAssertEqual(body.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" },
                       ["\"armenia\"", "\"belarus\"", "\"kazakhstan\""])
        XCTAssertEqual(out.components(separatedBy: " -> ").count - 1, 6, "edges are unchanged")
        XCTAssertFalse(out.contains("cluster_legend"))
    }

    func testLegendShowsOnlyWhatIsPresentAndNothingForAnEmptyGraph() throws {
        let negated = Relation(subject: "a", kind: .holdsShareIn, object: "b", modality: .negated)
        let out = try dot(graph([Entity(id: "a", label: "A", type: .company), Entity(id: "b", label: "B", type: .facility)], [negated]),
                          legend: true)
        let legend = out[(try XCTUnwrap(out.range(of: "subgraph \"cluster_legend\""))).lowerBound...]
        XCTAssertTrue(legend.contains("\"kgexport-legend-Company\" [label=\"Company\""))
        XCTAssertTrue(legend.contains("\"kgexport-legend-Facility\" [label=\"Facility\""))
        XCTAssertFalse(legend.contains("kgexport-legend-Person"))
        XCTAssertTrue(legend.contains("[label=\"holds-share-in\", color=\"#e69138\", class=\"legend\"]"))
        XCTAssertTrue(legend.contains("[label=\"negated\", color=\"#666666\", class=\"legend\", style=\"dotted\"]"))
        XCTAssertFalse(legend.contains("member-of"))
        XCTAssertFalse(legend.contains("planned"))
        XCTAssertFalse(try dot(KnowledgeGraph(), legend: true, clusterByType: true).contains("subgraph"))
    }

    func testLegendIdsNeverCollideWithEntityIds() throws {
        let g = graph([Entity(id: "kgexport-legend-Person", label: "P", type: .person),
                       Entity(id: "kgexport-legend_x", label: "X", type: .person)])
        let out = try dot(g, legend: true)
        XCTAssertTrue(out.contains("  \"kgexport-legend-Person\" [label=\"P\""), "the entity keeps its id")
        XCTAssertTrue(out.contains("    \"kgexport-legend__-Person\" [label=\"Person\""), out)
        XCTAssertEqual(out.components(separatedBy: "\"kgexport-legend-Person\"").count - 1, 1)
    }
}
