import KGModel

/// An RDF literal: a lexical form with a datatype IRI, or a language-tagged string
/// (RDF 1.1 Concepts §3.3).
///
/// A language-tagged literal has the datatype `rdf:langString` and a well-formed BCP 47 tag
/// (``LanguageTag``); any other literal has no tag. For the XML Schema datatypes kgexport writes
/// (`xsd:date`, `xsd:gYearMonth`, `xsd:gYear`, `xsd:gMonthDay`, `xsd:decimal`, `xsd:integer`,
/// `xsd:boolean`) the lexical form is checked against the datatype's lexical space (XML Schema 1.1
/// Part 2 §3.3), so a datatype always matches its form (`"12.5%"^^xsd:decimal` cannot be made).
/// Other datatypes are taken as given.
///
/// The lexical form is kept exactly, including characters XML 1.0 cannot carry (U+0001, form
/// feed, ...); a serializer that cannot write them decides what to do and documents it.
public struct Literal: Sendable, Hashable, CustomStringConvertible {
    /// The text of the literal, e.g. `2008-09-22` or `Kazakhstan`.
    public let lexicalForm: String
    /// The datatype IRI; `rdf:langString` when ``language`` is set, `xsd:string` for plain text.
    public let datatype: IRI
    /// The BCP 47 language tag as given (e.g. `en`), or nil.
    public let language: String?

    /// A plain string literal, datatype `xsd:string`.
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.XSD.string
        self.language = nil
    }

    /// A typed literal.
    /// - Throws: ``RDFTermError/invalidLexicalForm(_:datatype:)`` when `lexicalForm` is not in the
    ///   lexical space of a datatype listed above, or when `datatype` is `rdf:langString` (which
    ///   needs a language tag: use ``init(_:language:)``).
    public init(_ lexicalForm: String, datatype: IRI) throws(RDFTermError) {
        guard datatype != Vocabulary.RDF.langString, Literal.isLexicalForm(lexicalForm, of: datatype) else {
            throw .invalidLexicalForm(lexicalForm, datatype: datatype.string)
        }
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged string, datatype `rdf:langString`.
    /// - Throws: ``RDFTermError/invalidLanguageTag(_:)`` when `language` is not well-formed
    ///   BCP 47 (`en_US` is refused; write `en-US`).
    public init(_ lexicalForm: String, language: String) throws(RDFTermError) {
        guard LanguageTag.isWellFormed(language) else { throw .invalidLanguageTag(language) }
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.RDF.langString
        self.language = language
    }

    /// For tags already checked (``OntologyMapping`` checks its language once).
    init(_ lexicalForm: String, checkedLanguage language: String) {
        self.lexicalForm = lexicalForm
        self.datatype = Vocabulary.RDF.langString
        self.language = language
    }

    /// For lexical forms known to be in the datatype's lexical space (a ``PartialDate``'s form
    /// with its ``PartialDate/xsdType``).
    init(_ lexicalForm: String, checkedDatatype datatype: IRI) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    /// A date typed by its shape (``PartialDate/xsdType``): `"2008-09-22"^^xsd:date`,
    /// `"2008-09"^^xsd:gYearMonth`, `"2008"^^xsd:gYear`, `"--09-05"^^xsd:gMonthDay`.
    public init(_ date: PartialDate) {
        self.lexicalForm = date.description
        self.datatype = Vocabulary.xsd.term(date.xsdType)
        self.language = nil
    }

    /// An `xsd:integer`, e.g. `"1342"^^xsd:integer`.
    public init(integer: Int) {
        self.lexicalForm = String(integer)
        self.datatype = Vocabulary.XSD.integer
        self.language = nil
    }

    /// An `xsd:decimal` written with `.` and no exponent (`Identifier.formatDecimal(_:)`, at most
    /// six fraction digits): 50 → `"50"`, 12.5 → `"12.5"`. Nil for infinity and NaN, which
    /// `xsd:decimal` cannot hold, and for magnitudes from 10^12 (10^15 for whole numbers) on.
    public init?(decimal: Double) {
        // Identifier.formatDecimal scales fractions by 10^6 into an Int64: keep within its range.
        let integral = decimal == decimal.rounded()
        guard decimal.isFinite, abs(decimal) < (integral ? 1e15 : 1e12) else { return nil }
        self.lexicalForm = Identifier.formatDecimal(decimal)
        self.datatype = Vocabulary.XSD.decimal
        self.language = nil
    }

    /// Canonical N-Triples form, e.g. `"Kazakhstan"@en`, `"Acme \"AG\""` or
    /// `"50"^^<http://www.w3.org/2001/XMLSchema#decimal>`: the lexical form quoted and escaped as
    /// ``NTriplesString`` says, then `@` and the tag as given, `^^` and the datatype IRI, or nothing
    /// for `xsd:string` (RDF 1.1 N-Triples §2.3 and §4).
    public var description: String {
        let quoted = NTriplesString.quoted(lexicalForm)
        if let language { return quoted + "@" + language }
        if datatype == Vocabulary.XSD.string { return quoted }
        return quoted + "^^" + datatype.description
    }
}
