import KGModel

/// Builds a knowledge graph from fuzz bytes: up to 7 entities with arbitrary ids, labels and
/// aliases, up to 9 relations (parallel ones included) with arbitrary dates, places, shares
/// (NaN and infinities included), modalities and evidence, and up to 2 documents.
///
/// Some relations name entities that are not in the graph, on purpose: writers must refuse them
/// with an error, never crash.
public enum FuzzGraph {
    public static func decode(_ bytes: [UInt8]) -> KnowledgeGraph {
        var input = FuzzInput(bytes)
        var graph = KnowledgeGraph()
        var ids: [String] = []
        for i in 0..<input.index(8) {
            var id = input.string(maximum: 12)
            if id.isEmpty || input.index(8) == 0 { id = "e\(i)" }
            let label = input.string()
            let type = EntityType.allCases[input.index(EntityType.allCases.count)]
            var aliases: [String] = []
            for _ in 0..<input.index(3) { aliases.append(input.string()) }
            graph.add(Entity(id: id, label: label, type: type, aliases: aliases))
            ids.append(id)
        }
        var sources: [String] = []
        for _ in 0..<input.index(3) {
            let id = input.string(maximum: 10)
            graph.add(Document(id: id, title: optionalString(&input), url: optionalString(&input),
                               date: date(&input), publication: optionalString(&input)))
            sources.append(id)
        }
        func entity(_ input: inout FuzzInput) -> String {
            if ids.isEmpty || input.index(16) == 0 { return input.string(maximum: 6) }
            return ids[input.index(ids.count)]
        }
        for _ in 0..<input.index(10) {
            let subject = entity(&input)
            let kind = RelationKind.allCases[input.index(RelationKind.allCases.count)]
            let object = entity(&input)
            let place: String? = input.index(3) == 0 ? entity(&input) : nil
            var share: Double?
            switch input.index(4) {
            case 0: share = Double(input.index(101))
            case 1: share = Double(input.index(10001)) / 100
            case 2 where input.index(4) == 0: share = input.rawDouble()
            default: share = nil
            }
            let modality = Modality.allCases[input.index(Modality.allCases.count)]
            var source = optionalString(&input)
            if !sources.isEmpty, input.flag() { source = sources[input.index(sources.count)] }
            var offsets: Range<Int>?
            if input.flag() {
                let start = Int(input.byte()) * 256 + Int(input.byte())
                offsets = start..<(start + Int(input.byte()))
            }
            let evidence = Evidence(sentence: optionalString(&input, maximum: 40), source: source,
                                    citedSource: optionalString(&input), offsets: offsets)
            graph.add(Relation(subject: subject, kind: kind, object: object, date: date(&input), place: place,
                               share: share, modality: modality, evidence: evidence))
        }
        return graph
    }

    private static func optionalString(_ input: inout FuzzInput, maximum: Int = 24) -> String? {
        input.flag() ? input.string(maximum: maximum) : nil
    }

    private static func date(_ input: inout FuzzInput) -> PartialDate? {
        guard input.flag() else { return nil }
        let year: Int? = input.flag() ? 1 + (Int(input.byte()) * 256 + Int(input.byte())) % 9999 : nil
        let month: Int? = input.flag() ? 1 + input.index(12) : nil
        let day: Int? = input.flag() ? 1 + input.index(31) : nil
        return PartialDate(year: year, month: month, day: day)
    }
}
