import Foundation
import XCTest

/// What `dot -Tcanon` says a DOT file contains: Graphviz's own reading of it, parsed back into
/// nodes, edges and clusters (subgraphs), so a test compares ids and labels with what was meant
/// rather than trusting the exit status (`"Acme "AG""` is silently three nodes).
struct DOTCanon {
    struct Node {
        var attributes: [String: String]
        /// The innermost subgraph the node was declared in (`cluster_Person`), or nil at the top level.
        var subgraph: String?
    }

    struct Edge {
        var tail: String
        var head: String
        var attributes: [String: String]
        var subgraph: String?
    }

    var nodes: [String: Node]
    var edges: [Edge]
    /// Subgraph name → its `graph [...]` attributes.
    var subgraphs: [String: [String: String]]

    /// Tokenizes canonical DOT and unescapes quoted strings as the DOT lexer and label escapes do
    /// (`\` + newline is a continuation; `\\`, `\"` and `\n` are a backslash, a quote and a newline).
    private static let parser = #"""
    import sys, json, re
    text = sys.stdin.read()
    tokens = []
    pattern = re.compile(r'\s+|"((?:[^"\\]|\\.)*)"|(->|--|[{}\[\];,=])|([^\s{}\[\];,="]+)', re.S)
    def unescape(s):
        out, i = [], 0
        while i < len(s):
            c = s[i]
            if c == '\\' and i + 1 < len(s):
                n = s[i + 1]
                if n == '\n': i += 2; continue
                if n in '\\"': out.append(n); i += 2; continue
                if n == 'n': out.append('\n'); i += 2; continue
            out.append(c); i += 1
        return ''.join(out)
    pos = 0
    while pos < len(text):
        m = pattern.match(text, pos)
        if not m: raise SystemExit("cannot tokenize at %d: %r" % (pos, text[pos:pos+40]))
        pos = m.end()
        if m.group(1) is not None: tokens.append(("id", unescape(m.group(1)), True))
        elif m.group(2): tokens.append(("op", m.group(2), False))
        elif m.group(3): tokens.append(("id", m.group(3), False))
    OPEN, CLOSE = ("op", "{", False), ("op", "}", False)
    i = tokens.index(OPEN) + 1
    nodes, edges, subgraphs, stack = {}, [], {}, []
    def attrs():
        global i
        out = {}
        while i < len(tokens) and tokens[i] == ("op", "[", False):
            i += 1
            while tokens[i] != ("op", "]", False):
                key = tokens[i][1]; assert tokens[i + 1][1] == "="; out[key] = tokens[i + 2][1]; i += 3
                if tokens[i] in (("op", ",", False), ("op", ";", False)): i += 1
            i += 1
        return out
    while i < len(tokens):
        kind, value, quoted = tokens[i]
        if tokens[i] == CLOSE:
            if not stack: break
            stack.pop(); i += 1; continue
        if kind == "op": i += 1; continue
        i += 1
        if not quoted and value == "subgraph":
            name = tokens[i][1]; i += 1
            assert tokens[i] == OPEN; i += 1
            stack.append(name); subgraphs.setdefault(name, {}); continue
        if not quoted and value in ("graph", "node", "edge"):
            a = attrs()
            if value == "graph" and stack: subgraphs[stack[-1]].update(a)
            continue
        if tokens[i] == ("op", "=", False): i += 2; continue
        where = stack[-1] if stack else None
        if tokens[i] == ("op", "->", False):
            head = tokens[i + 1][1]; i += 2
            edges.append({"tail": value, "head": head, "attributes": attrs(), "subgraph": where})
        else:
            nodes[value] = {"attributes": attrs(), "subgraph": where}
    print(json.dumps({"nodes": nodes, "edges": edges, "subgraphs": subgraphs}, ensure_ascii=False))
    """#

    /// Runs `dot -Tcanon` on the file at `path` and parses its output. Fails the test when `dot`
    /// exits non-zero or prints anything on standard error.
    static func read(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> DOTCanon {
        try Tool.require("dot", package: "Debian package graphviz", file: file, line: line)
        try Tool.require("python3", package: "Debian package python3", file: file, line: line)
        let canon = try Tool.run("dot", args: ["-Tcanon", path])
        XCTAssertEqual(canon.status, 0, canon.stderr, file: file, line: line)
        XCTAssertEqual(canon.stderr, "", "dot warned", file: file, line: line)
        let parsed = try Tool.run("python3", args: ["-c", parser], stdin: canon.stdoutData)
        XCTAssertEqual(parsed.status, 0, parsed.stderr, file: file, line: line)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: parsed.stdoutData) as? [String: Any], parsed.stdout,
                                 file: file, line: line)
        let nodes = (json["nodes"] as? [String: [String: Any]] ?? [:]).mapValues { node in
            Node(attributes: node["attributes"] as? [String: String] ?? [:], subgraph: node["subgraph"] as? String)
        }
        let edges = (json["edges"] as? [[String: Any]] ?? []).map { edge in
            Edge(tail: edge["tail"] as? String ?? "", head: edge["head"] as? String ?? "",
                 attributes: edge["attributes"] as? [String: String] ?? [:], subgraph: edge["subgraph"] as? String)
        }
        return DOTCanon(nodes: nodes, edges: edges, subgraphs: json["subgraphs"] as? [String: [String: String]] ?? [:])
    }
}
