/// One of the three relations kgexport extracts.
///
/// Spellings: the raw value (`member-of`) is used in property-graph formats, the CLI and the
/// interchange file; ``localName`` (`memberOf`) is the ontology property; ``qualifiedClass``
/// (`Membership`) is the class of the qualified node that carries the relation's attributes.
public enum RelationKind: String, CaseIterable, Sendable, Hashable, Comparable {
    /// X is a member of organization Y (W3C ORG `org:memberOf`, Wikidata P463). Directed.
    case memberOf = "member-of"
    /// X and Y met in person. Symmetric; written once, subject to object.
    case metWith = "met-with"
    /// X owns an equity stake in Y (Wikidata P127 inverse, with P1107 for the share). Directed.
    case holdsShareIn = "holds-share-in"

    /// The ontology property's local name: `memberOf`, `metWith`, `holdsShareIn`.
    public var localName: String {
        switch self {
        case .memberOf: "memberOf"
        case .metWith: "metWith"
        case .holdsShareIn: "holdsShareIn"
        }
    }

    /// The ontology class of the qualified node: `Membership`, `Meeting`, `Shareholding`.
    public var qualifiedClass: String {
        switch self {
        case .memberOf: "Membership"
        case .metWith: "Meeting"
        case .holdsShareIn: "Shareholding"
        }
    }

    /// Whether the relation reads the same in both directions (only `met-with`).
    public var isSymmetric: Bool { self == .metWith }

    public static func < (lhs: RelationKind, rhs: RelationKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// How the text states a relation.
///
/// `asserted`: the text says it holds or happened. `planned`: announced for the future ("will
/// meet", "is due to visit"). `negated`: the text says it did not happen or does not hold; the
/// extractor does not emit negated relations as edges, but an interchange file may carry them.
public enum Modality: String, CaseIterable, Sendable, Hashable, Comparable {
    case asserted
    case planned
    case negated

    public static func < (lhs: Modality, rhs: Modality) -> Bool { lhs.rawValue < rhs.rawValue }
}
