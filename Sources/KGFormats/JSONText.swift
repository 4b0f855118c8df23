/// JSON text for strings (RFC 8259 §7): `"` and `\` escaped, U+0000–U+001F as `\b`, `\t`, `\n`,
/// `\f`, `\r` or `\u00XX`; every other character as itself, in UTF-8.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\u{8}": out.append(contentsOf: "\\b".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\u{C}": out.append(contentsOf: "\\f".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            default: out.append(scalar)
            }
        }
        out.append("\"")
        return String(out)
    }
}
