import Foundation
import XCTest

/// The example article's outputs (Examples/out, which CLITests proves equal to a fresh run) read by
/// the tools analysts use: the relations the article states are there, with their attributes,
/// and the traps it sets are not.
final class ExampleOutputsInteropTests: XCTestCase {
    private static let out = SharedFiles.packageRoot.appendingPathComponent("Examples/out")
    private static func path(_ ext: String) -> String { out.appendingPathComponent("edm-2008-kazakhstan-csto." + ext).path }

    func testGraphMLIsSchemaValidAndNetworkXReadsTheRelations() throws {
        try Tool.require("xmllint", package: "Debian package libxml2-utils")
        let schema = try Tool.run("xmllint", args: ["--noout", "--nonet", "--schema", SharedFiles.path("schemas/graphml/graphml.xsd"), Self.path("graphml")],
                                  environment: ["XML_CATALOG_FILES": SharedFiles.xmlCatalog])
        XCTAssertEqual(schema.status, 0, schema.stderr)

        try Tool.requirePython(module: "networkx", package: "networkx")
        let program = #"""
        import sys, networkx as nx
        G = nx.read_graphml(sys.argv[1], force_multigraph=True)
        label = lambda n: G.nodes[n]["label"]
        for u, v, d in sorted(G.edges(data=True), key=lambda e: (label(e[0]), e[2]["relation"], label(e[1]))):
            print("|".join([label(u), d["relation"], label(v), repr(d.get("share")), d.get("modality", ""), d.get("date", ""),
                            str(isinstance(d.get("evidence"), str) and len(d["evidence"]) > 20), d.get("source", "")]))
        """#
        let result = try Tool.python(program, args: [Self.path("graphml")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let edges = Set(result.stdout.split(separator: "\n").map(String.init))
        let source = "edm-2008-kazakhstan-csto.txt"
        for expected in [
            "Kazakhstan|member-of|Collective Security Treaty Organization|None|asserted||True|\(source)",
            "Armenia|member-of|Collective Security Treaty Organization|None|asserted||True|\(source)",
            "Belarus|member-of|Collective Security Treaty Organization|None|asserted||True|\(source)",
            "KazMunaiGas|holds-share-in|Batumi oil terminal|50.0|asserted||True|\(source)",
        ] {
            XCTAssertTrue(edges.contains(expected), "missing \(expected) in\n\(result.stdout)")
        }
        // met-with is symmetric: written once, in either direction.
        func met(_ a: String, _ b: String, _ rest: String) -> Bool {
            edges.contains { $0.hasPrefix("\(a)|met-with|\(b)|\(rest)") || $0.hasPrefix("\(b)|met-with|\(a)|\(rest)") }
        }
        XCTAssertTrue(met("Nursultan Nazarbayev", "Dmitri Medvedev", "None|planned|2008-09-22|True|\(source)"), result.stdout)
        XCTAssertTrue(met("Danial Akhmetov", "Claudio Bisonero", "None|asserted|"), result.stdout)
        XCTAssertFalse(edges.contains { $0.hasPrefix("Kazakhstan|member-of|North Atlantic Treaty Organization") }, result.stdout)
    }

    func testGoldScoreOfTheExample() throws {
        try Tool.requirePython(module: "networkx", package: "networkx")
        let result = try Tool.run("python3", args: [SharedFiles.path("corpus/score.py"), "--json",
                                                    SharedFiles.path("corpus/dev/00-edm-2008-kazakhstan-csto.gold.json"), Self.path("graphml")])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let overall = try XCTUnwrap((json["relations"] as? [String: Any])?["overall"] as? [String: Any])
        XCTAssertEqual(overall["fn"] as? Int, 0, "every required relation is found")
        XCTAssertEqual((json["negative_hits"] as? [Any])?.count, 0, "no annotated trap is claimed")
        XCTAssertEqual((json["share"] as? [String: Any])?["accuracy"] as? Double, 1.0)
    }

    func testRDFXMLIsStrictlyValidAndAnswersSPARQL() throws {
        try RDFConsumers.riotValidate([Self.path("rdf")])
        let count = try RDFConsumers.rapperCount(Self.path("rdf"))
        let counts = try RDFConsumers.oxigraphCounts([Self.path("rdf")])
        XCTAssertEqual(counts[Self.path("rdf")], count, "raptor and Oxigraph read the same triples")
        let members = try RDFConsumers.rdflibQuery(Self.path("rdf"), """
            PREFIX kg: <https://w3id.org/kgexport/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?name WHERE { ?m kg:memberOf ?o . ?o rdfs:label "Collective Security Treaty Organization"@en . ?m rdfs:label ?name } ORDER BY ?name
            """)
        XCTAssertEqual(members.map { $0.first ?? "" }, ["Armenia", "Belarus", "Kazakhstan"])
        let planned = try RDFConsumers.rdflibQuery(Self.path("rdf"), """
            PREFIX kg: <https://w3id.org/kgexport/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?date WHERE { ?m a kg:Meeting ; kg:modality kg:Planned ; kg:date ?date ;
                                    kg:participant [ rdfs:label "Dmitri Medvedev"@en ] , [ rdfs:label "Nursultan Nazarbayev"@en ] }
            """)
        XCTAssertEqual(planned.map { $0.first ?? "" }, ["2008-09-22"])
        let nato = try RDFConsumers.rdflibQuery(Self.path("rdf"), """
            PREFIX kg: <https://w3id.org/kgexport/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?m WHERE { ?m kg:memberOf [ rdfs:label "North Atlantic Treaty Organization"@en ] }
            """)
        XCTAssertEqual(nato.count, 0)
    }

    func testDOTRendersAndGraphvizKeepsEveryNode() throws {
        try Tool.require("dot", package: "Debian package graphviz")
        let svg = try Tool.run("dot", args: ["-Tsvg", Self.path("dot")])
        XCTAssertEqual(svg.status, 0, svg.stderr)
        XCTAssertEqual(svg.stderr, "")
        let canon = try Tool.run("dot", args: ["-Tcanon", Self.path("dot")])
        let jsonl = try String(contentsOfFile: Self.path("jsonl"), encoding: .utf8)
        let entityLines = jsonl.split(separator: "\n").filter { $0.hasPrefix("{\"kind\":\"entity\"") }
        XCTAssertGreaterThan(entityLines.count, 10)
        for line in entityLines {
            guard let idRange = line.range(of: "\"id\":\"") else { continue }
            let id = line[idRange.upperBound...].prefix { $0 != "\"" }
            XCTAssertTrue(canon.stdout.contains("\t\"\(id)\"\t[") || canon.stdout.contains("\t\(id)\t["), "dot lost node \(id)")
        }
        XCTAssertTrue(canon.stdout.contains("label=\"holds-share-in 50%\"") || canon.stdout.contains("holds-share-in"), canon.stdout)
    }
}
