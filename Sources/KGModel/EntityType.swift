/// The coarse type of an entity, named as the ontology class it maps to (`kg:Person`, ...).
///
/// The raw value is the class's local name in `Ontology/kgexport.owl` and the value written in the
/// GraphML `type` key and the interchange file's `type` field.
public enum EntityType: String, CaseIterable, Sendable, Hashable, Comparable {
    case person = "Person"
    case country = "Country"
    case organization = "Organization"
    case company = "Company"
    case facility = "Facility"
    case place = "Place"

    public static func < (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rawValue < rhs.rawValue }
}
