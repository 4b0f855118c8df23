/// Finds the sources an article cites in parentheses: "(Liter, September 6)",
/// "(Kazakhstanskaya Pravda, September 11)", "(Reuters, May 2, 2005)".
///
/// A citation is a parenthesis holding capitalized words, a comma, a month name and a day
/// (optionally a year). Its text inside the parentheses is the cited source. A citation covers
/// the sentence it ends and the sentences before it in the same paragraph back to the previous
/// citation (news analyses cite once per paragraph or per run of sentences).
struct CitationFinder {
    let lexicon: Lexicon

    /// Token ranges of the citations (parentheses included) and their texts, in order.
    func citations(_ tokens: [Token], scalars: [Unicode.Scalar]) -> [(range: Range<Int>, text: String)] {
        var out: [(Range<Int>, String)] = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].text == "(" else { i += 1; continue }
            var j = i + 1
            var names = 0
            while j < tokens.count, tokens[j].isCapitalized, !lexicon.cue(.month, tokens[j]) { names += 1; j += 1 }
            guard names > 0, j + 2 < tokens.count, tokens[j].text == ",",
                  lexicon.cue(.month, tokens[j + 1]), tokens[j + 2].kind == .number else { i += 1; continue }
            var k = j + 3
            if k + 1 < tokens.count, tokens[k].text == ",", tokens[k + 1].kind == .number { k += 2 }
            guard k < tokens.count, tokens[k].text == ")" else { i += 1; continue }
            let text = String(String.UnicodeScalarView(scalars[tokens[i + 1].start..<tokens[k - 1].end]))
            out.append((i..<(k + 1), text))
            i = k + 1
        }
        return out
    }

    /// The cited source of each sentence (nil where none applies).
    func citedSources(_ sentences: [Sentence], _ citations: [(range: Range<Int>, text: String)]) -> [String?] {
        var result = [String?](repeating: nil, count: sentences.count)
        var c = citations.count - 1
        var current: String?
        var paragraph = -1
        for s in sentences.reversed() {
            if s.paragraph != paragraph { current = nil; paragraph = s.paragraph }
            // A citation ending inside (or making up) this sentence starts a new run.
            while c >= 0, citations[c].range.lowerBound >= s.tokens.lowerBound {
                if citations[c].range.lowerBound < s.tokens.upperBound { current = citations[c].text }
                c -= 1
            }
            result[s.index] = current
        }
        return result
    }
}
