/// One token of article text: a word, a number or a punctuation mark.
///
/// Offsets are code point indices into ``Article/text``, end exclusive.
struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable { case word, number, punctuation }

    /// The token as written ("Kazakhstan", "’s", "U.S.", "51.4", ",").
    var text: String
    /// Lower case, a trailing abbreviation period removed, curly apostrophes straightened ("'s", "u.s", "mr").
    var lower: String
    /// The text with curly apostrophes straightened: the token's part of a lexicon phrase key.
    var key: String
    var kind: Kind
    var start: Int
    var end: Int
    /// Whitespace stands between this token and the one before.
    var spaceBefore: Bool
    /// Number of line breaks in that whitespace.
    var newlinesBefore: Int

    /// First letter upper case ("Kazakh", "UK", "KazMunaiGas", "U.S."); words only.
    let isCapitalized: Bool

    /// Two or more letters, all upper case ("NATO", "KFB", "U.S.").
    let isAllCaps: Bool

    init(text: String, lower: String, key: String, kind: Kind, start: Int, end: Int, spaceBefore: Bool, newlinesBefore: Int) {
        self.text = text
        self.lower = lower
        self.key = key
        self.kind = kind
        self.start = start
        self.end = end
        self.spaceBefore = spaceBefore
        self.newlinesBefore = newlinesBefore
        // Computed once: the rules ask these of every token many times.
        var capitalized = false
        var allCaps = false
        if kind == .word, let f = text.unicodeScalars.first {
            capitalized = f.value < 0x80 ? (f.value >= 65 && f.value <= 90) : f.properties.isUppercase
            if capitalized {
                var letters = 0
                allCaps = true
                for s in text.unicodeScalars {
                    if s.value < 0x80 {
                        if s.value >= 97 && s.value <= 122 { allCaps = false; break }
                        if s.value >= 65 && s.value <= 90 { letters += 1 }
                    } else if s.properties.isAlphabetic {
                        if !s.properties.isUppercase { allCaps = false; break }
                        letters += 1
                    }
                }
                allCaps = allCaps && letters >= 2
            }
        }
        isCapitalized = capitalized
        isAllCaps = allCaps
    }

    /// Possessive clitic ("'s", "’s", "'").
    var isPossessive: Bool { kind == .punctuation && (lower == "'s" || lower == "'") }

    func isWord(_ w: String) -> Bool { lower == w }
}
