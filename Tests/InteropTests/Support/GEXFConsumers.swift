import Foundation
import XCTest

/// The GEXF consumers the interop tests run: jing with the GEXF 1.3 RELAX NG schema (the XSDs
/// reject the `viz` namespace, see shared/schemas/README.md) and NetworkX's `read_gexf`.
enum GEXFConsumers {
    /// `shared/schemas/gexf/1.3/gexf.rnc`, the authoritative GEXF 1.3 schema.
    static var schema: String { SharedFiles.path("schemas/gexf/1.3/gexf.rnc") }

    /// Runs `jing -c gexf.rnc` over `paths` in one JVM. Returns the exit status and the errors jing
    /// reported (on standard output, one per line); Debian's wrapper prints harmless
    /// `[warning] … Unable to locate …` lines on standard error, which are not errors.
    static func jing(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) throws -> (status: Int32, errors: [String]) {
        try Tool.require("jing", package: "Debian package jing", file: file, line: line)
        let result = try Tool.run("jing", args: ["-c", schema] + paths)
        let errors = result.stdout.split(separator: "\n").map(String.init)
        return (result.status, errors)
    }

    /// Fails the test unless jing accepts every file in `paths`.
    static func assertValid(_ paths: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try jing(paths, file: file, line: line)
        XCTAssertEqual(result.status, 0, "jing rejected:\n" + result.errors.joined(separator: "\n"), file: file, line: line)
        XCTAssertEqual(result.errors, [], file: file, line: line)
    }

    /// What NetworkX read: every attribute as `[python type name, value]`.
    struct NetworkXGraph {
        var directed: Bool
        var multigraph: Bool
        /// `G.graph["mode"]`: `static` or `dynamic`.
        var mode: String
        var nodes: [String: [String: [Any]]]
        /// `(source, target, key, data)`; the key is the GEXF edge id.
        var edges: [(source: String, target: String, key: String, data: [String: [Any]])]

        /// The edges from `source` to `target`.
        func edges(_ source: String, _ target: String) -> [[String: [Any]]] {
            edges.filter { $0.source == source && $0.target == target }.map(\.data)
        }
    }

    private static let networkXDump = #"""
    import sys, json, networkx as nx
    G = nx.read_gexf(sys.argv[1])
    def typed(d): return {k: [type(v).__name__, v] for k, v in d.items()}
    edges = G.edges(keys=True, data=True) if G.is_multigraph() else ((u, v, d.get("id"), d) for u, v, d in G.edges(data=True))
    print(json.dumps({
        "directed": G.is_directed(), "multigraph": G.is_multigraph(), "mode": G.graph.get("mode"),
        "nodes": {n: typed(d) for n, d in G.nodes(data=True)},
        "edges": [[u, v, k, typed(d)] for u, v, k, d in edges],
    }, ensure_ascii=False))
    """#

    /// Reads the file at `path` with `networkx.read_gexf`.
    static func networkX(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> NetworkXGraph {
        try Tool.requirePython(module: "networkx", package: "networkx", file: file, line: line)
        let result = try Tool.python(networkXDump, args: [path])
        XCTAssertEqual(result.status, 0, "networkx could not read \(path):\n\(result.stderr)", file: file, line: line)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any], result.stdout,
                                 file: file, line: line)
        let edges = (json["edges"] as? [[Any]] ?? []).map { e in
            (source: e[0] as? String ?? "", target: e[1] as? String ?? "", key: e[2] as? String ?? "",
             data: e[3] as? [String: [Any]] ?? [:])
        }
        return NetworkXGraph(directed: json["directed"] as? Bool ?? false, multigraph: json["multigraph"] as? Bool ?? false,
                             mode: json["mode"] as? String ?? "", nodes: json["nodes"] as? [String: [String: [Any]]] ?? [:],
                             edges: edges)
    }

    /// Reads a GEXF 1.3 list value the way Gephi's parser does (graphstore `ArraysParser`):
    /// brackets, commas and white space between items are skipped; an item in `"` or `'` runs to
    /// the matching quote, a backslash taking the next character literally; an unquoted item runs
    /// to the next comma or bracket and is trimmed. NetworkX leaves `liststring` values as text.
    static func gephiList(_ text: String) -> [String] {
        var items: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.first {
            switch c {
            case "[", "]", "(", ")", ",", " ", "\t", "\r", "\n":
                scalars = scalars.dropFirst()
            case "\"", "'":
                scalars = scalars.dropFirst()
                var item = String.UnicodeScalarView()
                var escaped = false
                while let d = scalars.first {
                    scalars = scalars.dropFirst()
                    if escaped { item.append(d); escaped = false } else if d == "\\" { escaped = true } else if d == c { break } else { item.append(d) }
                }
                items.append(String(item))
            default:
                var item = String.UnicodeScalarView()
                while let d = scalars.first, d != ",", d != "]", d != ")" {
                    item.append(d)
                    scalars = scalars.dropFirst()
                }
                items.append(String(item).trimmingCharacters(in: .whitespaces))
            }
        }
        return items
    }
}
