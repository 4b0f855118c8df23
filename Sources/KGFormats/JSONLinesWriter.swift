import KGModel

/// Writes the kgexport interchange format (JSON Lines, RFC 8259; read back by `KGInterchange.InterchangeReader`).
///
/// Line order: documents, then entities, then relations, so every line names only entities
/// declared above it. Member order is fixed (`kind` first, then the fields in the order the
/// format documents) and absent values are left out, so the same graph gives the same bytes.
/// Strings are escaped per RFC 8259 §7: `"`, `\` and U+0000–U+001F (as `\n`, `\t`, ... or `\u00XX`);
/// everything else is written as UTF-8. Numbers use `.` and no exponent (``Identifier/formatDecimal(_:)``).
///
/// Lifecycle: ``begin(entities:documents:)``, ``write(_:)`` for each relation, ``finish()``.
public final class JSONLinesWriter {
    private let sink: ByteSink
    private var line: [UInt8] = []

    public init(sink: ByteSink) {
        self.sink = sink
        line.reserveCapacity(1024)
    }

    /// Writes the whole graph in its deterministic order.
    /// - Throws: ``FormatError/invalidValue(relation:field:value:)`` for a share JSON cannot hold
    ///   (NaN, infinite), before any byte is written; the sink's errors.
    public static func write(_ graph: KnowledgeGraph, to sink: ByteSink) throws {
        for relation in graph.relations { try PropertyGraphAttributes.checkShare(relation) }
        let writer = JSONLinesWriter(sink: sink)
        try writer.begin(entities: graph.sortedEntities, documents: graph.sortedDocuments)
        for r in graph.sortedRelations { try writer.write(r) }
        try writer.finish()
    }

    /// Writes one line per document and per entity. - Throws: the sink's errors.
    public func begin(entities: [Entity], documents: [Document]) throws {
        for d in documents {
            start("document")
            member("id", string: d.id)
            member("title", string: d.title)
            member("url", string: d.url)
            member("date", string: d.date?.description)
            member("publication", string: d.publication)
            try end()
        }
        for e in entities {
            start("entity")
            member("id", string: e.id)
            member("label", string: e.label)
            member("type", string: e.type.rawValue)
            key("aliases")
            line.append(UInt8(ascii: "["))
            for (i, a) in e.aliases.enumerated() {
                if i > 0 { line.append(UInt8(ascii: ",")) }
                appendString(a)
            }
            line.append(UInt8(ascii: "]"))
            try end()
        }
    }

    /// Writes one relation line.
    /// - Throws: ``FormatError/invalidValue(relation:field:value:)`` for a share JSON cannot hold
    ///   (RFC 8259 §6 has no NaN or infinity), as every other writer refuses it; the sink's errors.
    public func write(_ r: Relation) throws {
        try PropertyGraphAttributes.checkShare(r)
        start("relation")
        member("subject", string: r.subject)
        member("relation", string: r.kind.rawValue)
        member("object", string: r.object)
        member("date", string: r.date?.description)
        member("place", string: r.place)
        if let share = r.share {
            key("share")
            line.append(contentsOf: Identifier.formatDecimal(share).utf8)
        }
        member("modality", string: r.modality.rawValue)
        member("evidence", string: r.evidence.sentence)
        member("source", string: r.evidence.source)
        member("citedSource", string: r.evidence.citedSource)
        if let o = r.evidence.offsets {
            key("offsets")
            line.append(contentsOf: "[\(o.lowerBound),\(o.upperBound)]".utf8)
        }
        try end()
    }

    /// Ends the file (nothing to close in JSON Lines). - Throws: never, kept for the writer lifecycle.
    public func finish() throws {}

    private func start(_ kind: String) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: "{\"kind\":\"".utf8)
        line.append(contentsOf: kind.utf8)
        line.append(UInt8(ascii: "\""))
    }

    private func key(_ name: String) {
        line.append(contentsOf: ",\"".utf8)
        line.append(contentsOf: name.utf8)
        line.append(contentsOf: "\":".utf8)
    }

    private func member(_ name: String, string value: String?) {
        guard let value else { return }
        key(name)
        appendString(value)
    }

    private func end() throws {
        line.append(contentsOf: "}\n".utf8)
        try sink.write(line)
    }

    private func appendString(_ s: String) {
        // One access to `line` for the whole string, not one per byte.
        JSONLinesWriter.appendString(s, to: &line)
    }

    private static func appendString(_ s: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): line.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): line.append(contentsOf: "\\\\".utf8)
            case 0x0A: line.append(contentsOf: "\\n".utf8)
            case 0x0D: line.append(contentsOf: "\\r".utf8)
            case 0x09: line.append(contentsOf: "\\t".utf8)
            case 0x08: line.append(contentsOf: "\\b".utf8)
            case 0x0C: line.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                line.append(contentsOf: "\\u00".utf8)
                line.append(hex[Int(b >> 4)])
                line.append(hex[Int(b & 0xF)])
            default: line.append(b)
            }
        }
        line.append(UInt8(ascii: "\""))
    }
}
