/// A reader for exactly the Turtle that `TurtleWriter` writes (RDF 1.1 Turtle, the shape its doc
/// comment gives), strict about that shape rather than general:
/// - `@prefix p: <namespace> .` lines (`PN_PREFIX`, each prefix once), then one block per subject,
///   each after a blank line (the first one too when there are prefixes);
/// - a block: subject, ` `, then predicates (`a` for `rdf:type`, each predicate once per block)
///   separated by ` ;` + line feed + four spaces, each followed by ` ` and its objects separated
///   by `, `; the block ends with ` .` and a line feed; no subject has two blocks;
/// - an IRI is `<IRIREF>` or a prefixed name whose local part is a `PN_LOCAL` with `%XX` and
///   `PN_LOCAL_ESC` escapes (not `\.`, which rdflib rejects), never starting or ending with `.`;
/// - a literal is `"…"` with N-Triples escapes, or `"""…"""` holding a raw line feed, then
///   `@tag`, `^^datatype`, or nothing (`xsd:string`: never written with its datatype); a bare
///   `INTEGER`, `DECIMAL`, `true` or `false` is `xsd:integer`, `xsd:decimal`, `xsd:boolean`, and
///   such a value is never quoted with that datatype.
///
/// It decodes every triple, so a caller can compare the document with the triples it meant.
public enum TurtleShape {
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    static let xsd = "http://www.w3.org/2001/XMLSchema#"

    /// The triples of `bytes`, in document order.
    /// - Throws: ``FuzzFailure`` naming the line, column and the rule broken.
    public static func parse(_ bytes: [UInt8]) throws -> [NTriplesGrammar.Line] {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FuzzFailure("ttl: not UTF-8") }
        var reader = Reader(scanner: NTriplesGrammar.Scanner(Array(text.unicodeScalars), context: "ttl"))
        return try reader.document()
    }

    private struct Reader {
        var scanner: NTriplesGrammar.Scanner
        var prefixes: [String: String] = [:]
        var triples: [NTriplesGrammar.Line] = []
        var subjects: Set<String> = []

        var s: [Unicode.Scalar] { scanner.s }
        var i: Int {
            get { scanner.i }
            set { scanner.i = newValue }
        }

        func fail(_ message: String) -> FuzzFailure {
            var line = 1, column = 1
            for c in s[..<min(i, s.count)] {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return FuzzFailure("ttl line \(line), column \(column): \(message)")
        }

        func peek(_ text: String) -> Bool {
            let t = Array(text.unicodeScalars)
            return i + t.count <= s.count && Array(s[i..<(i + t.count)]) == t
        }

        mutating func expect(_ text: String) throws {
            guard peek(text) else { throw fail("expected \(text.debugDescription)") }
            i += text.unicodeScalars.count
        }

        mutating func document() throws -> [NTriplesGrammar.Line] {
            while peek("@prefix ") {
                i += 8
                let start = i
                while i < s.count, s[i] != ":", s[i] != " ", s[i] != "\n" { i += 1 }
                let name = String(String.UnicodeScalarView(s[start..<i]))
                guard TurtleShape.isPrefixName(name) else { throw fail("\(name.debugDescription) is not a PN_PREFIX") }
                try expect(": ")
                let namespace = try scanner.iri()
                try expect(" .\n")
                guard prefixes.updateValue(namespace, forKey: name) == nil else { throw fail("prefix \(name) declared twice") }
            }
            var first = true
            while i < s.count {
                if !prefixes.isEmpty || !first { try expect("\n") }
                first = false
                try block()
            }
            return triples
        }

        mutating func block() throws {
            let subject = try iriTerm()
            guard subjects.insert(subject).inserted else { throw fail("a second block for <\(subject)>") }
            try expect(" ")
            var predicates: Set<String> = []
            while true {
                let predicate: String
                if peek("a ") {
                    i += 1
                    predicate = TurtleShape.rdfType
                } else {
                    predicate = try iriTerm()
                }
                guard predicates.insert(predicate).inserted else { throw fail("<\(predicate)> twice in one block") }
                try expect(" ")
                while true {
                    var line = try object()
                    line.subject = subject
                    line.predicate = predicate
                    triples.append(line)
                    guard peek(", ") else { break }
                    i += 2
                }
                if peek(" ;\n    ") {
                    i += 7
                    continue
                }
                try expect(" .\n")
                return
            }
        }

        mutating func object() throws -> NTriplesGrammar.Line {
            guard i < s.count else { throw fail("expected an object") }
            if s[i] == "\"" {
                let text = peek("\"\"\"") ? try longString() : try scanner.literal()
                var line = NTriplesGrammar.Line(subject: "", predicate: "", object: text, isLiteral: true)
                if peek("@") {
                    line.language = try scanner.languageTag()
                } else if peek("^^") {
                    i += 2
                    let datatype = try iriTerm()
                    guard datatype != TurtleShape.xsd + "string" else { throw fail("xsd:string written with its datatype") }
                    guard TurtleShape.bareDatatype(text) != datatype else { throw fail("\(text.debugDescription) quoted, not bare") }
                    line.datatype = datatype
                }
                return line
            }
            var end = i
            while end < s.count, s[end] != " ", s[end] != "," { end += 1 }
            let token = String(String.UnicodeScalarView(s[i..<end]))
            if let datatype = TurtleShape.bareDatatype(token) {
                i = end
                return NTriplesGrammar.Line(subject: "", predicate: "", object: token, isLiteral: true, datatype: datatype)
            }
            guard let c = token.unicodeScalars.first, !"+-.0123456789".unicodeScalars.contains(c) else {
                throw fail("\(token.debugDescription) is no INTEGER, DECIMAL or boolean")
            }
            return NTriplesGrammar.Line(subject: "", predicate: "", object: try iriTerm(), isLiteral: false)
        }

        /// `STRING_LITERAL_LONG_QUOTE` with at least one raw line feed (the writer uses it for no other text).
        mutating func longString() throws -> String {
            i += 3
            var out = String.UnicodeScalarView()
            var lineFeed = false
            while true {
                guard i < s.count else { throw fail("unterminated long string") }
                let c = s[i]
                if peek("\"\"\"") {
                    i += 3
                    break
                } else if c == "\\" {
                    out.append(try scanner.escape())
                    continue
                }
                guard c != "\r" else { throw fail("raw carriage return in a long string") }
                lineFeed = lineFeed || c == "\n"
                out.append(c)
                i += 1
            }
            guard lineFeed else { throw fail("a long string without a line feed") }
            return String(out)
        }

        /// `<IRIREF>` or a prefixed name, as the IRI it stands for.
        mutating func iriTerm() throws -> String {
            if i < s.count, s[i] == "<" { return try scanner.iri() }
            let start = i
            while i < s.count, s[i] != ":", s[i] != " ", s[i] != "\n" { i += 1 }
            let prefix = String(String.UnicodeScalarView(s[start..<i]))
            guard i < s.count, s[i] == ":" else { throw fail("expected an IRI or a prefixed name, found \(prefix.debugDescription)") }
            guard let namespace = prefixes[prefix] else { throw fail("undeclared prefix \(prefix.debugDescription)") }
            i += 1
            var local = String.UnicodeScalarView()
            var count = 0
            var last: Unicode.Scalar = " "
            while i < s.count {
                let c = s[i]
                if c == "\\" {
                    guard i + 1 < s.count, "_~-!$&'()*+,;=/?#@%".unicodeScalars.contains(s[i + 1]) else {
                        throw fail("bad PN_LOCAL_ESC (\\. included: rdflib rejects it)")
                    }
                    local.append(s[i + 1])
                    i += 2
                } else if c == "%" {
                    guard i + 2 < s.count, s[i + 1].properties.isASCIIHexDigit, s[i + 2].properties.isASCIIHexDigit else {
                        throw fail("bad %XX in a local name")
                    }
                    local.append(contentsOf: s[i...(i + 2)])
                    i += 3
                } else if TurtleShape.isNameStart(c) || c == ":" || ("0"..."9").contains(c) || (count > 0 && (TurtleShape.isNameChar(c) || c == ".")) {
                    local.append(c)
                    i += 1
                } else {
                    break
                }
                last = c
                count += 1
            }
            guard last != "." else { throw fail("a local name ends with '.'") }
            return namespace + String(local)
        }
    }

    /// The datatype of a bare `INTEGER`, `DECIMAL` or boolean, or nil for other text.
    static func bareDatatype(_ token: String) -> String? {
        if token == "true" || token == "false" { return xsd + "boolean" }
        var rest = Substring(token)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let digits = { (p: Substring) in p.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        if parts.count == 1 { return !rest.isEmpty && digits(rest) ? xsd + "integer" : nil }
        return digits(parts[0]) && !parts[1].isEmpty && digits(parts[1]) ? xsd + "decimal" : nil
    }

    /// `PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?`
    static func isPrefixName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isBase(first), last != "." else { return false }
        return scalars.allSatisfy { $0 == "." || isNameChar($0) }
    }

    /// `PN_CHARS_BASE` (Turtle §6.5).
    static func isBase(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
             0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
             0x10000...0xEFFFF: true
        default: false
        }
    }

    /// `PN_CHARS_U`.
    static func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || isBase(c) }

    /// `PN_CHARS`.
    static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        isNameStart(c) || c == "-" || ("0"..."9").contains(c) || c == "\u{B7}" || (0x300...0x36F).contains(c.value) || (0x203F...0x2040).contains(c.value)
    }
}
