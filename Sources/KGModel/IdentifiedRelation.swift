/// A relation with its ``Relation/id`` computed once.
///
/// The id is a hash of the whole relation; a stream that deduplicates relations and then writes
/// each to several formats (edge ids, qualified-node IRIs) needs it several times. This value
/// carries it along, and cannot be made with an id that is not the relation's.
public struct IdentifiedRelation: Sendable, Hashable {
    /// The relation.
    public let relation: Relation
    /// `relation.id`.
    public let id: String

    /// Computes the id of `relation`.
    public init(_ relation: Relation) {
        self.relation = relation
        self.id = relation.id
    }
}
