import Foundation
import XCTest

/// The RDF consumers the interop tests run: raptor's `rapper`, Apache Jena RIOT, rdflib and
/// pyoxigraph (see shared/VALIDATORS.md), for RDF/XML and the other RDF syntaxes. Each helper requires its tool first (fails under CI or
/// `KGEXPORT_REQUIRE_TOOLS`, skips otherwise, like ``Tool/require(_:package:file:line:)``).
enum RDFConsumers {
    // MARK: raptor

    /// Triples `rapper -i rdfxml -c` counts in `path` (it prints "Parsing returned N triples").
    static func rapperCount(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> Int {
        try Tool.require("rapper", package: "Debian package raptor2-utils", file: file, line: line)
        let result = try Tool.run("rapper", args: ["-i", "rdfxml", "-c", path])
        XCTAssertEqual(result.status, 0, "rapper rejected \(path):\n\(result.stderr)", file: file, line: line)
        guard let range = result.stderr.range(of: #"returned \d+ triples"#, options: .regularExpression),
              let count = Int(result.stderr[range].split(separator: " ")[1])
        else {
            XCTFail("no triple count in rapper's output:\n\(result.stderr)", file: file, line: line)
            return -1
        }
        return count
    }

    // MARK: Jena RIOT

    /// The Debian package's jars. It installs no `riot` command, and its jars cannot all go on the
    /// classpath (two SLF4J bindings conflict), so the classpath names them (VALIDATORS.md).
    private static let javaDirectory = "/usr/share/java"
    private static let otherJars = [
        "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
        "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
        "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf", "slf4j-api", "slf4j-simple",
        "thrift", "titanium-json-ld",
        // jsonld-java, Jena's JSON-LD 1.0 reader, needs the cache module of Apache HttpClient.
        "httpclient-cache",
    ]

    /// Where the Xerces message files go (see ``jenaClasspath``); removed when the test process exits.
    private static let fixDirectory = FileManager.default.temporaryDirectory
        .appendingPathComponent("kgexport-jena-fix-\(ProcessInfo.processInfo.processIdentifier)")

    /// The classpath, built once per test process: every `jena-*.jar`, the libraries above, and a
    /// directory with the message `.properties` files of the relocated Xerces copy in Debian's
    /// `jena-core.jar` (without them every command dies with "internal error" in `applyFacets1`).
    private static let classpath: Result<String, Error> = Result {
        let fm = FileManager.default
        let jars = try fm.contentsOfDirectory(atPath: javaDirectory)
            .filter { $0.hasPrefix("jena-") && $0.hasSuffix(".jar") }
            .sorted()
            .map { javaDirectory + "/" + $0 }
        let others = otherJars.map { "\(javaDirectory)/\($0).jar" }.filter { fm.fileExists(atPath: $0) }

        let fix = fixDirectory
        try fm.createDirectory(at: fix, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: RDFConsumers.fixDirectory) }
        let unzip = try Tool.run("unzip", args: ["-q", "-o", javaDirectory + "/jena-core.jar",
                                                 "org/apache/jena/ext/xerces/impl/msg/*",
                                                 "org/apache/jena/ext/xerces/impl/xpath/regex/*.properties"],
                                 currentDirectory: fix)
        guard unzip.status == 0 else {
            throw Tool.LaunchError(tool: "unzip", reason: "cannot extract from jena-core.jar: \(unzip.stderr)")
        }
        for sub in ["impl/msg", "impl/xpath/regex"] {
            let from = fix.appendingPathComponent("org/apache/jena/ext/xerces/" + sub)
            let to = fix.appendingPathComponent("xerces/" + sub)
            try fm.createDirectory(at: to, withIntermediateDirectories: true)
            for name in try fm.contentsOfDirectory(atPath: from.path) where name.hasSuffix(".properties") {
                let target = to.appendingPathComponent(name)
                if !fm.fileExists(atPath: target.path) {
                    try fm.copyItem(at: from.appendingPathComponent(name), to: target)
                }
            }
        }
        return (jars + others + [fix.path]).joined(separator: ":")
    }

    /// Runs a Jena command-line class (`riotcmd.riot`, `arq.sparql`) with `args`.
    static func jena(_ mainClass: String, _ args: [String], file: StaticString = #filePath, line: UInt = #line) throws -> Tool.Result {
        try Tool.require("java", package: "Debian package default-jre-headless", file: file, line: line)
        try Tool.require("unzip", package: "Debian package unzip", file: file, line: line)
        if !FileManager.default.fileExists(atPath: javaDirectory + "/jena-cmds.jar") {
            let message = "Apache Jena is not installed (install the Debian package libapache-jena-java)"
            if Tool.isCI {
                XCTFail(message, file: file, line: line)
                throw Tool.LaunchError(tool: "jena", reason: "required under CI")
            }
            throw XCTSkip(message, file: file, line: line)
        }
        return try Tool.run("java", args: ["-cp", try classpath.get(), mainClass] + args)
    }

    /// `riot --validate` over `paths` in one JVM (strict: IRIs, QNames, language tags, XML characters).
    /// Fails the test with Jena's messages unless every file is valid.
    ///
    /// - Parameter syntax: Jena's name of the syntax of every file (`RDF/XML`, `N-Triples`, `N-Quads`,
    ///   `Turtle`, `JSONLD10`), or nil to let Jena choose by file extension.
    static func riotValidate(_ paths: [String], syntax: String? = "RDF/XML", file: StaticString = #filePath, line: UInt = #line) throws {
        let options = ["--validate"] + (syntax.map { ["--syntax=\($0)"] } ?? [])
        let result = try jena("riotcmd.riot", options + paths, file: file, line: line)
        XCTAssertEqual(result.status, 0, "riot --validate rejected:\n\(result.stdout)\(result.stderr)", file: file, line: line)
        XCTAssertFalse(result.stderr.contains("WARN") || result.stderr.contains("ERROR"), result.stderr, file: file, line: line)
    }

    /// `riot --count` over `paths` in one JVM: path → triples or quads (from "file:///path : Triples = N"
    /// or "… : Quads = N").
    ///
    /// - Parameter syntax: as in ``riotValidate(_:syntax:file:line:)``.
    static func riotCounts(_ paths: [String], syntax: String? = "RDF/XML", file: StaticString = #filePath, line: UInt = #line) throws -> [String: Int] {
        let options = ["--count"] + (syntax.map { ["--syntax=\($0)"] } ?? [])
        let result = try jena("riotcmd.riot", options + paths, file: file, line: line)
        XCTAssertEqual(result.status, 0, "riot --count failed:\n\(result.stderr)", file: file, line: line)
        var counts: [String: Int] = [:]
        for text in (result.stdout + "\n" + result.stderr).split(separator: "\n") {
            guard text.hasPrefix("file://"),
                  let separator = text.range(of: " : Triples = ") ?? text.range(of: " : Quads = ") else { continue }
            let path = String(text[text.index(text.startIndex, offsetBy: 7)..<separator.lowerBound])
            counts[path] = Int(text[separator.upperBound...].filter(\.isNumber))
        }
        return counts
    }

    // MARK: rdflib and pyoxigraph

    /// Reads each file with rdflib (strict on XML characters, QNames and language tags) and returns,
    /// per path, its triples as sorted rows `[subject, predicate, "iri" or "literal", value,
    /// datatype, language]`; a literal without a datatype gets `xsd:string`, or `rdf:langString`
    /// when it has a language.
    static func rdflibTriples(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: [[String]]] {
        try Tool.requirePython(module: "rdflib", package: "rdflib", file: file, line: line)
        let program = #"""
        import sys, json, rdflib
        from rdflib.namespace import RDF, XSD
        out = {}
        for path in sys.argv[1:]:
            g = rdflib.Graph()
            g.parse(path, format="xml")
            rows = []
            for s, p, o in g:
                if isinstance(o, rdflib.Literal):
                    dt = o.datatype or (RDF.langString if o.language else XSD.string)
                    rows.append([str(s), str(p), "literal", str(o), str(dt), o.language or ""])
                else:
                    rows.append([str(s), str(p), "iri", str(o), "", ""])
            out[path] = sorted(rows)
        print(json.dumps(out, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: paths)
        XCTAssertEqual(result.status, 0, "rdflib could not read:\n\(result.stderr)", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: [[String]]]
        return try XCTUnwrap(json, result.stdout, file: file, line: line)
    }

    /// Reads each file with rdflib in the given format (`xml`, `nt`, `nquads`, `turtle`, `json-ld`)
    /// and returns, per path, its statements as sorted rows `[graph, subject, predicate, "iri" or
    /// "literal", value, datatype, language]`, `graph` empty for the default graph (every statement of
    /// a triple syntax), datatypes as in ``rdflibTriples(_:file:line:)``.
    static func rdflibQuads(_ files: [(path: String, format: String)], file: StaticString = #filePath, line: UInt = #line) throws -> [String: [[String]]] {
        try Tool.requirePython(module: "rdflib", package: "rdflib", file: file, line: line)
        let program = #"""
        import sys, json, rdflib
        from rdflib.namespace import RDF, XSD
        out = {}
        args = sys.argv[1:]
        for path, fmt in zip(args[0::2], args[1::2]):
            rows = []
            if fmt == "nquads":
                ds = rdflib.Dataset()
                ds.parse(path, format=fmt)
                statements = [(s, p, o, c.identifier if hasattr(c, "identifier") else c) for s, p, o, c in ds.quads((None, None, None, None))]
            else:
                statements = [(s, p, o, None) for s, p, o in rdflib.Graph().parse(path, format=fmt)]
            for s, p, o, c in statements:
                g = "" if c is None or c == rdflib.graph.DATASET_DEFAULT_GRAPH_ID else str(c)
                if isinstance(o, rdflib.Literal):
                    dt = o.datatype or (RDF.langString if o.language else XSD.string)
                    rows.append([g, str(s), str(p), "literal", str(o), str(dt), o.language or ""])
                else:
                    rows.append([g, str(s), str(p), "iri", str(o), "", ""])
            out[path] = sorted(rows)
        print(json.dumps(out, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: files.flatMap { [$0.path, $0.format] })
        XCTAssertEqual(result.status, 0, "rdflib could not read:\n\(result.stderr)", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: [[String]]]
        return try XCTUnwrap(json, result.stdout, file: file, line: line)
    }

    /// Parses each file with pyoxigraph in the given format (an `RdfFormat` name: `RDF_XML`,
    /// `N_TRIPLES`, `N_QUADS`, `TURTLE`, `JSON_LD`), loads it into a store, and returns, per path,
    /// rows as in ``rdflibQuads(_:file:line:)``; the test fails unless the store holds as many
    /// quads as were parsed.
    static func oxigraphQuads(_ files: [(path: String, format: String)], file: StaticString = #filePath, line: UInt = #line) throws -> [String: [[String]]] {
        try Tool.requirePython(module: "pyoxigraph", package: "pyoxigraph", file: file, line: line)
        let program = #"""
        import sys, json, pyoxigraph as ox
        XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
        out = {}
        args = sys.argv[1:]
        for path, fmt in zip(args[0::2], args[1::2]):
            with open(path, "rb") as f:
                quads = list(ox.parse(f, format=getattr(ox.RdfFormat, fmt)))
            store = ox.Store()
            store.extend(quads)
            if len(store) != len(set(quads)):
                sys.exit(f"{path}: the store holds {len(store)} quads, {len(set(quads))} parsed")
            rows = []
            for q in quads:
                g = "" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
                o = q.object
                if isinstance(o, ox.Literal):
                    rows.append([g, q.subject.value, q.predicate.value, "literal", o.value, o.datatype.value, o.language or ""])
                else:
                    rows.append([g, q.subject.value, q.predicate.value, "iri", o.value, "", ""])
            out[path] = sorted(rows)
        print(json.dumps(out, ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: files.flatMap { [$0.path, $0.format] })
        XCTAssertEqual(result.status, 0, "pyoxigraph could not load:\n\(result.stderr)", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: [[String]]]
        return try XCTUnwrap(json, result.stdout, file: file, line: line)
    }

    /// Runs SPARQL `query` with rdflib over the graph in `path`; rows of `str()` values, in result order.
    static func rdflibQuery(_ path: String, _ query: String, file: StaticString = #filePath, line: UInt = #line) throws -> [[String]] {
        try Tool.requirePython(module: "rdflib", package: "rdflib", file: file, line: line)
        let program = #"""
        import sys, json, rdflib
        g = rdflib.Graph()
        g.parse(sys.argv[1], format="xml")
        print(json.dumps([[str(v) if v is not None else "" for v in row] for row in g.query(sys.argv[2])], ensure_ascii=False))
        """#
        let result = try Tool.python(program, args: [path, query])
        XCTAssertEqual(result.status, 0, "rdflib query failed:\n\(result.stderr)", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String]]
        return try XCTUnwrap(json, result.stdout, file: file, line: line)
    }

    /// Loads each file into a pyoxigraph store: path → triples, from `len()` and from a SPARQL COUNT
    /// (both must agree).
    static func oxigraphCounts(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) throws -> [String: Int] {
        try Tool.requirePython(module: "pyoxigraph", package: "pyoxigraph", file: file, line: line)
        let program = #"""
        import sys, json, pyoxigraph as ox
        out = {}
        for path in sys.argv[1:]:
            st = ox.Store()
            with open(path, "rb") as f:
                st.load(f, format=ox.RdfFormat.RDF_XML, base_iri="file://" + path)
            n = int(list(st.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))[0]["n"].value)
            out[path] = len(st) if len(st) == n else -1
        print(json.dumps(out))
        """#
        let result = try Tool.python(program, args: paths)
        XCTAssertEqual(result.status, 0, "pyoxigraph could not load:\n\(result.stderr)", file: file, line: line)
        let json = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Int]
        return try XCTUnwrap(json, result.stdout, file: file, line: line)
    }
}
