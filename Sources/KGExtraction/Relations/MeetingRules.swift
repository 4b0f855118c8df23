import KGModel

/// Rules for `met-with`: two participants met in person.
///
/// Phrasings: "X met (with) Y", "X will meet Y", "X and Y met"; "X held|had|began talks with Y",
/// "X held its third meeting with Y", "talks|a meeting between X and Y", "Ahead of talks with Y, X
/// said"; "X shook hands with Y", "X, shaking hands with Y"; "X, speaking at a joint news conference
/// with Y"; "X discussed ... with Y", "discussed by X with Y"; "X confers|conferred with Y"; "X
/// received|hosted|welcomed Y" (persons); "X told Y" when both are persons and the sentence places
/// them ("in Tokyo", "visiting"); "X ... when he arrives on an official visit to <capital>" with a
/// person of that country in the sentence; "X visited <city>, where he met Y" (the city is the place).
///
/// Participants: a subject with the ones coordinated before it ("A and B held talks"), the parties
/// listed after the trigger ("met A, B and C"), and a pronoun's antecedent within the sentence or
/// the two before it ("He met ..."); an infinitive ("is due to visit Oslo to meet Y") takes its
/// clause's subject. A meeting of several participants gives every pair.
///
/// Not meetings: accession or membership talks, rivals in a bid, offers to mediate and talks at "the
/// negotiating table" under a condition (kept as rejected candidates: hypothetical), a meeting that
/// "did not take place" (negated).
struct MeetingRules {
    let extractor: RelationExtractor
    let view: SentenceView

    static let parties: Set<EntityType> = [.person, .country, .organization, .company]
    static let talkNouns: Set<String> = ["talks", "meeting", "meetings", "discussions", "negotiations", "conference", "summit"]
    static let holdVerbs: Set<String> = ["held", "hold", "holds", "holding", "had", "have", "has", "having", "began", "begin",
                                         "begins", "beginning", "begun", "opened", "started", "start", "starts", "resumed",
                                         "joint", "in", "into", "of", "at", "after", "during", "for"]

    /// Words the rules fire on (a token that is none of them is skipped at once).
    static let triggers: Set<String> = [
        "arrived", "arrives", "confer", "conference", "conferred", "conferring", "confers", "discuss", "discussed",
        "discusses", "discussions", "hands", "hosted", "hosts", "mediate", "mediated", "mediating", "mediation",
        "meet", "meeting", "meetings", "meets", "met", "negotiations", "received", "receives", "summit", "table",
        "talks", "told", "visit", "visited", "visiting", "visits", "welcomed", "welcomes",
    ]

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            guard MeetingRules.triggers.contains(w) else { i += 1; continue }
            switch w {
            case "met", "meet", "meets", "meeting":
                if w == "meeting" && ["with", "between"].contains(view.word(i + 1)) { talks(i, &out) } else { met(i, &out) }
            case "talks", "meetings", "discussions", "negotiations", "conference", "summit":
                talks(i, &out)
            case "hands":
                if ["shaking", "shook", "shake", "shakes"].contains(view.word(i - 1)), view.word(i + 1) == "with" {
                    with(i + 1, trigger: i, rule: "met-with/shaking-hands", &out)
                }
            case "discussed", "discusses", "discuss":
                discussed(i, &out)
            case "confers", "conferred", "confer", "conferring":
                if view.word(i + 1) == "with" { with(i + 1, trigger: i, rule: "met-with/confers-with", &out) }
            case "received", "hosted", "welcomed", "hosts", "receives", "welcomes":
                personToPerson(i, rule: "met-with/received", &out)
            case "told":
                if isPlaced() { personToPerson(i, rule: "met-with/told-in-place", &out) }
            case "visit", "arrives", "arrived", "visiting", "visited", "visits":
                visit(i, &out)
            case "mediate", "mediated", "mediating", "mediation":
                mediation(i, &out)
            case "table":
                if view.word(i - 1) == "negotiating" { negotiatingTable(i, &out) }
            default:
                break
            }
            i += 1
        }
    }

    private func key(_ mi: Int) -> String? { view.mentions[mi].entity }

    /// One candidate for every pair of participants (subjects first, then the others, in text order).
    private func emit(_ participants: [String], trigger: Int, rule: String, planned: Bool = false, negation: Int? = nil,
                      _ out: inout [Candidate]) {
        var unique: [String] = []
        for p in participants where !unique.contains(p) { unique.append(p) }
        guard unique.count >= 2 else { return }
        for x in 0..<(unique.count - 1) {
            for y in (x + 1)..<unique.count {
                if var c = extractor.candidate(.metWith, subjectKey: unique[x], objectKey: unique[y], in: view, trigger: trigger,
                                               rule: rule, planned: planned, place: relativePlace(trigger)) {
                    if let n = negation, c.rejection == nil {
                        c.modality = .negated
                        c.rejection = "negated: '\(view.tokens[n].text)'"
                    }
                    out.append(c)
                }
            }
        }
    }

    /// "visited Kuala Lumpur, where he met ...": the place a ", where" clause holding `pos` is about.
    private func relativePlace(_ pos: Int) -> String? {
        guard view.relative.contains(pos) else { return nil }
        var j = pos
        while j > view.start, !(view.word(j) == "where" && view.word(j - 1) == ",") { j -= 1 }
        // "visited Kuala Lumpur, where", "is due to visit Brussels in September, where"
        var k = j - 2
        while k >= view.start, k >= j - 6 {
            if let mi = view.mention(at: k) {
                return view.type(mi) == .place && !view.mentions[mi].isModifier ? view.mentions[mi].entity : nil
            }
            k -= 1
        }
        return nil
    }

    /// The subjects of the clause of the trigger at `pos`: the subject mention with the ones coordinated
    /// before it; for an infinitive ("due to visit Oslo to meet Y"), the clause's subject; for a
    /// pronoun after a reporting verb ("CNPC said it had held talks"), that verb's subject; for "he"
    /// or "she", its antecedent.
    private func subjects(before pos: Int) -> [String] {
        let cs = view.clauseStart(pos)
        if view.word(pos - 1) == "to" || (view.word(pos - 2) == "to" && view.tokens[pos - 1].kind == .word && view.word(pos - 1).hasSuffix("ly")),
           let s = view.mentions.indices.first(where: { view.mentions[$0].isSubject && view.mentions[$0].span.lowerBound >= cs
               && view.mentions[$0].span.upperBound <= pos }),
           MeetingRules.parties.contains(view.type(s) ?? .place), key(s) != nil {
            return withCoordinated(s)
        }
        if let s = view.subject(before: pos, types: MeetingRules.parties) { return withCoordinated(s) }
        let reporting: Set<String> = ["said", "says", "announced", "confirmed", "added"]
        if let p = (max(view.start, pos - 4)..<pos).first(where: { ["it", "he", "she", "they"].contains(view.word($0)) }),
           reporting.contains(view.word(p - 1)) || (view.word(p - 1) == "that" && reporting.contains(view.word(p - 2))) {
            let verb = view.word(p - 1) == "that" ? p - 2 : p - 1
            if let s = view.subject(before: verb, types: MeetingRules.parties) { return withCoordinated(s) }
        }
        if let p = (cs..<pos).last(where: { view.word($0) == "he" || view.word($0) == "she" }), let k = view.antecedent(ofPronoun: p) {
            return [k]
        }
        return []
    }

    private func withCoordinated(_ s: Int) -> [String] {
        (view.coordinated(before: s, types: MeetingRules.parties).reversed() + [s]).compactMap(key)
    }

    /// The object after `pos` with the parties listed after it.
    private func objects(after pos: Int, window: Int = 5) -> [String] {
        guard let o = view.object(after: pos, window: window, types: MeetingRules.parties) else { return [] }
        return ([o] + view.listed(after: o, types: MeetingRules.parties)).compactMap(key)
    }

    /// "X met Y", "X met Y and Z", "X and Y met".
    private func met(_ i: Int, _ out: inout [Candidate]) {
        let subs = subjects(before: i)
        guard !subs.isEmpty else { return }
        var j = i + 1
        if view.word(j) == "with" { j += 1 }
        let objs = objects(after: j)
        if !objs.isEmpty {
            emit(subs + objs, trigger: i, rule: "met-with/met", &out)
        } else if subs.count >= 2 {
            emit(subs, trigger: i, rule: "met-with/x-and-y-met", &out)
        }
    }

    /// A negation in the predicate after a meeting noun phrase ("A meeting between A and B, which
    /// ..., did not take place"), a relative clause skipped.
    private func negationAfter(_ pos: Int) -> Int? {
        let ce = view.clauseEnd(pos)
        var j = pos
        while j < ce, j < pos + 25 {
            if !view.relative.contains(j), view.lexicon.cue(.negation, view.tokens[j]) { return j }
            j += 1
        }
        return nil
    }

    /// "X held talks with Y", "Ahead of talks with Y, X ...", "talks|a meeting between X and Y".
    private func talks(_ i: Int, _ out: inout [Candidate]) {
        let prev = view.word(i - 1)
        if prev == "accession" || prev == "membership" { return }
        if view.word(i + 1) == "between", let a = view.object(after: i + 2, types: MeetingRules.parties),
           let parties = Optional(([a] + view.listed(after: a, types: MeetingRules.parties)).compactMap(key)), parties.count >= 2 {
            let lastEnd = view.mentions.filter { parties.contains($0.entity ?? "") }.map(\.span.upperBound).max() ?? i
            // A meeting that is the sentence's subject: its predicate may deny it.
            let subjectPosition = !(view.start..<i).contains { view.tokens[$0].kind == .word && !["a", "an", "the", "their", "his", "her", "its"].contains(view.word($0)) }
            emit(parties, trigger: i, rule: "met-with/talks-between", negation: subjectPosition ? negationAfter(lastEnd) : nil, &out)
            return
        }
        if view.word(i + 1) != "with" {
            // "Armenia and Azerbaijan held talks": a coordinated subject of a holding verb.
            let h = i - 1 >= view.start && MeetingRules.holdVerbs.contains(view.word(i - 1)) ? i - 1
                : (i - 2 >= view.start && MeetingRules.holdVerbs.contains(view.word(i - 2)) ? i - 2 : nil)
            guard let hv = h, !["of", "in", "into", "at", "after", "during", "for"].contains(view.word(hv)),
                  let s = view.subject(before: hv, types: MeetingRules.parties) else { return }
            let subs = withCoordinated(s)
            if subs.count >= 2 { emit(subs, trigger: i, rule: "met-with/x-and-y-held-talks", &out) }
            return
        }
        guard let o = view.object(after: i + 2, types: MeetingRules.parties), let ok = key(o) else { return }
        // "talks with France, Germany and Britain": every listed party.
        let objs = [ok] + view.listed(after: o, types: MeetingRules.parties).compactMap(key)
        // The noun must be held or attended: a holding verb or preposition shortly before it.
        var j = i - 1
        var governed = false
        var fronted = false
        while j >= view.start, j >= i - 9 {
            let w = view.word(j)
            if MeetingRules.holdVerbs.contains(w) { governed = true; if j == view.start || view.word(j - 1) == "ahead" { fronted = j <= view.start + 2 }; break }
            if view.mention(at: j) != nil { break }
            j -= 1
        }
        guard governed else { return }
        if fronted || view.word(view.start) == "ahead" {
            // "Ahead of talks with the LSE on Friday, the pan-European bourse said ...": the subject follows.
            var k = i
            while k < view.end, view.tokens[k].text != "," { k += 1 }
            if let s = view.mentions.indices.first(where: { view.mentions[$0].span.lowerBound > k && view.mentions[$0].entity != nil
                && MeetingRules.parties.contains(view.type($0) ?? .place) }), let sk = key(s) {
                emit([sk] + objs, trigger: i, rule: "met-with/ahead-of-talks", planned: view.word(view.start) == "ahead", &out)
            }
            return
        }
        let subs = subjects(before: j + 1)
        guard !subs.isEmpty else { return }
        emit(subs + objs, trigger: i, rule: "met-with/talks-with", &out)
    }

    /// "X, shaking hands with Y", "X confers with Y": `withIndex` is the "with".
    private func with(_ withIndex: Int, trigger: Int, rule: String, _ out: inout [Candidate]) {
        let objs = objects(after: withIndex + 1)
        let subs = subjects(before: trigger)
        guard !objs.isEmpty, !subs.isEmpty else { return }
        emit(subs + objs, trigger: trigger, rule: rule, &out)
    }

    /// "X discussed ... with Y", "discussed by X with Y".
    private func discussed(_ i: Int, _ out: inout [Candidate]) {
        let ce = view.clauseEnd(i)
        var subs: [String]
        var j = i + 1
        if view.word(j) == "by", let s = view.object(after: j + 1, types: MeetingRules.parties), let sk = key(s) {
            subs = [sk]
            j = view.mentions[s].span.upperBound
        } else {
            subs = subjects(before: i)
        }
        guard !subs.isEmpty else { return }
        while j < ce, j < i + 14 {
            if view.word(j) == "with" {
                let objs = objects(after: j + 1)
                if !objs.isEmpty { emit(subs + objs, trigger: i, rule: "met-with/discussed-with", &out); return }
            }
            if view.tokens[j].kind == .punctuation, view.tokens[j].text != "," { return }
            j += 1
        }
    }

    /// "X received Y", "X told Y": both persons (a description such as "the British minister" counts).
    private func personToPerson(_ i: Int, rule: String, _ out: inout [Candidate]) {
        guard let o = view.object(after: i + 1, types: [.person]), let ok = key(o) else { return }
        var subs: [String] = []
        if let s = view.subject(before: i, types: [.person]), let sk = key(s) { subs = [sk] }
        else if let p = (view.clauseStart(i)..<i).last(where: { ["he", "she"].contains(view.word($0)) }), let k = view.antecedent(ofPronoun: p) {
            subs = [k]
        }
        guard !subs.isEmpty else { return }
        emit(subs + [ok], trigger: i, rule: rule, &out)
    }

    /// "offered to mediate between Rabat and Algiers": the parties did not meet; kept as a rejected
    /// candidate so that an explanation can say why.
    private func mediation(_ i: Int, _ out: inout [Candidate]) {
        var j = i + 1
        if view.word(j) == "talks" { j += 1 }
        guard view.word(j) == "between", let a = view.object(after: j + 1, types: MeetingRules.parties) else { return }
        let parties = ([a] + view.listed(after: a, types: MeetingRules.parties)).compactMap(key)
        var found: [Candidate] = []
        emit(parties, trigger: i, rule: "met-with/mediation", &found)
        for var c in found {
            if c.rejection == nil { c.rejection = "mediation: the parties are not said to meet" }
            out.append(c)
        }
    }

    /// "if Georgia and Russia were willing to settle the conflict at the negotiating table": the
    /// parties of the clause sit at the table (hypothetical when a condition governs it).
    private func negotiatingTable(_ i: Int, _ out: inout [Candidate]) {
        var k = i - 1
        while k > view.start, view.word(k) != "at" { k -= 1 }
        let subs = subjects(before: k)
        guard subs.count >= 2 else { return }
        emit(subs, trigger: i, rule: "met-with/negotiating-table", &out)
    }

    /// The sentence places someone: "in <place>", "visiting <place>".
    private func isPlaced() -> Bool {
        for (mi, m) in view.mentions.enumerated() where view.type(mi) == .place || m.kind == .capital {
            let p = m.span.lowerBound - 1
            if ["in", "at", "visiting", "to"].contains(view.word(p)) { return true }
        }
        return false
    }

    /// "<visitor> ... when he arrives on an official visit to Astana": the visitor meets the person
    /// of the visited country named in the same sentence.
    private func visit(_ i: Int, _ out: inout [Candidate]) {
        // The visited place: "visit to X", "arrives in X", "visiting X", "visited X".
        var j = i + 1
        if view.word(j) == "to" || view.word(j) == "in" { j += 1 }
        if view.tokens[i].lower == "arrives" || view.tokens[i].lower == "arrived" {
            // "arrives on an official visit to Astana"
            var k = i + 1
            while k < view.end, k < i + 6, view.word(k) != "to", view.word(k) != "in" { k += 1 }
            j = k + 1
        }
        guard let pm = view.object(after: j, window: 3), let country = countryOf(view.mentions[pm]) else { return }
        // The visitor: the subject, or the person "he" stands for (the sentence's first person).
        var visitor: String?
        let cs = view.clauseStart(i)
        if let s = view.subject(before: i, types: [.person]), view.mentions[s].span.lowerBound >= cs {
            visitor = view.mentions[s].entity
        } else if (cs..<i).contains(where: { view.word($0) == "he" || view.word($0) == "she" }) {
            visitor = view.mentions.first(where: { $0.type == .person && $0.entity != nil })?.entity
                ?? view.earlier.first?.first(where: { $0.type == .person && $0.entity != nil })?.entity
        }
        guard let v = visitor else { return }
        // The host: another person of the visited country in the sentence.
        for m in view.mentions where m.type == .person {
            guard let key = m.entity, key != v, view.entities[key]?.nationality == country,
                  view.entities[v]?.nationality != country else { continue }
            // The visited city is the meeting's place ("an official visit to Astana").
            let place = view.type(pm) == .place ? view.mentions[pm].entity : nil
            if let c = extractor.candidate(.metWith, subjectKey: v, objectKey: key, in: view, trigger: i,
                                           rule: "met-with/visit-host", place: place) { out.append(c) }
            return
        }
    }

    private func countryOf(_ m: Mention) -> String? {
        guard let entry = m.entry else { return nil }
        return entry.kind == .country ? entry.label : entry.country
    }
}
