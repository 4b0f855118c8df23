/// A category of cue words in `Lexicon/cues.tsv` (see that file's header for each one's use).
enum Cue: String, CaseIterable, Sendable {
    case stopword, month, weekday, honorific
    case titleHead = "title-head"
    case personRole = "person-role"
    case titleModifier = "title-modifier"
    case orgSuffix = "org-suffix"
    case companySuffix = "company-suffix"
    case companyNoun = "company-noun"
    case orgNoun = "org-noun"
    case facilityHead = "facility-head"
    case facilityModifier = "facility-modifier"
    case placeHead = "place-head"
    case placeOf = "place-of"
    case governmentNoun = "government-noun"
    case connector, preposition, negation, hypothetical, future, pending, currency
    case companyModifier = "company-modifier"
    case placeSuffix = "place-suffix"
    case countrySuffix = "country-suffix"
    case companyPrefix = "company-prefix"
    case orgDescription = "org-description"
    case facilitySuffix = "facility-suffix"
    case ended
    case ordinaryWord = "ordinary-word"

    /// Categories matched on the token as written (names' suffixes and heads keep their case).
    var isCaseSensitive: Bool {
        switch self {
        case .orgSuffix, .companySuffix, .placeSuffix, .countrySuffix, .companyPrefix, .facilitySuffix: true
        default: false
        }
    }
}
