import Foundation

/// Deterministic identifiers: slugs, XML names and IRI segments minted from content.
public enum Identifier {
    /// A readable key from a name: lower case, accents folded, runs of other characters as one `-`.
    /// "Nursultan Nazarbayev" → `nursultan-nazarbayev`; "Société Générale" → `societe-generale`.
    /// Letters outside Latin (Cyrillic, CJK) are kept as they are. Never empty: a name with no
    /// letter or digit gives `x` followed by its hash.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            // ASCII folds to itself: letters lower-cased, digits kept, the rest a separator.
            if scalar.isASCII {
                let v = UInt8(truncatingIfNeeded: scalar.value)
                switch v {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(scalar)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(Unicode.Scalar(v + 32))
                default:
                    pendingDash = true
                }
                continue
            }
            let folded = fold(scalar)
            for f in folded.unicodeScalars {
                if f.properties.isAlphabetic || ("0"..."9").contains(f) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(contentsOf: String(f).lowercased().unicodeScalars)
                } else if f.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "x" + fnv1a64Hex(name) : out
    }

    private static func fold(_ s: Unicode.Scalar) -> String {
        let decomposed = String(s).decomposedStringWithCanonicalMapping
        switch s {
        case "ß": return "ss"
        case "æ", "Æ": return "ae"
        case "ø", "Ø": return "o"
        case "đ", "Đ": return "d"
        case "ł", "Ł": return "l"
        case "ı": return "i"
        default: return decomposed
        }
    }

    /// An XML 1.0 NMTOKEN (XML 1.0 §2.3 production [7]) that keeps `id` recoverable: ASCII letters,
    /// digits, `-` and `.` pass; every other UTF-8 byte is written `_XX` (hex), and `_` itself is
    /// `_5F`. Injective, so distinct ids stay distinct. `doc 1` → `doc_201`.
    public static func nmtoken(_ id: String) -> String {
        var out = ""
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "_" + hex2(byte)
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// A path segment for an IRI (RFC 3987 `isegment-nz`): unreserved ASCII and non-ASCII letters
    /// pass, everything else is percent-encoded as UTF-8 (RFC 3986 §2.1, upper-case hex).
    public static func iriSegment(_ id: String) -> String {
        var out = ""
        for scalar in id.unicodeScalars {
            let v = scalar.value
            let unreservedASCII = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
                || scalar == "-" || scalar == "." || scalar == "_" || scalar == "~"
            let ucschar = v >= 0xA0 && v <= 0xD7FF || v >= 0xF900 && v <= 0xFDCF || v >= 0xFDF0 && v <= 0xFFEF
                || v >= 0x10000 && v <= 0xEFFFD && (v & 0xFFFE) != 0xFFFE
            if unreservedASCII || (ucschar && scalar.properties.isAlphabetic) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += "%" + hex2(byte) }
            }
        }
        return out
    }

    /// FNV-1a 64-bit hash of the UTF-8 bytes, as 16 lower-case hex digits.
    public static func fnv1a64Hex(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        let s = String(h, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// A number as a plain decimal with `.` and no exponent or thousands separator, at most 6
    /// fraction digits: 50 → `50`, 12.5 → `12.5`, 25.01 → `25.01`, 1e20 → `100000000000000000000`.
    /// Not-a-number and infinities, which no format can hold as a decimal, give `NaN`, `INF`, `-INF`
    /// (the XML Schema `xsd:double` spellings); readers reject shares outside 0...100 before this.
    public static func formatDecimal(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-INF" : "INF") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        // Below 2^33 a double is within 5e-7 of its shortest decimal form, so when that form has
        // at most six fraction digits and no exponent, rounding to six places gives it back.
        if abs(value) < 8_589_934_592 {
            let shortest = value.description
            if let dot = shortest.utf8.firstIndex(of: UInt8(ascii: ".")),
               shortest.utf8.distance(from: dot, to: shortest.utf8.endIndex) <= 7,
               !shortest.utf8.contains(UInt8(ascii: "e")) {
                return shortest
            }
        }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    private static func hex2(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}
