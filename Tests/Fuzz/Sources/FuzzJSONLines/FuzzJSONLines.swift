import CFuzzSupport
import Foundation
import FuzzSupport
import KGFormats
import KGInterchange
import KGModel

/// Builds a graph from the input, writes it as the interchange file (JSON Lines) and reads it
/// back with InterchangeReader:
/// - one line per document, entity and distinct relation, in that order, each a JSON object
///   (RFC 8259, Foundation's parser) of the right `kind`;
/// - a graph the format can hold reads back without an error, and with no warning but "no
///   lines" for an empty graph and one per relation whose source names none of the document
///   lines there are, to
///   the same graph: entities, documents and relations with every attribute, shares as written
///   (at most 6 fraction digits), and written again gives the same bytes. JSON Lines keeps every
///   character (no XML cleaning); the one change is the reader's, to the model's rule that
///   aliases are distinct and exclude the label;
/// - a share JSON cannot hold (NaN, infinite) is refused before any byte is written;
/// - a graph it cannot hold (an empty document id, a relation naming an entity that is not in the
///   graph, a share outside 0...100 as written) is refused at the line of its first such record.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    Fuzz.run(data, size) { bytes in
        let graph = FuzzGraph.decode(bytes)
        let sink = MemorySink()
        do {
            try JSONLinesWriter.write(graph, to: sink)
        } catch {
            // A NaN or infinite share (JSON has no such numbers) is refused before any byte.
            try WriterCheck.expectRefusal(error, for: graph)
            guard sink.bytes.isEmpty else { throw FuzzFailure("jsonl: refused after writing \(sink.bytes.count) bytes") }
            return
        }
        guard Fuzz.hasWritableShares(graph) else { throw FuzzFailure("jsonl: wrote a share JSON cannot hold\n\(sink.text)") }

        let documents = graph.sortedDocuments, entities = graph.sortedEntities, relations = graph.sortedRelations
        func writable(_ share: Double?) -> Bool {
            guard let share else { return true }
            return share.isFinite && Double(Identifier.formatDecimal(share)).map { (0...100).contains($0) } == true
        }
        let records: [(kind: String, holdable: Bool)] =
            documents.map { ("document", !$0.id.isEmpty) }
            + entities.map { ("entity", !$0.id.isEmpty) }
            + relations.map { r in
                ("relation", graph.entities[r.subject] != nil && graph.entities[r.object] != nil
                    && r.place.map { graph.entities[$0] != nil } != false && writable(r.share))
            }

        guard sink.bytes.last == 0x0A || sink.bytes.isEmpty else { throw FuzzFailure("jsonl: the last line has no line feed") }
        let lines = sink.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        guard lines.count == records.count else {
            throw FuzzFailure("jsonl: \(lines.count) lines for \(records.count) records\n\(sink.text)")
        }
        for (number, (line, record)) in zip(lines, records).enumerated() {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                throw FuzzFailure("jsonl line \(number + 1) is not a JSON object: \(String(decoding: line, as: UTF8.self))")
            }
            guard object["kind"] as? String == record.kind else {
                throw FuzzFailure("jsonl line \(number + 1): kind \(String(describing: object["kind"])), expected \(record.kind)")
            }
        }

        var reader = InterchangeReader(file: "fuzz.jsonl")
        let firstBad = records.firstIndex { !$0.holdable }
        do {
            try reader.consume(sink.bytes)
        } catch let error as InterchangeError {
            guard let firstBad, error.line == firstBad + 1 else {
                throw FuzzFailure("jsonl: refused at line \(error.line), expected \(firstBad.map { "line \($0 + 1)" } ?? "no refusal"): \(error)\n\(sink.text)")
            }
            return
        }
        if let firstBad {
            throw FuzzFailure("jsonl: read a file whose line \(firstBad + 1) the format cannot hold\n\(sink.text)")
        }
        // The warnings a written file can get: an empty graph is a file with no lines; in a file
        // with document lines, a relation whose source names none of them.
        let documentIDs = Set(documents.map(\.id))
        let unknownSources = relations.filter { r in r.evidence.source.map { !documentIDs.isEmpty && !documentIDs.contains($0) } ?? false }
        let expectedWarnings = (records.isEmpty ? ["(file)"] : []) + unknownSources.map { _ in "source" }
        guard reader.warnings.map({ $0.field ?? "(file)" }) == expectedWarnings else {
            throw FuzzFailure("jsonl: warnings for a file the writer wrote: \(reader.warnings)")
        }

        var expected = KnowledgeGraph()
        for document in documents { expected.add(document) }
        for entity in entities {
            var aliases: [String] = []
            for alias in entity.aliases where alias != entity.label && !aliases.contains(alias) { aliases.append(alias) }
            expected.add(Entity(id: entity.id, label: entity.label, type: entity.type, aliases: aliases))
        }
        for relation in relations { expected.add(relation) }
        guard RoundTrip.same(expected, reader.graph) else {
            let entity = zip(expected.sortedEntities, reader.graph.sortedEntities).first { $0 != $1 }
            let relation = zip(expected.sortedRelations, reader.graph.sortedRelations).first { $0.id != $1.id }
            throw FuzzFailure("jsonl: read back a different graph; first entity difference \(String(describing: entity)), relation \(String(describing: relation))\n\(sink.text)")
        }
        // String equality is canonical equivalence; the bytes compare every scalar.
        let again = MemorySink(), meant = MemorySink()
        try JSONLinesWriter.write(reader.graph, to: again)
        try JSONLinesWriter.write(expected, to: meant)
        guard again.bytes == meant.bytes else {
            throw FuzzFailure("jsonl: the graph read back writes different bytes:\n\(meant.text)\n---\n\(again.text)")
        }
    }
}

/// The entry point SwiftPM gives this executable: hands over to libFuzzer.
@_cdecl("FuzzJSONLines_main")
public func fuzzJSONLinesMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzJSONLines)
}
