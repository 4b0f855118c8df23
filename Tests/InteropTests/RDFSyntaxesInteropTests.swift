import KGTestSupport
import Foundation
import KGFormats
import KGModel
import KGRDF
import XCTest

/// Every RDF syntax kgexport writes (RDF/XML, N-Triples, N-Quads, Turtle, JSON-LD) says the same
/// graph: rdflib parses all of them to isomorphic graphs, Jena RIOT validates each strictly and
/// pyoxigraph loads each, for the golden graph and the pitfall graph. N-Triples is the oracle: its
/// statements are exactly the mapping's triples; N-Quads puts each article's relations in a named
/// graph of their own.
final class RDFSyntaxesInteropTests: XCTestCase {
    /// One RDF syntax: how kgexport writes it and how each consumer names it.
    private enum Syntax: String, CaseIterable {
        case rdfxml, ntriples, nquads, turtle, jsonld

        var fileExtension: String {
            switch self {
            case .rdfxml: "rdf"
            case .ntriples: NTriplesWriter.fileExtension
            case .nquads: NQuadsWriter.fileExtension
            case .turtle: TurtleWriter.fileExtension
            case .jsonld: JSONLDWriter.fileExtension
            }
        }

        var rdflibFormat: String {
            switch self {
            case .rdfxml: "xml"
            case .ntriples: "nt"
            case .nquads: "nquads"
            case .turtle: "turtle"
            case .jsonld: "json-ld"
            }
        }

        var oxigraphFormat: String {
            switch self {
            case .rdfxml: "RDF_XML"
            case .ntriples: "N_TRIPLES"
            case .nquads: "N_QUADS"
            case .turtle: "TURTLE"
            case .jsonld: "JSON_LD"
            }
        }

        /// Jena's syntax name. JSON-LD is read with Jena's JSON-LD 1.0 reader (jsonld-java): its
        /// 1.1 reader (Titanium) needs a Jakarta JSON implementation that Debian does not package.
        /// The kgexport context uses only JSON-LD 1.0 features, so the 1.0 reader is a full check.
        var jenaSyntax: String {
            switch self {
            case .rdfxml: "RDF/XML"
            case .ntriples: "N-Triples"
            case .nquads: "N-Quads"
            case .turtle: "Turtle"
            case .jsonld: "JSONLD10"
            }
        }

        func write(_ graph: KnowledgeGraph, to sink: ByteSink) throws {
            let mapping = try OntologyMapping()
            switch self {
            case .rdfxml: try RDFXMLWriter.write(graph, mapping: mapping, to: sink)
            case .ntriples: try NTriplesWriter.write(graph, mapping: mapping, to: sink)
            case .nquads: try NQuadsWriter.write(graph, mapping: mapping, to: sink)
            case .turtle: try TurtleWriter.write(graph, mapping: mapping, to: sink)
            case .jsonld: try JSONLDWriter.write(graph, mapping: mapping, to: sink)
            }
        }
    }

    private var directory: URL!

    override func setUpWithError() throws {
        directory = try SharedFiles.makeTemporaryDirectory("kgexport-rdf-syntaxes")
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// Writes `graph` in every syntax through atomic file sinks: syntax → path.
    private func writeAll(_ graph: KnowledgeGraph, name: String) throws -> [Syntax: String] {
        var paths: [Syntax: String] = [:]
        for syntax in Syntax.allCases {
            let path = directory.appendingPathComponent(name + "." + syntax.fileExtension).path
            let sink = try FileSink(path: path)
            try syntax.write(graph, to: sink)
            try sink.commit()
            paths[syntax] = path
        }
        return paths
    }

    /// The two graphs of the interop tests, by name.
    private func graphs() throws -> [(name: String, graph: KnowledgeGraph)] {
        [("kazakhstan", GoldenGraph.kazakhstan), ("nasty-names", try NastyNames.graph())]
    }

    // MARK: Expected statements

    /// The mapping's quads as rows `[graph, subject, predicate, kind, value, datatype, language]`
    /// (graph empty for the default graph), sorted, without duplicates. With `dataset` false every
    /// row is in the default graph (a triple syntax); with `xml` the lexical forms are as RDF/XML
    /// carries them.
    private func expectedRows(_ graph: KnowledgeGraph, dataset: Bool, xml: Bool = false) throws -> [[String]] {
        var rows = Set<[String]>()
        try OntologyMapping().forEachQuad(in: graph) { quad in
            let t = quad.triple
            let g = dataset ? quad.graph?.string ?? "" : ""
            switch t.object {
            case let .iri(iri):
                rows.insert([g, t.subject.string, t.predicate.string, "iri", iri.string, "", ""])
            case let .literal(literal):
                let value = xml ? Self.xmlCarried(literal.lexicalForm) : literal.lexicalForm
                rows.insert([g, t.subject.string, t.predicate.string, "literal", value, literal.datatype.string, literal.language ?? ""])
            }
        }
        return sorted(Array(rows))
    }

    /// The documented rule of every XML format: U+0000–U+001F other than tab, LF and CR, and
    /// U+FFFE/U+FFFF are dropped; vertical tab and form feed become a space.
    private static func xmlCarried(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C: out.append(" ")
            case 0x09, 0x0A, 0x0D: out.append(scalar)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Code-point order, so Swift's and Python's sorted lists compare element by element.
    private func sorted(_ rows: [[String]]) -> [[String]] {
        rows.sorted { $0.lexicographicallyPrecedes($1) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) } }
    }

    /// Asserts equal row lists and names the first difference.
    private func assertRows(_ actual: [[String]]?, _ expected: [[String]], _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        let actual = sorted(actual ?? [])
        XCTAssertEqual(actual.count, expected.count, "\(message): number of statements", file: file, line: line)
        if let (a, e) = zip(actual, expected).first(where: { $0 != $1 }) {
            XCTFail("\(message): first difference: read \(a), expected \(e)", file: file, line: line)
        } else if actual.count != expected.count {
            XCTFail("\(message): \(actual.count) statements read, \(expected.count) expected", file: file, line: line)
        }
    }

    /// The IRIs of the articles that the graph's relations name: the named graphs N-Quads must have.
    private func articleGraphs(_ graph: KnowledgeGraph) throws -> [String] {
        let iris = try OntologyMapping().iris
        return Set(graph.relations.compactMap(\.evidence.source)).map { iris.articleIRI(id: $0).string }.sorted()
    }

    // MARK: rdflib: isomorphic graphs

    func testRdflibParsesEverySyntaxToIsomorphicGraphs() throws {
        try Tool.requirePython(module: "rdflib", package: "rdflib")
        // Parses the N-Triples file as the reference, every other file in its syntax (N-Quads: the
        // union of all its graphs), and compares with rdflib.compare.isomorphic. RDF/XML is compared
        // with the reference after the documented XML cleaning of its literals, and must differ from
        // the reference itself exactly when that cleaning changes something.
        let program = #"""
        import sys, json, rdflib
        from rdflib.compare import isomorphic, graph_diff

        def xml_carried(text):
            out = []
            for ch in text:
                v = ord(ch)
                if v in (0x0B, 0x0C): out.append(" ")
                elif v in (0x09, 0x0A, 0x0D): out.append(ch)
                elif v <= 0x1F or v in (0xFFFE, 0xFFFF): continue
                else: out.append(ch)
            return "".join(out)

        def cleaned(graph):
            g = rdflib.Graph()
            for s, p, o in graph:
                if isinstance(o, rdflib.Literal):
                    o = rdflib.Literal(xml_carried(str(o)), lang=o.language, datatype=o.datatype)
                g.add((s, p, o))
            return g

        args = sys.argv[1:]
        reference = rdflib.Graph().parse(args[0], format="nt")
        out = {"reference": len(reference), "files": {}}
        for path, fmt in zip(args[1::2], args[2::2]):
            named = []
            if fmt == "nquads":
                ds = rdflib.Dataset()
                ds.parse(path, format=fmt)
                graph = rdflib.Graph()
                for s, p, o, c in ds.quads((None, None, None, None)):
                    graph.add((s, p, o))
                    name = c.identifier if hasattr(c, "identifier") else c
                    if name is not None and name != rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
                        named.append(str(name))
            else:
                graph = rdflib.Graph().parse(path, format=fmt)
            target = cleaned(reference) if fmt == "xml" else reference
            same = isomorphic(graph, target)
            difference = []
            if not same:
                _, only_read, only_expected = graph_diff(graph, target)
                difference = [" ".join(t.n3() for t in triple) for triple in list(only_read)[:3] + list(only_expected)[:3]]
            out["files"][path] = {"triples": len(graph), "isomorphic": same, "difference": difference,
                                  "named": sorted(set(named)),
                                  "same_as_uncleaned": isomorphic(graph, reference)}
        print(json.dumps(out, ensure_ascii=False))
        """#
        for (name, graph) in try graphs() {
            let paths = try writeAll(graph, name: name)
            let others = Syntax.allCases.filter { $0 != .ntriples }
            let args = [paths[.ntriples] ?? ""] + others.flatMap { [paths[$0] ?? "", $0.rdflibFormat] }
            let result = try Tool.python(program, args: args)
            XCTAssertEqual(result.status, 0, "rdflib could not read the \(name) files:\n\(result.stderr)")
            let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout)
            let triples = try OntologyMapping().triples(for: graph).count
            XCTAssertEqual(json["reference"] as? Int, triples, "\(name): N-Triples as rdflib reads it")
            let files = try XCTUnwrap(json["files"] as? [String: [String: Any]])
            for syntax in others {
                let report = try XCTUnwrap(files[paths[syntax] ?? ""], "\(name).\(syntax.fileExtension)")
                XCTAssertEqual(report["isomorphic"] as? Bool, true,
                               "\(name).\(syntax.fileExtension) is not isomorphic to the N-Triples graph: \(report["difference"] ?? "")")
                XCTAssertEqual(report["triples"] as? Int, triples, "\(name).\(syntax.fileExtension)")
            }
            // RDF/XML loses exactly the characters XML cannot carry: the nasty names have some.
            let rdfxml = try XCTUnwrap(files[paths[.rdfxml] ?? ""])
            XCTAssertEqual(rdfxml["same_as_uncleaned"] as? Bool, name == "kazakhstan", "\(name).rdf")
            // N-Quads: one named graph per article that a relation names.
            let nquads = try XCTUnwrap(files[paths[.nquads] ?? ""])
            XCTAssertEqual(nquads["named"] as? [String], try articleGraphs(graph), "\(name).nq named graphs")
        }
    }

    // MARK: The statements themselves

    func testNTriplesAndEverySyntaxReadBackAsTheMappingsStatements() throws {
        for (name, graph) in try graphs() {
            let paths = try writeAll(graph, name: name)
            let triples = try expectedRows(graph, dataset: false)
            let rows = try RDFConsumers.rdflibQuads(Syntax.allCases.map { (paths[$0] ?? "", $0.rdflibFormat) })
            for syntax in Syntax.allCases {
                let expected: [[String]]
                switch syntax {
                case .rdfxml: expected = try expectedRows(graph, dataset: false, xml: true)
                case .nquads: expected = try expectedRows(graph, dataset: true)
                default: expected = triples
                }
                assertRows(rows[paths[syntax] ?? ""], expected, "rdflib, \(name).\(syntax.fileExtension)")
            }
        }
    }

    func testPyoxigraphLoadsEverySyntaxWithTheSameStatements() throws {
        for (name, graph) in try graphs() {
            let paths = try writeAll(graph, name: name)
            let rows = try RDFConsumers.oxigraphQuads(Syntax.allCases.map { (paths[$0] ?? "", $0.oxigraphFormat) })
            for syntax in Syntax.allCases {
                let expected: [[String]]
                switch syntax {
                case .rdfxml: expected = try expectedRows(graph, dataset: false, xml: true)
                case .nquads: expected = try expectedRows(graph, dataset: true)
                default: expected = try expectedRows(graph, dataset: false)
                }
                assertRows(rows[paths[syntax] ?? ""], expected, "pyoxigraph, \(name).\(syntax.fileExtension)")
            }
        }
    }

    func testNastyLabelsReadBackUnchangedOutsideXML() throws {
        // PITFALLS.md: every name reads back as written. Only XML drops characters (RDF/XML reads
        // back NastyNames.labels); the other syntaxes keep BEL and form feed too.
        let nasty = try NastyNames.graph()
        let paths = try writeAll(nasty, name: "nasty-names")
        let mapping = try OntologyMapping()
        let syntaxes: [Syntax] = [.ntriples, .nquads, .turtle, .jsonld]
        let rows = try RDFConsumers.rdflibQuads(syntaxes.map { (paths[$0] ?? "", $0.rdflibFormat) })
        for syntax in syntaxes {
            let labels = Dictionary((rows[paths[syntax] ?? ""] ?? []).filter { $0[2] == Vocabulary.RDFS.label.string }.map { ($0[1], $0[4]) },
                                    uniquingKeysWith: { a, _ in a })
            for (entity, label) in NastyNames.labels {
                let written = entity == "e12" ? "Bell\u{7} Corp\u{C}" : label
                XCTAssertEqual(labels[mapping.iris.entityIRI(id: entity).string], written, "\(entity) in \(syntax)")
            }
        }
    }

    // MARK: N-Quads: provenance

    func testEachArticleGraphHoldsExactlyWhatThatArticleStated() throws {
        let nasty = try NastyNames.graph()
        let paths = try writeAll(nasty, name: "nasty-names")
        let path = try XCTUnwrap(paths[.nquads])
        let rows = try XCTUnwrap(try RDFConsumers.rdflibQuads([(path, "nquads")])[path])
        let mapping = try OntologyMapping()
        let derivedFrom = Vocabulary.PROV.wasDerivedFrom.string
        // Every qualified node is in the graph of the article it was derived from, and only there.
        let nodes = Dictionary(grouping: rows.filter { $0[1].hasPrefix(mapping.iris.base.string + "relation/") }) { $0[1] }
        XCTAssertEqual(nodes.count, NastyNames.relationCount)
        for (node, statements) in nodes {
            let source = statements.first { $0[2] == derivedFrom }?[4] ?? ""
            XCTAssertEqual(Set(statements.map { $0[0] }), [source], node)
        }
        // The meeting of e7 and e8 from "doc 1.txt" is in that article's graph, with its evidence.
        let doc1 = mapping.iris.articleIRI(id: "doc 1.txt").string
        XCTAssertTrue(rows.contains { $0[0] == doc1 && $0[2] == Vocabulary.KG.evidenceText.string
                          && $0[4] == "They met in Astana on \"Friday\" \\ then left." })
        // e7 met e8 in two articles: the direct triple is in both graphs.
        let met = rows.filter { $0[1] == mapping.iris.entityIRI(id: "e7").string && $0[2] == Vocabulary.KG.property(.metWith).string }
        XCTAssertEqual(met.map { $0[0] }.sorted(), [doc1, mapping.iris.articleIRI(id: "doc-2.txt").string].sorted())
        // Labels are in the default graph, with every character (BEL and form feed included).
        XCTAssertTrue(rows.contains { $0[0] == "" && $0[1] == mapping.iris.entityIRI(id: "e12").string
                          && $0[2] == Vocabulary.RDFS.label.string && $0[4] == "Bell\u{7} Corp\u{C}" })
        // The relation without a source (e1 member-of e2) is in the default graph.
        XCTAssertTrue(rows.contains { $0[0] == "" && $0[1] == mapping.iris.entityIRI(id: "e1").string
                          && $0[2] == Vocabulary.KG.property(.memberOf).string })
    }

    // MARK: Jena RIOT

    func testJenaValidatesEverySyntaxStrictlyAndCountsTheSameStatements() throws {
        var files: [Syntax: [String]] = [:]
        var expected: [String: Int] = [:]
        for (name, graph) in try graphs() {
            let paths = try writeAll(graph, name: name)
            for syntax in Syntax.allCases {
                let path = paths[syntax] ?? ""
                files[syntax, default: []].append(path)
                expected[path] = syntax == .nquads
                    ? try expectedRows(graph, dataset: true).count
                    : try OntologyMapping().triples(for: graph).count
            }
        }
        // One JVM per syntax, each told the syntax (so a file is never guessed into another one).
        for syntax in Syntax.allCases {
            let paths = files[syntax] ?? []
            try RDFConsumers.riotValidate(paths, syntax: syntax.jenaSyntax)
            let counts = try RDFConsumers.riotCounts(paths, syntax: syntax.jenaSyntax)
            XCTAssertEqual(counts, expected.filter { paths.contains($0.key) }, "riot --count, \(syntax)")
        }
    }

    func testJenaReadsTheSameGraphFromEverySyntax() throws {
        // Jena parses each nasty-names file and writes what it read as N-Quads; rdflib compares that
        // with the statements expected of the syntax.
        let nasty = try NastyNames.graph()
        let paths = try writeAll(nasty, name: "nasty-names")
        var reread: [(path: String, format: String)] = []
        var expected: [String: [[String]]] = [:]
        for syntax in Syntax.allCases {
            let result = try RDFConsumers.jena("riotcmd.riot", ["--syntax=\(syntax.jenaSyntax)", "--output=N-Quads", paths[syntax] ?? ""])
            XCTAssertEqual(result.status, 0, "riot could not read \(syntax):\n\(result.stderr)")
            let copy = directory.appendingPathComponent("jena-\(syntax.rawValue).nq")
            try result.stdoutData.write(to: copy)
            reread.append((copy.path, "nquads"))
            switch syntax {
            case .rdfxml: expected[copy.path] = try expectedRows(nasty, dataset: false, xml: true)
            case .nquads: expected[copy.path] = try expectedRows(nasty, dataset: true)
            default: expected[copy.path] = try expectedRows(nasty, dataset: false)
            }
        }
        let rows = try RDFConsumers.rdflibQuads(reread)
        for (path, _) in reread {
            assertRows(rows[path], expected[path] ?? [], "Jena, \(URL(fileURLWithPath: path).lastPathComponent)")
        }
    }

    func testJenaRejectsABrokenIRIInEverySyntax() throws {
        // The validation above can fail: the same call rejects a file of each syntax whose subject
        // IRI has a space, and one whose language tag is `en_US`.
        let samples: [(Syntax, String)] = [
            (.ntriples, "<http://example.org/a b> <http://example.org/p> \"x\" .\n"),
            (.nquads, "<http://example.org/a b> <http://example.org/p> \"x\" <http://example.org/g> .\n"),
            (.turtle, "<http://example.org/a b> <http://example.org/p> \"x\" .\n"),
            (.jsonld, #"{"@context": {"p": {"@id": "http://example.org/p"}}, "@id": "http://example.org/a b", "p": "x"}"#),
            (.jsonld, #"{"@context": {"p": {"@id": "http://example.org/p", "@language": "en_US"}}, "@id": "http://example.org/a", "p": "x"}"#),
        ]
        for (i, (syntax, text)) in samples.enumerated() {
            let path = directory.appendingPathComponent("broken-\(i).\(syntax.fileExtension)").path
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let result = try RDFConsumers.jena("riotcmd.riot", ["--validate", "--syntax=\(syntax.jenaSyntax)", path])
            XCTAssertNotEqual(result.status, 0, "riot accepted \(text)")
            XCTAssertTrue(result.stderr.contains("ERROR") || result.stderr.contains("WARN"), result.stderr)
        }
    }
}
