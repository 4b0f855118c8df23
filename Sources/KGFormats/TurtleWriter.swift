import KGModel
import KGRDF

/// Writes triples as Turtle (RDF 1.1 Turtle, W3C Recommendation 2014), streaming, for people to read.
///
/// Shape of the output (UTF-8):
/// - one `@prefix p: <namespace> .` line per configured namespace, in the given order (§2.4), then
///   a blank line;
/// - one block per run of consecutive triples with the same subject, blocks separated by a blank
///   line: the subject, then its predicates in order of first appearance, separated by ` ;` and
///   a line break and indented by four spaces, each followed by its objects separated by `, `
///   (§2.2, §2.3); the block ends with ` .`. `rdf:type` is written `a` (§2.4).
/// - An IRI is a prefixed name when it starts with a configured namespace (the longest one) and
///   the rest can be a `PN_LOCAL` (§6.3): characters Turtle allows in local names are written as
///   they are (letters, digits, `_`, `:`, `%XX`, and `-` or `.` where allowed), and `~ - ! $ & ' ( )
///   * + , ; = / ? # @` are written with a backslash (`PN_LOCAL_ESC`) where they would not be
///   allowed. Any other IRI is written in full as `<…>`, and so is one whose local part would start
///   or end with `.` (`\.` is valid Turtle, but rdflib 7 rejects it).
/// - Literals (§2.5): `xsd:integer`, `xsd:decimal` and `xsd:boolean` whose lexical form is
///   already Turtle's `INTEGER`, `DECIMAL` or `true`/`false` are written bare (`562`, `12.5`), which
///   a reader reads back with the same lexical form and datatype; other typed literals are quoted
///   with `^^` and the datatype (`"50"^^xsd:decimal`, `"2008-09"^^xsd:gYearMonth`); language tags
///   as the mapping gives them; `xsd:string` has no datatype. Text is quoted with the escapes of
///   canonical N-Triples (``KGRDF/NTriplesString``); text with a line feed is written between
///   `"""` with its line feeds as they are (a `"` is escaped where it would end the string).
///
/// Every character of every literal survives. Output is deterministic: the same triples in the
/// same order give the same bytes.
///
/// Lifecycle: ``init(sink:prefixes:)`` (validates the prefixes; writes nothing), ``write(_:)`` per
/// triple, ``finish()`` (writes the last block). The prefix lines are written before the first
/// block (or by ``finish()`` for no triples). The writer holds the current subject's triples
/// only; the sink is not committed.
///
/// ```swift
/// let sink = MemorySink()
/// try TurtleWriter.write(graph, mapping: OntologyMapping(), to: sink)
/// ```
public final class TurtleWriter {
    /// The usual file extension, `ttl`.
    public static let fileExtension = "ttl"
    /// The media type, `text/turtle` (RDF 1.1 Turtle, Appendix C).
    public static let mediaType = "text/turtle"

    private let sink: ByteSink
    private let prefixes: [Namespace]
    private var started = false
    private var wroteBlock = false
    private var finished = false
    private var subject: IRI?
    /// The current subject's predicates in order of first appearance, each with its objects.
    private var predicates: [(predicate: IRI, objects: [Term])] = []

    /// A writer bound to `sink` that declares `prefixes`.
    ///
    /// - Parameters:
    ///   - sink: where the UTF-8 bytes go.
    ///   - prefixes: the namespaces to declare and abbreviate, in this order.
    /// - Throws: ``TurtleError/invalidPrefix(_:namespace:reason:)`` for a prefix that is not a Turtle
    ///   `PN_PREFIX` (e.g. `_x`, `a.`) or is declared twice. Nothing has been written when it throws.
    public init(sink: ByteSink, prefixes: [Namespace]) throws {
        var seen: Set<String> = []
        for namespace in prefixes {
            if !TurtleWriter.isPrefixName(namespace.prefix) {
                throw TurtleError.invalidPrefix(namespace.prefix, namespace: namespace.iri.string,
                                                reason: "not a Turtle prefix name (PN_PREFIX)")
            }
            guard seen.insert(namespace.prefix).inserted else {
                throw TurtleError.invalidPrefix(namespace.prefix, namespace: namespace.iri.string, reason: "declared twice")
            }
        }
        self.sink = sink
        self.prefixes = prefixes
    }

    /// Adds one triple: to the current block when its subject is the previous triple's, otherwise
    /// after writing the current block.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` after ``finish()``; ``OutputError`` from the sink.
    public func write(_ triple: Triple) throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "write a triple") }
        if triple.subject != subject {
            try writeBlock()
            subject = triple.subject
        }
        if let i = predicates.firstIndex(where: { $0.predicate == triple.predicate }) {
            predicates[i].objects.append(triple.object)
        } else {
            predicates.append((triple.predicate, [triple.object]))
        }
    }

    /// Writes the prefixes (when no triple was written) and the last block.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when called twice; ``OutputError`` from the sink.
    public func finish() throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "finish a Turtle document") }
        finished = true
        try writeBlock()
        try startIfNeeded()
    }

    /// Writes every triple of `graph` under `mapping` (``KGRDF/OntologyMapping/forEachTriple(in:_:)``,
    /// so one block per subject), with the prefixes of the mapping's vocabularies except `rdf`
    /// (whose only term, `rdf:type`, is written `a`): `rdfs`, `xsd`, `skos`, `prov`, `schema`, `kg`,
    /// and of its minted IRIs: `entity`, `relation`, `article`.
    ///
    /// - Throws: ``KGRDF/OntologyMappingError`` for a graph the mapping refuses (before any byte is
    ///   written), or ``OutputError`` from the sink.
    /// - Complexity: O(*n* log *n*) for *n* entities and relations (sorting); memory for one
    ///   subject's triples besides the graph itself.
    public static func write(_ graph: KnowledgeGraph, mapping: OntologyMapping, to sink: ByteSink) throws {
        let prefixes = mapping.vocabularies.filter { $0.prefix != Vocabulary.rdf.prefix } + mapping.iris.namespaces
        let writer = try TurtleWriter(sink: sink, prefixes: prefixes)
        try mapping.forEachTriple(in: graph) { try writer.write($0) }
        try writer.finish()
    }

    // MARK: Output

    private func startIfNeeded() throws {
        guard !started else { return }
        started = true
        var header = ""
        for namespace in prefixes {
            header += "@prefix \(namespace.prefix): \(namespace.iri) .\n"
        }
        try sink.write(header)
    }

    /// Writes the current subject's block, if any, and forgets it.
    private func writeBlock() throws {
        guard let subject, !predicates.isEmpty else { return }
        try startIfNeeded()
        // A blank line after the prefixes and between blocks.
        var text = wroteBlock || !prefixes.isEmpty ? "\n" : ""
        text += name(subject)
        for (i, entry) in predicates.enumerated() {
            text += i == 0 ? " " : " ;\n    "
            text += entry.predicate == Vocabulary.RDF.type ? "a" : name(entry.predicate)
            text += " " + entry.objects.map(term).joined(separator: ", ")
        }
        text += " .\n"
        try sink.write(text)
        wroteBlock = true
        self.subject = nil
        predicates.removeAll(keepingCapacity: true)
    }

    private func term(_ term: Term) -> String {
        switch term {
        case let .iri(iri): name(iri)
        case let .literal(literal): self.literal(literal)
        }
    }

    /// A prefixed name (longest configured namespace) when the rest can be a `PN_LOCAL`, else `<iri>`.
    func name(_ iri: IRI) -> String {
        var best: (prefix: String, local: String, length: Int)?
        for namespace in prefixes {
            let length = namespace.iri.string.unicodeScalars.count
            guard length > (best?.length ?? -1), let rest = namespace.localPart(of: iri),
                  let local = TurtleWriter.localName(rest) else { continue }
            best = (namespace.prefix, local, length)
        }
        if let best { return best.prefix + ":" + best.local }
        return iri.description
    }

    private func literal(_ literal: Literal) -> String {
        let text = literal.lexicalForm
        if let language = literal.language { return TurtleWriter.quoted(text) + "@" + language }
        switch literal.datatype {
        case Vocabulary.XSD.string:
            return TurtleWriter.quoted(text)
        case Vocabulary.XSD.integer where TurtleWriter.isInteger(text),
             Vocabulary.XSD.decimal where TurtleWriter.isDecimal(text),
             Vocabulary.XSD.boolean where text == "true" || text == "false":
            return text
        default:
            return TurtleWriter.quoted(text) + "^^" + name(literal.datatype)
        }
    }

    // MARK: Lexical rules (RDF 1.1 Turtle §6.5)

    /// `text` quoted: between `"` with canonical N-Triples escapes, or between `"""` with line feeds
    /// kept when it has one (a `"` is escaped before another `"` and at the end, so the content never
    /// holds `"""` and never runs into the closing quotes).
    static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains("\n") else { return NTriplesString.quoted(text) }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        out.append(contentsOf: "\"\"\"".unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "\n" {
                out.append(scalar)
            } else if scalar == "\"" {
                let quoteFollows = i + 1 == scalars.count || scalars[i + 1] == "\""
                out.append(contentsOf: (quoteFollows ? "\\\"" : "\"").unicodeScalars)
            } else if let escaped = NTriplesString.escape(scalar) {
                out.append(contentsOf: escaped.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        out.append(contentsOf: "\"\"\"".unicodeScalars)
        return String(out)
    }

    /// `INTEGER ::= [+-]? [0-9]+`.
    static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// `DECIMAL ::= [+-]? [0-9]* '.' [0-9]+`.
    static func isDecimal(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        guard let dot = rest.firstIndex(of: ".") else { return false }
        let whole = rest[..<dot], fraction = rest[rest.index(after: dot)...]
        return !fraction.isEmpty && (whole + fraction).unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
    }

    /// `PN_PREFIX ::= PN_CHARS_BASE ((PN_CHARS | '.')* PN_CHARS)?` (the empty prefix is not offered).
    static func isPrefixName(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last, isBaseChar(first), last != "." else { return false }
        return scalars.allSatisfy { $0 == "." || isNameChar($0) }
    }

    /// `rest` as a `PN_LOCAL` (with `PN_LOCAL_ESC` escapes where needed), or nil when it cannot be one.
    static func localName(_ rest: String) -> String? {
        let scalars = Array(rest.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            let first = i == 0, last = i == scalars.count - 1
            if isBaseChar(s) || s == "_" || s == ":" || ("0"..."9").contains(s) {
                out.append(s)
            } else if s == "%" {
                // PLX: the IRI guarantees two hex digits follow.
                guard i + 2 < scalars.count else { return nil }
                out.append(contentsOf: scalars[i...(i + 2)])
                i += 3
                continue
            } else if s == "." {
                // `\.` is valid Turtle, but rdflib 7 cannot read it: a full IRI instead.
                if first || last { return nil }
                out.append(s)
            } else if isNameChar(s) {
                // '-', U+00B7, U+0300–U+036F, U+203F–U+2040: not first; only '-' can be escaped.
                if first {
                    guard s == "-" else { return nil }
                    out.append("\\")
                }
                out.append(s)
            } else if "~!$&'()*+,;=/?#@".unicodeScalars.contains(s) {
                out.append("\\")
                out.append(s)
            } else {
                return nil
            }
            i += 1
        }
        return String(out)
    }

    /// `PN_CHARS_BASE`: XML's `NameStartChar` ranges without `_` and `:`.
    private static func isBaseChar(_ s: Unicode.Scalar) -> Bool {
        s != "_" && XMLName.isNameStartChar(s)
    }

    /// `PN_CHARS`: `PN_CHARS_BASE`, `_`, `-`, digits, U+00B7, U+0300–U+036F, U+203F–U+2040
    /// (XML's `NameChar` without `.` and `:`).
    private static func isNameChar(_ s: Unicode.Scalar) -> Bool {
        s != "." && XMLName.isNameChar(s)
    }
}
