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

    /// The ID Graphviz reads for an entity id DOTWriter wrote: `\` doubled, LF as `\n`, CR as
    /// `\r`, a leading `%` as `\%`, other C0 controls but tab and U+FFFE, U+FFFF as `\uHHHH`
    /// (Graphviz undoes only `\"`). Distinct ids give distinct IDs.
    public static func dotID(_ id: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for scalar in id.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x25 where out.isEmpty: out += "\\%"
            case 0x09: out += "\t"
            case 0x00..<0x20, 0xFFFE, 0xFFFF:
                out += "\\u"
                for shift in [12, 8, 4, 0] { out.append(hex[Int(v >> UInt32(shift)) & 0xF]) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
