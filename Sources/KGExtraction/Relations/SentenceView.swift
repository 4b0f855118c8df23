import KGModel

/// One sentence with its tokens and resolved mentions, and the small syntactic helpers the relation
/// rules share: clause bounds, the subject before a trigger, the object after it, cue look-ups.
struct SentenceView {
    let index: Int
    let start: Int
    let end: Int
    let tokens: [Token]
    let mentions: [Mention]
    let lexicon: Lexicon
    let entities: [String: ResolvedEntity]
    /// Mentions of the two sentences before, nearest sentence first (antecedents of pronouns).
    var earlier: [[Mention]] = []
    /// Token index to the mention (largest span) covering it.
    private(set) var unit: [Int: Int] = [:]
    /// Tokens inside a relative clause ", which ... ," (the comma before "which" excluded).
    private(set) var relative: Set<Int> = []

    static let boundaries: Set<String> = [";", ":", "while", "whereas", "but", "although", "because", "though",
                                          "that", "when", "\u{201C}", "\u{201D}", "\"", "after", "before", "since", "unless"]
    static let determiners: Set<String> = ["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"]

    init(index: Int, sentence: Sentence, tokens: [Token], mentions: [Mention], lexicon: Lexicon,
         entities: [String: ResolvedEntity], earlier: [[Mention]] = []) {
        self.earlier = earlier
        self.index = index
        self.start = sentence.tokens.lowerBound
        self.end = sentence.tokens.upperBound
        self.tokens = tokens
        self.mentions = mentions
        self.lexicon = lexicon
        self.entities = entities
        for (mi, m) in mentions.enumerated() {
            for t in m.span {
                if let old = unit[t], mentions[old].span.count >= m.span.count { continue }
                unit[t] = mi
            }
        }
        var i = start
        while i < end {
            if tokens[i].text == ",", i + 1 < end, ["which", "who", "whose", "where"].contains(tokens[i + 1].lower) {
                var j = i + 1
                while j < end, tokens[j].text != "," { relative.insert(j); j += 1 }
                i = j
                continue
            }
            i += 1
        }
    }

    func word(_ i: Int) -> String { i >= start && i < end ? tokens[i].lower : "" }

    func mention(at i: Int) -> Int? { unit[i] }

    func type(_ mi: Int) -> EntityType? {
        mentions[mi].entity.flatMap { entities[$0]?.type } ?? mentions[mi].type
    }

    /// Start of the clause holding `pos` (after a boundary word or punctuation).
    func clauseStart(_ pos: Int) -> Int {
        var j = pos - 1
        while j >= start {
            if SentenceView.boundaries.contains(tokens[j].lower) { return j + 1 }
            j -= 1
        }
        return start
    }

    /// End of the clause holding `pos`.
    func clauseEnd(_ pos: Int) -> Int {
        var j = pos + 1
        while j < end {
            let w = tokens[j].lower
            if w == ";" || w == "while" || w == "whereas" || w == "but" || w == "although" || w == "because" { return j }
            j += 1
        }
        return end
    }

    static let reportingVerbs: Set<String> = ["said", "says", "announced", "confirmed", "added", "stated", "reported", "disclosed"]

    static let partitives: Set<String> = ["part", "parts", "half", "rest", "bulk", "most", "much", "remainder"]

    /// A preposition governs the mention (possibly across determiners): "with Moscow", "of the CSTO".
    /// "of" after a partitive noun does not: "the southern part of Cyprus" stands for Cyprus.
    func isGoverned(_ mi: Int) -> Bool {
        var j = mentions[mi].span.lowerBound - 1
        while j >= start, SentenceView.determiners.contains(tokens[j].lower) { j -= 1 }
        guard j >= start else { return false }
        if tokens[j].lower == "of", j - 1 >= start, SentenceView.partitives.contains(tokens[j - 1].lower) { return false }
        return lexicon.cue(.preposition, tokens[j]) && tokens[j].lower != "by"
    }

    /// The mention is a possessor ("Spain's Aguas de Barcelona").
    func isPossessor(_ mi: Int) -> Bool {
        let b = mentions[mi].span.upperBound
        return b < end && tokens[b].isPossessive
    }

    /// The subject of the clause whose verb or trigger is at `pos`: the nearest mention to the left
    /// that no preposition governs, that is no possessor or modifier and not inside a relative
    /// clause; a relative clause's own subject is the name before ", which".
    func subject(before pos: Int, types: Set<EntityType>? = nil) -> Int? {
        let inRelative = relative.contains(pos)
        // "X left the party in May and joined Y": a verb after "and" shares the clause's subject.
        if word(pos - 1) == "and" || word(pos - 1) == "but" || (word(pos - 2) == "and" && ["then", "later", "also"].contains(word(pos - 1))) {
            let cs = clauseStart(pos)
            for mi in mentions.indices where mentions[mi].span.lowerBound >= cs && mentions[mi].span.upperBound <= pos {
                if relative.contains(mentions[mi].span.lowerBound) != inRelative { continue }
                if !isGoverned(mi) && !isPossessor(mi) && !mentions[mi].isModifier && mentions[mi].kind != .description {
                    return accepts(mi, types) ? mi : nil
                }
            }
        }
        var j = pos - 1
        while j >= start {
            let t = tokens[j]
            if ["which", "who"].contains(t.lower), j - 1 >= start, tokens[j - 1].text == ",", inRelative || relative.contains(j) {
                if inRelative, let mi = unit[j - 2] { return accepts(mi, types) ? mi : nil }
            }
            // ", where he met ...": the place before "where" is no subject; the clause's own is.
            if t.lower == "where", inRelative { return nil }
            if SentenceView.boundaries.contains(t.lower) { return nil }
            if t.lower == "said" || t.lower == "says" { return nil }
            if let mi = unit[j] {
                let m = mentions[mi]
                let candidate = !isGoverned(mi) && !isPossessor(mi) && !m.isModifier
                    && (!relative.contains(j) || inRelative) && accepts(mi, types)
                if candidate { return mi }
                j = m.span.lowerBound - 1
                continue
            }
            j -= 1
        }
        return nil
    }

    private func accepts(_ mi: Int, _ types: Set<EntityType>?) -> Bool {
        guard mentions[mi].entity != nil else { return false }
        guard let types else { return true }
        return type(mi).map { types.contains($0) } ?? types.contains(.company)
    }

    /// The first mention starting within a few tokens after `pos` (determiners and adjectives
    /// skipped, no clause punctuation crossed).
    func object(after pos: Int, window: Int = 5, types: Set<EntityType>? = nil) -> Int? {
        var j = pos
        while j < end, j < pos + window {
            if let mi = unit[j] {
                let m = mentions[mi]
                if m.isModifier || isPossessor(mi) {
                    // "the Argentine newspaper Clarin", "France's Suez": keep looking for the head.
                    j = m.span.upperBound
                    if j < end, tokens[j].isPossessive { j += 1 }
                    continue
                }
                return accepts(mi, types) ? mi : nil
            }
            let t = tokens[j]
            if t.kind == .punctuation, t.text != "-", t.text != "\u{201C}", t.text != "\"" { return nil }
            if SentenceView.boundaries.contains(t.lower), !SentenceView.determiners.contains(t.lower) { return nil }
            j += 1
        }
        return nil
    }

    /// The mentions coordinated before `mi` ("Kazakhstan, Russia and Belarus are ..."): nearest first.
    /// Only the link next to the last item may be a conjunction ("A, B and C", "A, B, and C");
    /// a determiner may stand before an item ("and the Philippines").
    func coordinated(before mi: Int, types: Set<EntityType>) -> [Int] {
        var out: [Int] = []
        var j = itemStart(mi) - 1
        var sawConjunction = false
        while j > start, [",", "and", "or"].contains(tokens[j].lower) {
            var k = j - 1
            let conjunction = tokens[j].lower == "and" || tokens[j].lower == "or"
            if conjunction {
                if sawConjunction || !out.isEmpty { break }
                sawConjunction = true
                if tokens[k].text == "," { k -= 1 }
            }
            guard k >= start, let m = unit[k], accepts(m, types), !mentions[m].isModifier, !isPossessor(m), !out.contains(m), m != mi else { break }
            out.append(m)
            j = itemStart(m) - 1
        }
        // "A, B" without a conjunction is an apposition, not a list.
        return sawConjunction ? out : []
    }

    /// Where the list item of mention `mi` starts: before a determiner, a possessor ("Kazakhstan's
    /// Altyn Gas") and hyphenated modifiers ("state-owned Zarafshon Neftegaz").
    func itemStart(_ mi: Int) -> Int {
        var p = mentions[mi].span.lowerBound
        for _ in 0..<4 {
            if p - 1 >= start, ["the", "a", "an"].contains(tokens[p - 1].lower) { p -= 1; continue }
            if p - 3 >= start, tokens[p - 1].kind == .word, !tokens[p - 1].isCapitalized, tokens[p - 2].text == "-",
               tokens[p - 3].kind == .word, !tokens[p - 3].isCapitalized { p -= 3; continue }
            if p - 2 >= start, tokens[p - 1].isPossessive, let m = unit[p - 2] { p = mentions[m].span.lowerBound; continue }
            break
        }
        return p
    }

    /// Parties listed after the mention `mi` ("met A and B", "met A, B and C", "met his counterpart,
    /// A, and B"): in text order. A list has one conjunction, before its last item; an item after a
    /// bare comma counts only when the list goes on after it.
    func listed(after mi: Int, types: Set<EntityType>) -> [Int] {
        var out: [Int] = []
        var p = mentions[mi].span.upperBound
        while p < end {
            var q = p
            var conjunction = false
            if word(q) == "," { q += 1 }
            if word(q) == "and" || word(q) == "or" { q += 1; conjunction = true }
            if word(q) == "the" { q += 1 }
            guard q > p, let m = unit[q], mentions[m].span.lowerBound == q, mentions[m].kind != .description else { break }
            let after = mentions[m].span.upperBound
            if !conjunction, ![",", "and", "or"].contains(word(after)) { break }
            guard accepts(m, types), !mentions[m].isModifier, !isPossessor(m), !out.contains(m), m != mi else { break }
            out.append(m)
            if conjunction { break }
            p = after
        }
        // Items after bare commas with no conjunction at the end were appositions, not a list.
        if let last = out.last, !(word(mentions[last].span.lowerBound - 1) == "and" || word(mentions[last].span.lowerBound - 1) == "or"
            || word(mentions[last].span.lowerBound - 2) == "and" && word(mentions[last].span.lowerBound - 1) == "the") { return [] }
        return out
    }

    /// What a pronoun subject right before the verb at `pos` stands for ("it raised its stake", "he
    /// met"): for "it", the organization, company or country that was the subject of this sentence
    /// (before the pronoun) or of one of the two before; for "he" and "she", ``antecedent(ofPronoun:)``.
    func pronounSubject(before pos: Int) -> String? {
        var p = pos - 1
        while p >= start, p >= pos - 4, tokens[p].kind == .word, !["it", "he", "she"].contains(tokens[p].lower) {
            guard !SentenceView.boundaries.contains(tokens[p].lower), unit[p] == nil else { return nil }
            p -= 1
        }
        guard p >= start, ["it", "he", "she"].contains(tokens[p].lower) else { return nil }
        // "Nordvik said on Thursday it had raised ...": the reporting verb's subject.
        var r = p - 1
        while r >= start, r >= p - 6, !SentenceView.reportingVerbs.contains(tokens[r].lower) {
            if tokens[r].kind == .punctuation, tokens[r].text != "," { break }
            r -= 1
        }
        if r >= start, SentenceView.reportingVerbs.contains(tokens[r].lower), let s = subject(before: r), let k = mentions[s].entity {
            let t = entities[k]?.type
            if tokens[p].lower == "it" ? t != .person : t == .person { return k }
        }
        if tokens[p].lower != "it" { return antecedent(ofPronoun: p) }
        let kinds: Set<EntityType> = [.company, .organization, .country]
        func fits(_ m: Mention) -> Bool { m.entity.flatMap { entities[$0]?.type }.map { kinds.contains($0) } ?? false }
        if let m = mentions.first(where: { $0.isSubject && $0.span.upperBound <= p && fits($0) }) { return m.entity }
        for ms in earlier {
            if let m = ms.first(where: { $0.isSubject && fits($0) }) { return m.entity }
        }
        return nil
    }

    /// The entity a personal pronoun at `p` stands for: a person named earlier in the sentence
    /// (its subject first), else the subject or first person of the sentence before, else of the
    /// one before that. "he", "she", "him", "her" take persons only.
    func antecedent(ofPronoun p: Int) -> String? {
        let w = word(p)
        guard ["he", "she", "him", "her"].contains(w) else { return nil }
        func person(_ ms: [Mention], before limit: Int?) -> String? {
            let pool = ms.filter { m in
                guard let k = m.entity, entities[k]?.type == .person || (m.kind == .description && m.type == .person) else { return false }
                return limit.map { m.span.upperBound <= $0 } ?? true
            }
            return (pool.first { $0.isSubject } ?? pool.first)?.entity
        }
        if let k = person(mentions, before: p) { return k }
        for ms in earlier { if let k = person(ms, before: nil) { return k } }
        return nil
    }

    /// First token in `range` of a cue category, outside relative clauses that do not hold the
    /// range's end (the trigger).
    func firstCue(_ cue: Cue, in range: Range<Int>) -> Int? {
        let lo = max(range.lowerBound, start)
        let hi = min(range.upperBound, end)
        guard lo < hi else { return nil }
        let outside = !relative.contains(range.upperBound)
        for j in lo..<hi where lexicon.cue(cue, tokens[j]) {
            // A relative clause the trigger is not in says nothing of it ("X, which sells the rest, will keep ...").
            if outside, relative.contains(j) { continue }
            // "May 11" is a month, not the modal verb.
            if tokens[j].text == "May", j > start || (j + 1 < end && tokens[j + 1].kind == .number) { continue }
            return j
        }
        return nil
    }

    /// Mentions of a list after `pos` ("A, B and C"), up to a preposition or the clause end,
    /// skipping modifiers ("four Central Asian countries").
    func list(after pos: Int, types: Set<EntityType>) -> [Int] {
        var out: [Int] = []
        var j = pos
        let ce = clauseEnd(pos)
        var afterItem = false
        while j < ce {
            if let mi = unit[j] {
                let m = mentions[mi]
                if !m.isModifier, accepts(mi, types), !out.contains(mi) { out.append(mi); afterItem = true } else { afterItem = false }
                j = m.span.upperBound
                continue
            }
            let t = tokens[j]
            if t.kind == .punctuation, t.text != ",", t.text != "-" { break }
            if lexicon.cue(.preposition, t) { break }
            // A word right after an item ends the list ("IOC member Craig Reedie told ..."), except a conjunction.
            if t.kind == .word, afterItem, t.lower != "and", t.lower != "or" { break }
            if t.kind == .word { afterItem = false }
            j += 1
        }
        return out
    }
}
