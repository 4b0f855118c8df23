/// The documented rule for characters XML 1.0 cannot carry, as every kgexport format applies it
/// (XML formats, and DOT, which shares the rule): U+0000–U+001F other than tab, line feed and
/// carriage return, and U+FFFE/U+FFFF, are dropped; vertical tab and form feed become a space.
enum XMLCarried {
    /// `text` as a consumer must read it back.
    static func text(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C: out.append(" ")
            case 0x09, 0x0A, 0x0D: out.append(scalar)
            case 0x00...0x1F, 0xFFFE, 0xFFFF: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `text` contains a character XML 1.0 forbids (XML 1.0 §2.2, production [2] `Char`).
    static func hasForbiddenCharacter(_ text: String) -> Bool {
        text.unicodeScalars.contains { s in
            (s.value < 0x20 && s.value != 0x09 && s.value != 0x0A && s.value != 0x0D) || s.value == 0xFFFE || s.value == 0xFFFF
        }
    }
}
