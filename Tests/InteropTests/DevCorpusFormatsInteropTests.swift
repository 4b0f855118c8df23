import Foundation
import KGExtraction
import KGFormats
import KGModel
import KGRDF
import XCTest

/// The dev corpus (`../shared/corpus/dev`, six real articles merged into one graph) written in every
/// format and accepted by each format's strict consumer: the GraphML schema, jing for GEXF, Jena
/// RIOT for every RDF syntax (with raptor, rdflib and Oxigraph agreeing on the triple count), and
/// Graphviz for DOT.
final class DevCorpusFormatsInteropTests: XCTestCase {
    /// The six articles, extracted and linked once for every test.
    private static let graph: KnowledgeGraph = {
        let corpus = SharedFiles.url("corpus/dev")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        guard let lexicon = try? Lexicon.bundled() else { return KnowledgeGraph() }
        let extractor = Extractor(lexicon: lexicon)
        let graphs = names.compactMap { name -> KnowledgeGraph? in
            guard let article = try? ArticleReader.read(contentsOf: corpus.appendingPathComponent(name)) else { return nil }
            return extractor.extract(article)
        }
        return EntityLinker().link(graphs)
    }()

    private var directory: URL?

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-dev-corpus")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func write(_ ext: String, _ body: (ByteSink) throws -> Void) throws -> String {
        let dir = try XCTUnwrap(directory)
        let path = dir.appendingPathComponent("dev." + ext).path
        let sink = try FileSink(path: path)
        try body(sink)
        try sink.commit()
        return path
    }

    func testTheCorpusGivesAGraphWorthChecking() {
        XCTAssertEqual(Set(Self.graph.documents.keys).count, 6)
        XCTAssertGreaterThanOrEqual(Self.graph.sortedRelations.count, 20)
        XCTAssertGreaterThanOrEqual(Self.graph.entities.count, 60)
    }

    func testGraphMLIsSchemaValid() throws {
        try Tool.require("xmllint", package: "Debian package libxml2-utils")
        let path = try write("graphml") { try GraphMLWriter.write(Self.graph, to: $0) }
        let result = try Tool.run("xmllint", args: ["--noout", "--nonet", "--schema", SharedFiles.path("schemas/graphml/graphml.xsd"), path],
                                  environment: ["XML_CATALOG_FILES": SharedFiles.xmlCatalog])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    func testGEXFIsValidAgainstItsRelaxNGSchema() throws {
        let path = try write("gexf") { try GEXFWriter.write(Self.graph, to: $0) }
        try GEXFConsumers.assertValid([path])
    }

    func testEveryRDFSyntaxIsValidAndSaysTheSameNumberOfTriples() throws {
        let mapping = try OntologyMapping()
        let expected = Set(try mapping.triples(for: Self.graph).map(\.description)).count
        let rdfxml = try write("rdf") { try RDFXMLWriter.write(Self.graph, mapping: mapping, to: $0) }
        let nt = try write("nt") { try NTriplesWriter.write(Self.graph, mapping: mapping, to: $0) }
        let nq = try write("nq") { try NQuadsWriter.write(Self.graph, mapping: mapping, to: $0) }
        let ttl = try write("ttl") { try TurtleWriter.write(Self.graph, mapping: mapping, to: $0) }
        let jsonld = try write("jsonld") { try JSONLDWriter.write(Self.graph, mapping: mapping, to: $0) }
        try RDFConsumers.riotValidate([rdfxml])
        try RDFConsumers.riotValidate([nt], syntax: "N-Triples")
        try RDFConsumers.riotValidate([nq], syntax: "N-Quads")
        try RDFConsumers.riotValidate([ttl], syntax: "Turtle")
        try RDFConsumers.riotValidate([jsonld], syntax: "JSONLD10")
        XCTAssertEqual(try RDFConsumers.rapperCount(rdfxml), expected)
        let rdflib = try RDFConsumers.rdflibQuads([(path: rdfxml, format: "xml"), (path: ttl, format: "turtle"),
                                                   (path: jsonld, format: "json-ld"), (path: nq, format: "nquads")])
        // Every syntax gives the same number of distinct triples; for N-Quads, the union of the
        // named graphs and the default graph.
        for path in [rdfxml, ttl, jsonld, nq] {
            XCTAssertEqual(Set((rdflib[path] ?? []).map { Array($0.dropFirst()) }).count, expected, path)
        }
        XCTAssertEqual(Set((try RDFConsumers.oxigraphQuads([(path: nt, format: "N_TRIPLES")])[nt] ?? []).map { Array($0.dropFirst()) }).count, expected)
    }

    func testDOTRendersWithoutWarnings() throws {
        try Tool.require("dot", package: "Debian package graphviz")
        let path = try write("dot") { try DOTWriter.write(Self.graph, to: $0) }
        let result = try Tool.run("dot", args: ["-Tsvg", "-o", "/dev/null", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
    }
}
