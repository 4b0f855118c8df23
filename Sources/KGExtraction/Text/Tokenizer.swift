/// Splits text into tokens with code point offsets.
///
/// Words keep internal apostrophes ("didn't"), dotted abbreviations ("U.S.", "Mr.") and a
/// known abbreviation's period; a possessive `'s` or `’s` is its own token; numbers keep decimal
/// points and thousands commas ("51.4", "40,000"); hyphens and dashes are their own tokens
/// ("UK-based" is `UK` `-` `based`). Curly apostrophes are straightened in ``Token/lower``.
/// Line ends (``isLineEnd(_:next:)``) are counted in ``Token/newlinesBefore``.
/// - Complexity: O(n) in the number of code points.
struct Tokenizer {
    /// Lower-case words whose following period belongs to them ("mr", "jan", "inc", ...).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "gen", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "prof", "sen", "rep",
        "gov", "lt", "col", "sgt", "capt", "mt", "no", "nos", "fig", "etc", "approx", "dept", "est",
        "adm", "cmdr", "rev", "messrs", "mme", "bros", "plc",
    ]

    /// A line ends at LF, CR (CRLF counts once: at its LF), NEL (U+0085), LINE SEPARATOR (U+2028),
    /// PARAGRAPH SEPARATOR (U+2029), vertical tab and form feed: the newline functions of Unicode 15
    /// §5.8 (R4).
    @inline(__always) static func isLineEnd(_ s: Unicode.Scalar, next: Unicode.Scalar?) -> Bool {
        switch s.value {
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return true
        case 0x0D: return next != "\n"
        default: return false
        }
    }

    static func tokenize(_ scalars: [Unicode.Scalar], from start: Int = 0, to end: Int? = nil) -> [Token] {
        let n = end ?? scalars.count
        var tokens: [Token] = []
        tokens.reserveCapacity((n - start) / 5)
        var i = start
        var space = true
        var newlines = 0
        @inline(__always) func isLetter(_ s: Unicode.Scalar) -> Bool {
            let v = s.value
            if v < 0x80 { return (v >= 65 && v <= 90) || (v >= 97 && v <= 122) }
            return s.properties.isAlphabetic
        }
        @inline(__always) func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
        @inline(__always) func isMark(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x300 { return false }
            let c = s.properties.generalCategory
            return c == .nonspacingMark || c == .spacingMark || c == .enclosingMark
        }
        @inline(__always) func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" }

        func emit(_ a: Int, _ b: Int, _ kind: Token.Kind) {
            let slice = scalars[a..<b]
            let text = String(String.UnicodeScalarView(slice))
            var ascii = true
            var curly = false
            for c in slice {
                if c.value >= 0x80 { ascii = false; if c == "\u{2019}" { curly = true } }
            }
            var lower: String
            var key = text
            if ascii {
                var bytes = [UInt8]()
                bytes.reserveCapacity(slice.count)
                for c in slice {
                    let v = UInt8(c.value)
                    bytes.append(v >= 65 && v <= 90 ? v + 32 : v)
                }
                lower = String(decoding: bytes, as: UTF8.self)
            } else {
                lower = text.lowercased()
                if curly {
                    var straight = String.UnicodeScalarView()
                    for c in slice { straight.append(c == "\u{2019}" ? "'" : c) }
                    key = String(straight)
                    lower = key.lowercased()
                }
            }
            if kind == .word, b - a > 1, scalars[b - 1] == "." { lower.removeLast() }
            tokens.append(Token(text: text, lower: lower, key: key, kind: kind, start: a, end: b,
                                spaceBefore: space, newlinesBefore: newlines))
            space = false
            newlines = 0
        }

        while i < n {
            let s = scalars[i]
            if s == " " || (s.value >= 0x09 && s.value <= 0x0D) || (s.value >= 0x80 && s.properties.isWhitespace) {
                space = true
                if isLineEnd(s, next: i + 1 < n ? scalars[i + 1] : nil) { newlines += 1 }
                i += 1
                continue
            }
            if isDigit(s) {
                var j = i + 1
                while j < n {
                    let c = scalars[j]
                    if isDigit(c) || isLetter(c) { j += 1; continue }
                    if (c == "." || c == ","), j + 1 < n, isDigit(scalars[j + 1]) { j += 2; continue }
                    break
                }
                emit(i, j, .number)
                i = j
                continue
            }
            if isLetter(s) {
                // Dotted abbreviation: U.S., U.K., U.S.A., e.g.
                if i + 3 < n, scalars[i + 1] == ".", isLetter(scalars[i + 2]), scalars[i + 3] == "." {
                    var j = i
                    while j + 1 < n, isLetter(scalars[j]), scalars[j + 1] == "." { j += 2 }
                    emit(i, j, .word)
                    i = j
                    continue
                }
                var j = i + 1
                // "A/S", "I/S": Nordic company forms, one word.
                if i + 2 < n, scalars[i + 1] == "/", s.properties.isUppercase, scalars[i + 2].properties.isUppercase,
                   i + 3 >= n || !isLetter(scalars[i + 3]), i == start || !isLetter(scalars[i - 1]) {
                    emit(i, i + 3, .word)
                    i += 3
                    continue
                }
                while j < n {
                    let c = scalars[j]
                    if isLetter(c) || isDigit(c) || isMark(c) { j += 1; continue }
                    if isApostrophe(c), j + 1 < n, isLetter(scalars[j + 1]) {
                        // Possessive 's ends the word; other apostrophes stay inside ("didn't", "N'Djamena").
                        let after = j + 2 < n ? scalars[j + 2] : " "
                        if (scalars[j + 1] == "s" || scalars[j + 1] == "S"), !isLetter(after) { break }
                        j += 2
                        continue
                    }
                    break
                }
                // A known abbreviation or a single capital (an initial) takes its period.
                if j < n, scalars[j] == ".", scalars[j - 1] != "." {
                    let word = String(String.UnicodeScalarView(scalars[i..<j])).lowercased()
                    let initial = j - i == 1 && s.properties.isUppercase
                    // "No. 1" but "said no."
                    let numberSign = word == "no" || word == "nos"
                    let beforeDigit = j + 2 < n && scalars[j + 1] == " " && isDigit(scalars[j + 2])
                    if initial || (abbreviations.contains(word) && (!numberSign || beforeDigit)) { j += 1 }
                }
                emit(i, j, .word)
                i = j
                // Possessive clitic.
                if i + 1 < n, isApostrophe(scalars[i]), scalars[i + 1] == "s" || scalars[i + 1] == "S",
                   i + 2 == n || !isLetter(scalars[i + 2]) {
                    emit(i, i + 2, .punctuation)
                    i += 2
                }
                continue
            }
            emit(i, i + 1, .punctuation)
            i += 1
        }
        return tokens
    }
}
