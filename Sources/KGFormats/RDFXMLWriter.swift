import KGModel
import KGRDF

/// Writes triples as RDF/XML (RDF 1.1 XML Syntax, W3C Recommendation 2014), streaming.
///
/// Shape of the output: an XML 1.0 document whose root `rdf:RDF` declares every configured
/// prefix; one `rdf:Description rdf:about="…"` per run of consecutive triples with the same subject
/// (§2.2, §2.5); inside it one property element per triple, named by the predicate's qualified name
/// (§2.3), with the object as `rdf:resource` (§2.4), or as text with `xml:lang` (§2.7) or
/// `rdf:datatype` (§2.9). A literal of type `xsd:string` is plain text. Nothing else of the syntax
/// is used: no typed node elements, no `rdf:parseType`, no blank nodes, no `xml:base`, so every IRI
/// is written in full and a file can be read in pieces.
///
/// Limits (errors, never a broken file):
/// - A predicate must end in an XML NCName (``XMLName/isNCName(_:)``): it is written with the
///   configured prefix whose namespace it starts with when the rest is an NCName, otherwise split at
///   its longest NCName suffix and written with a generated prefix (`ns1`, `ns2`, … in order of first
///   use, declared on the element). A predicate with no such suffix (`…/rel/2023`), or whose suffix
///   would start right after a percent-encoded triplet (`…/p%20q`), throws
///   ``RDFXMLError/unwritablePredicate(_:)`` before anything of its triple is written.
/// - Characters XML 1.0 forbids (U+0000–U+001F other than tab, line feed and carriage return,
///   U+FFFE, U+FFFF) cannot be in an RDF/XML literal even as character references: they are
///   removed, and vertical tab and form feed become a space (``XMLWriter``). IRIs cannot contain them.
///
/// Lifecycle: ``init(sink:prefixes:indent:)`` (validates the prefixes; writes nothing), ``begin()``,
/// ``write(_:)`` per triple, ``finish()``. The writer holds only the current subject, so memory does
/// not grow with the graph. The sink is not committed: that is the caller's decision.
///
/// ```swift
/// let sink = MemorySink()
/// try RDFXMLWriter.write(graph, mapping: OntologyMapping(), to: sink)
/// ```
public final class RDFXMLWriter {
    private enum State { case ready, open, finished }

    private let xml: XMLWriter
    /// Configured prefixes, in order; `rdf` first.
    private let prefixes: [Namespace]
    /// Namespace IRI → prefix, for generated prefixes of predicates outside the configured namespaces.
    private var generated: [String: String] = [:]
    private var usedPrefixes: Set<String>
    private var state = State.ready
    private var subject: IRI?
    /// The element name of each predicate written so far, in order of first use, and where the
    /// search for the next predicate starts (predicates tend to come in the same order).
    private var names: [(predicate: IRI, name: ElementName)] = []
    private var nextName = 0

    /// How a predicate is written: `prefix:localName`, with the namespace to declare on the element
    /// when the prefix is a generated one.
    private struct ElementName {
        let prefix: String
        let localName: String
        let declare: String?
        /// `prefix:localName`.
        let qualified: String
    }

    /// A writer bound to `sink` that declares `prefixes` on `rdf:RDF`.
    ///
    /// - Parameters:
    ///   - sink: where the UTF-8 bytes go.
    ///   - prefixes: the namespaces to declare, in this order (default ``Vocabulary/all``). `rdf` is
    ///     always declared, first; a namespace is an ``IRI``, so one that is not an IRI cannot be given.
    ///   - indent: whether to indent elements by two spaces (default true; text is never altered).
    /// - Throws: ``RDFXMLError/invalidPrefix(_:namespace:reason:)`` for a prefix declared twice, a
    ///   prefix starting with `xml` (reserved by Namespaces in XML 1.0 §3), or `rdf` bound to another
    ///   namespace; ``FormatError/xmlWriter(operation:)`` when libxml2 cannot create its writer.
    ///   Nothing has been written when it throws.
    public init(sink: ByteSink, prefixes: [Namespace] = Vocabulary.all, indent: Bool = true) throws {
        var checked: [Namespace] = [Vocabulary.rdf]
        var seen: Set<String> = ["rdf"]
        for namespace in prefixes {
            let prefix = namespace.prefix
            if prefix == "rdf" {
                guard namespace.iri == Vocabulary.rdf.iri else {
                    throw RDFXMLError.invalidPrefix(prefix, namespace: namespace.iri.string,
                                                    reason: "rdf must name \(Vocabulary.rdf.iri.string)")
                }
                continue
            }
            if prefix.lowercased().hasPrefix("xml") {
                throw RDFXMLError.invalidPrefix(prefix, namespace: namespace.iri.string,
                                                reason: "prefixes starting with xml are reserved")
            }
            guard seen.insert(prefix).inserted else {
                throw RDFXMLError.invalidPrefix(prefix, namespace: namespace.iri.string, reason: "declared twice")
            }
            checked.append(namespace)
        }
        self.prefixes = checked
        self.usedPrefixes = seen
        self.xml = try XMLWriter(sink: sink, indent: indent)
    }

    /// A writer bound to `sink` with prefixes given as text, e.g. `["kg": "https://w3id.org/kgexport/ontology#"]`.
    ///
    /// - Throws: ``RDFXMLError/invalidPrefix(_:namespace:reason:)`` when a prefix is not an XML
    ///   NCName or a namespace is not an absolute IRI, before any byte is written; otherwise as
    ///   ``init(sink:prefixes:indent:)``.
    public convenience init(sink: ByteSink, prefixes: KeyValuePairs<String, String>, indent: Bool = true) throws {
        var namespaces: [Namespace] = []
        for (prefix, namespace) in prefixes {
            do {
                namespaces.append(try Namespace(prefix: prefix, iri: try IRI(namespace)))
            } catch {
                throw RDFXMLError.invalidPrefix(prefix, namespace: namespace, reason: "\(error)")
            }
        }
        try self.init(sink: sink, prefixes: namespaces, indent: indent)
    }

    /// Writes the XML declaration and opens `rdf:RDF` with the namespace declarations.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when called twice; ``OutputError`` from the sink.
    public func begin() throws {
        guard state == .ready else { throw FormatError.outOfOrder(operation: "begin an RDF/XML document") }
        state = .open
        try xml.startDocument()
        // Declared as attributes, so they appear in the configured order with rdf first.
        try xml.startElement(prefix: "rdf", name: "RDF", namespace: nil)
        for namespace in prefixes {
            try xml.attribute("xmlns:" + namespace.prefix, namespace.iri.string)
        }
    }

    /// Writes one triple: inside the open `rdf:Description` when its subject is the previous
    /// triple's, otherwise in a new one.
    /// - Throws: ``RDFXMLError/unwritablePredicate(_:)`` (nothing of the triple is written; the
    ///   document stays well-formed), ``FormatError/outOfOrder(operation:)`` before ``begin()`` or
    ///   after ``finish()``, ``OutputError`` from the sink.
    public func write(_ triple: Triple) throws {
        guard state == .open else { throw FormatError.outOfOrder(operation: "write a triple") }
        let name = try elementName(of: triple.predicate)
        // Qualified names whose prefixes are declared on rdf:RDF are written as names; libxml2's
        // namespace verbs would write the same bytes.
        if triple.subject != subject {
            if subject != nil { try xml.endElement() }
            try xml.startElement("rdf:Description")
            try xml.attribute("rdf:about", triple.subject.string)
            subject = triple.subject
        }
        if let declare = name.declare {
            try xml.startElement(prefix: name.prefix, name: name.localName, namespace: declare)
        } else {
            try xml.startElement(name.qualified)
        }
        switch triple.object {
        case let .iri(iri):
            try xml.attribute("rdf:resource", iri.string)
        case let .literal(literal):
            if let language = literal.language {
                try xml.attribute("xml:lang", language)
            } else if literal.datatype != Vocabulary.XSD.string {
                try xml.attribute("rdf:datatype", literal.datatype.string)
            }
            try xml.text(literal.lexicalForm)
        }
        try xml.endElement()
    }

    /// Closes the open `rdf:Description` and `rdf:RDF`, ends the document and flushes into the sink.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` before ``begin()`` or when called twice;
    ///   ``OutputError`` from the sink.
    public func finish() throws {
        guard state == .open else { throw FormatError.outOfOrder(operation: "finish an RDF/XML document") }
        state = .finished
        if subject != nil { try xml.endElement() }
        try xml.endDocument()
    }

    /// Writes every triple of `graph` under `mapping` (``OntologyMapping/forEachTriple(in:_:)``, so one
    /// `rdf:Description` per subject) with the mapping's namespaces as prefixes.
    ///
    /// - Throws: ``OntologyMappingError`` for a graph the mapping refuses (checked before any byte
    ///   is written), ``RDFXMLError``, ``FormatError``, or ``OutputError`` from the sink.
    /// - Complexity: O(*n* log *n*) for *n* entities and relations (sorting); memory for one subject's
    ///   triples besides the graph itself.
    public static func write(_ graph: KnowledgeGraph, mapping: OntologyMapping, to sink: ByteSink) throws {
        let writer = try RDFXMLWriter(sink: sink, prefixes: mapping.namespaces)
        // The mapping checks the whole graph before its first triple, so a refused graph writes nothing.
        try mapping.forEachTriple(in: graph) { triple in
            if writer.state == .ready { try writer.begin() }
            try writer.write(triple)
        }
        if writer.state == .ready { try writer.begin() }
        try writer.finish()
    }

    /// The element name of `predicate`, from ``names`` or made (and remembered) now.
    private func elementName(of predicate: IRI) throws -> ElementName {
        let count = names.count
        var i = nextName
        for _ in 0..<count {
            if i == count { i = 0 }
            if names[i].predicate == predicate {
                nextName = i + 1
                return names[i].name
            }
            i += 1
        }
        let (prefix, localName, declare) = try qualifiedName(of: predicate)
        let name = ElementName(prefix: prefix, localName: localName, declare: declare, qualified: prefix + ":" + localName)
        names.append((predicate, name))
        nextName = names.count
        return name
    }

    /// The element name of a predicate: a configured prefix, or a generated one (with the namespace
    /// to declare on the element), and an NCName local part.
    private func qualifiedName(of predicate: IRI) throws -> (prefix: String, localName: String, declare: String?) {
        let iri = predicate.string
        // The longest configured namespace the predicate starts with (code point by code point),
        // followed by an NCName.
        var best: (prefix: String, localName: String, length: Int)?
        for namespace in prefixes {
            let ns = namespace.iri.string.unicodeScalars
            guard iri.unicodeScalars.starts(with: ns), ns.count > (best?.length ?? -1) else { continue }
            let local = String(String.UnicodeScalarView(iri.unicodeScalars.dropFirst(ns.count)))
            if XMLName.isNCName(local) {
                best = (namespace.prefix, local, ns.count)
            }
        }
        if let best { return (best.prefix, best.localName, nil) }

        guard let (namespace, local) = RDFXMLWriter.split(iri) else {
            throw RDFXMLError.unwritablePredicate(iri)
        }
        if let prefix = generated[namespace] { return (prefix, local, namespace) }
        var counter = generated.count + 1
        while usedPrefixes.contains("ns\(counter)") { counter += 1 }
        let prefix = "ns\(counter)"
        generated[namespace] = prefix
        usedPrefixes.insert(prefix)
        return (prefix, local, namespace)
    }

    /// Splits an IRI into a namespace and its longest NCName suffix, or nil when it has none, or
    /// when the suffix would start right after a percent-encoded triplet (`…/p%20q`: splitting there
    /// gives a namespace ending in an escape, which consumers may normalize).
    static func split(_ iri: String) -> (namespace: String, localName: String)? {
        let scalars = Array(iri.unicodeScalars)
        var start = scalars.count
        while start > 0, XMLName.isNameChar(scalars[start - 1]) { start -= 1 }
        while start < scalars.count, !XMLName.isNameStartChar(scalars[start]) { start += 1 }
        guard start < scalars.count else { return nil }
        if start >= 3, scalars[start - 3] == "%" { return nil }
        if start >= 2, scalars[start - 2] == "%" { return nil }
        if start >= 1, scalars[start - 1] == "%" { return nil }
        var namespace = String.UnicodeScalarView()
        namespace.append(contentsOf: scalars[..<start])
        var local = String.UnicodeScalarView()
        local.append(contentsOf: scalars[start...])
        return (String(namespace), String(local))
    }
}
