/// A checker for the Graphviz DOT language (https://graphviz.org/doc/info/lang.html): the
/// abstract grammar, the lexical rules for IDs (names, numerals, double-quoted strings with `\"`
/// escapes, HTML strings), case-insensitive keywords that cannot be unquoted IDs, `->` only in a
/// digraph, `--` only in a graph.
///
/// Stricter than Graphviz where kgexport promises more: the file is UTF-8, and a quoted string
/// holds no raw line break (kgexport writes `\n`).
public struct DOTGrammar {
    /// What a parse found: the node statements and edge statements (top level and in subgraphs),
    /// with their IDs as Graphviz reads them (in a quoted string only `\"` is an escape, for `"`).
    public struct Summary {
        public var nodeIDs: [String] = []
        public var edges: [(tail: String, head: String)] = []
    }

    private enum Token: Equatable {
        case id(String, quoted: Bool)
        case symbol(String)
        case end
    }

    private var tokens: [Token] = []
    private var position = 0
    private var directed = true
    private var summary = Summary()

    /// Parses a whole DOT file.
    /// - Throws: ``FuzzFailure`` naming the first violation.
    public static func check(_ bytes: [UInt8]) throws -> Summary {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FuzzFailure("dot: not UTF-8")
        }
        var parser = DOTGrammar()
        parser.tokens = try tokenize(Array(text.unicodeScalars))
        try parser.graph()
        return parser.summary
    }

    private static let keywords: Set<String> = ["node", "edge", "graph", "digraph", "subgraph", "strict"]

    private static func tokenize(_ s: [Unicode.Scalar]) throws -> [Token] {
        var out: [Token] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool {
            c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c.value >= 0x80
        }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "\"" {
                var value = String.UnicodeScalarView()
                i += 1
                while true {
                    guard i < s.count else { throw FuzzFailure("dot: unterminated quoted string") }
                    let d = s[i]
                    if d == "\"" { i += 1; break }
                    if d == "\n" || d == "\r" { throw FuzzFailure("dot: raw line break in a quoted string") }
                    if d == "\\", i + 1 < s.count {
                        let e = s[i + 1]
                        if e == "\"" { value.append(e); i += 2; continue }
                        if e == "\\" { value.append(d); value.append(e); i += 2; continue }
                        if e == "\n" || e == "\r" { throw FuzzFailure("dot: line continuation in a quoted string") }
                    }
                    value.append(d)
                    i += 1
                }
                out.append(.id(String(value), quoted: true))
                continue
            }
            if c == "<" {
                var depth = 0
                let start = i
                repeat {
                    guard i < s.count else { throw FuzzFailure("dot: unterminated HTML string") }
                    if s[i] == "<" { depth += 1 } else if s[i] == ">" { depth -= 1 }
                    i += 1
                } while depth > 0
                out.append(.id(String(String.UnicodeScalarView(s[start..<i])), quoted: true))
                continue
            }
            if isNameStart(c) {
                let start = i
                while i < s.count, isNameStart(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
                out.append(.id(String(String.UnicodeScalarView(s[start..<i])), quoted: false))
                continue
            }
            if c == "-", i + 1 < s.count, s[i + 1] == ">" || s[i + 1] == "-" {
                out.append(.symbol(String(c) + String(s[i + 1])))
                i += 2
                continue
            }
            if c == "-" || c == "." || ("0"..."9").contains(c) {
                let start = i
                if s[i] == "-" { i += 1 }
                var digits = 0
                while i < s.count, ("0"..."9").contains(s[i]) { i += 1; digits += 1 }
                if i < s.count, s[i] == "." {
                    i += 1
                    while i < s.count, ("0"..."9").contains(s[i]) { i += 1; digits += 1 }
                }
                guard digits > 0 else { throw FuzzFailure("dot: malformed numeral at scalar \(start)") }
                out.append(.id(String(String.UnicodeScalarView(s[start..<i])), quoted: false))
                continue
            }
            if "{}[];,=:".unicodeScalars.contains(c) {
                out.append(.symbol(String(c)))
                i += 1
                continue
            }
            throw FuzzFailure("dot: unexpected character U+\(String(c.value, radix: 16, uppercase: true)) at scalar \(i)")
        }
        out.append(.end)
        return out
    }

    private var current: Token { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private mutating func expect(_ symbol: String) throws {
        guard current == .symbol(symbol) else { throw FuzzFailure("dot: expected '\(symbol)', found \(current)") }
        advance()
    }

    private func isKeyword(_ word: String) -> Bool {
        if case let .id(text, false) = current { return text.lowercased() == word }
        return false
    }

    /// An ID that is not a keyword; nil when the current token is not one.
    private mutating func identifier() -> String? {
        guard case let .id(text, quoted) = current else { return nil }
        if !quoted, Self.keywords.contains(text.lowercased()) { return nil }
        advance()
        return text
    }

    private mutating func graph() throws {
        if isKeyword("strict") { advance() }
        if isKeyword("digraph") {
            directed = true
        } else if isKeyword("graph") {
            directed = false
        } else {
            throw FuzzFailure("dot: expected graph or digraph, found \(current)")
        }
        advance()
        _ = identifier()
        try expect("{")
        try statements()
        try expect("}")
        guard current == .end else { throw FuzzFailure("dot: text after the closing brace: \(current)") }
    }

    private mutating func statements() throws {
        while current != .symbol("}") && current != .end {
            try statement()
            if current == .symbol(";") { advance() }
        }
    }

    private mutating func statement() throws {
        if isKeyword("graph") || isKeyword("node") || isKeyword("edge") {
            advance()
            try attributeList(required: true)
            return
        }
        if isKeyword("subgraph") || current == .symbol("{") {
            try subgraph()
            if try edgeRHS(tail: nil) { try attributeList(required: false) }
            return
        }
        guard let id = identifier() else { throw FuzzFailure("dot: expected a statement, found \(current)") }
        if current == .symbol("=") {
            advance()
            guard identifier() != nil else { throw FuzzFailure("dot: expected an ID after '='") }
            return
        }
        try port()
        if try edgeRHS(tail: id) {
            try attributeList(required: false)
        } else {
            summary.nodeIDs.append(id)
            try attributeList(required: false)
        }
    }

    private mutating func port() throws {
        guard current == .symbol(":") else { return }
        advance()
        guard identifier() != nil else { throw FuzzFailure("dot: expected a port after ':'") }
        if current == .symbol(":") {
            advance()
            guard identifier() != nil else { throw FuzzFailure("dot: expected a compass point after ':'") }
        }
    }

    private mutating func subgraph() throws {
        if isKeyword("subgraph") {
            advance()
            _ = identifier()
        }
        try expect("{")
        try statements()
        try expect("}")
    }

    /// Reads `-> node_id (-> node_id)*`; false when there is no edge operator.
    private mutating func edgeRHS(tail: String?) throws -> Bool {
        var tail = tail
        var found = false
        while case let .symbol(op) = current, op == "->" || op == "--" {
            guard (op == "->") == directed else { throw FuzzFailure("dot: edge operator \(op) in a \(directed ? "digraph" : "graph")") }
            advance()
            found = true
            if isKeyword("subgraph") || current == .symbol("{") {
                try subgraph()
                tail = nil
                continue
            }
            guard let head = identifier() else { throw FuzzFailure("dot: expected a node ID after \(op)") }
            try port()
            if let t = tail { summary.edges.append((t, head)) }
            tail = head
        }
        return found
    }

    private mutating func attributeList(required: Bool) throws {
        guard current == .symbol("[") else {
            if required { throw FuzzFailure("dot: expected '[', found \(current)") }
            return
        }
        while current == .symbol("[") {
            advance()
            while current != .symbol("]") {
                guard identifier() != nil else { throw FuzzFailure("dot: expected an attribute name, found \(current)") }
                try expect("=")
                guard identifier() != nil else { throw FuzzFailure("dot: expected an attribute value, found \(current)") }
                if current == .symbol(",") || current == .symbol(";") { advance() }
            }
            advance()
        }
    }
}
