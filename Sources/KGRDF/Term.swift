/// The object of a triple: an IRI or a literal (RDF 1.1 Concepts §3.1).
///
/// kgexport mints an IRI for every resource it describes, so there are no blank nodes: output is
/// deterministic and every node can be referred to from outside.
public enum Term: Sendable, Hashable, CustomStringConvertible {
    /// A resource.
    case iri(IRI)
    /// A value: text, a number, a date.
    case literal(Literal)

    /// N-Triples form: `<iri>` or the literal's form.
    public var description: String {
        switch self {
        case let .iri(iri): iri.description
        case let .literal(literal): literal.description
        }
    }
}
