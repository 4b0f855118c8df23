import KGRDF

/// A checker for RDF 1.1 N-Triples and N-Quads (W3C Recommendations 2014, §6 and §5 grammars):
/// one statement per line, `IRIREF` subjects and predicates (no blank nodes: kgexport writes
/// none), objects `IRIREF` or literals with `ECHAR`/`UCHAR` escapes, `LANGTAG` or `^^IRIREF`, and
/// in N-Quads an optional `IRIREF` graph label; UTF-8 throughout.
///
/// It also decodes every term, so a caller can compare the file with the statements it meant.
public enum NTriplesGrammar {
    /// A decoded line: subject and predicate IRIs; the object as its IRI, or a literal's lexical
    /// form with its language tag or datatype IRI (nil for `xsd:string`); the graph IRI of a quad
    /// (nil: the default graph).
    public struct Line: Hashable, CustomStringConvertible {
        public var subject: String
        public var predicate: String
        public var object: String
        public var isLiteral: Bool
        public var language: String?
        public var datatype: String?
        public var graph: String?

        public init(subject: String, predicate: String, object: String, isLiteral: Bool,
                    language: String? = nil, datatype: String? = nil, graph: String? = nil) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
            self.isLiteral = isLiteral
            self.language = language
            self.datatype = datatype
            self.graph = graph
        }

        /// The line meant for `triple` in `graph`: what a reader must decode from its statement.
        public init(_ triple: Triple, graph: IRI? = nil) {
            switch triple.object {
            case let .iri(iri):
                self.init(subject: triple.subject.string, predicate: triple.predicate.string, object: iri.string,
                          isLiteral: false, graph: graph?.string)
            case let .literal(literal):
                let plain = literal.language == nil && literal.datatype.string == "http://www.w3.org/2001/XMLSchema#string"
                self.init(subject: triple.subject.string, predicate: triple.predicate.string, object: literal.lexicalForm,
                          isLiteral: true, language: literal.language,
                          datatype: plain || literal.language != nil ? nil : literal.datatype.string, graph: graph?.string)
            }
        }

        /// The statement without its graph.
        public var triple: Line {
            var line = self
            line.graph = nil
            return line
        }

        public var description: String {
            let object = isLiteral ? "\(object.debugDescription)\(language.map { "@" + $0 } ?? "")\(datatype.map { "^^<\($0)>" } ?? "")" : "<\(object)>"
            return "<\(subject)> <\(predicate)> \(object)\(graph.map { " <\($0)>" } ?? "") ."
        }
    }

    /// Parses an N-Triples document (`quads` false) or an N-Quads document (`quads` true).
    /// - Throws: ``FuzzFailure`` naming the line and the rule it breaks.
    public static func parse(_ bytes: [UInt8], quads: Bool = false) throws -> [Line] {
        let name = quads ? "nq" : "nt"
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FuzzFailure("\(name): not UTF-8") }
        guard text.isEmpty || text.hasSuffix("\n") else { throw FuzzFailure("\(name): the last line has no line feed") }
        var lines: [Line] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            var scanner = Scanner(Array(line.unicodeScalars), context: "\(name) line \(number + 1)")
            lines.append(try scanner.statement(quads: quads))
        }
        return lines
    }

    /// A cursor over scalars with the N-Triples term productions (`IRIREF`, `STRING_LITERAL_QUOTE`,
    /// `UCHAR`), which Turtle shares.
    struct Scanner {
        let s: [Unicode.Scalar]
        let context: String
        var i = 0

        init(_ s: [Unicode.Scalar], context: String) {
            self.s = s
            self.context = context
        }

        func fail(_ message: String) -> FuzzFailure { FuzzFailure("\(context), scalar \(i): \(message)") }

        mutating func statement(quads: Bool) throws -> Line {
            let subject = try iri()
            try space()
            let predicate = try iri()
            try space()
            var result = Line(subject: subject, predicate: predicate, object: "", isLiteral: false)
            if i < s.count, s[i] == "\"" {
                result.isLiteral = true
                result.object = try literal()
                if i < s.count, s[i] == "@" {
                    result.language = try languageTag()
                } else if i + 1 < s.count, s[i] == "^", s[i + 1] == "^" {
                    i += 2
                    result.datatype = try iri()
                }
            } else {
                result.object = try iri()
            }
            try space()
            if quads, i < s.count, s[i] == "<" {
                result.graph = try iri()
                try space()
            }
            guard i < s.count, s[i] == "." else { throw fail("expected '.'") }
            i += 1
            guard i == s.count else { throw fail("text after '.'") }
            return result
        }

        /// `LANGTAG` (`@` at `i`), without the `@`.
        mutating func languageTag() throws -> String {
            i += 1
            let start = i
            while i < s.count, s[i].properties.isASCIIHexDigit || ("a"..."z").contains(s[i]) || ("A"..."Z").contains(s[i]) || s[i] == "-" { i += 1 }
            let tag = String(String.UnicodeScalarView(s[start..<i]))
            guard tag.first?.isLetter == true, !tag.hasSuffix("-"), !tag.contains("--") else { throw fail("bad language tag \(tag)") }
            return tag
        }

        mutating func space() throws {
            guard i < s.count, s[i] == " " || s[i] == "\t" else { throw fail("expected white space") }
            while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        }

        mutating func iri() throws -> String {
            guard i < s.count, s[i] == "<" else { throw fail("expected '<'") }
            i += 1
            var out = String.UnicodeScalarView()
            while true {
                guard i < s.count else { throw fail("unterminated IRI") }
                let c = s[i]
                if c == ">" { i += 1; break }
                if c == "\\" {
                    out.append(try uchar())
                    continue
                }
                guard c.value > 0x20, !"<\"{}|^`".unicodeScalars.contains(c) else {
                    throw fail("character U+\(String(c.value, radix: 16)) not allowed in an IRIREF")
                }
                out.append(c)
                i += 1
            }
            let iri = String(out)
            guard let colon = iri.firstIndex(of: ":"), iri[..<colon].first?.isLetter == true else { throw fail("IRI \(iri) is not absolute") }
            return iri
        }

        /// `\uXXXX` or `\UXXXXXXXX` at `i`.
        mutating func uchar() throws -> Unicode.Scalar {
            guard i + 1 < s.count else { throw fail("lone backslash") }
            let digits = s[i + 1] == "u" ? 4 : s[i + 1] == "U" ? 8 : 0
            guard digits > 0, i + 2 + digits <= s.count, s[(i + 2)..<(i + 2 + digits)].allSatisfy(\.properties.isASCIIHexDigit),
                  let value = UInt32(String(String.UnicodeScalarView(s[(i + 2)..<(i + 2 + digits)])), radix: 16),
                  let scalar = Unicode.Scalar(value) else { throw fail("bad \\u escape") }
            i += 2 + digits
            return scalar
        }

        mutating func literal() throws -> String {
            i += 1
            var out = String.UnicodeScalarView()
            while true {
                guard i < s.count else { throw fail("unterminated literal") }
                let c = s[i]
                if c == "\"" { i += 1; break }
                guard c != "\n", c != "\r" else { throw fail("raw line break in a literal") }
                if c == "\\" {
                    out.append(try escape())
                    continue
                }
                out.append(c)
                i += 1
            }
            return String(out)
        }

        /// `ECHAR` or `UCHAR` at `i` (a backslash), decoded.
        mutating func escape() throws -> Unicode.Scalar {
            guard i + 1 < s.count else { throw fail("lone backslash") }
            let map: [Unicode.Scalar: Unicode.Scalar] = ["t": "\t", "b": "\u{8}", "n": "\n", "r": "\r", "f": "\u{C}", "\"": "\"", "'": "'", "\\": "\\"]
            guard let decoded = map[s[i + 1]] else { return try uchar() }
            i += 2
            return decoded
        }
    }
}
