import KGTestSupport
import Foundation
import KGFormats
import KGModel
import XCTest

/// GraphML output read by its real consumers: xmllint with the GraphML 1.0 schema, NetworkX and igraph.
final class GraphMLInteropTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-graphml")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `graph` through an atomic file sink and returns the path.
    private func write(_ graph: KnowledgeGraph, name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        try GraphMLWriter.write(graph, to: sink)
        try sink.commit()
        return path
    }

    private func assertSchemaValid(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try Tool.require("xmllint", package: "Debian package libxml2-utils")
        let result = try Tool.run("xmllint", args: ["--noout", "--nonet", "--schema", SharedFiles.path("schemas/graphml/graphml.xsd"), path],
                                  environment: ["XML_CATALOG_FILES": SharedFiles.xmlCatalog])
        XCTAssertEqual(result.status, 0, "xmllint rejected \(path):\n\(result.stderr)", file: file, line: line)
        XCTAssertTrue(result.stderr.hasSuffix("validates\n"), result.stderr, file: file, line: line)
    }

    /// Reads the file with NetworkX and returns what it saw as JSON: every attribute as [type name, value].
    /// NetworkX puts an edge's id into its data (`id`), or, in a multigraph, makes it the edge's key.
    private static let networkXDump = #"""
    import sys, json, networkx as nx
    G = nx.read_graphml(sys.argv[1])
    def typed(d): return {k: [type(v).__name__, v] for k, v in d.items()}
    print(json.dumps({
        "directed": G.is_directed(), "multigraph": G.is_multigraph(),
        "nodes": {n: typed(d) for n, d in G.nodes(data=True)},
        "edges": [[u, v, k, typed(d)] for u, v, k, d in G.edges(keys=True, data=True)] if G.is_multigraph()
                 else [[u, v, None, typed(d)] for u, v, d in G.edges(data=True)],
    }, ensure_ascii=False))
    """#

    private func networkX(_ path: String) throws -> (directed: Bool, multigraph: Bool, nodes: [String: [String: [Any]]],
                                                     edges: [(String, String, [String: [Any]], key: String?)]) {
        try Tool.requirePython(module: "networkx", package: "networkx")
        let result = try Tool.python(Self.networkXDump, args: [path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout)
        let nodes = try XCTUnwrap(json["nodes"] as? [String: [String: [Any]]])
        let edges = try XCTUnwrap(json["edges"] as? [[Any]]).map { e in
            (e[0] as? String ?? "", e[1] as? String ?? "", e[3] as? [String: [Any]] ?? [:], key: e[2] as? String)
        }
        return (json["directed"] as? Bool ?? false, json["multigraph"] as? Bool ?? false, nodes, edges)
    }

    // MARK: xmllint

    func testGoldenGraphIsValidGraphML() throws {
        try assertSchemaValid(try write(GoldenGraph.kazakhstan, name: "kazakhstan.graphml"))
    }

    func testNastyNamesAreValidGraphML() throws {
        try assertSchemaValid(try write(try NastyNames.graph(), name: "nasty-names.graphml"))
    }

    // MARK: NetworkX

    func testNetworkXReadsTheGoldenGraphWithTypedAttributes() throws {
        let graph = GoldenGraph.kazakhstan
        let read = try networkX(try write(graph, name: "kazakhstan.graphml"))
        XCTAssertTrue(read.directed)
        XCTAssertFalse(read.multigraph, "no parallel edges in this graph")
        XCTAssertEqual(Set(read.nodes.keys), Set(graph.sortedEntities.map(\.id)))
        XCTAssertEqual(read.edges.count, 6)

        let kazakhstan = try XCTUnwrap(read.nodes["kazakhstan"])
        XCTAssertEqual(kazakhstan["label"]?[1] as? String, "Kazakhstan")
        XCTAssertEqual(kazakhstan["type"]?[1] as? String, "Country")
        XCTAssertEqual(kazakhstan["iri"]?[1] as? String, "https://w3id.org/kgexport/id/entity/kazakhstan")
        let aliases = try XCTUnwrap(kazakhstan["aliases"]?[1] as? String)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(aliases.utf8)) as? [String], ["Kazakh"])
        XCTAssertNil(read.nodes["armenia"]?["aliases"], "no aliases: no attribute")

        let share = try XCTUnwrap(read.edges.first { $0.0 == "kazmunaigas" && $0.1 == "batumi-oil-terminal" }?.2)
        XCTAssertEqual(share["share"]?[0] as? String, "float")
        XCTAssertEqual(share["share"]?[1] as? Double, 50.0)
        XCTAssertEqual(share["relation"]?[1] as? String, "holds-share-in")
        XCTAssertEqual(share["cited_source"]?[1] as? String, "Delovaya Nedelia, September 12")
        XCTAssertEqual(share["offset_start"]?[0] as? String, "int")
        XCTAssertEqual(share["offset_start"]?[1] as? Int, 3505)
        XCTAssertEqual(share["offset_end"]?[1] as? Int, 3700)
        XCTAssertNil(share["date"], "no date: no attribute")

        let visit = try XCTUnwrap(read.edges.first { $0.0 == "nursultan-nazarbayev" && $0.1 == "dmitri-medvedev" }?.2)
        XCTAssertEqual(visit["date"]?[1] as? String, "2008-09-22")
        XCTAssertEqual(visit["modality"]?[1] as? String, "planned")
        XCTAssertEqual(visit["place"]?[1] as? String, "Astana")
        XCTAssertEqual(visit["source_url"]?[1] as? String,
                       "https://jamestown.org/program/south-ossetia-tests-kazakhstans-foreign-policy-priorities/")
        XCTAssertEqual(visit["evidence"]?[1] as? String,
                       "Russian President Dmitri Medvedev will probably demand clear promises of friendship from Nazarbayev when he arrives on an official visit to Astana on September 22.")
        let relation = try XCTUnwrap(graph.sortedRelations.first { $0.subject == "nursultan-nazarbayev" })
        XCTAssertEqual(visit["id"]?[1] as? String, relation.id)
    }

    func testNetworkXReadsNastyNamesBackUnchangedWithBothParallelEdges() throws {
        let graph = try NastyNames.graph()
        let read = try networkX(try write(graph, name: "nasty-names.graphml"))
        XCTAssertTrue(read.directed)
        XCTAssertTrue(read.multigraph, "parallel edges make NetworkX return a MultiDiGraph")
        XCTAssertEqual(read.nodes.count, NastyNames.labels.count)
        for (id, label) in NastyNames.labels {
            XCTAssertEqual(read.nodes[Identifier.nmtoken(id)]?["label"]?[1] as? String, label, id)
        }
        XCTAssertEqual(read.edges.count, NastyNames.relationCount)

        let meetings = read.edges.filter { $0.0 == "e7" && $0.1 == "e8" }
        XCTAssertEqual(meetings.count, 2)
        let byDate = Dictionary(meetings.map { ($0.2["date"]?[1] as? String ?? "", $0.2) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(Set(byDate.keys), ["2008-09-05", "2008-10-15"])
        XCTAssertEqual(byDate["2008-09-05"]?["evidence"]?[1] as? String, "They met in Astana on \"Friday\" \\ then left.")
        XCTAssertEqual(byDate["2008-09-05"]?["source"]?[1] as? String, "doc 1.txt")
        XCTAssertEqual(byDate["2008-09-05"]?["place"]?[1] as? String, "Kazakhstan")
        XCTAssertEqual(byDate["2008-10-15"]?["evidence"]?[1] as? String, "A second meeting, in Brussels.")
        XCTAssertNil(byDate["2008-10-15"]?["place"])
        let ids = Set(meetings.compactMap(\.key))
        XCTAssertEqual(ids, Set(graph.sortedRelations.filter { $0.subject == "e7" }.map(\.id)))

        let stake = try XCTUnwrap(read.edges.first { $0.0 == "e5" }?.2)
        XCTAssertEqual(stake["share"]?[0] as? String, "float")
        XCTAssertEqual(stake["share"]?[1] as? Double, 12.5)
        XCTAssertEqual(stake["date"]?[1] as? String, "--09-05")
        XCTAssertEqual(read.edges.first { $0.0 == "e9" }?.2["share"]?[1] as? Double, 0.5)
        XCTAssertEqual(read.edges.first { $0.0 == "e9" }?.2["evidence"]?[1] as? String, "حصة صغيرة")
        XCTAssertEqual(read.edges.first { $0.0 == "e11" }?.2["evidence"]?[1] as? String, "Tom & Jerry <Ltd> joined A]]>B.")
        let planned = try XCTUnwrap(read.edges.first { $0.0 == "e12" }?.2)
        XCTAssertEqual(planned["evidence"]?[1] as? String, "Bell Corp met Acme Corp .")
        XCTAssertEqual(planned["modality"]?[1] as? String, "planned")
        XCTAssertEqual(read.edges.first { $0.0 == "e16" }?.2["date"]?[1] as? String, "2008")
        let bare = try XCTUnwrap(read.edges.first { $0.0 == "e1" }?.2)
        XCTAssertEqual(Set(bare.keys), ["relation", "relation_iri", "modality"], "absent values are absent, not empty")
        XCTAssertEqual(read.nodes["e17"]?["aliases"]?[1] as? String, "[\"North Atlantic Treaty Organization\"]")
    }

    // MARK: igraph

    func testIgraphReadsBothGraphs() throws {
        try Tool.requirePython(module: "igraph", package: "igraph")
        let program = #"""
        import sys, json, igraph as ig
        out = []
        for path in sys.argv[1:]:
            g = ig.Graph.Read_GraphML(path)
            out.append({"directed": g.is_directed(), "vertices": g.vcount(), "edges": g.ecount(),
                        "labels": sorted(g.vs["label"]), "dates": sorted(d for d in g.es["date"] if d),
                        "shares": sorted(s for s in g.es["share"] if s == s)})
        print(json.dumps(out, ensure_ascii=False))
        """#
        let golden = try write(GoldenGraph.kazakhstan, name: "kazakhstan.graphml")
        let nasty = try write(try NastyNames.graph(), name: "nasty-names.graphml")
        let result = try Tool.python(program, args: [golden, nasty])
        XCTAssertEqual(result.status, 0, result.stderr)
        let reports = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], result.stdout)
        XCTAssertEqual(reports.count, 2)
        XCTAssertEqual(reports[0]["directed"] as? Bool, true)
        XCTAssertEqual(reports[0]["vertices"] as? Int, 11)
        XCTAssertEqual(reports[0]["edges"] as? Int, 6)
        XCTAssertEqual(reports[0]["dates"] as? [String], ["2008-09-22"])
        XCTAssertEqual(reports[0]["shares"] as? [Double], [50.0])
        XCTAssertEqual(reports[1]["vertices"] as? Int, 17)
        XCTAssertEqual(reports[1]["edges"] as? Int, 10)
        XCTAssertEqual(reports[1]["labels"] as? [String], NastyNames.labels.values.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        XCTAssertEqual(reports[1]["dates"] as? [String], ["--09-05", "2008", "2008-09-05", "2008-10-15"])
        XCTAssertEqual(reports[1]["shares"] as? [Double], [0.5, 12.5, 50.0])
    }
}
