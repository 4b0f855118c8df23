/// A namespace IRI with its conventional prefix, e.g. `kg` = `https://w3id.org/kgexport/ontology#`.
///
/// Terms are the namespace IRI followed by a local name. Serializers use the prefix for qualified
/// names (RDF/XML element names, Turtle prefixed names).
public struct Namespace: Sendable, Hashable {
    /// The prefix, an XML NCName (``XMLName/isNCName(_:)``), e.g. `rdf`, `kg`.
    public let prefix: String
    /// The namespace IRI, usually ending in `#` or `/`.
    public let iri: IRI

    /// A namespace with a validated prefix.
    /// - Throws: ``RDFTermError/invalidLocalName(_:namespace:)`` when `prefix` is not an NCName.
    public init(prefix: String, iri: IRI) throws(RDFTermError) {
        guard XMLName.isNCName(prefix) else { throw .invalidLocalName(prefix, namespace: iri.string) }
        self.prefix = prefix
        self.iri = iri
    }

    /// For the constants in ``Vocabulary``.
    init(prefix: String, unchecked iri: String) {
        self.prefix = prefix
        self.iri = IRI(unchecked: iri)
    }

    /// The term `namespace + localName`.
    /// - Throws: ``RDFTermError/invalidLocalName(_:namespace:)`` when `localName` is not an XML
    ///   NCName (such a term could not be written as RDF/XML), or the result is not an IRI.
    public func iri(localName: String) throws(RDFTermError) -> IRI {
        guard XMLName.isNCName(localName), IRI.isValid(iri.string + localName) else {
            throw .invalidLocalName(localName, namespace: iri.string)
        }
        return IRI(unchecked: iri.string + localName)
    }

    /// The rest of `iri` after this namespace (possibly empty), or nil when `iri` does not start
    /// with it, compared code point by code point: `kg:` and `…/ontology#memberOf` give `memberOf`.
    public func localPart(of iri: IRI) -> String? {
        let namespace = self.iri.string.unicodeScalars
        let scalars = iri.string.unicodeScalars
        guard scalars.starts(with: namespace) else { return nil }
        return String(String.UnicodeScalarView(scalars.dropFirst(namespace.count)))
    }

    /// For local names known to be NCNames (vocabulary constants, ``EntityType`` raw values).
    func term(_ localName: String) -> IRI {
        IRI(unchecked: iri.string + localName)
    }
}
