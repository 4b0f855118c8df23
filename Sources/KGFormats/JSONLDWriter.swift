import KGModel
import KGRDF

/// Writes triples as JSON-LD (JSON-LD 1.1, W3C Recommendation 2020) that reads like the graph
/// model, streaming, with the kgexport context embedded.
///
/// Shape of the output (UTF-8 JSON, two-space indentation):
///
/// ```json
/// {
///   "@context": { … the context of Ontology/context.jsonld … },
///   "@graph": [
///     {
///       "id": "entity:kazakhstan",
///       "type": "Country",
///       "label": "Kazakhstan",
///       "altLabel": "Kazakh",
///       "memberOf": "entity:collective-security-treaty-organization"
///     },
///     {
///       "id": "relation:r…",
///       "type": "Membership",
///       "date": {"@value": "2008-09", "@type": "xsd:gYearMonth"},
///       "startOffset": 562,
///       …
///     }
///   ]
/// }
/// ```
///
/// - The context (``JSONLDContext``, byte for byte the `@context` member of
///   `Ontology/context.jsonld`) is embedded, so a file is read without fetching anything.
/// - `@graph` holds one node object per run of consecutive triples with the same subject (JSON-LD
///   1.1 §4.9): `id` first, then `type`, then one member per predicate in order of first
///   appearance; several objects of one predicate are an array, in order.
/// - A predicate with a term in the context is written with the term; a value that fits the
///   term's coercion is a plain JSON value (an IRI string, a lexical form, an `xsd:integer` offset
///   as a number when it is canonical and below 10^15, a string in the term's language); any other
///   value is an explicit node reference `{"@id": …}` or value object `{"@value": …, "@type": …}`
///   / `{"@value": …, "@language": …}`, so nothing depends on a guess.
/// - Other predicates and classes are written vocabulary-relative (`Country`, for a `kg:` name the
///   context does not define) or as compact IRIs (`skos:x`, `entity:y`), else in full. Node ids and
///   IRI values are compact IRIs when they start with a prefix of the context, else full IRIs.
/// - Strings are escaped per RFC 8259 §7; every character survives.
///
/// Expanding the output (JSON-LD 1.1 Processing Algorithms §5.1, §8) gives exactly the triples
/// written: the same graph as ``NTriplesWriter``.
///
/// Limits (errors, never a wrong graph): an IRI whose scheme is a name the context defines
/// (`kg:x`, `entity:y`, `label:z`) would be read as a compact IRI, so it throws
/// ``JSONLDError/unwritableIRI(_:term:)`` before anything of its triple is written.
///
/// Lifecycle: ``init(sink:)``, ``write(_:)`` per triple, ``finish()``. The context is written
/// before the first node (or by ``finish()`` for no triples). The writer holds the current
/// subject's triples only; the sink is not committed.
public final class JSONLDWriter {
    /// The usual file extension, `jsonld`.
    public static let fileExtension = "jsonld"
    /// The media type, `application/ld+json` (JSON-LD 1.1 §C.1).
    public static let mediaType = "application/ld+json"
    /// The context document (`{"@context": {…}}`) that `Ontology/context.jsonld` holds and every
    /// output embeds.
    public static var contextDocument: String { JSONLDContext.document }

    private let sink: ByteSink
    private var started = false
    private var finished = false
    private var nodes = 0
    private var subject: IRI?
    /// The current subject's classes (rendered), then its other members in order of first appearance.
    private var types: [String] = []
    private var members: [(key: String, values: [String])] = []

    /// A writer bound to `sink`; writes nothing yet.
    public init(sink: ByteSink) {
        self.sink = sink
    }

    /// Adds one triple: to the current node object when its subject is the previous triple's,
    /// otherwise after writing the current one.
    /// - Throws: ``JSONLDError/unwritableIRI(_:term:)`` (nothing of the triple is written),
    ///   ``FormatError/outOfOrder(operation:)`` after ``finish()``, ``OutputError`` from the sink.
    public func write(_ triple: Triple) throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "write a triple") }
        // Everything of the triple is rendered (and so checked) before anything changes.
        _ = try JSONLDWriter.reference(triple.subject)
        if case let .iri(object) = triple.object, triple.predicate == Vocabulary.RDF.type {
            let value = try JSONLDWriter.vocabularyName(object)
            if triple.subject != subject { try startNode() }
            types.append(JSONText.string(value))
        } else {
            let (key, value) = try JSONLDWriter.member(triple.predicate, triple.object)
            if triple.subject != subject { try startNode() }
            if let i = members.firstIndex(where: { $0.key == key }) {
                members[i].values.append(value)
            } else {
                members.append((key, [value]))
            }
        }
        subject = triple.subject
    }

    /// Writes the last node object and closes the document.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when called twice; ``OutputError`` from the sink.
    public func finish() throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "finish a JSON-LD document") }
        finished = true
        try writeNode()
        try startIfNeeded()
        try sink.write(nodes == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// Writes every triple of `graph` under `mapping` (``KGRDF/OntologyMapping/forEachTriple(in:_:)``,
    /// so one node object per subject).
    ///
    /// - Throws: ``KGRDF/OntologyMappingError`` for a graph the mapping refuses (before any byte is
    ///   written), ``JSONLDError``, or ``OutputError`` from the sink.
    /// - Complexity: O(*n* log *n*) for *n* entities and relations (sorting); memory for one
    ///   subject's triples besides the graph itself.
    public static func write(_ graph: KnowledgeGraph, mapping: OntologyMapping, to sink: ByteSink) throws {
        let writer = JSONLDWriter(sink: sink)
        try mapping.forEachTriple(in: graph) { try writer.write($0) }
        try writer.finish()
    }

    // MARK: Output

    private func startIfNeeded() throws {
        guard !started else { return }
        started = true
        // The context document without its closing brace, then the graph.
        var context = JSONLDContext.document
        context.removeLast("}\n".count)
        context.removeLast()  // the line feed after the context object
        try sink.write(context + ",\n  \"@graph\": [")
    }

    /// Writes the current node (if any) and starts an empty one.
    private func startNode() throws {
        try writeNode()
        types.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
    }

    private func writeNode() throws {
        guard let subject, !(types.isEmpty && members.isEmpty) else { return }
        try startIfNeeded()
        var lines = ["\"id\": " + JSONText.string(try JSONLDWriter.reference(subject))]
        if !types.isEmpty { lines.append("\"type\": " + JSONLDWriter.value(types)) }
        for member in members {
            lines.append(JSONText.string(member.key) + ": " + JSONLDWriter.value(member.values))
        }
        let text = (nodes == 0 ? "\n" : ",\n") + "    {\n      " + lines.joined(separator: ",\n      ") + "\n    }"
        try sink.write(text)
        nodes += 1
        self.subject = nil
        types.removeAll(keepingCapacity: true)
        members.removeAll(keepingCapacity: true)
    }

    /// One value as it is, several as an array on one line.
    private static func value(_ values: [String]) -> String {
        values.count == 1 ? values[0] : "[" + values.joined(separator: ", ") + "]"
    }

    // MARK: Terms

    /// The key and the rendered value of a member `predicate`: `object`.
    static func member(_ predicate: IRI, _ object: Term) throws -> (key: String, value: String) {
        guard let term = JSONLDContext.termsByIRI[predicate] else {
            return (try vocabularyName(predicate), try explicit(object))
        }
        switch (term.coercion, object) {
        case let (.id, .iri(iri)):
            return (term.name, JSONText.string(try reference(iri)))
        case let (.vocab, .iri(iri)):
            return (term.name, JSONText.string(try vocabularyName(iri)))
        case let (.datatype(datatype), .literal(literal)) where literal.datatype == datatype:
            if datatype == Vocabulary.XSD.integer, isSafeInteger(literal.lexicalForm) {
                return (term.name, literal.lexicalForm)
            }
            return (term.name, JSONText.string(literal.lexicalForm))
        case let (.none, .literal(literal)) where literal.language == term.language
            && (literal.language != nil || literal.datatype == Vocabulary.XSD.string):
            return (term.name, JSONText.string(literal.lexicalForm))
        default:
            return (term.name, try explicit(object))
        }
    }

    /// A node reference `{"@id": …}` or a value object, read the same under any term.
    private static func explicit(_ object: Term) throws -> String {
        switch object {
        case let .iri(iri):
            return "{\"@id\": \(JSONText.string(try reference(iri)))}"
        case let .literal(literal):
            let value = "{\"@value\": " + JSONText.string(literal.lexicalForm)
            if let language = literal.language {
                return value + ", \"@language\": " + JSONText.string(language) + "}"
            }
            if literal.datatype == Vocabulary.XSD.string { return value + "}" }
            return value + ", \"@type\": " + JSONText.string(try vocabularyName(literal.datatype)) + "}"
        }
    }

    /// An IRI where `@id` values go (document-relative): a compact IRI with the longest prefix of
    /// the context, else the IRI itself.
    /// - Throws: ``JSONLDError/unwritableIRI(_:term:)`` when readers would expand the IRI itself.
    static func reference(_ iri: IRI) throws -> String {
        var best: (prefix: String, local: String, length: Int)?
        for namespace in JSONLDContext.prefixes {
            let length = namespace.iri.string.unicodeScalars.count
            // A suffix starting with `//` would make `prefix://…` read as an absolute IRI.
            guard length > (best?.length ?? -1), let local = namespace.localPart(of: iri), !local.hasPrefix("//")
            else { continue }
            best = (namespace.prefix, local, length)
        }
        if let best { return best.prefix + ":" + best.local }
        let scheme = String(iri.string.prefix { $0 != ":" })
        if JSONLDContext.definedNames.contains(scheme) {
            throw JSONLDError.unwritableIRI(iri.string, term: scheme)
        }
        return iri.string
    }

    /// An IRI where keys, `@type` values and `@vocab`-coerced values go (vocabulary-relative): the
    /// bare local name for a `kg:` IRI whose local name is no defined name, keyword or compact IRI,
    /// else as ``reference(_:)``.
    static func vocabularyName(_ iri: IRI) throws -> String {
        if let local = JSONLDContext.vocabulary.localPart(of: iri), !local.isEmpty, !local.contains(":"),
           !local.hasPrefix("@"), !JSONLDContext.definedNames.contains(local) {
            return local
        }
        return try reference(iri)
    }

    /// Whether an `xsd:integer` lexical form reads back unchanged from a JSON number: canonical
    /// (`0`, or no leading zero, no `+`, not `-0`) and below 10^15 in magnitude.
    static func isSafeInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 15, digits.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        if digits.first == "0" { return digits.count == 1 && !text.hasPrefix("-") }
        return true
    }
}
