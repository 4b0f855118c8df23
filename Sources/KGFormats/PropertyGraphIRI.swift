import KGModel

/// The IRIs property-graph formats (GraphML, DOT) write for entities and relations, so a node or
/// edge can be joined with the same resource in the RDF output.
///
/// The default scheme is the one the ontology mapping mints (data base
/// `https://w3id.org/kgexport/id/`): an entity is `…/id/entity/` + ``KGModel/Identifier/iriSegment(_:)``
/// of its id, a relation (its qualified node: membership, meeting, shareholding) is
/// `…/id/relation/` + its ``KGModel/Relation/id``. Writers take the functions as options, so a
/// caller with another data base passes its own.
public enum PropertyGraphIRI {
    /// `https://w3id.org/kgexport/id/`
    public static let defaultBase = "https://w3id.org/kgexport/id/"

    /// `https://w3id.org/kgexport/id/entity/<iriSegment(id)>`, e.g. `…/entity/nursultan-nazarbayev`.
    @Sendable public static func entity(_ entity: Entity) -> String {
        defaultBase + "entity/" + Identifier.iriSegment(entity.id)
    }

    /// `https://w3id.org/kgexport/id/relation/<relation.id>`, e.g. `…/relation/r0123456789abcdef`.
    @Sendable public static func relation(_ relation: Relation) -> String {
        defaultBase + "relation/" + Identifier.iriSegment(relation.id)
    }
}
