import KGModel
import KGRDF

/// Writes triples as N-Triples (RDF 1.1 N-Triples, W3C Recommendation 2014) in canonical form,
/// streaming: the plainest RDF syntax, and the one the other RDF writers are checked against.
///
/// Shape of the output: UTF-8, one triple per line, `<subject> <predicate> <object> .` and a line
/// feed, one space between the terms, no comments, no blank lines, no prefixes, no blank nodes
/// (RDF 1.1 N-Triples §2 and §4). IRIs are written in full between `<` and `>` (``IRI`` already
/// excludes every character `IRIREF` would need to escape). A literal is its quoted lexical form,
/// then `@` and its language tag as the mapping gives it (BCP 47 case kept), or `^^` and its datatype
/// IRI, or nothing for `xsd:string` (§2.3). Inside quotes, the escapes of canonical N-Triples
/// (``KGRDF/NTriplesString``): `\b \t \n \f \r \" \\` for those seven characters, `\uXXXX` for the
/// other control characters, DEL, U+FFFE and U+FFFF, and every other character as itself. So
/// every character of every literal survives, including those XML cannot carry.
///
/// Each line is ``KGRDF/Triple/description``; the same triples in the same order give the same bytes.
///
/// Lifecycle: ``init(sink:)``, ``write(_:)`` per triple, ``finish()``. The writer holds nothing
/// between triples; the sink is not committed (that is the caller's decision).
///
/// ```swift
/// let sink = MemorySink()
/// try NTriplesWriter.write(graph, mapping: OntologyMapping(), to: sink)
/// ```
public final class NTriplesWriter {
    /// The usual file extension, `nt`.
    public static let fileExtension = "nt"
    /// The media type, `application/n-triples` (RDF 1.1 N-Triples, Appendix A).
    public static let mediaType = "application/n-triples"

    private let sink: ByteSink
    private var finished = false
    /// The line being built, reused.
    private var line: [UInt8] = []

    /// A writer bound to `sink`; writes nothing yet.
    public init(sink: ByteSink) {
        self.sink = sink
        line.reserveCapacity(512)
    }

    /// Writes one triple as one line.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` after ``finish()``; ``OutputError`` from the sink.
    public func write(_ triple: Triple) throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "write a triple") }
        NTriplesLine.build(triple, graph: nil, into: &line)
        try sink.write(line)
    }

    /// Ends the document (N-Triples has no closing syntax; later writes are refused).
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when called twice.
    public func finish() throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "finish an N-Triples document") }
        finished = true
    }

    /// Writes every triple of `graph` under `mapping`, in the order of
    /// ``KGRDF/OntologyMapping/forEachTriple(in:_:)``.
    ///
    /// - Throws: ``KGRDF/OntologyMappingError`` for a graph the mapping refuses (before any byte is
    ///   written), or ``OutputError`` from the sink.
    /// - Complexity: O(*n* log *n*) for *n* entities and relations (sorting); memory for one
    ///   subject's triples besides the graph itself.
    public static func write(_ graph: KnowledgeGraph, mapping: OntologyMapping, to sink: ByteSink) throws {
        let writer = NTriplesWriter(sink: sink)
        try mapping.forEachTriple(in: graph) { try writer.write($0) }
        try writer.finish()
    }
}
