import KGRDF

/// The JSON-LD context of kgexport's RDF output (JSON-LD 1.1 §3.1, §4.1), kept in
/// `Ontology/context.jsonld` and embedded in every JSON-LD file ``JSONLDWriter`` writes.
///
/// It makes the JSON read like the graph model: `"type": "Country"`, `"label": "Kazakhstan"`,
/// `"memberOf": "entity:csto"`, `"date": "2008-09-22"`, `"share": "50"`, `"startOffset": 562`,
/// `"modality": "Planned"`. Definitions:
/// - `@vocab` is the kgexport ontology, so class names and `kg:` properties need no prefix;
/// - prefixes `kg`, `rdf`, `rdfs`, `xsd`, `skos`, `prov`, `schema`, and `entity`, `relation`,
///   `article` for the IRIs minted with the default base (`https://w3id.org/kgexport/id/`);
/// - `id` and `type` are aliases of `@id` and `@type`;
/// - one term per property the mapping writes, with its coercion: IRIs (`@id`) for the relations,
///   roles, place, provenance and URL; `@vocab` for the modality; `xsd:date` for `date` and
///   `datePublished` (partial dates are value objects with their own `@type`); `xsd:decimal` for
///   `share`; `xsd:integer` for the offsets; `@language` `en` for labels, aliases, headlines and
///   evidence sentences; none for cited sources and publications (plain strings).
///
/// The context uses only JSON-LD 1.0 features, so 1.0 and 1.1 processors read it alike.
struct JSONLDContext {
    /// How a term's plain JSON values are read.
    enum Coercion: Equatable {
        /// As they are: a string is an `xsd:string` literal (or tagged with the term's language).
        case none
        /// As IRIs (`"@type": "@id"`), document-relative.
        case id
        /// As vocabulary IRIs (`"@type": "@vocab"`): terms and `@vocab` apply.
        case vocab
        /// As literals of the datatype.
        case datatype(IRI)
    }

    /// A term for a property.
    struct Term {
        let name: String
        let iri: IRI
        let coercion: Coercion
        /// The language of plain strings (`"@language"`), or nil.
        let language: String?
    }

    /// The namespace `@vocab` names: the kgexport ontology.
    static let vocabulary = Vocabulary.kg

    /// The prefixes, in the order the context lists them.
    static let prefixes: [Namespace] =
        [Vocabulary.kg, Vocabulary.rdf, Vocabulary.rdfs, Vocabulary.xsd, Vocabulary.skos, Vocabulary.prov, Vocabulary.schema]
        + IRIMinter().namespaces

    /// Keyword aliases: `id` → `@id`, `type` → `@type`.
    static let aliases: [(name: String, keyword: String)] = [("id", "@id"), ("type", "@type")]

    /// The property terms, in the order the context lists them.
    static let terms: [Term] = {
        let kg = Vocabulary.KG.self
        let en = "en"
        return [
            Term(name: "label", iri: Vocabulary.RDFS.label, coercion: .none, language: en),
            Term(name: "altLabel", iri: Vocabulary.SKOS.altLabel, coercion: .none, language: en),
            Term(name: "memberOf", iri: kg.property(.memberOf), coercion: .id, language: nil),
            Term(name: "metWith", iri: kg.property(.metWith), coercion: .id, language: nil),
            Term(name: "holdsShareIn", iri: kg.property(.holdsShareIn), coercion: .id, language: nil),
            Term(name: "member", iri: kg.member, coercion: .id, language: nil),
            Term(name: "organization", iri: kg.organization, coercion: .id, language: nil),
            Term(name: "participant", iri: kg.participant, coercion: .id, language: nil),
            Term(name: "shareholder", iri: kg.shareholder, coercion: .id, language: nil),
            Term(name: "holding", iri: kg.holding, coercion: .id, language: nil),
            Term(name: "date", iri: kg.date, coercion: .datatype(Vocabulary.XSD.date), language: nil),
            Term(name: "place", iri: kg.place, coercion: .id, language: nil),
            Term(name: "share", iri: kg.share, coercion: .datatype(Vocabulary.XSD.decimal), language: nil),
            Term(name: "modality", iri: kg.modality, coercion: .vocab, language: nil),
            Term(name: "evidenceText", iri: kg.evidenceText, coercion: .none, language: en),
            Term(name: "startOffset", iri: kg.startOffset, coercion: .datatype(Vocabulary.XSD.integer), language: nil),
            Term(name: "endOffset", iri: kg.endOffset, coercion: .datatype(Vocabulary.XSD.integer), language: nil),
            Term(name: "citedSource", iri: kg.citedSource, coercion: .none, language: nil),
            Term(name: "wasDerivedFrom", iri: Vocabulary.PROV.wasDerivedFrom, coercion: .id, language: nil),
            Term(name: "headline", iri: Vocabulary.Schema.headline, coercion: .none, language: en),
            Term(name: "url", iri: Vocabulary.Schema.url, coercion: .id, language: nil),
            Term(name: "datePublished", iri: Vocabulary.Schema.datePublished, coercion: .datatype(Vocabulary.XSD.date), language: nil),
            Term(name: "isPartOf", iri: Vocabulary.Schema.isPartOf, coercion: .none, language: nil),
        ]
    }()

    /// Property IRI → its term.
    static let termsByIRI: [IRI: Term] = Dictionary(terms.map { ($0.iri, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every name the context defines (prefixes, aliases, terms): a key or value with one of these
    /// names, or an IRI whose scheme is one of them, is read through the definition.
    static let definedNames: Set<String> =
        Set(prefixes.map(\.prefix)).union(aliases.map(\.name)).union(terms.map(\.name))

    /// The context document, as in `Ontology/context.jsonld`: `{"@context": {…}}`, two-space
    /// indentation, one definition per line, ending in a line feed.
    static let document: String = {
        var lines: [String] = []
        lines.append("\"@vocab\": \(JSONText.string(vocabulary.iri.string))")
        for namespace in prefixes {
            lines.append("\(JSONText.string(namespace.prefix)): \(JSONText.string(namespace.iri.string))")
        }
        for alias in aliases {
            lines.append("\(JSONText.string(alias.name)): \(JSONText.string(alias.keyword))")
        }
        for term in terms {
            var members = ["\"@id\": \(JSONText.string(compact(term.iri)))"]
            switch term.coercion {
            case .none: break
            case .id: members.append("\"@type\": \"@id\"")
            case .vocab: members.append("\"@type\": \"@vocab\"")
            case let .datatype(datatype): members.append("\"@type\": \(JSONText.string(compact(datatype)))")
            }
            if let language = term.language { members.append("\"@language\": \(JSONText.string(language))") }
            lines.append("\(JSONText.string(term.name)): {\(members.joined(separator: ", "))}")
        }
        return "{\n  \"@context\": {\n    " + lines.joined(separator: ",\n    ") + "\n  }\n}\n"
    }()

    /// `prefix:local` for a vocabulary IRI of the context (used in the context itself).
    private static func compact(_ iri: IRI) -> String {
        for namespace in prefixes {
            if let local = namespace.localPart(of: iri), !local.isEmpty { return namespace.prefix + ":" + local }
        }
        return iri.string
    }
}
