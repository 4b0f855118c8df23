/// Why a graph or a mapping configuration cannot be turned into triples.
public enum OntologyMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The language tag for labels and evidence is not well-formed BCP 47.
    case invalidLanguageTag(String)
    /// A share that cannot be written as an `xsd:decimal` (NaN, infinite, or from 10^12 on), with the
    /// relation as `subject kind object`.
    case invalidShare(Double, relation: String)

    /// A lower-case message naming the offending value.
    public var description: String {
        switch self {
        case let .invalidLanguageTag(tag):
            "invalid language tag \"\(tag)\": not a well-formed BCP 47 tag (e.g. en, en-US)"
        case let .invalidShare(value, relation):
            "invalid share \(value) in relation \(relation): not a finite decimal below 10^12"
        }
    }
}
