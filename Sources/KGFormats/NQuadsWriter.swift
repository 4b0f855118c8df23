import KGModel
import KGRDF

/// Writes an RDF dataset as N-Quads (RDF 1.1 N-Quads, W3C Recommendation 2014) in canonical form,
/// streaming, with one named graph per article so that provenance survives a plain load.
///
/// Shape of the output: as ``NTriplesWriter`` (one statement per line, the same term forms and
/// escapes), with the graph name after the object: `<s> <p> <o> <g> .`; a triple in the default
/// graph has no fourth term (§2). Each line is ``KGRDF/Quad/description``.
///
/// Which graph holds what (``KGRDF/OntologyMapping/forEachQuad(in:_:)``):
/// - the graph named by an article's IRI (`…/id/article/<source>`) holds the triples of every
///   relation read from that article: its qualified node (roles, date, place, share, modality,
///   evidence sentence, offsets, cited source, `prov:wasDerivedFrom`) and, when asserted, its
///   direct triple (`kg:memberOf`, …). A direct triple that several articles state is in each of
///   their graphs;
/// - the default graph holds the entities (class, label, aliases: merged across articles, so
///   they belong to none of them), the articles' own descriptions (headline, URL, date,
///   publication, with the article IRI as subject, so they describe the named graphs), and the
///   relations that have no source.
///
/// The union of all graphs is exactly the graph ``NTriplesWriter`` writes. A store that keeps
/// graphs answers "what did this article state?" with `GRAPH <…/id/article/x.txt> { ?s ?p ?o }`.
///
/// Lifecycle: ``init(sink:)``, ``write(_:)`` per quad, ``finish()``. The sink is not committed.
public final class NQuadsWriter {
    /// The usual file extension, `nq`.
    public static let fileExtension = "nq"
    /// The media type, `application/n-quads` (RDF 1.1 N-Quads, Appendix A).
    public static let mediaType = "application/n-quads"

    private let sink: ByteSink
    private var finished = false
    /// The line being built, reused.
    private var line: [UInt8] = []

    /// A writer bound to `sink`; writes nothing yet.
    public init(sink: ByteSink) {
        self.sink = sink
        line.reserveCapacity(512)
    }

    /// Writes one quad as one line.
    /// - Throws: ``FormatError/outOfOrder(operation:)`` after ``finish()``; ``OutputError`` from the sink.
    public func write(_ quad: Quad) throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "write a quad") }
        NTriplesLine.build(quad.triple, graph: quad.graph, into: &line)
        try sink.write(line)
    }

    /// Ends the document (N-Quads has no closing syntax; later writes are refused).
    /// - Throws: ``FormatError/outOfOrder(operation:)`` when called twice.
    public func finish() throws {
        guard !finished else { throw FormatError.outOfOrder(operation: "finish an N-Quads document") }
        finished = true
    }

    /// Writes every quad of `graph` under `mapping`, in the order of
    /// ``KGRDF/OntologyMapping/forEachQuad(in:_:)``.
    ///
    /// - Throws: ``KGRDF/OntologyMappingError`` for a graph the mapping refuses (before any byte is
    ///   written), or ``OutputError`` from the sink.
    /// - Complexity: as ``NTriplesWriter/write(_:mapping:to:)``.
    public static func write(_ graph: KnowledgeGraph, mapping: OntologyMapping, to sink: ByteSink) throws {
        let writer = NQuadsWriter(sink: sink)
        try mapping.forEachQuad(in: graph) { try writer.write($0) }
        try writer.finish()
    }
}
