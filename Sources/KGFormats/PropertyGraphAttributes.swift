import KGModel

/// The attributes property-graph formats write for nodes and edges: one table, so GraphML, GEXF and
/// DOT carry the same names, types and values.
///
/// Node attributes, in order: `label`, `type` (``KGModel/EntityType`` raw value), `iri`, `aliases`
/// (a list of strings: a JSON array, RFC 8259, in GraphML and DOT, a `liststring` in GEXF; absent
/// when there are none).
///
/// Edge attributes, in order: `relation` (`member-of`, `met-with`, `holds-share-in`), `relation_iri`
/// (the IRI of the relation's qualified node), `date` (ISO 8601 / XML Schema lexical form:
/// `2008-09-22`, `2008-09`, `2008`, `--09-22`), `place` (the place entity's label), `place_iri`,
/// `share` (percent, 0...100, a double), `modality` (`asserted`, `planned`, `negated`), `evidence`
/// (the sentence), `source` (the article: ``KGModel/Document/id``), `source_title`, `source_url`,
/// `source_date`, `source_publication` (from the ``KGModel/Document`` the source names, when it is
/// among the documents), `cited_source`, `offset_start` and `offset_end` (the sentence's
/// position in the article in Unicode code points, end exclusive; ints).
///
/// A value the graph does not have is left out, never written as an empty string or NaN.
struct PropertyGraphAttributes {
    /// An attribute's value type, and how each format declares it.
    enum ValueType {
        case string, double, int
        /// A list of strings (aliases).
        case stringList

        /// GraphML 1.0 `attr.type`: `string`, `double`, `int`; a list is one `string` (a JSON array).
        var graphMLType: String {
            switch self {
            case .string, .stringList: return "string"
            case .double: return "double"
            case .int: return "int"
            }
        }

        /// GEXF 1.3 attribute `type`: `string`, `double`, `integer`, `liststring`.
        var gexfType: String {
            switch self {
            case .string: return "string"
            case .double: return "double"
            case .int: return "integer"
            case .stringList: return "liststring"
            }
        }
    }

    /// An attribute's declaration: its name, type, and what it holds.
    struct Key {
        let name: String
        let type: ValueType
        let description: String
    }

    /// One written value.
    enum Value: Equatable {
        case string(String)
        case double(Double)
        case int(Int)
        case stringList([String])

        /// The lexical form: strings as they are, numbers with `.` and no exponent, a list as a
        /// JSON array (``jsonArray(_:)``).
        var lexicalForm: String {
            switch self {
            case let .string(s): return s
            case let .double(d): return Identifier.formatDecimal(d)
            case let .int(i): return String(i)
            case let .stringList(list): return PropertyGraphAttributes.jsonArray(list)
            }
        }
    }

    static let nodeKeys: [Key] = [
        Key(name: "label", type: .string, description: "canonical name of the entity"),
        Key(name: "type", type: .string, description: "entity type: Person, Country, Organization, Company, Facility or Place"),
        Key(name: "iri", type: .string, description: "IRI of the entity in the RDF output"),
        Key(name: "aliases", type: .stringList, description: "other names of the entity, as a JSON array of strings"),
    ]

    static let edgeKeys: [Key] = [
        Key(name: "relation", type: .string, description: "relation: member-of, met-with (symmetric, written once from subject to object) or holds-share-in"),
        Key(name: "relation_iri", type: .string, description: "IRI of the relation's qualified node (membership, meeting, shareholding) in the RDF output"),
        Key(name: "date", type: .string, description: "when the relation held or the meeting took place: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD"),
        Key(name: "place", type: .string, description: "label of the place where the meeting took place"),
        Key(name: "place_iri", type: .string, description: "IRI of the place entity"),
        Key(name: "share", type: .double, description: "share held, percent (0 to 100)"),
        Key(name: "modality", type: .string, description: "how the text states the relation: asserted, planned or negated"),
        Key(name: "evidence", type: .string, description: "the sentence stating the relation"),
        Key(name: "source", type: .string, description: "the article the sentence is from (input file name)"),
        Key(name: "source_title", type: .string, description: "title of the article"),
        Key(name: "source_url", type: .string, description: "where the article was published"),
        Key(name: "source_date", type: .string, description: "publication date of the article"),
        Key(name: "source_publication", type: .string, description: "publication the article appeared in"),
        Key(name: "cited_source", type: .string, description: "the source the article cites for the statement"),
        Key(name: "offset_start", type: .int, description: "start of the sentence in the article, in Unicode code points from 0"),
        Key(name: "offset_end", type: .int, description: "end of the sentence in the article, in Unicode code points, exclusive"),
    ]

    /// The entities the writer was begun with, and each id's position among them.
    private let entities: [Entity]
    private let positions: EntityPositions
    private var documents: [String: Document] = [:]
    private let iriForEntity: @Sendable (Entity) -> String
    private let iriForRelation: @Sendable (Relation) -> String
    /// When the IRIs come from an ``KGRDF/IRIMinter``: the start of every relation IRI, which
    /// then is this followed by the relation id (already known to the writer).
    private let relationIRIPrefix: String?

    /// Indexes the entities and documents a writer was begun with.
    /// - Throws: ``FormatError/duplicateEntity(id:)`` when two entities share an id.
    init(entities: [Entity], documents: [Document],
         iriForEntity: @escaping @Sendable (Entity) -> String,
         iriForRelation: @escaping @Sendable (Relation) -> String,
         relationIRIPrefix: String? = nil) throws {
        self.iriForEntity = iriForEntity
        self.iriForRelation = iriForRelation
        self.relationIRIPrefix = relationIRIPrefix
        self.entities = entities
        var duplicate: String?
        positions = EntityPositions(entities.map(\.id), duplicate: &duplicate)
        if let duplicate { throw FormatError.duplicateEntity(id: duplicate) }
        for document in documents { self.documents[document.id] = document }
    }

    /// The node attributes of `entity`, in ``nodeKeys`` order, present values only.
    func node(_ entity: Entity) -> [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = [
            ("label", .string(entity.label)),
            ("type", .string(entity.type.rawValue)),
            ("iri", .string(iriForEntity(entity))),
        ]
        if !entity.aliases.isEmpty {
            out.append(("aliases", .stringList(entity.aliases)))
        }
        return out
    }

    /// Checks that `relation` names known entities and has a writable share.
    /// - Throws: ``FormatError/unknownEntity(relation:entity:)``, ``FormatError/invalidValue(relation:field:value:)``.
    ///
    /// Call it before anything reads ``KGModel/Relation/id``, which formats the share.
    func validate(_ relation: Relation) throws {
        try PropertyGraphAttributes.checkShare(relation)
        if positions.position(of: relation.subject) == nil {
            throw FormatError.unknownEntity(relation: PropertyGraphAttributes.name(relation), entity: relation.subject)
        }
        if positions.position(of: relation.object) == nil {
            throw FormatError.unknownEntity(relation: PropertyGraphAttributes.name(relation), entity: relation.object)
        }
    }

    /// Checks that the share, if any, is a finite number of plain-decimal size (|share| < 10¹²).
    /// ``KGModel/Relation/id`` and ``KGModel/Identifier/formatDecimal(_:)`` cannot format others, so
    /// writers call this before anything reads the id (including `KnowledgeGraph.sortedRelations`).
    /// - Throws: ``FormatError/invalidValue(relation:field:value:)``.
    static func checkShare(_ relation: Relation) throws {
        if let share = relation.share, !(share.isFinite && abs(share) < 1e12) {
            throw FormatError.invalidValue(relation: name(relation), field: "share", value: "\(share)")
        }
    }

    /// `subject kind object`, how errors name a relation.
    static func name(_ relation: Relation) -> String {
        "\(relation.subject) \(relation.kind.rawValue) \(relation.object)"
    }

    /// The edge attributes of `relation`, in ``edgeKeys`` order, present values only.
    ///
    /// A place that is not among the entities is written with its id as the label and the IRI an
    /// entity with that id would have.
    func edge(_ relation: Relation) -> [(key: String, value: Value)] {
        var out: [(key: String, value: Value)] = []
        forEachEdgeValue(relation, id: relation.id) { out.append(($0, $1)) }
        return out
    }

    /// Calls `body` with each edge attribute of `relation` (whose ``KGModel/Relation/id`` is `id`),
    /// as ``edge(_:)`` lists them, without making the list.
    func forEachEdgeValue(_ relation: Relation, id: String, _ body: (String, Value) throws -> Void) rethrows {
        try body("relation", .string(relation.kind.rawValue))
        try body("relation_iri", .string(relationIRIPrefix.map { $0 + id } ?? iriForRelation(relation)))
        if let date = relation.date { try body("date", .string(date.description)) }
        if let placeID = relation.place {
            let place = entity(placeID) ?? Entity(id: placeID, label: placeID, type: .place)
            try body("place", .string(place.label))
            try body("place_iri", .string(iriForEntity(place)))
        }
        if let share = relation.share { try body("share", .double(share)) }
        try body("modality", .string(relation.modality.rawValue))
        let evidence = relation.evidence
        if let sentence = evidence.sentence { try body("evidence", .string(sentence)) }
        if let source = evidence.source {
            try body("source", .string(source))
            if !documents.isEmpty, let document = documents[source] {
                if let title = document.title { try body("source_title", .string(title)) }
                if let url = document.url { try body("source_url", .string(url)) }
                if let date = document.date { try body("source_date", .string(date.description)) }
                if let publication = document.publication { try body("source_publication", .string(publication)) }
            }
        }
        if let cited = evidence.citedSource { try body("cited_source", .string(cited)) }
        if let offsets = evidence.offsets {
            try body("offset_start", .int(offsets.lowerBound))
            try body("offset_end", .int(offsets.upperBound))
        }
    }

    /// ``KGModel/Identifier/nmtoken(_:)`` of `id`, at once when `id` is only ASCII letters,
    /// digits, `-` and `.`, which the NMTOKEN keeps as they are.
    static func nmtoken(_ id: String) -> String {
        guard !id.isEmpty else { return Identifier.nmtoken(id) }
        for byte in id.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."):
                continue
            default:
                return Identifier.nmtoken(id)
            }
        }
        return id
    }

    /// The label of the entity with `id` (its id when unknown).
    func label(of id: String) -> String { entity(id)?.label ?? id }

    /// The entity with `id`, if the writer was begun with it.
    private func entity(_ id: String) -> Entity? {
        positions.position(of: id).map { entities[$0] }
    }

    /// A JSON array of strings (RFC 8259 §7): `"` and `\` escaped, U+0000–U+001F as `\n`, `\t`,
    /// ... or `\u00XX` (so even characters XML cannot carry survive inside it); all else as is.
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (i, s) in strings.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{8}": out += "\\b"
                case "\u{C}": out += "\\f"
                default:
                    if scalar.value < 0x20 {
                        let hex = String(scalar.value, radix: 16, uppercase: false)
                        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }
        return out + "]"
    }
}
