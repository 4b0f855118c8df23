/// The quoted form of a literal's lexical form in N-Triples, N-Quads and Turtle: the escapes of
/// canonical N-Triples.
///
/// Follows the canonical form of RDF 1.2 N-Triples §4, whose escapes are ordinary RDF 1.1
/// N-Triples `ECHAR` and `UCHAR` productions (RDF 1.1 N-Triples §2.3, Turtle §6.4), so every
/// RDF 1.1 reader accepts them:
/// - backspace, tab, line feed, form feed, carriage return, `"` and `\` are written as the `ECHAR`s
///   `\b`, `\t`, `\n`, `\f`, `\r`, `\"`, `\\`;
/// - the other C0 controls (U+0000–U+0007, U+000B, U+000E–U+001F), DEL (U+007F), and U+FFFE and
///   U+FFFF (not XML 1.1 `Char`s) are written as `UCHAR`s `\uXXXX`, a lower-case `u` and four
///   upper-case hex digits;
/// - every other character is written as itself, in UTF-8.
///
/// RDF 1.1's own canonical form would write control characters raw; they are escaped here so
/// that every line of the output is one triple for line-based tools (a raw form feed or vertical
/// tab ends a line for many of them). Nothing is lost: readers unescape to the same characters.
public enum NTriplesString {
    /// The escape of `scalar`, or nil when it is written as itself.
    public static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        case 0x00...0x1F, 0x7F, 0xFFFE, 0xFFFF:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return nil
        }
    }

    /// `text` between double quotes, escaped as above: `Acme "AG"` → `"Acme \"AG\""`.
    public static func quoted(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            if let escaped = escape(scalar) {
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }
}
