/// The knowledge graph: entities, the relations between them, and the documents they were read from.
///
/// A value type with a deterministic order: entities sorted by id, relations by
/// (subject, kind, object, date, id), documents by id, whatever order they were added in. Writers
/// emit in this order, so the same graph gives byte-identical files.
public struct KnowledgeGraph: Sendable, Hashable {
    public private(set) var entities: [String: Entity] = [:]
    public private(set) var relations: [Relation] = []
    public private(set) var documents: [String: Document] = [:]

    public init() {}

    /// Adds an entity, or merges it into the one with the same id: aliases are united (the
    /// existing label stays; a differing new label becomes an alias).
    public mutating func add(_ entity: Entity) {
        guard var old = entities[entity.id] else {
            entities[entity.id] = entity
            return
        }
        for name in [entity.label] + entity.aliases where name != old.label && !old.aliases.contains(name) {
            old.aliases.append(name)
        }
        entities[entity.id] = old
    }

    /// Adds a relation; an identical attestation (same ``Relation/id``) is kept once.
    public mutating func add(_ relation: Relation) {
        relations.append(relation)
    }

    public mutating func add(_ document: Document) {
        documents[document.id] = document
    }

    /// Adds everything from another graph (union; attestations are never overwritten).
    public mutating func merge(_ other: KnowledgeGraph) {
        for e in other.sortedEntities { add(e) }
        for d in other.sortedDocuments { add(d) }
        for r in other.relations { add(r) }
    }

    /// Entities ordered by id (code-point order).
    public var sortedEntities: [Entity] {
        entities.values.sorted { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
    }

    /// Documents ordered by id.
    public var sortedDocuments: [Document] {
        documents.values.sorted { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
    }

    /// Relations without duplicates, ordered by subject, kind, object, date, then id.
    public var sortedRelations: [Relation] {
        var seen = Set<String>()
        var unique: [(String, Relation)] = []
        for r in relations {
            let id = r.id
            if seen.insert(id).inserted { unique.append((id, r)) }
        }
        return unique.sorted { a, b in
            let ka = [a.1.subject, a.1.kind.rawValue, a.1.object, a.1.date?.description ?? "", a.0]
            let kb = [b.1.subject, b.1.kind.rawValue, b.1.object, b.1.date?.description ?? "", b.0]
            return ka.lexicographicallyPrecedes(kb) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        }.map(\.1)
    }
}
