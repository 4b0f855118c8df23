/// The dateline that opens a wire story: the city in capitals, optionally a region or country and a
/// date, optionally the agency in parentheses, then a dash: "BISHKEK, June 18 (Eurasian Wire) -",
/// "LABUAN BAJO, Indonesia, May 11 (APW) -", "LONDON (Reuters) -".
///
/// The city is a place where the story was filed; the agency is its source, not a participant, and
/// is left untagged. Nothing before ``end`` can be a sentence's subject.
struct Dateline: Sendable, Hashable {
    /// Tokens of the city name (all capitals).
    var city: Range<Int>
    /// Tokens of the agency parenthesis, parentheses included.
    var agency: Range<Int>?
    /// The first token after the dash.
    var end: Int

    /// The dateline starting at token `start` (the first token of the body), or nil.
    static func find(_ tokens: [Token], from start: Int) -> Dateline? {
        var j = start
        while j < tokens.count, j < start + 6, tokens[j].kind == .word, tokens[j].isAllCaps, j == start || tokens[j].newlinesBefore == 0 {
            j += 1
            // "NUR-SULTAN"
            if j + 1 < tokens.count, tokens[j].text == "-", !tokens[j].spaceBefore, tokens[j + 1].isAllCaps { j += 1 }
        }
        guard j > start, j < tokens.count, tokens[j].newlinesBefore == 0 else { return nil }
        let city = start..<j
        // ", Indonesia", ", June 18", ", Sept 16"
        var commas = 0
        while j + 1 < tokens.count, tokens[j].text == ",", commas < 3 {
            var k = j + 1
            while k < tokens.count, k < j + 5, tokens[k].isCapitalized || tokens[k].kind == .number || tokens[k].text == "." { k += 1 }
            guard k > j + 1 else { return nil }
            j = k
            commas += 1
        }
        var agency: Range<Int>?
        if j < tokens.count, tokens[j].text == "(" {
            var k = j + 1
            while k < tokens.count, k < j + 8, tokens[k].text != ")" { k += 1 }
            guard k < tokens.count, tokens[k].text == ")" else { return nil }
            agency = j..<(k + 1)
            j = k + 1
        }
        guard j < tokens.count, ["-", "\u{2013}", "\u{2014}"].contains(tokens[j].text), tokens[j].newlinesBefore == 0 else { return nil }
        // "UK-based miner Vedanta", "NATO-led forces": a hyphen glued to the word before and the word
        // after joins a compound adjective; it is no dateline's dash.
        if tokens[j].text != "\u{2014}", !tokens[j].spaceBefore, j + 1 < tokens.count, !tokens[j + 1].spaceBefore,
           tokens[j + 1].kind != .punctuation { return nil }
        return Dateline(city: city, agency: agency, end: j + 1)
    }
}
