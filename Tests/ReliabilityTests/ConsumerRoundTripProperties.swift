import Foundation
import KGFormats
import KGModel
import KGRDF
import PropertyBased
import Testing

/// The same generated graphs (``GraphSeed``) read by the real consumers, in one Python process
/// per batch: NetworkX reads GraphML back to the same nodes, edges (parallel ones as a multigraph)
/// and typed attributes; Graphviz (`dot -Tjson`) reads DOT back to the same nodes, edges and
/// attributes (as Graphviz keeps them: `\\` and `\n` escapes as written); rdflib reads RDF/XML,
/// Turtle and JSON-LD back to the triples of the N-Triples file (for RDF/XML, modulo the removal of
/// XML-illegal characters), and N-Quads as a dataset whose graphs' union is that set, each
/// relation's triples in the named graph of its source article (the default graph without one).
///
/// Needs python3 with networkx and rdflib (PyPI) and Graphviz (Debian: graphviz). Without them the
/// test is skipped, except under CI (`CI` or `KGEXPORT_REQUIRE_TOOLS` set), where it fails naming
/// the packages.
@Suite("Generated graphs read by NetworkX and rdflib")
struct ConsumerRoundTripProperties {
    static let batchSize = 40

    static var pythonReady: Bool {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import networkx, rdflib, shutil, sys; sys.exit(0 if shutil.which('dot') else 1)"]
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

    @Test(.enabled(if: pythonReady || requireTools, "python3 with networkx and rdflib, or Graphviz, is not installed (PyPI: networkx rdflib; Debian: graphviz)"))
    func networkXAndRdflibReadTheSameGraphs() async throws {
        try #require(Self.pythonReady, "python3 cannot import networkx and rdflib, or dot is missing; install the PyPI packages networkx and rdflib and the Debian package graphviz")
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
            try write("dot") { try DOTWriter.write(graph, to: $0) }
            try write("nt") { try NTriplesWriter.write(graph, mapping: mapping, to: $0) }
            try write("rdf") { try RDFXMLWriter.write(graph, mapping: mapping, to: $0) }
            try write("ttl") { try TurtleWriter.write(graph, mapping: mapping, to: $0) }
            try write("jsonld") { try JSONLDWriter.write(graph, mapping: mapping, to: $0) }
            try write("nq") { try NQuadsWriter.write(graph, mapping: mapping, to: $0) }
        }
        let entityNamespace = mapping.iris.entityIRI(id: "x").string.dropLast()
        let result = try Self.python(Self.reader, arguments: [dir.path, String(graphs.count), String(entityNamespace)])
        try #require(result.status == 0, "python3 failed: \(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        try #require(report.count == graphs.count)
        // The batch is not trivial: NetworkX saw edges (about one per graph on average; random
        // batches have had 35 to 60), some of them parallel.
        let pairs = report.map { ($0["edges"] as? [[String: Any]] ?? []).map { "\($0["source"] ?? "") \($0["target"] ?? "")" } }
        #expect(pairs.joined().count > Self.batchSize / 2)
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
            try checkDOT(read["dot"] as? [String: Any] ?? [:], graph)
            try checkNQuads(read["nq"] as? [String: Any] ?? [:], graph, mapping)
        }
        // The batch is not trivial for N-Quads: a dataset with several named graphs, and relations
        // without a source (in the default graph).
        let datasets = report.map { $0["nq"] as? [String: Any] ?? [:] }
        #expect(datasets.contains { ($0["graphs"] as? [String] ?? []).count > 2 }, "no dataset has two named graphs")
        #expect(graphs.contains { $0.relations.contains { $0.evidence.source == nil } }, "every relation has a source")
    }

    /// rdflib's reading of the N-Quads file against the graph: the union of its graphs is exactly
    /// the N-Triples set; each relation's qualified node is in the graph of its source article (the
    /// default graph without a source) and nowhere else; its direct triple is in the graphs of the
    /// relations that state it; entities and articles are described in the default graph.
    private func checkNQuads(_ read: [String: Any], _ graph: KnowledgeGraph, _ mapping: OntologyMapping) throws {
        #expect(read["problems"] as? [String] == [], "rdflib, N-Quads: \(read["problems"] ?? "")")
        let triples = try mapping.triples(for: graph)
        #expect(read["triples"] as? Int == triples.count)
        #expect(read["nt"] as? Int == triples.count)
        var quads = 0
        try mapping.forEachQuad(in: graph) { _ in quads += 1 }
        #expect(read["quads"] as? Int == quads)

        let iris = mapping.iris
        var subjects: [String: Set<String>] = [:]
        var direct: [String: Set<String>] = [:]
        for entity in graph.entities.values { subjects[iris.entityIRI(for: entity).string, default: []].insert("") }
        for document in graph.documents.values { subjects[iris.articleIRI(for: document).string, default: []].insert("") }
        for relation in graph.sortedRelations {
            let name = relation.evidence.source.map { iris.articleIRI(id: $0).string } ?? ""
            subjects[iris.relationIRI(for: relation).string, default: []].insert(name)
            if let triple = mapping.directTriple(forRelation: relation), case let .iri(object) = triple.object {
                subjects[triple.subject.string, default: []].insert(name)
                direct["\(triple.subject.string) \(triple.predicate.string) \(object.string)", default: []].insert(name)
            }
        }
        func sets(_ value: Any?) -> [String: Set<String>] {
            (value as? [String: [String]] ?? [:]).mapValues(Set.init)
        }
        #expect(sets(read["subjects"]) == subjects)
        #expect(sets(read["direct"]) == direct)
        #expect(Set(read["graphs"] as? [String] ?? []) == subjects.values.reduce(Set<String>()) { $0.union($1) })
    }

    /// Graphviz's reading of the DOT file against the graph: one node per entity, named by its id
    /// as DOTWriter escapes it (``dotID(_:)``), with every attribute, and one edge per relation.
    private func checkDOT(_ read: [String: Any], _ graph: KnowledgeGraph) throws {
        let escaped = ExpectedAttributes(graph, clean: Self.dotText)
        let readNodes = (read["nodes"] as? [String: [String: Any]] ?? [:])
        let readEdges = read["edges"] as? [[String: Any]] ?? []
        #expect(readEdges.count == escaped.edges.count)
        #expect(Set(readNodes.keys) == Set(graph.entities.keys.map(Self.dotID)))
        var nodes: [String: [String: String]] = [:]
        var aliases: [String: [String]] = [:]
        for (id, entity) in graph.entities {
            nodes[Self.dotID(id)] = escaped.nodes[id]
            aliases[Self.dotID(id)] = entity.aliases.map(ExportRoundTripProperties.withoutNoncharacters)
        }
        var readAliases: [String: [String]] = [:]
        var readAttributes: [String: [String: String]] = [:]
        for (name, attributes) in readNodes {
            let text = attributes.mapValues(Self.text)
            readAttributes[name] = text.filter { ["label", "type", "iri"].contains($0.key) }
            readAliases[name] = try text["aliases"].map { try ExportRoundTripProperties.jsonStrings(Self.undoDOTBackslashes($0)) } ?? []
        }
        #expect(readAttributes == nodes)
        #expect(readAliases == aliases)
        var edges: [String: [String: String]] = [:]
        for edge in readEdges {
            let text = edge.mapValues(Self.text)
            var data = text.filter { escaped.edges.values.first?[$0.key] != nil || Self.edgeKeys.contains($0.key) }
            data["source_node"] = text["tail"]
            data["target_node"] = text["head"]
            edges[text["id"] ?? ""] = data
        }
        let expected = Dictionary(uniqueKeysWithValues: graph.sortedRelations.map { relation in
            // Graphviz keeps no attribute whose value is the empty string.
            var data = (escaped.edges[relation.id] ?? [:]).filter { !$0.value.isEmpty }
            data["source_node"] = Self.dotID(relation.subject)
            data["target_node"] = Self.dotID(relation.object)
            return (relation.id, data)
        })
        #expect(edges == expected)
    }

    static let edgeKeys: Set<String> = ["relation", "relation_iri", "date", "place", "place_iri", "share", "modality",
                                        "evidence", "source", "source_title", "source_url", "source_date",
                                        "source_publication", "cited_source", "offset_start", "offset_end"]

    /// A value as Graphviz keeps it from DOTWriter's output: XML-illegal characters removed, `\`
    /// doubled, each line break (CRLF, CR, LF) as `\n` (Graphviz undoes only `\"`).
    static func dotText(_ text: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in xmlLegal(text).unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case "\r": out += "\\n"
            case "\n": if previous != "\r" { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The name Graphviz reads for an entity id DOTWriter wrote: `\` doubled, LF as `\n`, CR as
    /// `\r`, a leading `%` as `\%`, other C0 controls but tab and U+FFFE, U+FFFF as `\uHHHH`.
    static func dotID(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            switch scalar.value {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x25 where out.isEmpty: out += "\\%"
            case 0x09: out += "\t"
            case 0x00..<0x20, 0xFFFE, 0xFFFF: out += "\\u" + String(format: "%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `\\` back to `\` (for a JSON text, which has no raw line break).
    static func undoDOTBackslashes(_ text: String) -> String {
        text.replacingOccurrences(of: "\\\\", with: "\\")
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

    /// Reads DIR/0..N-1.{graphml,nt,rdf,ttl,jsonld,nq}; prints one JSON object per graph: the
    /// GraphML nodes and edges as NetworkX reads them, the triples each RDF syntax gained or lost
    /// against the N-Triples file (empty when they agree), and the N-Quads dataset: its union's
    /// differences from the N-Triples file, its sizes, the graphs ("" for the default graph) each
    /// subject and each direct triple (entity subject, IRI object, not rdf:type) is in.
    static let reader = #"""
    import json, subprocess, sys
    import networkx as nx
    from rdflib import RDF, Dataset, Graph, Literal, URIRef
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

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

    def dataset(path, reference, entity_namespace):
        ds = Dataset()
        ds.parse(path, format="nquads")
        union, subjects, direct, graphs, quads = set(), {}, {}, set(), 0
        for s, p, o, g in ds.quads((None, None, None, None)):
            quads += 1
            name = "" if g is None or g == DATASET_DEFAULT_GRAPH_ID else str(g)
            graphs.add(name)
            union.add((s, p, o))
            subjects.setdefault(str(s), set()).add(name)
            if str(s).startswith(entity_namespace) and isinstance(o, URIRef) and p != RDF.type:
                direct.setdefault(f"{s} {p} {o}", set()).add(name)
        want = set(reference)
        problems = [f"nq has {t!r}" for t in sorted(union - want, key=str)[:3]]
        problems += [f"nq lacks {t!r}" for t in sorted(want - union, key=str)[:3]]
        return {"problems": problems, "triples": len(union), "nt": len(want), "quads": quads,
                "graphs": sorted(graphs), "subjects": {k: sorted(v) for k, v in subjects.items()},
                "direct": {k: sorted(v) for k, v in direct.items()}}

    directory, count, entity_namespace = sys.argv[1], int(sys.argv[2]), sys.argv[3]
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
        laid = json.loads(subprocess.run(["dot", "-Tjson", base + ".dot"], capture_output=True, check=True).stdout)
        objects = laid.get("objects", [])
        names = {o["_gvid"]: o["name"] for o in objects}
        dot_nodes = {o["name"]: {k: v for k, v in o.items() if not k.startswith("_")} for o in objects if "nodes" not in o}
        dot_edges = [dict({k: v for k, v in e.items() if not k.startswith("_")}, tail=names[e["tail"]], head=names[e["head"]])
                     for e in laid.get("edges", [])]
        report.append({"nodes": nodes, "edges": edges, "rdf": problems, "dot": {"nodes": dot_nodes, "edges": dot_edges},
                       "nq": dataset(base + ".nq", reference, entity_namespace)})
    print(json.dumps(report))
    """#
}
