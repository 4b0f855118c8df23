import KGModel

/// Rule- and lexicon-based extraction of entities and relations from one English news article.
///
/// Pipeline, one stage per type: ``Tokenizer`` → ``SentenceSegmenter`` → ``CitationFinder`` and
/// ``Dateline`` → ``MentionTagger`` → ``EntityResolver`` → ``RelationExtractor`` (dates by ``DateExpression``).
/// The output is deterministic: the same article and lexicon give the same graph.
public struct Extractor: Sendable {
    /// The names and cue words the stages use.
    public let lexicon: Lexicon

    /// An extractor over a lexicon (normally ``Lexicon/bundled()``).
    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Extracts the article's entities and relations.
    ///
    /// - Parameters:
    ///   - article: The article; only its body (from ``Article/bodyStart``) is read for mentions.
    ///   - documentDate: The publication date to resolve relative dates against when the article
    ///     header has no `Date:` (the header's date wins when present). Without either, the year a
    ///     known `Publication:` calendar implies is used (``PublicationCalendar``).
    /// - Returns: A graph with the article's ``Document``, every typed entity that is mentioned
    ///   (macro-regions excepted) and every relation a rule found and no cue rejected; each relation's
    ///   evidence has the sentence, its code point offsets in ``Article/text``, the article id and
    ///   the source the article cites for it.
    public func extract(_ article: Article, documentDate: PartialDate? = nil) -> KnowledgeGraph {
        let analysis = analyze(article, documentDate: documentDate)
        return analysis.graph()
    }

    /// Explains the extraction of an article: each relation found with its sentence, matched words
    /// and rule, and each candidate turned down with the reason (negated, hypothetical, planned,
    /// ended, not a member, an entity without a type, ...).
    ///
    /// - Parameters: as for ``extract(_:documentDate:)``.
    /// - Returns: An ``Explanation`` whose relations are exactly the graph's relations, in sentence order.
    public func explain(_ article: Article, documentDate: PartialDate? = nil) -> Explanation {
        analyze(article, documentDate: documentDate).explanation()
    }

    /// Runs every stage and keeps their results (for the graph and for explanations).
    func analyze(_ article: Article, documentDate: PartialDate? = nil) -> Analysis {
        var doc = article.document
        if doc.date == nil { doc.date = documentDate ?? article.publication.flatMap { PublicationCalendar(lexicon: lexicon).date(of: $0) } }
        let scalars = Array(article.text.unicodeScalars)
        let start = min(max(article.bodyStart, 0), scalars.count)
        let tokens = Tokenizer.tokenize(scalars, from: start)
        let sentences = SentenceSegmenter.segment(tokens)
        let finder = CitationFinder(lexicon: lexicon)
        let citations = finder.citations(tokens, scalars: scalars)
        let cited = finder.citedSources(sentences, citations)
        var skipped = Set<Int>()
        for c in citations { for k in c.range { skipped.insert(k) } }
        let dateline = tokens.isEmpty ? nil : Dateline.find(tokens, from: 0)
        for k in dateline?.agency ?? 0..<0 { skipped.insert(k) }
        let tagger = MentionTagger(lexicon: lexicon, tokens: tokens, scalars: scalars, sentences: sentences, skipped: skipped,
                                   dateline: dateline)
        var mentions = sentences.map { tagger.tag($0) }
        let entities = EntityResolver(tokens: tokens, lexicon: lexicon).resolve(&mentions)
        var analysis = Analysis(document: doc, scalars: scalars, tokens: tokens, sentences: sentences,
                                citedSources: cited, mentions: mentions, entities: entities, candidates: [])
        analysis.candidates = RelationExtractor(lexicon: lexicon, analysis: analysis).candidates()
        // An untyped owner or holding is a company; an untyped body a member belongs to takes the
        // type its rule implies (a board's company, an organization), and so does a member.
        for c in analysis.candidates where c.rejection == nil {
            var implied: [(String, EntityType)] = []
            switch c.kind {
            case .holdsShareIn: implied = [(c.subject, c.subjectType ?? .company), (c.object, c.objectType ?? .company)]
            case .memberOf:
                implied = [(c.object, c.objectType ?? .company)]
                if let t = c.subjectType { implied.append((c.subject, t)) }
            case .metWith: break
            }
            for (key, type) in implied where analysis.entities[key]?.type == nil {
                analysis.entities[key]?.type = type
                analysis.entities[key]?.typedBy = c.rule
            }
        }
        return analysis
    }
}

/// Everything the stages found in one article.
struct Analysis: Sendable {
    var document: Document
    var scalars: [Unicode.Scalar]
    var tokens: [Token]
    var sentences: [Sentence]
    var citedSources: [String?]
    var mentions: [[Mention]]
    var entities: [String: ResolvedEntity]
    var candidates: [Candidate]

    func sentenceText(_ i: Int) -> String {
        String(String.UnicodeScalarView(scalars[sentences[i].offsets]))
    }

    /// Entities that are emitted: typed and not suppressed.
    var emittedEntities: [ResolvedEntity] {
        entities.values.filter { $0.type != nil && !$0.isSuppressed }
            .sorted { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }
    }

    /// The evidence of a candidate's sentence.
    func evidence(_ sentence: Int) -> Evidence {
        Evidence(sentence: sentenceText(sentence), source: document.id, citedSource: citedSources[sentence],
                 offsets: sentences[sentence].offsets)
    }

    /// The explanation of every candidate (see ``Explanation``).
    func explanation() -> Explanation {
        var ids: [String: String] = [:]
        for e in emittedEntities { ids[e.key] = e.id }
        func label(_ key: String) -> String { entities[key]?.label ?? key }
        var found: [Explanation.Item] = []
        var rejected: [Explanation.Item] = []
        var seen = Set<String>()
        for c in candidates {
            let s = ids[c.subject]
            let o = ids[c.object]
            let relation = Relation(subject: s ?? Identifier.slug(label(c.subject)), kind: c.kind, object: o ?? Identifier.slug(label(c.object)),
                                    date: c.date, place: c.place.flatMap { ids[$0] }, share: c.share, modality: c.modality,
                                    evidence: evidence(c.sentence))
            var reason = c.rejection
            if reason == nil, s == nil || o == nil {
                let missing = s == nil ? c.subject : c.object
                reason = entities[missing]?.isSuppressed ?? false ? "'\(label(missing))' is a region, not an entity"
                    : "'\(label(missing))' has no type"
            }
            if reason == nil, s == o { reason = "subject and object are one entity" }
            var item = Explanation.Item(relation: relation, subjectLabel: label(c.subject), objectLabel: label(c.object),
                                        placeLabel: c.place.map(label), rule: c.rule, matched: matchedWords(c),
                                        sentenceNumber: c.sentence + 1, rejection: reason)
            if reason == nil {
                guard seen.insert(relation.id).inserted else { continue }
                found.append(item)
            } else {
                item.rejection = reason
                rejected.append(item)
            }
        }
        return Explanation(document: document, relations: found, rejections: rejected)
    }

    /// The subject's words, the trigger and the object's words of a candidate, in text order.
    private func matchedWords(_ c: Candidate) -> [String] {
        func text(_ r: Range<Int>) -> String {
            guard !r.isEmpty else { return "" }
            return String(String.UnicodeScalarView(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end]))
        }
        var parts: [(Int, String)] = [(c.trigger, tokens.indices.contains(c.trigger) ? tokens[c.trigger].text : "")]
        for key in [c.subject, c.object] {
            let near = mentions[c.sentence].filter { $0.entity == key }
                .min { abs($0.tokens.lowerBound - c.trigger) < abs($1.tokens.lowerBound - c.trigger) }
            if let m = near {
                parts.append((m.tokens.lowerBound, text(m.tokens)))
            } else {
                parts.append((sentences[c.sentence].tokens.lowerBound - 1, (entities[key]?.label ?? key) + " (earlier)"))
            }
        }
        return parts.sorted { $0.0 < $1.0 }.map(\.1)
    }

    func graph() -> KnowledgeGraph {
        var g = KnowledgeGraph()
        g.add(document)
        var ids: [String: String] = [:]
        for e in emittedEntities {
            guard let type = e.type else { continue }
            ids[e.key] = e.id
            g.add(Entity(id: e.id, label: e.label, type: type, aliases: e.aliases))
        }
        for c in candidates where c.rejection == nil {
            guard let s = ids[c.subject], let o = ids[c.object], s != o else { continue }
            g.add(Relation(subject: s, kind: c.kind, object: o, date: c.date, place: c.place.flatMap { ids[$0] },
                           share: c.share, modality: c.modality, evidence: evidence(c.sentence)))
        }
        return g
    }
}
