/// An RDF triple: subject, predicate, object (RDF 1.1 Concepts §3.1), without blank nodes.
public struct Triple: Sendable, Hashable, CustomStringConvertible {
    /// The resource described.
    public let subject: IRI
    /// The property, e.g. `rdfs:label`.
    public let predicate: IRI
    /// The value: a resource or a literal.
    public let object: Term

    /// A triple whose object is given as a ``Term``.
    public init(_ subject: IRI, _ predicate: IRI, _ object: Term) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    /// A triple whose object is a resource.
    public init(_ subject: IRI, _ predicate: IRI, _ object: IRI) {
        self.init(subject, predicate, .iri(object))
    }

    /// A triple whose object is a literal.
    public init(_ subject: IRI, _ predicate: IRI, _ object: Literal) {
        self.init(subject, predicate, .literal(object))
    }

    /// The N-Triples line without the final newline: `<s> <p> <o> .` (RDF 1.1 N-Triples §2).
    public var description: String {
        "\(subject) \(predicate) \(object) ."
    }
}
