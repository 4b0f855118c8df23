import KGModel

/// Graph equality as a round trip through a file can keep it: entities, documents and distinct
/// relations equal, shares compared in the written form (at most 6 fraction digits).
public enum RoundTrip {
    public static func same(_ a: KnowledgeGraph, _ b: KnowledgeGraph) -> Bool {
        guard a.sortedEntities == b.sortedEntities, a.sortedDocuments == b.sortedDocuments else { return false }
        func key(_ r: Relation) -> Relation {
            var r = r
            r.share = r.share.flatMap { Double(Identifier.formatDecimal($0)) }
            return r
        }
        return a.sortedRelations.map(key) == b.sortedRelations.map(key)
    }
}
