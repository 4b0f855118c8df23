/// Well-formedness of BCP 47 language tags (RFC 5646 §2.1 `Language-Tag`), as RDF 1.1 requires
/// for language-tagged strings (RDF 1.1 Concepts §3.3).
///
/// Checks the syntax only (subtag lengths and order), not the IANA registry: `en`, `en-US`,
/// `zh-Hant-TW`, `de-CH-1901`, `x-private` pass; `en_US`, `english-language`, `e` fail.
public enum LanguageTag {
    /// Whether `tag` is a well-formed BCP 47 language tag (case-insensitive).
    public static func isWellFormed(_ tag: String) -> Bool {
        let lower = tag.lowercased()
        if irregular.contains(lower) { return true }
        let subtags = lower.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard subtags.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.unicodeScalars.allSatisfy(isAlphanumeric) })
        else { return false }
        var i = 0
        // privateuse alone: "x" 1*("-" 1*8alphanum)
        if subtags[0] == "x" { return subtags.count > 1 }
        // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA
        guard isAlpha(subtags[0]), subtags[0].count >= 2 else { return false }
        let languageLength = subtags[0].count
        i = 1
        if languageLength <= 3 {
            // extlang = 3ALPHA *2("-" 3ALPHA)
            var extlangs = 0
            while i < subtags.count, extlangs < 3, subtags[i].count == 3, isAlpha(subtags[i]) {
                i += 1
                extlangs += 1
            }
        }
        // script = 4ALPHA
        if i < subtags.count, subtags[i].count == 4, isAlpha(subtags[i]) { i += 1 }
        // region = 2ALPHA / 3DIGIT
        if i < subtags.count,
           (subtags[i].count == 2 && isAlpha(subtags[i])) || (subtags[i].count == 3 && isDigits(subtags[i])) {
            i += 1
        }
        // variant = 5*8alphanum / (DIGIT 3alphanum)
        while i < subtags.count, isVariant(subtags[i]) { i += 1 }
        // extension = singleton 1*("-" (2*8alphanum))
        while i < subtags.count, subtags[i].count == 1, subtags[i] != "x" {
            i += 1
            var parts = 0
            while i < subtags.count, subtags[i].count >= 2 {
                i += 1
                parts += 1
            }
            if parts == 0 { return false }
        }
        // privateuse = "x" 1*("-" (1*8alphanum))
        if i < subtags.count, subtags[i] == "x" {
            return i + 1 < subtags.count
        }
        return i == subtags.count
    }

    private static func isVariant(_ s: String) -> Bool {
        if s.count >= 5 { return true }
        guard s.count == 4, let first = s.unicodeScalars.first else { return false }
        return ("0"..."9").contains(first)
    }

    private static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("0"..."9").contains(s)
    }

    private static func isAlpha(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) } }

    private static func isDigits(_ s: String) -> Bool { s.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }

    /// RFC 5646 §2.1 `irregular` grandfathered tags (the `regular` ones match the main production).
    private static let irregular: Set<String> = [
        "en-gb-oed", "i-ami", "i-bnn", "i-default", "i-enochian", "i-hak", "i-klingon", "i-lux",
        "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu", "sgn-be-fr", "sgn-be-nl", "sgn-ch-de",
    ]
}
