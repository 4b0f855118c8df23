import KGModel

/// A mention of an entity in one sentence, as tagged before resolution.
struct Mention: Sendable, Hashable {
    /// How the mention refers.
    enum Kind: Sendable, Hashable {
        /// A name ("Nursultan Nazarbayev", "KFB", "Kazakhstan").
        case name
        /// A country adjective or demonym ("Kazakh", "South Korean").
        case demonym
        /// A capital or seat of government used for the country ("Moscow said").
        case capital
        /// A definite description that refers back ("the Kazakh leader", "the Paris-based exchange").
        case description
    }

    var kind: Kind
    /// Tokens of the name itself (a facility's includes its head: "Batumi oil terminal").
    var tokens: Range<Int>
    /// Tokens of the whole construction, titles and affiliation included
    /// ("Kazakh President Nursultan Nazarbayev"); relation rules treat it as one unit.
    var span: Range<Int>
    /// The name as written (for a description: its head noun).
    var surface: String
    /// Coarse type, or nil while unknown.
    var type: EntityType?
    /// The lexicon entry the name matched.
    var entry: Lexicon.Entry?
    /// The name is one the lexicon lists as shared by parties of several countries ("Greens").
    var isSharedName = false
    /// Rule that gave the type (kept for explanations): "lexicon", "title", "given-name", "suffix", ...
    var typedBy: String?
    /// Title or office in front of a person ("President", "chief executive").
    var title: String?
    /// Country label of a person, from a country adjective or "of <country>" beside the title.
    var nationality: String?
    /// First token of the affiliation mention before a title ("Tory" in "Tory leader X").
    var affiliation: Int?
    /// Common noun the text describes the name by ("venture" in "X, a venture registered in ...",
    /// "firm" in "water firm X"): a later "the venture" may refer back to it.
    var descriptor: String?
    /// Acronym defined right after the name: "Korea First Bank (KFB)".
    var acronym: String?
    /// Used as an adjective before a common noun ("Central Asian countries", "Kazakh military").
    var isModifier = false
    /// The country acting through its government ("the South Korean government", "Moscow said").
    var isGovernment = false
    /// Not to be emitted as an entity (macro-regions such as "Europe").
    var isSuppressed = false
    /// Sits where a sentence's subject stands (first noun phrase, not after a preposition).
    var isSubject = false
    /// Entity key after resolution.
    var entity: String?
}
