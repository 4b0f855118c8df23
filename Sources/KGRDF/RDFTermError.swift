/// Why a string cannot be an RDF term.
///
/// Raised by the validating initializers of ``IRI`` and ``Literal``; the message names the
/// offending value and the rule it breaks.
public enum RDFTermError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not an absolute IRI (RFC 3987 §2.2 `absolute-IRI`, restricted as in
    /// RDF 1.1 N-Triples `IRIREF`). `reason` says which rule fails.
    case invalidIRI(String, reason: String)
    /// The text is not a well-formed BCP 47 language tag (RFC 5646 §2.1).
    case invalidLanguageTag(String)
    /// The lexical form is not in the lexical space of the datatype (XML Schema 1.1 Part 2).
    case invalidLexicalForm(String, datatype: String)
    /// A local name that cannot follow a namespace IRI (not an XML NCName, or the result is no IRI).
    case invalidLocalName(String, namespace: String)

    /// A lower-case message naming the offending value and the broken rule.
    public var description: String {
        switch self {
        case let .invalidIRI(text, reason):
            "invalid IRI \"\(text)\": \(reason)"
        case let .invalidLanguageTag(tag):
            "invalid language tag \"\(tag)\": not a well-formed BCP 47 tag (e.g. en, en-US)"
        case let .invalidLexicalForm(text, datatype):
            "invalid literal \"\(text)\": not a lexical form of <\(datatype)>"
        case let .invalidLocalName(name, namespace):
            "invalid local name \"\(name)\" in namespace <\(namespace)>: not an XML NCName"
        }
    }
}
