/// A triple that JSON-LD cannot carry with the kgexport context.
///
/// Messages are lower case and name the offending value. Lifecycle misuse is
/// ``FormatError/outOfOrder(operation:)``; output failures are ``OutputError``s, passed through.
public enum JSONLDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An IRI whose scheme is a term of the context (`kg:x`, `entity:y`): a JSON-LD reader would
    /// expand it as a compact IRI or a term (JSON-LD 1.1 §4.2 IRI Expansion), so it cannot be
    /// written unchanged.
    case unwritableIRI(String, term: String)

    /// A lower-case message naming the IRI and the term its scheme collides with.
    public var description: String {
        switch self {
        case let .unwritableIRI(iri, term):
            return "IRI <\(iri)> cannot be written as JSON-LD: its scheme '\(term)' is a term of the kgexport context, which readers would expand"
        }
    }
}
