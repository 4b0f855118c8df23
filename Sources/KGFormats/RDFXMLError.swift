/// Triples or a configuration that RDF/XML cannot express.
///
/// Messages are lower case and name the offending value. Lifecycle misuse is
/// ``FormatError/outOfOrder(operation:)``; output failures are ``OutputError``s, passed through.
public enum RDFXMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The predicate's IRI does not end in an XML NCName, so it cannot be a property element
    /// (RDF 1.1 XML Syntax §2.3), e.g. `…/rel/2023` or `…/p%20q`.
    case unwritablePredicate(String)
    /// A namespace prefix the writer cannot declare; `reason` says why.
    case invalidPrefix(String, namespace: String, reason: String)

    public var description: String {
        switch self {
        case let .unwritablePredicate(iri):
            return "predicate <\(iri)> cannot be written as RDF/XML: its IRI does not end in an XML name (NCName)"
        case let .invalidPrefix(prefix, namespace, reason):
            return "cannot declare prefix '\(prefix)' for <\(namespace)>: \(reason)"
        }
    }
}
