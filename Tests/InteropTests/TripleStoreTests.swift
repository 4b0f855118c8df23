import Foundation
import KGExtraction
import KGFormats
import KGModel
import KGRDF
import KGStore
import XCTest

/// The example article's graph in two real triple stores: Oxigraph (pyoxigraph, in process) and
/// a Virtuoso server on loopback (``VirtuosoServer``, started once for this class). Every query
/// in `Examples/queries/` must return the rows written by hand beside it, from both; the graph
/// pushed with the SPARQL 1.1 Graph Store HTTP Protocol (``GraphStoreClient``, `kgexport push`)
/// must read back whole.
///
/// The example graph is the one `kgexport Examples/articles/edm-2008-kazakhstan-csto.txt`
/// writes (CLITests proves Examples/out equal to it), made here in process.
final class TripleStoreTests: XCTestCase {
    // MARK: Fixtures

    /// The example graph, its RDF/XML file and N-Triples, and its triple count by the mapping.
    private struct Example: Sendable {
        let graph: KnowledgeGraph
        let rdfxml: URL
        let ntriples: Data
        let tripleCount: Int
    }

    private static let article = SharedFiles.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")

    /// Made once per test process; its directory is removed by ``tearDown()``.
    private static let example: Result<Example, Error> = Result {
        let graph = Extractor(lexicon: try Lexicon.bundled()).extract(try ArticleReader.read(contentsOf: article))
        let mapping = try OntologyMapping()
        let directory = try SharedFiles.makeTemporaryDirectory("kgexport-stores")
        let rdfxml = directory.appendingPathComponent("edm-2008-kazakhstan-csto.rdf")
        let xml = MemorySink()
        try RDFXMLWriter.write(graph, mapping: mapping, to: xml)
        try Data(xml.bytes).write(to: rdfxml)
        let nt = MemorySink()
        try NTriplesWriter.write(graph, mapping: mapping, to: nt)
        return Example(graph: graph, rdfxml: rdfxml, ntriples: Data(nt.bytes), tripleCount: try mapping.triples(for: graph).count)
    }

    /// The server of this class: started by the first test that needs it, stopped by ``tearDown()``.
    nonisolated(unsafe) private static var server: Result<VirtuosoServer, Error>?

    override class func tearDown() {
        if case .success(let running)? = server { running.stop() }
        server = nil
        if case .success(let made) = example {
            try? FileManager.default.removeItem(at: made.rdfxml.deletingLastPathComponent())
        }
        super.tearDown()
    }

    /// The running server; requires virtuoso-t and isql-vt (fails under CI, skips otherwise).
    /// A server that failed to start is not tried again.
    private func virtuoso(file: StaticString = #filePath, line: UInt = #line) throws -> VirtuosoServer {
        try Tool.require("virtuoso-t", package: "Debian package virtuoso-opensource", file: file, line: line)
        try Tool.require("isql-vt", package: "Debian package virtuoso-opensource", file: file, line: line)
        if Self.server == nil {
            Self.server = Result { try VirtuosoServer.start() }
        }
        return try XCTUnwrap(Self.server).get()
    }

    private var dba: GraphStoreClient.Credentials { .init(user: VirtuosoServer.user, password: VirtuosoServer.password) }

    /// Triples in `graph` by SPARQL COUNT.
    private func count(in graph: String, of server: VirtuosoServer) throws -> Int {
        let result = try server.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", defaultGraph: graph)
        return try XCTUnwrap(Int(result.rows.first?.first ?? ""), "\(result)")
    }

    // MARK: Queries

    func testEveryQueryHasAHeaderCommentAndExpectedRows() throws {
        let queries = try ExampleQuery.all()
        XCTAssertEqual(queries.map(\.name), ["article-statements", "meetings", "members-of-organization", "planned-meetings", "shareholders"])
        for query in queries {
            XCTAssertTrue(query.text.hasPrefix("# "), "\(query.name).rq starts with a comment saying what it answers")
            XCTAssertTrue(query.text.contains("ORDER BY"), "\(query.name).rq orders its rows, so they compare")
            XCTAssertFalse(query.rows.isEmpty, "\(query.name).expected.tsv has rows")
        }
    }

    func testExampleQueriesGiveTheExpectedRowsInOxigraph() throws {
        try Tool.requirePython(module: "pyoxigraph", package: "pyoxigraph")
        let example = try Self.example.get()
        let queries = try ExampleQuery.all()
        let program = #"""
        import sys, json, pyoxigraph as ox
        store = ox.Store()
        with open(sys.argv[1], "rb") as f:
            store.load(f, format=ox.RdfFormat.RDF_XML)
        out = {"triples": len(store), "results": {}}
        for path in sys.argv[2:]:
            with open(path, encoding="utf-8") as f:
                solutions = store.query(f.read())
            names = [v.value for v in solutions.variables]
            rows = [["" if s[n] is None else s[n].value for n in names] for s in solutions]
            out["results"][path] = {"variables": names, "rows": rows}
        print(json.dumps(out, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: [example.rdfxml.path] + queries.map(\.path))
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout)
        XCTAssertEqual(json["triples"] as? Int, example.tripleCount, "Oxigraph holds every triple of the mapping")
        let results = try XCTUnwrap(json["results"] as? [String: [String: Any]])
        for query in queries {
            let answer = try XCTUnwrap(results[query.path], query.name)
            query.assertMatches(variables: answer["variables"] as? [String] ?? [], rows: answer["rows"] as? [[String]] ?? [],
                                store: "Oxigraph")
        }
    }

    func testExampleQueriesGiveTheExpectedRowsInVirtuoso() throws {
        let server = try virtuoso()
        let example = try Self.example.get()
        let graph = "https://example.org/kgexport-test/bulk-loaded"
        try server.bulkLoad(example.rdfxml.path, graph: graph)
        XCTAssertEqual(try count(in: graph, of: server), example.tripleCount, "the bulk loader loaded every triple")
        for query in try ExampleQuery.all() {
            let answer = try server.select(query.text, defaultGraph: graph)
            query.assertMatches(variables: answer.variables, rows: answer.rows, store: "Virtuoso")
        }
    }

    // MARK: Graph Store HTTP Protocol

    func testGraphStoreClientReplacesAndAddsToANamedGraph() throws {
        let server = try virtuoso()
        let example = try Self.example.get()
        let client = try GraphStoreClient(endpoint: server.graphStoreEndpoint, credentials: dba, timeout: 30)
        let graph = try IRI("https://example.org/kgexport-test/pushed")

        let created = try client.send(example.ntriples, mediaType: NTriplesWriter.mediaType, to: graph, operation: .replace)
        XCTAssertEqual(created.status, 201, "a new graph is created")
        XCTAssertEqual(try count(in: graph.string, of: server), example.tripleCount)

        // PUT again, as RDF/XML: the graph is replaced, not doubled.
        let replaced = try client.send(try Data(contentsOf: example.rdfxml), mediaType: "application/rdf+xml", to: graph, operation: .replace)
        XCTAssertTrue(replaced.isSuccess, replaced.statusText)
        XCTAssertEqual(try count(in: graph.string, of: server), example.tripleCount)

        // POST adds: one more entity (its class and label) joins the example's triples.
        var extra = KnowledgeGraph()
        extra.add(Entity(id: "test-observer", label: "Test Observer", type: .organization))
        let sink = MemorySink()
        try NTriplesWriter.write(extra, mapping: try OntologyMapping(), to: sink)
        XCTAssertTrue(try client.send(Data(sink.bytes), mediaType: NTriplesWriter.mediaType, to: graph, operation: .add).isSuccess)
        XCTAssertEqual(try count(in: graph.string, of: server), example.tripleCount + 2)

        let members = try ExampleQuery.load("members-of-organization")
        let answer = try server.select(members.text, defaultGraph: graph.string)
        members.assertMatches(variables: answer.variables, rows: answer.rows, store: "Virtuoso after push")
    }

    // MARK: kgexport push

    /// The built `kgexport` (beside the test bundle, as in CLITests).
    private func kgexport(file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = Bundle.main.bundleURL.appendingPathComponent("kgexport").path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            let message = "the kgexport binary is not built at \(path) (swift build --build-tests)"
            if Tool.isCI {
                XCTFail(message, file: file, line: line)
                throw Tool.LaunchError(tool: "kgexport", reason: message)
            }
            throw XCTSkip(message, file: file, line: line)
        }
        return path
    }

    func testPushCommandSendsTheExampleArticleAndTheStoreAnswersTheQueries() throws {
        let server = try virtuoso()
        let example = try Self.example.get()
        let binary = try kgexport()
        let graph = "https://example.org/kgexport-test/cli"
        let push = try Tool.run(binary, args: ["push", Self.article.path, "--endpoint", server.graphStoreEndpoint, "--graph", graph,
                                               "--user", VirtuosoServer.user, "--format", "rdfxml"],
                                environment: ["KGEXPORT_PASSWORD": VirtuosoServer.password])
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stderr.hasSuffix("; replaced <\(graph)> with \(example.tripleCount) triples at \(server.graphStoreEndpoint) (HTTP 201 created)\n"),
                      push.stderr)
        XCTAssertEqual(try count(in: graph, of: server), example.tripleCount, "every triple arrived")

        let append = try Tool.run(binary, args: ["push", Self.article.path, "--endpoint", server.graphStoreEndpoint, "--graph", graph,
                                                 "--user", VirtuosoServer.user, "--password", VirtuosoServer.password, "--append", "--quiet"])
        XCTAssertEqual(append.status, 0, append.stderr)
        XCTAssertEqual(append.stderr, "")
        XCTAssertEqual(try count(in: graph, of: server), example.tripleCount, "adding the same triples again changes nothing")

        for name in ["members-of-organization", "planned-meetings"] {
            let query = try ExampleQuery.load(name)
            let answer = try server.select(query.text, defaultGraph: graph)
            query.assertMatches(variables: answer.variables, rows: answer.rows, store: "Virtuoso after kgexport push")
        }
    }

    /// A second Graph Store implementation: Oxigraph's server answers 201 and 204 and takes
    /// every syntax push sends, without authentication.
    func testPushCommandToAnOxigraphServer() throws {
        try Tool.require("oxigraph", package: "PyPI package oxigraph")
        let example = try Self.example.get()
        let binary = try kgexport()
        let server = try OxigraphServer.start()
        defer { server.stop() }
        let graph = "https://example.org/kgexport-test/oxigraph"
        for (syntax, status) in [("ntriples", "201 created"), ("rdfxml", "204 no content"), ("turtle", "204 no content")] {
            let push = try Tool.run(binary, args: ["push", Self.article.path, "--endpoint", server.graphStoreEndpoint, "--graph", graph, "--format", syntax])
            XCTAssertEqual(push.status, 0, push.stderr)
            XCTAssertTrue(push.stderr.hasSuffix("with \(example.tripleCount) triples at \(server.graphStoreEndpoint) (HTTP \(status))\n"), push.stderr)
            XCTAssertEqual(try server.count(in: graph), example.tripleCount, "\(syntax): the graph is replaced, not added to")
        }
    }

    func testPushCommandFailuresExitWith74AndSayWhy() throws {
        let server = try virtuoso()
        let binary = try kgexport()
        let graph = "https://example.org/kgexport-test/refused"
        func push(_ endpoint: String, _ extra: [String]) throws -> Tool.Result {
            try Tool.run(binary, args: ["push", Self.article.path, "--endpoint", endpoint, "--graph", graph] + extra)
        }

        // The anonymous endpoint's user SPARQL may not write: 403 and Virtuoso's own message.
        let forbidden = try push(server.anonymousGraphStoreEndpoint, [])
        XCTAssertEqual(forbidden.status, 74)
        XCTAssertTrue(forbidden.stderr.hasPrefix("kgexport: PUT \(server.anonymousGraphStoreEndpoint)?graph=https%3A%2F%2Fexample.org%2Fkgexport-test%2Frefused failed with HTTP status 403 forbidden: "), forbidden.stderr)
        XCTAssertTrue(forbidden.stderr.contains("Permission denied"), forbidden.stderr)

        let noCredentials = try push(server.graphStoreEndpoint, [])
        XCTAssertEqual(noCredentials.status, 74)
        XCTAssertTrue(noCredentials.stderr.contains("asks for a user name and password (Digest), and none were given"), noCredentials.stderr)

        let wrongPassword = try push(server.graphStoreEndpoint, ["--user", "dba", "--password", "not-the-password"])
        XCTAssertEqual(wrongPassword.status, 74)
        XCTAssertTrue(wrongPassword.stderr.contains("failed with HTTP status 401 unauthorized: the store refused the credentials of user 'dba'"), wrongPassword.stderr)

        let port = try XCTUnwrap(VirtuosoServer.freePorts(1).first)
        let unreachable = try push("http://127.0.0.1:\(port)/store", [])
        XCTAssertEqual(unreachable.status, 74)
        XCTAssertTrue(unreachable.stderr.hasPrefix("kgexport: cannot reach http://127.0.0.1:\(port)/store?graph="), unreachable.stderr)

        XCTAssertEqual(try count(in: graph, of: server), 0, "nothing was written by the refused pushes")
    }
}
