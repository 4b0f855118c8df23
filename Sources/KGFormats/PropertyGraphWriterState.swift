import KGModel

/// What the property-graph writers (GraphML, GEXF, DOT) keep between `begin`, `write` and
/// `finish`: the attribute table made at `begin`, the ids of the edges written, and where in that
/// order the writer is.
///
/// Each call checks the order and throws ``FormatError/outOfOrder(operation:)`` for `write`
/// before `begin` or after `finish`, `begin` twice, and `finish` before `begin` or twice.
struct PropertyGraphWriterState {
    /// What the writer writes, for messages: `graphml document`, `gexf document`, `dot graph`.
    let document: String
    /// The attribute table, made by ``begin(entities:documents:iriForEntity:iriForRelation:relationIRIPrefix:)``.
    private var attributes: PropertyGraphAttributes?
    private var writtenEdges = RelationIDSet()
    private var finished = false

    init(document: String) {
        self.document = document
    }

    /// Makes the attribute table of `entities` and `documents` (see ``PropertyGraphAttributes``).
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when begun already;
    ///   ``FormatError/duplicateEntity(id:)``.
    mutating func begin(entities: [Entity], documents: [Document],
                        iriForEntity: @escaping @Sendable (Entity) -> String,
                        iriForRelation: @escaping @Sendable (Relation) -> String,
                        relationIRIPrefix: String? = nil) throws -> PropertyGraphAttributes {
        guard attributes == nil, !finished else { throw FormatError.outOfOrder(operation: "begin a " + document) }
        let table = try PropertyGraphAttributes(entities: entities, documents: documents, iriForEntity: iriForEntity,
                                                iriForRelation: iriForRelation, relationIRIPrefix: relationIRIPrefix)
        attributes = table
        return table
    }

    /// The attribute table for writing the edge of `relation`, once its relation is checked
    /// (its subject and object among the entities when `checksEntities`, its share in any case),
    /// or nil when `skipsRepeatedEdges` and an edge with its id was written already.
    /// - Throws: ``FormatError/outOfOrder(operation:)``; ``FormatError/unknownEntity(relation:entity:)``;
    ///   ``FormatError/invalidValue(relation:field:value:)``.
    mutating func admit(_ relation: IdentifiedRelation, checksEntities: Bool = true,
                        skipsRepeatedEdges: Bool = true) throws -> PropertyGraphAttributes? {
        guard let attributes, !finished else { throw FormatError.outOfOrder(operation: "write an edge") }
        if checksEntities {
            try attributes.validate(relation.relation)
        } else {
            try PropertyGraphAttributes.checkShare(relation.relation)
        }
        if skipsRepeatedEdges, !writtenEdges.insert(relation.id) { return nil }
        return attributes
    }

    /// Marks the end.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before `begin` or when finished already.
    mutating func finish() throws {
        guard attributes != nil, !finished else { throw FormatError.outOfOrder(operation: "finish a " + document) }
        finished = true
    }
}

/// A writer of one property graph: nodes at `begin`, one edge per `write`, then `finish`.
protocol PropertyGraphWriter: AnyObject {
    func begin(entities: [Entity], documents: [Document]) throws
    func write(_ relation: Relation) throws
    func finish() throws
}

extension PropertyGraphWriter {
    /// Writes a whole graph in its sorted order: entities, documents and relations. A share that
    /// cannot be written is refused before any byte is written.
    /// - Throws: what `begin`, `write` and `finish` throw.
    func writeWhole(_ graph: KnowledgeGraph) throws {
        for relation in graph.relations { try PropertyGraphAttributes.checkShare(relation) }
        try begin(entities: graph.sortedEntities, documents: graph.sortedDocuments)
        for relation in graph.sortedRelations { try write(relation) }
        try finish()
    }
}
