import Foundation
import KGFormats
import KGModel
import KGRDF
import PropertyBased
import Testing

/// The same generated graphs (``GraphSeed``) read by the real consumers, in one Python process
/// per batch: NetworkX reads GraphML back to the same nodes, edges (parallel ones as a multigraph)
/// and typed attributes; rdflib reads RDF/XML, Turtle and JSON-LD back to the triples of the
/// N-Triples file (for RDF/XML, modulo the removal of XML-illegal characters).
///
/// Needs python3 with networkx and rdflib (PyPI). Without them the test is skipped, except under
/// CI (`CI` or `KGEXPORT_REQUIRE_TOOLS` set), where it fails naming the packages.
@Suite("Generated graphs read by NetworkX and rdflib")
struct ConsumerRoundTripProperties {
    static let batchSize = 40

    static var pythonReady: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import networkx, rdflib"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }

    static var requireTools: Bool {
        let environment = ProcessInfo.processInfo.environment
        return ["CI", "KGEXPORT_REQUIRE_TOOLS"].contains { !["", "0", "false"].contains((environment[$0] ?? "").lowercased()) }
    }

    @Test(.enabled(if: pythonReady || requireTools, "python3 with networkx and rdflib is not installed (PyPI: networkx rdflib)"))
    func networkXAndRdflibReadTheSameGraphs() async throws {
        try #require(Self.pythonReady, "python3 cannot import networkx and rdflib; install the PyPI packages networkx and rdflib")
        let collected = Collected()
        await propertyCheck(count: Self.batchSize, input: ExportRoundTripProperties.seeds) { bytes in
            collected.append(GraphSeed.graph(from: bytes))
        }
        let graphs = collected.graphs
        #expect(graphs.count == Self.batchSize)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-consumers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let mapping = try OntologyMapping()
        for (i, graph) in graphs.enumerated() {
            func write(_ ext: String, _ body: (MemorySink) throws -> Void) throws {
                let sink = MemorySink()
                try body(sink)
                try Data(sink.bytes).write(to: dir.appendingPathComponent("\(i).\(ext)"))
            }
            try write("graphml") { try GraphMLWriter.write(graph, to: $0) }
            try write("nt") { try NTriplesWriter.write(graph, mapping: mapping, to: $0) }
            try write("rdf") { try RDFXMLWriter.write(graph, mapping: mapping, to: $0) }
            try write("ttl") { try TurtleWriter.write(graph, mapping: mapping, to: $0) }
            try write("jsonld") { try JSONLDWriter.write(graph, mapping: mapping, to: $0) }
        }
        let result = try Self.python(Self.reader, arguments: [dir.path, String(graphs.count)])
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        try #require(report.count == graphs.count)
        // The batch is not trivial: NetworkX saw edges, some of them parallel.
        let pairs = report.map { ($0["edges"] as? [[String: Any]] ?? []).map { "\($0["source"] ?? "") \($0["target"] ?? "")" } }
        #expect(pairs.joined().count > Self.batchSize)
        #expect(pairs.contains { Set($0).count < $0.count }, "no graph of the batch has parallel edges")
        for (graph, read) in zip(graphs, report) {
            let expected = ExpectedAttributes(graph)
            let nodes = (read["nodes"] as? [String: [String: Any]] ?? [:]).reduce(into: [String: [String: String]]()) { out, node in
                guard let id = entityID(fromNMTOKEN: node.key) else { return }
                out[id] = node.value.filter { $0.key != "aliases" }.mapValues(Self.text)
            }
            #expect(nodes == expected.nodes)
            var edges: [String: [String: String]] = [:]
            for edge in read["edges"] as? [[String: Any]] ?? [] {
                var data = (edge["data"] as? [String: Any] ?? [:]).mapValues(Self.text)
                data["source_node"] = entityID(fromNMTOKEN: edge["source"] as? String ?? "")
                data["target_node"] = entityID(fromNMTOKEN: edge["target"] as? String ?? "")
                edges[edge["key"] as? String ?? ""] = data
            }
            #expect(edges == expected.edges)
            #expect(read["rdf"] as? [String] == [], "rdflib: \(read["rdf"] ?? "")")
        }
    }

    /// An attribute value as text: strings as they are, numbers in the writers' decimal form.
    static func text(_ value: Any) -> String {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return Identifier.formatDecimal(number.doubleValue) }
        return "\(value)"
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [KnowledgeGraph] = []
        func append(_ graph: KnowledgeGraph) { lock.lock(); list.append(graph); lock.unlock() }
        var graphs: [KnowledgeGraph] { lock.lock(); defer { lock.unlock() }; return list }
    }

    static func python(_ program: String, arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", program] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = Collector()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errors.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.data, as: UTF8.self))
    }

    final class Collector: @unchecked Sendable { var data = Data() }

    /// Reads DIR/0..N-1.{graphml,nt,rdf,ttl,jsonld}; prints one JSON object per graph: the GraphML
    /// nodes and edges as NetworkX reads them, and the triples each RDF syntax gained or lost
    /// against the N-Triples file (empty when they agree).
    static let reader = #"""
    import json, sys
    import networkx as nx
    from rdflib import Graph, Literal

    def xml_legal(text):
        out = []
        for ch in text:
            v = ord(ch)
            if (v >= 0x20 or v in (9, 10, 13)) and v not in (0xFFFE, 0xFFFF):
                out.append(ch)
            elif v in (0x0B, 0x0C):
                out.append(" ")
        return "".join(out)

    def cleaned(graph):
        def term(t):
            if isinstance(t, Literal):
                return Literal(xml_legal(str(t)), lang=t.language, datatype=t.datatype)
            return t
        return {(s, p, term(o)) for s, p, o in graph}

    directory, count = sys.argv[1], int(sys.argv[2])
    report = []
    for i in range(count):
        base = f"{directory}/{i}"
        g = nx.read_graphml(base + ".graphml", force_multigraph=True)
        nodes = {n: dict(d) for n, d in g.nodes(data=True)}
        edges = [{"source": u, "target": v, "key": k, "data": dict(d)} for u, v, k, d in g.edges(keys=True, data=True)]
        reference = Graph().parse(base + ".nt", format="nt")
        problems = []
        for fmt, ext, clean in (("xml", "rdf", True), ("turtle", "ttl", False), ("json-ld", "jsonld", False)):
            read = set(Graph().parse(base + "." + ext, format=fmt))
            want = cleaned(reference) if clean else set(reference)
            for t in sorted(read - want, key=str)[:3]:
                problems.append(f"{ext} has {t!r}")
            for t in sorted(want - read, key=str)[:3]:
                problems.append(f"{ext} lacks {t!r}")
        report.append({"nodes": nodes, "edges": edges, "rdf": problems})
    print(json.dumps(report))
    """#
}
