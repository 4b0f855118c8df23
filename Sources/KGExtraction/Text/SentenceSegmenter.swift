/// Splits a token array into sentences.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets right after it) when
/// the next token follows whitespace and does not start in lower case, and always at a line
/// break (any of ``Tokenizer/isLineEnd(_:next:)``: LF, CR, NEL, U+2028, U+2029, ...), which also
/// starts a new paragraph. A period that belongs to an abbreviation ("Mr.", "Jan.", "Inc.", an
/// initial "J.") ends no sentence; one after a dotted abbreviation ("U.S.") ends it only when the
/// next word is a usual sentence opener ("The", "He", "In", ...).
///
/// A sentence is at most ``maxTokens`` tokens: text without sentence punctuation (a scraped page,
/// a table flattened onto one line) is cut into pieces of that size, each ended at the last `;`
/// in the second half of the piece, else the last `,` there, else before the last lower-case word
/// there, else after exactly ``maxTokens`` tokens. The relation rules look across a whole sentence
/// from each trigger, so the cap keeps extraction linear in the length of such text.
/// - Complexity: O(n) in the number of tokens.
struct SentenceSegmenter {
    /// The most tokens a sentence has (words, numbers and punctuation marks each count one). Real
    /// news sentences are far shorter: the longest of the development and held-out corpora has 67.
    static let maxTokens = 250

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
            while end - start > maxTokens {
                let cut = cutPoint(tokens, start)
                sentences.append(Sentence(index: sentences.count, tokens: start..<cut,
                                          offsets: tokens[start].start..<tokens[cut - 1].end, paragraph: paragraph))
                start = cut
            }
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

    /// Where an over-long sentence starting at token `start` is cut (the first token of the next
    /// piece): after the last `;` in the second half of the first ``maxTokens`` tokens, else after
    /// the last `,` there, else before the last word there that starts in lower case after a
    /// space, else after ``maxTokens`` tokens.
    static func cutPoint(_ tokens: [Token], _ start: Int) -> Int {
        let limit = start + maxTokens
        let half = start + maxTokens / 2
        for mark in [";", ","] {
            if let k = (half..<limit).last(where: { tokens[$0].text == mark }) { return k + 1 }
        }
        if let k = (half + 1...limit).reversed().first(where: { k in
            k < tokens.count && tokens[k].kind == .word && tokens[k].spaceBefore && startsLowercase(tokens[k])
        }) { return k }
        return limit
    }

    private static func isCloser(_ s: String) -> Bool {
        s == "\"" || s == "\u{201D}" || s == "'" || s == "\u{2019}" || s == ")" || s == "]" || s == "." || s == "!" || s == "?"
    }

    private static func startsLowercase(_ t: Token) -> Bool {
        guard let f = t.text.unicodeScalars.first else { return false }
        return f.properties.isLowercase
    }
}
