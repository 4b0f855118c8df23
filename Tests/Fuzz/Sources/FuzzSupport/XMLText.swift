/// The cleaning every kgexport format applies to text (XML 1.0 §2.2): U+000B and U+000C become a
/// space; other C0 controls except tab, LF and CR, and U+FFFE and U+FFFF, are removed.
public enum XMLText {
    public static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && v != 0xFFFE && v != 0xFFFF {
                out.append(scalar)
            } else if v == 0x0B || v == 0x0C {
                out.append(" ")
            }
        }
        return String(out)
    }

    /// The ID Graphviz reads for an entity id DOTWriter wrote: cleaned, `\` doubled, and each
    /// line break (CRLF, CR or LF) as the two characters `\n`.
    public static func dotID(_ id: String) -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in cleaned(id).unicodeScalars {
            defer { previous = scalar }
            switch scalar {
            case "\\": out += "\\\\"
            case "\r": out += "\\n"
            case "\n": if previous != "\r" { out += "\\n" }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
