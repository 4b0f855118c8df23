/// A Turtle writer configuration that Turtle cannot express.
///
/// Messages are lower case and name the offending value. Lifecycle misuse is
/// ``FormatError/outOfOrder(operation:)``; output failures are ``OutputError``s, passed through.
public enum TurtleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A namespace prefix the writer cannot declare; `reason` says why (not a Turtle `PN_PREFIX`,
    /// RDF 1.1 Turtle §6.5, or declared twice).
    case invalidPrefix(String, namespace: String, reason: String)

    /// A lower-case message naming the prefix, its namespace and the reason.
    public var description: String {
        switch self {
        case let .invalidPrefix(prefix, namespace, reason):
            return "cannot declare prefix '\(prefix)' for <\(namespace)>: \(reason)"
        }
    }
}
