import KGModel

/// The namespaces and terms kgexport writes, as constants.
///
/// External vocabularies: RDF, RDFS, OWL, XML Schema, SKOS, PROV-O, schema.org, W3C ORG, FOAF and
/// Wikidata (entities `wd:`, direct properties `wdt:`). The kgexport ontology is
/// `https://w3id.org/kgexport/ontology#` (prefix `kg`), defined in `Ontology/kgexport.owl`; every
/// `kg:` local name is an XML NCName, so every term can be written as RDF/XML.
public enum Vocabulary {
    /// RDF 1.1 (`rdf:`).
    public static let rdf = Namespace(prefix: "rdf", unchecked: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
    /// RDF Schema 1.1 (`rdfs:`).
    public static let rdfs = Namespace(prefix: "rdfs", unchecked: "http://www.w3.org/2000/01/rdf-schema#")
    /// OWL 2 (`owl:`).
    public static let owl = Namespace(prefix: "owl", unchecked: "http://www.w3.org/2002/07/owl#")
    /// XML Schema 1.1 datatypes (`xsd:`).
    public static let xsd = Namespace(prefix: "xsd", unchecked: "http://www.w3.org/2001/XMLSchema#")
    /// SKOS (`skos:`), for alternative labels.
    public static let skos = Namespace(prefix: "skos", unchecked: "http://www.w3.org/2004/02/skos/core#")
    /// PROV-O (`prov:`), for provenance.
    public static let prov = Namespace(prefix: "prov", unchecked: "http://www.w3.org/ns/prov#")
    /// schema.org, in the `http:` form its published RDF uses.
    public static let schema = Namespace(prefix: "schema", unchecked: "http://schema.org/")
    /// W3C Organization Ontology (`org:`).
    public static let org = Namespace(prefix: "org", unchecked: "http://www.w3.org/ns/org#")
    /// FOAF (`foaf:`).
    public static let foaf = Namespace(prefix: "foaf", unchecked: "http://xmlns.com/foaf/0.1/")
    /// Wikidata items (`wd:Q5` human).
    public static let wd = Namespace(prefix: "wd", unchecked: "http://www.wikidata.org/entity/")
    /// Wikidata direct properties (`wdt:P463` member of).
    public static let wdt = Namespace(prefix: "wdt", unchecked: "http://www.wikidata.org/prop/direct/")
    /// The kgexport ontology.
    public static let kg = Namespace(prefix: "kg", unchecked: "https://w3id.org/kgexport/ontology#")

    /// Every namespace above, in this order: rdf, rdfs, owl, xsd, skos, prov, schema, org, foaf, wd, wdt, kg.
    public static let all: [Namespace] = [rdf, rdfs, owl, xsd, skos, prov, schema, org, foaf, wd, wdt, kg]

    /// RDF 1.1 terms.
    public enum RDF {
        /// `rdf:type`: the class of a resource.
        public static let type = rdf.term("type")
        /// `rdf:langString`: the datatype of language-tagged strings.
        public static let langString = rdf.term("langString")
    }

    /// RDF Schema 1.1 terms.
    public enum RDFS {
        /// `rdfs:label`: a resource's name (an entity's canonical label).
        public static let label = rdfs.term("label")
        /// `rdfs:comment`: a description.
        public static let comment = rdfs.term("comment")
    }

    /// XML Schema 1.1 datatypes.
    public enum XSD {
        /// `xsd:string`: plain text.
        public static let string = xsd.term("string")
        /// `xsd:boolean`.
        public static let boolean = xsd.term("boolean")
        /// `xsd:decimal`: shares, in percent.
        public static let decimal = xsd.term("decimal")
        /// `xsd:integer`: offsets.
        public static let integer = xsd.term("integer")
        /// `xsd:date`: `YYYY-MM-DD`.
        public static let date = xsd.term("date")
        /// `xsd:gYearMonth`: `YYYY-MM`.
        public static let gYearMonth = xsd.term("gYearMonth")
        /// `xsd:gYear`: `YYYY`.
        public static let gYear = xsd.term("gYear")
        /// `xsd:gMonthDay`: `--MM-DD`.
        public static let gMonthDay = xsd.term("gMonthDay")
    }

    /// SKOS terms.
    public enum SKOS {
        /// `skos:altLabel`: one alias of an entity.
        public static let altLabel = skos.term("altLabel")
    }

    /// PROV-O terms.
    public enum PROV {
        /// `prov:wasDerivedFrom`: qualified node → the article it was read from.
        public static let wasDerivedFrom = prov.term("wasDerivedFrom")
    }

    /// schema.org terms used for articles.
    public enum Schema {
        /// `schema:headline`: an article's title.
        public static let headline = schema.term("headline")
        /// `schema:url`: where an article was published.
        public static let url = schema.term("url")
        /// `schema:datePublished`: an article's publication date, typed by its shape.
        public static let datePublished = schema.term("datePublished")
        /// `schema:isPartOf`: the publication an article appeared in, as a string.
        public static let isPartOf = schema.term("isPartOf")
    }

    /// The kgexport ontology's terms (`Ontology/kgexport.owl`).
    public enum KG {
        // Classes (named after their local names: `kg:QualifiedRelation`, `kg:Article`, `kg:Modality`).
        /// Superclass of the three qualified-node classes: one attestation of a relation.
        public static let qualifiedRelationClass = kg.term("QualifiedRelation")
        /// A news article, the provenance of qualified nodes.
        public static let articleClass = kg.term("Article")
        /// The class of ``asserted``, ``planned`` and ``negated``.
        public static let modalityClass = kg.term("Modality")

        // Role properties of qualified nodes.
        /// Membership → the member (person, country or organization).
        public static let member = kg.term("member")
        /// Membership → the organization.
        public static let organization = kg.term("organization")
        /// Meeting → each of the two participants.
        public static let participant = kg.term("participant")
        /// Shareholding → the holder of the share.
        public static let shareholder = kg.term("shareholder")
        /// Shareholding → the company or asset in which the share is held.
        public static let holding = kg.term("holding")

        // Qualifiers and evidence.
        /// `kg:date`: when the relation held or the meeting took place, typed by its shape.
        public static let date = kg.term("date")
        /// `kg:place`: qualified node → the place entity where the meeting took place.
        public static let place = kg.term("place")
        /// `kg:share`: the share held, percent 0...100, `xsd:decimal`.
        public static let share = kg.term("share")
        /// `kg:modality`: qualified node → `kg:Asserted`, `kg:Planned` or `kg:Negated`.
        public static let modality = kg.term("modality")
        /// `kg:evidenceText`: the sentence stating the relation, language-tagged.
        public static let evidenceText = kg.term("evidenceText")
        /// `kg:startOffset`: where the sentence starts in the article, in code points.
        public static let startOffset = kg.term("startOffset")
        /// `kg:endOffset`: where the sentence ends in the article, in code points, exclusive.
        public static let endOffset = kg.term("endOffset")
        /// `kg:citedSource`: the source the article cites for the statement, as printed.
        public static let citedSource = kg.term("citedSource")

        // Modality individuals.
        /// `kg:Asserted`: the article says the relation holds or happened.
        public static let asserted = kg.term("Asserted")
        /// `kg:Planned`: the article announces the relation for the future.
        public static let planned = kg.term("Planned")
        /// `kg:Negated`: the article says the relation does not hold or did not happen.
        public static let negated = kg.term("Negated")

        /// The class of an entity type: `kg:Person`, `kg:Country`, ... (the raw value is the local name).
        public static func entityClass(_ type: EntityType) -> IRI { kg.term(type.rawValue) }

        /// The direct property of a relation kind: `kg:memberOf`, `kg:metWith`, `kg:holdsShareIn`.
        public static func property(_ kind: RelationKind) -> IRI { kg.term(kind.localName) }

        /// The qualified-node class of a relation kind: `kg:Membership`, `kg:Meeting`, `kg:Shareholding`.
        public static func qualifiedClass(_ kind: RelationKind) -> IRI { kg.term(kind.qualifiedClass) }

        /// The role of the relation's subject on its qualified node: `kg:member`, `kg:participant`,
        /// `kg:shareholder`.
        public static func subjectRole(_ kind: RelationKind) -> IRI {
            switch kind {
            case .memberOf: member
            case .metWith: participant
            case .holdsShareIn: shareholder
            }
        }

        /// The role of the relation's object on its qualified node: `kg:organization`,
        /// `kg:participant`, `kg:holding`.
        public static func objectRole(_ kind: RelationKind) -> IRI {
            switch kind {
            case .memberOf: organization
            case .metWith: participant
            case .holdsShareIn: holding
            }
        }

        /// The individual for a modality: `kg:Asserted`, `kg:Planned`, `kg:Negated`.
        public static func modality(_ modality: Modality) -> IRI {
            switch modality {
            case .asserted: asserted
            case .planned: planned
            case .negated: negated
            }
        }
    }
}
