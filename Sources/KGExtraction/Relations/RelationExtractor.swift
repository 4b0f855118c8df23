import KGModel

/// Runs the relation rules (``MembershipRules``, ``MeetingRules``, ``ShareholdingRules``) over
/// every sentence and decides each candidate's date, place, modality and rejection.
///
/// Cue scopes: a negation cue ("not", "never", "refused") within six tokens before the trigger
/// in its clause negates the candidate; a hypothetical cue ("if", "would", "could", "offered")
/// before the trigger in its clause, or "if"/"unless" anywhere before it in the sentence, makes it
/// hypothetical; a future cue ("will", "is due to", "scheduled", "ahead of") before the trigger in
/// the sentence makes a meeting planned. Negated and hypothetical candidates are rejected (kept
/// with the reason, never emitted).
struct RelationExtractor {
    let lexicon: Lexicon
    let analysis: Analysis

    /// Candidates of every sentence, in sentence and trigger order.
    func candidates() -> [Candidate] {
        var out: [Candidate] = []
        var held: [(sentence: Int, object: String)] = []
        for (si, sentence) in analysis.sentences.enumerated() {
            let earlier = (max(0, si - 2)..<si).reversed().map { analysis.mentions[$0] }
            let view = SentenceView(index: si, sentence: sentence, tokens: analysis.tokens, mentions: analysis.mentions[si],
                                    lexicon: lexicon, entities: analysis.entities, earlier: earlier)
            var found: [Candidate] = []
            MembershipRules(extractor: self, view: view).apply(&found)
            MeetingRules(extractor: self, view: view).apply(&found)
            while let f = held.first, f.sentence < si - 2 { held.removeFirst() }
            ShareholdingRules(extractor: self, view: view, previousObjects: held.map(\.object)).apply(&found)
            for c in found where c.kind == .holdsShareIn && c.rejection == nil { held.append((si, c.object)) }
            out.append(contentsOf: RelationExtractor.deduplicated(found))
        }
        return RelationExtractor.endingLater(out)
    }

    /// A membership or holding the article says ended ("X quit Y on Monday") outweighs one it says
    /// began or held earlier ("X, who joined Y in 1990"): those are rejected unless dated after the end.
    static func endingLater(_ candidates: [Candidate]) -> [Candidate] {
        var ends: [String: (date: PartialDate?, reason: String)] = [:]
        for c in candidates where c.kind != .metWith {
            guard let r = c.rejection, r.hasPrefix("ended:") else { continue }
            let key = "\(c.kind.rawValue)\u{1F}\(c.subject)\u{1F}\(c.object)"
            // The latest end wins (an undated one only when there is no other).
            if let old = ends[key] {
                if let d = c.date, old.date.map({ d > $0 }) ?? true { ends[key] = (d, r) }
            } else {
                ends[key] = (c.date, r)
            }
        }
        guard !ends.isEmpty else { return candidates }
        return candidates.map { c in
            var c = c
            let key = "\(c.kind.rawValue)\u{1F}\(c.subject)\u{1F}\(c.object)"
            guard c.rejection == nil, let end = ends[key] else { return c }
            if let d = c.date, let e = end.date, d.year != nil, e.year != nil, d > e { return c }
            c.rejection = "\(end.reason), stated elsewhere in the article"
            return c
        }
    }

    /// One candidate per relation and sentence: a second rule finding the same pair (met-with in
    /// either order) adds only the date and place the first lacked; rejected candidates are kept
    /// once per reason.
    static func deduplicated(_ found: [Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        for c in found {
            let same = out.firstIndex { o in
                o.kind == c.kind && (o.rejection == nil) == (c.rejection == nil)
                    && (o.subject == c.subject && o.object == c.object || c.kind == .metWith && o.subject == c.object && o.object == c.subject)
                    && (o.rejection == nil || o.rejection == c.rejection)
            }
            guard let k = same else { out.append(c); continue }
            if out[k].date == nil { out[k].date = c.date }
            if out[k].place == nil { out[k].place = c.place }
            if out[k].share == nil { out[k].share = c.share }
        }
        return out
    }

    /// A candidate between two mentions of `view`, with cues, date and place read around `trigger`.
    func candidate(_ kind: RelationKind, _ subject: Int, _ object: Int, in view: SentenceView, trigger: Int,
                   rule: String, share: Double? = nil, planned: Bool = false, place: String? = nil) -> Candidate? {
        guard let s = view.mentions[subject].entity, let o = view.mentions[object].entity, s != o else { return nil }
        return candidate(kind, subjectKey: s, objectKey: o, in: view, trigger: trigger, rule: rule, share: share,
                         planned: planned, place: place)
    }

    /// A candidate between two entity keys. `place`, when given, is the meeting's place as the rule
    /// read it ("a visit to Astana"); otherwise a place after "in" or "at" following the trigger is taken.
    func candidate(_ kind: RelationKind, subjectKey s: String, objectKey o: String, in view: SentenceView, trigger: Int,
                   rule: String, share: Double? = nil, planned: Bool = false, place knownPlace: String? = nil) -> Candidate? {
        guard s != o else { return nil }
        let cs = view.clauseStart(trigger)
        var modality: Modality = .asserted
        var rejection: String?
        if let n = view.firstCue(.negation, in: max(cs, trigger - 6)..<trigger) ?? deniedThat(view, cs) {
            modality = .negated
            rejection = "negated: '\(view.tokens[n].text)'"
        } else if let h = view.firstCue(.hypothetical, in: cs..<trigger) ?? sentenceConditional(view, before: trigger) {
            rejection = "hypothetical: '\(view.tokens[h].text)'"
        } else if planned || view.firstCue(.future, in: view.start..<trigger) != nil || isToInfinitivePlan(view, trigger) {
            modality = .planned
        }
        // "was majority-owned by the state until 2009", "was a member until 1984": held, then ended.
        if rejection == nil, kind != .metWith, let u = endedUntil(view, trigger) {
            rejection = "ended: '\(view.tokens[u].text)'"
        }
        var place = knownPlace
        let dates = DateExpression.find(in: view.tokens, range: view.start..<view.end,
                                        articleDate: analysis.document.date, planned: modality == .planned)
        // A meeting's date: the first after the trigger in its clause, else the last before it in the
        // clause. A membership's or holding's: the first within a dozen words after the trigger
        // ("joined NATO on April 4", "a member since 1997"), else one just before it in the clause
        // ("In 2004, Estonia joined NATO").
        let reach = kind == .metWith ? view.clauseEnd(trigger) : min(view.clauseEnd(trigger), trigger + 14)
        let after = dates.first { $0.tokens.lowerBound > trigger && $0.tokens.lowerBound < reach }
        let before = dates.last { $0.tokens.upperBound <= trigger && $0.tokens.lowerBound >= cs
            && (kind == .metWith || $0.tokens.lowerBound >= trigger - 8)
            && (!view.relative.contains($0.tokens.lowerBound) || view.relative.contains(trigger)) }
        let date = (after ?? before)?.date
        if kind == .metWith {
            // "in Astana": a place after the trigger.
            var j = trigger + 1
            while place == nil, j < view.end - 1, !SentenceView.boundaries.contains(view.word(j)) {
                if view.tokens[j].lower == "in" || view.tokens[j].lower == "at", let mi = view.mention(at: j + 1),
                   view.type(mi) == .place, let key = view.mentions[mi].entity, !view.mentions[mi].isModifier {
                    place = key
                    break
                }
                j += 1
            }
        }
        var c = Candidate(kind: kind, subject: s, object: o, sentence: view.index, date: date, place: place,
                          share: share, modality: modality, rule: rule, rejection: rejection)
        c.trigger = trigger
        return c
    }

    /// "until <date>" after a past-tense trigger in its clause.
    private func endedUntil(_ view: SentenceView, _ trigger: Int) -> Int? {
        let cs = view.clauseStart(trigger)
        guard (cs..<trigger).contains(where: { ["was", "were", "had"].contains(view.word($0)) }) else { return nil }
        var j = trigger + 1
        while j < view.clauseEnd(trigger), j < trigger + 12 {
            if view.word(j) == "until" || view.word(j) == "till", j + 1 < view.end,
               view.tokens[j + 1].kind == .number || lexicon.cue(.month, view.tokens[j + 1]) { return j }
            j += 1
        }
        return nil
    }

    /// "denied that ...": a negating verb before the complement clause.
    private func deniedThat(_ view: SentenceView, _ cs: Int) -> Int? {
        guard view.word(cs - 1) == "that", cs - 2 >= view.start, lexicon.cue(.negation, view.tokens[cs - 2]) else { return nil }
        return cs - 2
    }

    /// "if" or "unless" earlier in the sentence.
    private func sentenceConditional(_ view: SentenceView, before trigger: Int) -> Int? {
        for j in view.start..<trigger where view.tokens[j].lower == "if" || view.tokens[j].lower == "unless" { return j }
        return nil
    }

    /// "is to meet", "are to hold talks".
    private func isToInfinitivePlan(_ view: SentenceView, _ trigger: Int) -> Bool {
        let w1 = view.word(trigger - 1)
        let w2 = view.word(trigger - 2)
        return w1 == "to" && (w2 == "is" || w2 == "are")
    }
}
