import KGModel

/// Rules for `met-with`: two participants met in person.
///
/// Phrasings: "X met (with) Y", "X will meet Y", "X and Y met"; "X held|had|began talks with Y",
/// "X held its third meeting with Y", "talks between X and Y", "Ahead of talks with Y, X said";
/// "X, shaking hands with Y"; "X, speaking at a joint news conference with Y"; "X discussed ...
/// with Y", "discussed by X with Y"; "X confers with Y"; "X received|hosted|welcomed Y" (persons);
/// "X told Y" when both are persons and the sentence places them ("in Tokyo", "visiting");
/// "X ... when he arrives on an official visit to <capital>" with a person of that country in the
/// sentence. Not meetings: accession or membership talks, offers to mediate, rivals in a bid.
struct MeetingRules {
    let extractor: RelationExtractor
    let view: SentenceView
    /// Mentions of the sentence before (for "he" at a sentence start).
    let previous: [Mention]

    static let parties: Set<EntityType> = [.person, .country, .organization, .company]
    static let talkNouns: Set<String> = ["talks", "meeting", "meetings", "discussions", "negotiations", "conference", "summit"]
    static let holdVerbs: Set<String> = ["held", "hold", "holds", "holding", "had", "have", "has", "having", "began", "begin",
                                         "begins", "beginning", "begun", "opened", "started", "start", "starts", "resumed",
                                         "joint", "in", "into", "of", "at", "after", "during", "for"]

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            switch w {
            case "met", "meet", "meets", "meeting":
                if w == "meeting" && view.word(i + 1) == "with" { talks(i, &out) } else { met(i, &out) }
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
            default:
                break
            }
            i += 1
        }
    }

    private func add(_ c: Candidate?, _ out: inout [Candidate]) {
        if let c { out.append(c) }
    }

    /// The subject before `pos`, or the person a "he"/"she" in the trigger's clause stands for: the
    /// first person named earlier in the sentence, else in the sentence before.
    private func subject(before pos: Int) -> Int? {
        if let s = view.subject(before: pos, types: MeetingRules.parties) { return s }
        let cs = view.clauseStart(pos)
        // "CNPC said it had held talks": the pronoun after a reporting verb is its subject.
        let reporting: Set<String> = ["said", "says", "announced", "confirmed", "added"]
        if let p = (max(view.start, pos - 4)..<pos).first(where: { ["it", "he", "she", "they"].contains(view.word($0)) }),
           reporting.contains(view.word(p - 1)) || (view.word(p - 1) == "that" && reporting.contains(view.word(p - 2))) {
            let verb = view.word(p - 1) == "that" ? p - 2 : p - 1
            if let s = view.subject(before: verb, types: MeetingRules.parties) { return s }
        }
        guard let p = (cs..<pos).first(where: { view.word($0) == "he" || view.word($0) == "she" }) else { return nil }
        return view.mentions.indices.first { view.mentions[$0].type == .person && view.mentions[$0].entity != nil
            && view.mentions[$0].span.upperBound <= p }
    }

    /// "X met Y", "X and Y met".
    private func met(_ i: Int, _ out: inout [Candidate]) {
        guard let s = subject(before: i) else { return }
        var j = i + 1
        if view.word(j) == "with" { j += 1 }
        if let o = view.object(after: j, types: MeetingRules.parties) {
            add(extractor.candidate(.metWith, s, o, in: view, trigger: i, rule: "met-with/met"), &out)
            return
        }
        // "X and Y met": the subject is coordinated.
        let sm = view.mentions[s]
        if sm.span.lowerBound - 2 >= view.start, view.word(sm.span.lowerBound - 1) == "and",
           let o = view.mention(at: sm.span.lowerBound - 2), MeetingRules.parties.contains(view.type(o) ?? .place) {
            add(extractor.candidate(.metWith, o, s, in: view, trigger: i, rule: "met-with/x-and-y-met"), &out)
        }
    }

    /// "X held talks with Y", "Ahead of talks with Y, X ...", "talks between X and Y".
    private func talks(_ i: Int, _ out: inout [Candidate]) {
        let prev = view.word(i - 1)
        if prev == "accession" || prev == "membership" { return }
        if view.word(i + 1) == "between", let a = view.object(after: i + 2, types: MeetingRules.parties),
           view.word(view.mentions[a].span.upperBound) == "and",
           let b = view.object(after: view.mentions[a].span.upperBound + 1, types: MeetingRules.parties) {
            add(extractor.candidate(.metWith, a, b, in: view, trigger: i, rule: "met-with/talks-between"), &out)
            return
        }
        if view.word(i + 1) != "with" {
            // "Armenia and Azerbaijan held talks": a coordinated subject of a holding verb.
            let h = i - 1 >= view.start && MeetingRules.holdVerbs.contains(view.word(i - 1)) ? i - 1
                : (i - 2 >= view.start && MeetingRules.holdVerbs.contains(view.word(i - 2)) ? i - 2 : nil)
            guard let hv = h, !["of", "in", "into", "at", "after", "during", "for"].contains(view.word(hv)),
                  let s = view.subject(before: hv, types: MeetingRules.parties),
                  let other = view.coordinated(before: s, types: MeetingRules.parties).first else { return }
            add(extractor.candidate(.metWith, other, s, in: view, trigger: i, rule: "met-with/x-and-y-held-talks"), &out)
            return
        }
        guard let o = view.object(after: i + 2, types: MeetingRules.parties) else { return }
        // "talks with France, Germany and Britain": every listed party.
        let others = view.list(after: view.mentions[o].span.upperBound, types: MeetingRules.parties).filter { $0 != o }
        let listed = view.word(view.mentions[o].span.upperBound) == "," || view.word(view.mentions[o].span.upperBound) == "and"
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
                && MeetingRules.parties.contains(view.type($0) ?? .place) }) {
                add(extractor.candidate(.metWith, s, o, in: view, trigger: i, rule: "met-with/ahead-of-talks",
                                        planned: view.word(view.start) == "ahead"), &out)
            }
            return
        }
        guard let s = subject(before: j + 1) else { return }
        for object in [o] + (listed ? others : []) {
            add(extractor.candidate(.metWith, s, object, in: view, trigger: i, rule: "met-with/talks-with"), &out)
        }
    }

    /// "X, shaking hands with Y", "X confers with Y": `withIndex` is the "with".
    private func with(_ withIndex: Int, trigger: Int, rule: String, _ out: inout [Candidate]) {
        guard let o = view.object(after: withIndex + 1, types: MeetingRules.parties),
              let s = subject(before: trigger) else { return }
        add(extractor.candidate(.metWith, s, o, in: view, trigger: trigger, rule: rule), &out)
    }

    /// "X discussed ... with Y", "discussed by X with Y".
    private func discussed(_ i: Int, _ out: inout [Candidate]) {
        let ce = view.clauseEnd(i)
        var subject: Int?
        var j = i + 1
        if view.word(j) == "by", let s = view.object(after: j + 1, types: MeetingRules.parties) {
            subject = s
            j = view.mentions[s].span.upperBound
        } else {
            subject = self.subject(before: i)
        }
        guard let s = subject else { return }
        while j < ce, j < i + 14 {
            if view.word(j) == "with", let o = view.object(after: j + 1, types: MeetingRules.parties) {
                add(extractor.candidate(.metWith, s, o, in: view, trigger: i, rule: "met-with/discussed-with"), &out)
                return
            }
            if view.tokens[j].kind == .punctuation, view.tokens[j].text != "," { return }
            j += 1
        }
    }

    /// "X received Y", "X told Y": both persons (a description such as "the British minister" counts).
    private func personToPerson(_ i: Int, rule: String, _ out: inout [Candidate]) {
        guard let s = view.subject(before: i, types: [.person]), let o = view.object(after: i + 1, types: [.person]) else { return }
        add(extractor.candidate(.metWith, s, o, in: view, trigger: i, rule: rule), &out)
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
                ?? previous.first(where: { $0.type == .person && $0.entity != nil })?.entity
        }
        guard let v = visitor else { return }
        // The host: another person of the visited country in the sentence.
        for m in view.mentions where m.type == .person {
            guard let key = m.entity, key != v, view.entities[key]?.nationality == country,
                  view.entities[v]?.nationality != country else { continue }
            // The visited city is the meeting's place ("an official visit to Astana").
            let place = view.type(pm) == .place ? view.mentions[pm].entity : nil
            add(extractor.candidate(.metWith, subjectKey: v, objectKey: key, in: view, trigger: i, rule: "met-with/visit-host",
                                    place: place), &out)
            return
        }
    }

    private func countryOf(_ m: Mention) -> String? {
        guard let entry = m.entry else { return nil }
        return entry.kind == .country ? entry.label : entry.country
    }
}
