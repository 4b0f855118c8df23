import KGModel

/// Turns bytes into a knowledge graph every format must carry: up to 8 entities with arbitrary
/// Unicode ids, labels and aliases (controls, U+FFFE, astral characters, markup and quotes
/// included), up to 12 relations between them, parallel ones included (the same pair several
/// times, and a copy of a relation with other evidence), with dates, places, shares (percent,
/// up to 6 fraction digits), modalities and evidence, and up to 2 documents the evidence names.
///
/// The graph is what the interchange reader would make of it: ids, document ids and places are
/// never empty, aliases differ from the label and from each other, and relations name entities
/// of the graph. Property tests generate the bytes (PropertyBased shrinks them on failure).
enum GraphSeed {
    static func graph(from bytes: [UInt8]) -> KnowledgeGraph {
        var input = ByteReader(bytes)
        var graph = KnowledgeGraph()
        var ids: [String] = []
        for i in 0..<(1 + input.index(8)) {
            var id = input.string(maximum: 10)
            if id.isEmpty || ids.contains(id) { id = "e\(i)" }
            let label = input.string()
            var aliases: [String] = []
            for _ in 0..<input.index(3) {
                let alias = input.string(maximum: 12)
                if alias != label, !aliases.contains(alias) { aliases.append(alias) }
            }
            graph.add(Entity(id: id, label: label, type: EntityType.allCases[input.index(6)], aliases: aliases))
            ids.append(id)
        }
        var sources: [String] = []
        for i in 0..<input.index(3) {
            var id = input.string(maximum: 10)
            if id.isEmpty || sources.contains(id) { id = "doc-\(i).txt" }
            graph.add(Document(id: id, title: input.optionalString(), url: input.optionalString(),
                               date: input.date(), publication: input.optionalString()))
            sources.append(id)
        }
        var previous: Relation?
        for _ in 0..<input.index(13) {
            if var copy = previous, input.index(4) == 0 {
                // A parallel edge: the same statement attested by another sentence.
                copy.evidence.sentence = input.string(maximum: 30)
                graph.add(copy)
                previous = copy
                continue
            }
            let kind = RelationKind.allCases[input.index(3)]
            var share: Double?
            if kind == .holdsShareIn, input.flag() {
                share = Double(Int(input.byte()) * 256 + Int(input.byte())) / 655.35
                share = share.flatMap { Double(Identifier.formatDecimal($0)) }
            }
            var source = input.optionalString(maximum: 8)
            if !sources.isEmpty, input.flag() { source = sources[input.index(sources.count)] }
            var offsets: Range<Int>?
            if input.flag() {
                let start = Int(input.byte()) * 64
                offsets = start..<(start + Int(input.byte()))
            }
            let relation = Relation(
                subject: ids[input.index(ids.count)], kind: kind, object: ids[input.index(ids.count)],
                date: input.date(), place: input.index(3) == 0 ? ids[input.index(ids.count)] : nil, share: share,
                modality: Modality.allCases[input.index(3)],
                evidence: Evidence(sentence: input.optionalString(maximum: 40), source: source,
                                   citedSource: input.optionalString(), offsets: offsets))
            graph.add(relation)
            previous = relation
        }
        return graph
    }
}

/// Reads values front to back from bytes; past the end every read gives 0 or empty.
struct ByteReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func index(_ bound: Int) -> Int { Int(byte()) % max(bound, 1) }

    mutating func flag() -> Bool { byte() & 1 == 1 }

    /// Up to `maximum` scalars: a byte below 0x80 is that ASCII character (controls included); a
    /// higher byte and the next two give a scalar anywhere from U+0080 to U+10FFFF (a surrogate
    /// becomes U+FFFD).
    mutating func string(maximum: Int = 20) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<index(maximum + 1) {
            let b = byte()
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                let value = (UInt32(b & 0x7F) << 16 | UInt32(byte()) << 8 | UInt32(byte())) % 0x110000
                scalars.append(Unicode.Scalar(max(value, 0x80)) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }

    mutating func optionalString(maximum: Int = 20) -> String? {
        flag() ? string(maximum: maximum) : nil
    }

    mutating func date() -> PartialDate? {
        guard flag() else { return nil }
        let year: Int? = flag() ? 1 + (Int(byte()) * 256 + Int(byte())) % 9999 : nil
        let month: Int? = flag() ? 1 + index(12) : nil
        let day: Int? = flag() ? 1 + index(31) : nil
        return PartialDate(year: year, month: month, day: day)
    }
}
