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

    /// First letter upper case ("Kazakh", "UK", "KazMunaiGas", "U.S.").
    var isCapitalized: Bool {
        guard kind == .word, let f = text.unicodeScalars.first else { return false }
        return f.properties.isUppercase
    }

    /// Two or more letters, all upper case ("NATO", "KFB", "U.S.").
    var isAllCaps: Bool {
        var letters = 0
        for s in text.unicodeScalars where s.properties.isAlphabetic {
            if !s.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// Possessive clitic ("'s", "’s", "'").
    var isPossessive: Bool { kind == .punctuation && (lower == "'s" || lower == "'") }

    func isWord(_ w: String) -> Bool { lower == w }
}
