import KGModel

/// Why the extractor found what it found in one article: for each relation, the sentence, the words
/// that matched and the rule that fired; for each candidate it turned down, the reason.
///
/// Made by ``Extractor/explain(_:documentDate:)``. ``text`` renders it as plain text, deterministic
/// (the same article gives the same text), one block per relation and per rejected candidate in
/// the order of the article's sentences:
///
///     Article edm-2008-kazakhstan-csto.txt, published 2008-09
///
///     Relations (9)
///       1. Kazakhstan member-of Collective Security Treaty Organization [asserted]
///          rule:     member-of/and-other-members
///          matched:  "Kazakhstan" … "member" … "CSTO"
///          sentence: 2, code points 811-1022
///                    The Kazakh leader said that ...
///
///     Rejected candidates (4)
///       1. Georgia met-with Russia: hypothetical: 'offered'
///          ...
public struct Explanation: Sendable, Hashable {
    /// One relation found, or one candidate turned down.
    public struct Item: Sendable, Hashable {
        /// The relation, with entity ids as in the graph (keys of unemitted entities for rejections).
        public var relation: Relation
        /// Labels of the subject, object and place.
        public var subjectLabel: String
        public var objectLabel: String
        public var placeLabel: String?
        /// The rule that proposed it ("member-of/which-unites").
        public var rule: String
        /// The words that matched, in text order: subject, trigger, object (a subject named in an
        /// earlier sentence is given by its label and "(earlier)").
        public var matched: [String]
        /// Position of the sentence in the article (1-based).
        public var sentenceNumber: Int
        /// Why it was turned down; nil for a relation found.
        public var rejection: String?
    }

    /// The article's document (its date is the one dates were resolved against).
    public var document: Document
    /// Relations found, in sentence order.
    public var relations: [Item]
    /// Candidates turned down, in sentence order.
    public var rejections: [Item]

    /// The plain-text rendering described above.
    public var text: String {
        var out = "Article \(document.id)"
        out += document.date.map { ", published \($0)" } ?? ", no publication date"
        out += "\n\nRelations (\(relations.count))\n"
        for (n, item) in relations.enumerated() { out += render(item, n + 1) }
        out += "\nRejected candidates (\(rejections.count))\n"
        for (n, item) in rejections.enumerated() { out += render(item, n + 1) }
        return out
    }

    private func render(_ item: Item, _ n: Int) -> String {
        let r = item.relation
        var head = "  \(n). \(item.subjectLabel) \(r.kind.rawValue) \(item.objectLabel)"
        if let reason = item.rejection { head += ": \(reason)" } else { head += " [\(r.modality.rawValue)]" }
        var lines = [head]
        let pad = "     "
        lines.append(pad + "rule:     " + item.rule)
        lines.append(pad + "matched:  " + item.matched.map { "\"\($0)\"" }.joined(separator: " … "))
        var facts: [String] = []
        if let d = r.date { facts.append("date \(d)") }
        if let p = item.placeLabel { facts.append("place \(p)") }
        if let s = r.share { facts.append("share \(Identifier.formatDecimal(s))%") }
        if item.rejection != nil, r.modality != .asserted { facts.append("modality \(r.modality.rawValue)") }
        if !facts.isEmpty { lines.append(pad + "with:     " + facts.joined(separator: ", ")) }
        var where_ = "\(item.sentenceNumber)"
        if let o = r.evidence.offsets { where_ += ", code points \(o.lowerBound)-\(o.upperBound)" }
        if let c = r.evidence.citedSource { where_ += ", citing \(c)" }
        lines.append(pad + "sentence: " + where_)
        lines.append(pad + "          " + (r.evidence.sentence ?? ""))
        return lines.joined(separator: "\n") + "\n"
    }
}

extension Explanation: CustomStringConvertible {
    public var description: String { text }
}
