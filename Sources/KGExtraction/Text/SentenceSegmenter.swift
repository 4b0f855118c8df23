/// Splits a token array into sentences.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets right after it) when
/// the next token follows whitespace and does not start in lower case, and always at a line
/// break. A period that belongs to an abbreviation ("Mr.", "Jan.", "Inc.", an initial "J.")
/// ends no sentence; one after a dotted abbreviation ("U.S.") ends it only when the next word is
/// a usual sentence opener ("The", "He", "In", ...).
struct SentenceSegmenter {
    static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at", "but", "and", "this",
        "that", "these", "those", "there", "however", "meanwhile", "mr", "ms", "mrs", "his", "her", "its",
        "their", "when", "while", "after", "before", "although", "if", "as", "some", "many", "most",
    ]

    static func segment(_ tokens: [Token]) -> [Sentence] {
        var sentences: [Sentence] = []
        var start = 0
        var paragraph = 0
        func close(_ end: Int) {
            guard end > start else { return }
            sentences.append(Sentence(index: sentences.count, tokens: start..<end,
                                      offsets: tokens[start].start..<tokens[end - 1].end, paragraph: paragraph))
            start = end
        }
        var i = 0
        while i < tokens.count {
            let t = tokens[i]
            if i > start, t.newlinesBefore > 0 {
                close(i)
                paragraph += 1
            } else if i == start, i > 0, t.newlinesBefore > 0 {
                paragraph += 1
            }
            var ends = false
            if t.kind == .punctuation, t.text == "." || t.text == "!" || t.text == "?" {
                ends = true
            } else if t.kind == .word, t.text.hasSuffix("."), t.text.count > 1 {
                // Abbreviation: only a dotted one (U.S.) before a sentence opener ends the sentence.
                let dotted = t.text.dropLast().contains(".")
                if dotted, i + 1 < tokens.count, tokens[i + 1].spaceBefore,
                   openers.contains(tokens[i + 1].lower), tokens[i + 1].isCapitalized {
                    close(i + 1)
                }
                i += 1
                continue
            }
            guard ends else { i += 1; continue }
            var j = i + 1
            while j < tokens.count, !tokens[j].spaceBefore, isCloser(tokens[j].text) { j += 1 }
            if j >= tokens.count {
                close(tokens.count)
                break
            }
            let next = tokens[j]
            if next.newlinesBefore > 0 || (next.spaceBefore && !startsLowercase(next)) {
                close(j)
            }
            i = j
        }
        close(tokens.count)
        return sentences
    }

    private static func isCloser(_ s: String) -> Bool {
        s == "\"" || s == "\u{201D}" || s == "'" || s == "\u{2019}" || s == ")" || s == "]" || s == "." || s == "!" || s == "?"
    }

    private static func startsLowercase(_ t: Token) -> Bool {
        guard let f = t.text.unicodeScalars.first else { return false }
        return f.properties.isLowercase
    }
}
