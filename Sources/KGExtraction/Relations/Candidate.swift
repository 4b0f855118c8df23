import KGModel

/// A relation a rule proposed, with the rule that fired and, when it was turned down, why.
///
/// Only candidates without a ``rejection`` become edges; the rejected ones are kept so that a
/// reader can ask why a relation was not emitted ("negated: 'did not meet'").
struct Candidate: Sendable, Hashable {
    var kind: RelationKind
    /// Entity keys (``ResolvedEntity/key``).
    var subject: String
    var object: String
    /// Index of the sentence that states it.
    var sentence: Int
    var date: PartialDate?
    /// Entity key of the place of a meeting.
    var place: String?
    var share: Double?
    var modality: Modality
    /// Name of the rule that fired, e.g. "member-of/which-unites".
    var rule: String
    /// Why the candidate was turned down (negated, hypothetical, pending, ...), or nil.
    var rejection: String?
    /// The type the rule implies for an untyped subject or object ("a member of ECOWAS": an
    /// organization; "X owns 40% of Y": companies); nil for the default of the relation.
    var subjectType: EntityType?
    var objectType: EntityType?
    /// Index of the trigger token (the word the rule fired on).
    var trigger: Int = 0
}
