/// A graph that a writer cannot put into its format, or a writer used out of order.
///
/// Messages are lower case and name the offending value. Output errors (disk full, closed pipe)
/// are ``OutputError``s instead, passed through unchanged.
public enum FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libxml2's writer reported a failure during the named operation (e.g. `start element 'node'`).
    case xmlWriter(operation: String)
    /// Two entities with the same ``KGModel/Entity/id`` were given to one writer.
    case duplicateEntity(id: String)
    /// A relation (named `subject kind object`) names a subject or object that is not among the
    /// entities given to ``GraphMLWriter/begin(entities:documents:)``.
    case unknownEntity(relation: String, entity: String)
    /// A value the format cannot write, e.g. a share that is not a finite number (relation named `subject kind object`).
    case invalidValue(relation: String, field: String, value: String)
    /// A writer verb was called out of order, e.g. `write` before `begin` or after `finish`.
    case outOfOrder(operation: String)

    public var description: String {
        switch self {
        case let .xmlWriter(operation):
            return "libxml2 could not \(operation)"
        case let .duplicateEntity(id):
            return "duplicate entity id '\(id)'"
        case let .unknownEntity(relation, entity):
            return "relation \(relation) names entity '\(entity)', which is not in the graph"
        case let .invalidValue(relation, field, value):
            return "relation \(relation) has \(field) '\(value)', which cannot be written"
        case let .outOfOrder(operation):
            return "cannot \(operation) now: the writer is not in the right state"
        }
    }
}
