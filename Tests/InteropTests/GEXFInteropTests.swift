import KGTestSupport
import Foundation
import KGFormats
import KGModel
import XCTest

/// GEXF output read by its real consumers: jing with the GEXF 1.3 RELAX NG schema (the files carry
/// `viz` colours, which the generated XSDs reject) and NetworkX's `read_gexf`.
final class GEXFInteropTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-gexf")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `graph` through an atomic file sink and returns the path.
    private func write(_ graph: KnowledgeGraph, name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        let sink = try FileSink(path: path)
        try GEXFWriter.write(graph, to: sink)
        try sink.commit()
        return path
    }

    // MARK: jing

    func testGoldenGraphAndNastyNamesAreValidGEXF13() throws {
        let golden = try write(GoldenGraph.kazakhstan, name: "kazakhstan.gexf")
        let nasty = try write(try NastyNames.graph(), name: "nasty-names.gexf")
        try GEXFConsumers.assertValid([golden, nasty])
    }

    func testTheGoldenFileInTheRepositoryIsValid() throws {
        let snapshot = SharedFiles.packageRoot.appendingPathComponent("Tests/KGFormatsTests/Snapshots/kazakhstan.gexf").path
        try GEXFConsumers.assertValid([snapshot])
    }

    func testJingRejectsWhatItShould() throws {
        // The check above can fail: the same call rejects the shared invalid sample, and our own
        // output once a partial date is put where GEXF wants a full one.
        var result = try GEXFConsumers.jing([SharedFiles.path("schemas/samples/gexf13-invalid.gexf")])
        XCTAssertEqual(result.status, 1)
        XCTAssertFalse(result.errors.isEmpty)
        let path = try write(GoldenGraph.kazakhstan, name: "broken.gexf")
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "start=\"2008-09-22\"", with: "start=\"2008-09\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        result = try GEXFConsumers.jing([path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.errors.first?.contains("value of attribute \"start\" is invalid") ?? false, "\(result.errors)")
    }

    // MARK: NetworkX

    func testNetworkXReadsTheGoldenGraphWithTypedAttributes() throws {
        let graph = GoldenGraph.kazakhstan
        let read = try GEXFConsumers.networkX(try write(graph, name: "kazakhstan.gexf"))
        XCTAssertTrue(read.directed)
        XCTAssertFalse(read.multigraph, "no parallel edges in this graph")
        XCTAssertEqual(read.mode, "dynamic")
        XCTAssertEqual(Set(read.nodes.keys), Set(graph.sortedEntities.map(\.id)))
        XCTAssertEqual(read.edges.count, 6)

        let kazakhstan = try XCTUnwrap(read.nodes["kazakhstan"])
        XCTAssertEqual(kazakhstan["label"]?[1] as? String, "Kazakhstan")
        XCTAssertEqual(kazakhstan["type"]?[1] as? String, "Country")
        XCTAssertEqual(kazakhstan["iri"]?[1] as? String, "https://w3id.org/kgexport/id/entity/kazakhstan")
        XCTAssertEqual(kazakhstan["aliases"]?[0] as? String, "str", "NetworkX leaves a liststring as text")
        XCTAssertEqual(GEXFConsumers.gephiList(try XCTUnwrap(kazakhstan["aliases"]?[1] as? String)), ["Kazakh"])
        XCTAssertEqual(kazakhstan["viz"]?[1] as? [String: [String: Double]], ["color": ["r": 217, "g": 234, "b": 211, "a": 1]])
        XCTAssertNil(read.nodes["armenia"]?["aliases"], "no aliases: no attribute")
        XCTAssertEqual(Set(try XCTUnwrap(read.nodes["armenia"]).keys), ["label", "type", "iri", "viz"])

        let share = try XCTUnwrap(read.edges("kazmunaigas", "batumi-oil-terminal").first)
        XCTAssertEqual(share["share"]?[0] as? String, "float")
        XCTAssertEqual(share["share"]?[1] as? Double, 50.0)
        XCTAssertEqual(share["offset_start"]?[0] as? String, "int")
        XCTAssertEqual(share["offset_start"]?[1] as? Int, 3505)
        XCTAssertEqual(share["offset_end"]?[0] as? String, "int")
        XCTAssertEqual(share["offset_end"]?[1] as? Int, 3700)
        XCTAssertEqual(share["relation"]?[1] as? String, "holds-share-in")
        XCTAssertEqual(share["label"]?[1] as? String, "holds-share-in")
        XCTAssertEqual(share["cited_source"]?[1] as? String, "Delovaya Nedelia, September 12")
        XCTAssertNil(share["date"], "no date: no attribute")
        XCTAssertNil(share["start"], "no date: no start")

        let visit = try XCTUnwrap(read.edges("nursultan-nazarbayev", "dmitri-medvedev").first)
        XCTAssertEqual(visit["start"]?[1] as? String, "2008-09-22")
        XCTAssertEqual(visit["date"]?[1] as? String, "2008-09-22")
        XCTAssertEqual(visit["modality"]?[1] as? String, "planned")
        XCTAssertEqual(visit["place"]?[1] as? String, "Astana")
        XCTAssertEqual(visit["place_iri"]?[1] as? String, "https://w3id.org/kgexport/id/entity/astana")
        XCTAssertEqual(visit["source_url"]?[1] as? String,
                       "https://jamestown.org/program/south-ossetia-tests-kazakhstans-foreign-policy-priorities/")
        XCTAssertEqual(visit["source_date"]?[1] as? String, "2008-09")
        XCTAssertEqual(visit["evidence"]?[1] as? String,
                       "Russian President Dmitri Medvedev will probably demand clear promises of friendship from Nazarbayev when he arrives on an official visit to Astana on September 22.")
        let relation = try XCTUnwrap(graph.sortedRelations.first { $0.subject == "nursultan-nazarbayev" })
        XCTAssertEqual(visit["id"]?[1] as? String, relation.id)
        XCTAssertEqual(visit["relation_iri"]?[1] as? String, "https://w3id.org/kgexport/id/relation/" + relation.id)

        // Every attribute of every edge, nothing more: the GraphML keys with their values.
        for (source, target, _, data) in read.edges {
            let original = try XCTUnwrap(graph.sortedRelations.first { $0.subject == source && $0.object == target })
            var expected: Set<String> = ["id", "label", "relation", "relation_iri", "modality", "evidence", "source", "source_title",
                                         "source_url", "source_date", "source_publication", "offset_start", "offset_end"]
            if original.date != nil { expected.formUnion(["date", "start"]) }
            if original.place != nil { expected.formUnion(["place", "place_iri"]) }
            if original.share != nil { expected.insert("share") }
            if original.evidence.citedSource != nil { expected.insert("cited_source") }
            XCTAssertEqual(Set(data.keys), expected, "\(source) -> \(target)")
        }
    }

    func testNetworkXReadsNastyNamesBackUnchangedWithBothParallelEdges() throws {
        let graph = try NastyNames.graph()
        let read = try GEXFConsumers.networkX(try write(graph, name: "nasty-names.gexf"))
        XCTAssertTrue(read.directed)
        XCTAssertTrue(read.multigraph, "parallel edges make NetworkX return a MultiDiGraph")
        XCTAssertEqual(read.nodes.count, NastyNames.labels.count)
        for (id, label) in NastyNames.labels {
            XCTAssertEqual(read.nodes[Identifier.nmtoken(id)]?["label"]?[1] as? String, label, id)
        }
        XCTAssertEqual(GEXFConsumers.gephiList(try XCTUnwrap(read.nodes["e17"]?["aliases"]?[1] as? String)),
                       ["North Atlantic Treaty Organization"])
        XCTAssertEqual(GEXFConsumers.gephiList(try XCTUnwrap(read.nodes["e14"]?["aliases"]?[1] as? String)), ["Acme Corp."])
        XCTAssertEqual(read.edges.count, NastyNames.relationCount)

        let meetings = read.edges("e7", "e8")
        XCTAssertEqual(meetings.count, 2)
        let byDate = Dictionary(meetings.map { ($0["date"]?[1] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(Set(byDate.keys), ["2008-09-05", "2008-10-15"])
        XCTAssertEqual(byDate["2008-09-05"]?["start"]?[1] as? String, "2008-09-05")
        XCTAssertEqual(byDate["2008-09-05"]?["evidence"]?[1] as? String, "They met in Astana on \"Friday\" \\ then left.")
        XCTAssertEqual(byDate["2008-09-05"]?["source"]?[1] as? String, "doc 1.txt")
        XCTAssertEqual(byDate["2008-09-05"]?["place"]?[1] as? String, "Kazakhstan")
        XCTAssertEqual(byDate["2008-10-15"]?["start"]?[1] as? String, "2008-10-15")
        XCTAssertEqual(byDate["2008-10-15"]?["evidence"]?[1] as? String, "A second meeting, in Brussels.")
        XCTAssertNil(byDate["2008-10-15"]?["place"])
        let ids = Set(read.edges.filter { $0.source == "e7" }.map(\.key))
        XCTAssertEqual(ids, Set(graph.sortedRelations.filter { $0.subject == "e7" }.map(\.id)))

        let stake = try XCTUnwrap(read.edges("e5", "e6").first)
        XCTAssertEqual(stake["share"]?[0] as? String, "float")
        XCTAssertEqual(stake["share"]?[1] as? Double, 12.5)
        XCTAssertEqual(stake["date"]?[1] as? String, "--09-05")
        XCTAssertNil(stake["start"], "no year: no start")
        XCTAssertEqual(read.edges("e16", "e17").first?["date"]?[1] as? String, "2008")
        XCTAssertEqual(read.edges("e16", "e17").first?["start"]?[1] as? String, "2008-01-01")
        XCTAssertEqual(read.edges("e9", "e10").first?["share"]?[1] as? Double, 0.5)
        XCTAssertEqual(read.edges("e9", "e10").first?["evidence"]?[1] as? String, "حصة صغيرة")
        XCTAssertEqual(read.edges("e11", "e13").first?["evidence"]?[1] as? String, "Tom & Jerry <Ltd> joined A]]>B.")
        let planned = try XCTUnwrap(read.edges("e12", "e14").first)
        XCTAssertEqual(planned["evidence"]?[1] as? String, "Bell Corp met Acme Corp .")
        XCTAssertEqual(planned["modality"]?[1] as? String, "planned")
        let bare = try XCTUnwrap(read.edges("e1", "e2").first)
        XCTAssertEqual(Set(bare.keys), ["id", "label", "relation", "relation_iri", "modality"], "absent values are absent, not empty")
    }
}
