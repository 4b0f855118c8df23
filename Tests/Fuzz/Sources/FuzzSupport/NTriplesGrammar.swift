/// A checker for RDF 1.1 N-Triples (W3C Recommendation 2014, §6 grammar): one triple per line,
/// `IRIREF` subjects and predicates (no blank nodes: kgexport writes none), objects `IRIREF` or
/// literals with `ECHAR`/`UCHAR` escapes, `LANGTAG` or `^^IRIREF`; UTF-8 throughout.
///
/// It also decodes every term, so a caller can compare the file with the triples it meant.
public enum NTriplesGrammar {
    /// A decoded line: subject and predicate IRIs; the object as `<iri>`, or a literal's lexical
    /// form with its language tag or datatype IRI.
    public struct Line: Equatable {
        public var subject: String
        public var predicate: String
        public var object: String
        public var isLiteral: Bool
        public var language: String?
        public var datatype: String?

        public init(subject: String, predicate: String, object: String, isLiteral: Bool,
                    language: String? = nil, datatype: String? = nil) {
            self.subject = subject
            self.predicate = predicate
            self.object = object
            self.isLiteral = isLiteral
            self.language = language
            self.datatype = datatype
        }
    }

    /// - Throws: ``FuzzFailure`` naming the line and the rule it breaks.
    public static func parse(_ bytes: [UInt8]) throws -> [Line] {
        guard let text = String(validating: bytes, as: UTF8.self) else { throw FuzzFailure("nt: not UTF-8") }
        guard text.isEmpty || text.hasSuffix("\n") else { throw FuzzFailure("nt: the last line has no line feed") }
        var lines: [Line] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
            var scanner = Scanner(Array(line.unicodeScalars), line: number + 1)
            lines.append(try scanner.triple())
        }
        return lines
    }

    private struct Scanner {
        let s: [Unicode.Scalar]
        let line: Int
        var i = 0

        init(_ s: [Unicode.Scalar], line: Int) {
            self.s = s
            self.line = line
        }

        func fail(_ message: String) -> FuzzFailure { FuzzFailure("nt line \(line), scalar \(i): \(message)") }

        mutating func triple() throws -> Line {
            let subject = try iri()
            try space()
            let predicate = try iri()
            try space()
            var result = Line(subject: subject, predicate: predicate, object: "", isLiteral: false)
            if i < s.count, s[i] == "\"" {
                result.isLiteral = true
                result.object = try literal()
                if i < s.count, s[i] == "@" {
                    i += 1
                    let start = i
                    while i < s.count, s[i].properties.isASCIIHexDigit || ("a"..."z").contains(s[i]) || ("A"..."Z").contains(s[i]) || s[i] == "-" { i += 1 }
                    let tag = String(String.UnicodeScalarView(s[start..<i]))
                    guard tag.first?.isLetter == true, !tag.hasSuffix("-"), !tag.contains("--") else { throw fail("bad language tag \(tag)") }
                    result.language = tag
                } else if i + 1 < s.count, s[i] == "^", s[i + 1] == "^" {
                    i += 2
                    result.datatype = try iri()
                }
            } else {
                result.object = try iri()
            }
            try space()
            guard i < s.count, s[i] == "." else { throw fail("expected '.'") }
            i += 1
            guard i == s.count else { throw fail("text after '.'") }
            return result
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
            guard digits > 0, i + 2 + digits <= s.count,
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
                    guard i + 1 < s.count else { throw fail("lone backslash") }
                    let e = s[i + 1]
                    let map: [Unicode.Scalar: Unicode.Scalar] = ["t": "\t", "b": "\u{8}", "n": "\n", "r": "\r", "f": "\u{C}", "\"": "\"", "'": "'", "\\": "\\"]
                    if let decoded = map[e] {
                        out.append(decoded)
                        i += 2
                    } else {
                        out.append(try uchar())
                    }
                    continue
                }
                out.append(c)
                i += 1
            }
            return String(out)
        }
    }
}
