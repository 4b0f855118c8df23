/// An absolute IRI: the name of an RDF resource (RDF 1.1 Concepts §3.2).
///
/// Validated on creation: a scheme (RFC 3986 §3.1) followed by `:`, and no character that
/// RDF 1.1 N-Triples `IRIREF` forbids (U+0000 to U+0020, `<`, `>`, `"`, `{`, `}`, `|`, `\`,
/// `^`, `` ` ``), no C1 control character (U+007F to U+009F), every `%` followed by two hex
/// digits (RFC 3986 §2.1), and at most one `#`. The text is kept exactly as given: no
/// normalization, so two IRIs are equal when their characters are.
///
/// IRIs of data are minted, never pasted (see ``OntologyMapping``): identifiers become path
/// segments through `Identifier.iriSegment(_:)`, which percent-encodes everything else.
public struct IRI: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The IRI's characters, e.g. `https://w3id.org/kgexport/id/entity/kazakhstan`.
    public let string: String

    /// Validates `string` as an absolute IRI.
    /// - Throws: ``RDFTermError/invalidIRI(_:reason:)`` naming the text and the broken rule.
    public init(_ string: String) throws(RDFTermError) {
        if let reason = IRI.violation(in: string) {
            throw .invalidIRI(string, reason: reason)
        }
        self.string = string
    }

    /// For texts known to be valid (vocabulary constants, minted IRIs built from a validated base
    /// and percent-encoded segments).
    init(unchecked string: String) {
        self.string = string
    }

    /// Whether `string` is an absolute IRI under the rules above.
    public static func isValid(_ string: String) -> Bool {
        violation(in: string) == nil
    }

    /// The IRI followed by `suffix`, validated.
    /// - Throws: ``RDFTermError/invalidIRI(_:reason:)`` when the result is not an IRI.
    public func appending(_ suffix: String) throws(RDFTermError) -> IRI {
        try IRI(string + suffix)
    }

    /// N-Triples form: the IRI in angle brackets.
    public var description: String { "<\(string)>" }

    /// Code-point order of the IRIs' characters.
    public static func < (lhs: IRI, rhs: IRI) -> Bool {
        lhs.string.unicodeScalars.lexicographicallyPrecedes(rhs.string.unicodeScalars)
    }

    /// The first rule `text` breaks, as a lower-case phrase, or nil when it is a valid IRI.
    static func violation(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return "empty" }
        // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
        guard scalars.contains(":") else { return "not absolute (no scheme followed by a colon)" }
        guard isASCIILetter(scalars[0]) else { return "no scheme (must start with a letter, e.g. https:)" }
        var index = 1
        while index < scalars.count, scalars[index] != ":" {
            let s = scalars[index]
            guard isASCIILetter(s) || isASCIIDigit(s) || s == "+" || s == "-" || s == "." else {
                return "no scheme (character \(escaped(s)) before the first colon)"
            }
            index += 1
        }
        var fragments = 0
        index += 1
        while index < scalars.count {
            let s = scalars[index]
            let v = s.value
            if v <= 0x20 {
                return v == 0x20 ? "contains a space" : "contains control character \(escaped(s))"
            }
            if (0x7F...0x9F).contains(v) { return "contains control character \(escaped(s))" }
            switch s {
            case "<", ">": return "contains an angle bracket"
            case "\"": return "contains a quotation mark"
            case "{", "}", "|", "\\", "^", "`": return "contains '\(Character(s))', which IRIs forbid"
            case "#":
                fragments += 1
                if fragments > 1 { return "contains more than one #" }
            case "%":
                guard index + 2 < scalars.count,
                      isHexDigit(scalars[index + 1]), isHexDigit(scalars[index + 2])
                else { return "contains % not followed by two hex digits" }
            default:
                break
            }
            index += 1
        }
        return nil
    }

    private static func isASCIILetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    private static func isASCIIDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    private static func isHexDigit(_ s: Unicode.Scalar) -> Bool {
        isASCIIDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s)
    }

    private static func escaped(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
