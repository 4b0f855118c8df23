import KGModel

/// An entity of one article after its mentions were resolved.
struct ResolvedEntity: Sendable, Hashable {
    /// Internal key (unique in the article).
    var key: String
    /// Canonical name: the lexicon's, or the longest full name seen.
    var label: String
    var type: EntityType?
    /// Other surface forms, first-seen order.
    var aliases: [String] = []
    /// Country label of a person (from "Kazakh President ...", "... of Argentina").
    var nationality: String?
    /// Keys of parties or organizations named before a person's title ("Tory leader ...").
    var affiliations: [String] = []
    /// Titles seen before the person's name.
    var titles: [String] = []
    /// Common nouns the text describes it by ("venture", "firm").
    var descriptors: [String] = []
    /// Not emitted (macro-regions).
    var isSuppressed = false
    /// Rule that typed it.
    var typedBy: String?

    var id: String { Identifier.slug(label) }
}
