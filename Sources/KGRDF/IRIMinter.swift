import KGModel

/// Mints the IRIs of a graph's entities, relations and articles from their ids: the same id gives
/// the same IRI on any machine, and distinct ids give distinct IRIs.
///
/// With the base `B` (default `https://w3id.org/kgexport/id/`):
/// - entity: `B` + `entity/` + `Identifier.iriSegment(entity.id)`, e.g. `…/id/entity/kazakhstan`,
///   `…/id/entity/Acme%20Corp`;
/// - relation (its qualified node: membership, meeting, shareholding): `B` + `relation/` +
///   ``KGModel/Relation/id``, e.g. `…/id/relation/r0f3c9a1b2c3d4e5f`;
/// - article: `B` + `article/` + `Identifier.iriSegment(document.id)`, e.g. `…/id/article/doc%201.txt`.
///
/// `Identifier.iriSegment(_:)` keeps unreserved ASCII and letters and percent-encodes every other
/// character as UTF-8 (RFC 3986 §2.1), `%` included, so the segment is injective and the result is
/// always an IRI (RFC 3987). Used by ``OntologyMapping`` and by property-graph writers that link
/// nodes and edges to the RDF output.
public struct IRIMinter: Sendable, Hashable {
    /// `https://w3id.org/kgexport/id/`.
    public static let defaultBase = "https://w3id.org/kgexport/id/"

    /// The base every minted IRI starts with; an absolute IRI ending in `/` or `#`.
    public let base: IRI

    /// A minter with the default base `https://w3id.org/kgexport/id/`.
    public init() {
        base = IRI(unchecked: IRIMinter.defaultBase)
    }

    /// A minter with the base `base`.
    /// - Throws: ``RDFTermError/invalidIRI(_:reason:)`` when `base` is not an absolute IRI, does not
    ///   end in `/` or `#`, or ends in `/` after a `#` (the minted IRIs would not be IRIs).
    public init(base: String) throws(RDFTermError) {
        if let reason = IRI.violation(in: base) { throw .invalidIRI(base, reason: reason) }
        guard base.hasSuffix("/") || base.hasSuffix("#") else {
            throw .invalidIRI(base, reason: "a base must end in / or #")
        }
        if base.hasSuffix("/"), base.contains("#") {
            throw .invalidIRI(base, reason: "a base with a fragment must end in #")
        }
        self.base = IRI(unchecked: base)
    }

    /// The IRI of the entity with key `id`.
    public func entityIRI(id: String) -> IRI { mint("entity/", id) }

    /// The IRI of `entity`: ``entityIRI(id:)`` of its id.
    public func entityIRI(for entity: Entity) -> IRI { entityIRI(id: entity.id) }

    /// The IRI of the qualified node of the relation whose ``KGModel/Relation/id`` is `id`
    /// (percent-encoded like an entity id; relation ids need no encoding).
    public func relationIRI(id: String) -> IRI { mint("relation/", id) }

    /// The IRI of `relation`'s qualified node: ``relationIRI(id:)`` of ``KGModel/Relation/id``.
    public func relationIRI(for relation: Relation) -> IRI { relationIRI(id: relation.id) }

    /// The IRI of the article whose ``KGModel/Document/id`` (or ``KGModel/Evidence/source``) is `id`.
    public func articleIRI(id: String) -> IRI { mint("article/", id) }

    /// The IRI of `document`: ``articleIRI(id:)`` of its id.
    public func articleIRI(for document: Document) -> IRI { articleIRI(id: document.id) }

    /// The namespaces of minted IRIs, for prefixed names in Turtle and compact IRIs in JSON-LD:
    /// `entity` (base + `entity/`), `relation` (base + `relation/`), `article` (base + `article/`).
    public var namespaces: [Namespace] {
        [Namespace(prefix: "entity", unchecked: base.string + "entity/"),
         Namespace(prefix: "relation", unchecked: base.string + "relation/"),
         Namespace(prefix: "article", unchecked: base.string + "article/")]
    }

    private func mint(_ path: String, _ id: String) -> IRI {
        // A checked base, an ASCII path, and a segment of unreserved characters, letters and %XX.
        IRI(unchecked: base.string + path + IRIMinter.segment(id))
    }

    /// `Identifier.iriSegment(id)`, without its work when `id` is only unreserved ASCII (RFC 3986
    /// §2.3: letters, digits, `-`, `.`, `_`, `~`), which the segment keeps as it is.
    static func segment(_ id: String) -> String {
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                continue
            default:
                return Identifier.iriSegment(id)
            }
        }
        return id
    }
}
