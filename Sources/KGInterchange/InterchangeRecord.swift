import KGModel

/// One line of an interchange file, decoded: a document, an entity or a relation
/// (see ``InterchangeReader`` for the fields of each).
public enum InterchangeRecord: Sendable, Hashable {
    case document(Document)
    case entity(Entity)
    case relation(Relation)
}
