import KGModel

/// Rules for `member-of`: a state, organization or person belongs to an organization.
///
/// Phrasings: "X is a member of Y", "X, a (board) member of Y", "X and Y, all members of Z",
/// "Among the member states of Y, A, B and C ...", "members of Y, including A and B", "X and other
/// members|member-countries|member states of|within Y", "Y member X", "Y members X and Z", "X is an
/// Y member", "X, the only|an Y member since ...", "Y, which unites|groups|comprises|includes A, B and
/// C", "the alliance unites A, B and C", "X's membership in|of Y", "X joined|rejoined Y", "X was
/// admitted to|into Y", "X acceded to Y"; a party before a person's title: "Tory leader X", "Labour
/// MP X". The date is the one stated beside the trigger ("joined NATO on April 4", "a member since 1997").
///
/// Kept as rejected candidates, never edges: memberships that ended ("X left|quit|withdrew from|
/// walked out of|was expelled from Y", "a former member"), not yet held ("applied to join", "will
/// join", "membership ... still depends on"), and observers, candidates, invitees and partnership
/// programmes ("X, an observer in Y", "NATO's Partnership for Peace"), aspirations ("hopes to become a
/// member", "bid to join") and joining something of a body ("joined NATO talks", "talks with NATO").
/// "is not a member" is negated.
/// Offices are not memberships ("deputy secretary general of NATO").
struct MembershipRules {
    let extractor: RelationExtractor
    let view: SentenceView

    /// Members: states, territories ("Gibraltar joined UEFA"), organizations, persons, companies.
    static let members: Set<EntityType> = [.country, .organization, .person, .company, .place]
    static let bodies: Set<EntityType> = [.organization, .company]
    /// Qualifiers of "member" that deny a current membership, with the reason given.
    static let notMembers: [String: String] = [
        "non": "not a member", "former": "ended", "ex": "ended", "associate": "associate, not a full member",
        "candidate": "candidate, not a member", "observer": "observer, not a member", "prospective": "not yet a member",
        "would-be": "not yet a member", "future": "not yet a member", "potential": "not yet a member",
        "aspiring": "not yet a member", "partner": "partnership, not membership", "eventual": "not yet a member",
    ]
    static let memberNouns: Set<String> = ["countries", "states", "nations", "country", "state", "nation", "governments"]
    /// Words before a joining verb or "membership" in its clause that say it is sought, not held:
    /// an aspiration (`aspiring`) or another step short of it ("invited", "plans").
    static let seeking: Set<String> = aspiring.union(["invited", "plans"])
    /// Words that say the membership is wished or applied for ("hopes to become a member", "bid to
    /// join", "applied for membership"): the reason "aspiration".
    static let aspiring: Set<String> = [
        "hope", "hopes", "hoped", "hoping", "want", "wants", "wanted", "wanting", "seek", "seeks", "sought", "seeking",
        "aim", "aims", "aimed", "aiming", "apply", "applies", "applied", "applying", "application", "applications",
        "bid", "bids", "bidding", "aspire", "aspires", "aspired", "aspiring", "aspiration", "aspirations", "ambition",
        "ambitions", "wish", "wishes", "wished", "wishing", "strive", "strives", "striving", "strove", "eager", "keen",
        "request", "requests", "requested", "hopeful", "determined", "push", "pushing", "drive", "quest",
    ]
    /// Words after the body a joining verb names that are no head noun: the body itself is joined
    /// ("joined NATO last year", "joined NATO as its 31st member", "joined NATO officially").
    static let afterJoinedBody: Set<String> = [
        "and", "or", "but", "nor", "as", "so", "then", "too", "also", "again", "only", "just", "even", "still", "now", "soon",
        "together", "alongside", "last", "this", "next", "earlier", "later", "ago", "today", "yesterday", "tonight",
        "itself", "themselves", "himself", "herself", "once", "when", "while", "where", "which", "who", "whose", "that",
        "if", "because", "although", "though", "unless", "until", "is", "was", "were", "are", "has", "had", "have",
        "will", "would", "could", "can", "may", "might", "should", "shall", "must", "did", "does", "do", "been",
        "said", "says", "say", "instead", "anyway", "first", "immediately", "eventually", "finally", "outright", "late",
        "early", "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
    ]
    /// Head nouns that name the joined body itself, not something of it: "the NATO alliance", "the
    /// EU bloc", "NATO's ranks" (besides the organization descriptors of the cue lists).
    static let bodyItself: Set<String> = ["ranks", "fold", "family", "club", "organisation", "organization", "alliance", "bloc",
                                          "grouping", "group", "body", "union", "community", "membership"]
    /// Words inside an object noun phrase before a preposition that may join it to a body ("talks
    /// with NATO", "a boycott of the EU summit", "the call by the UN").
    static let activityPrepositions: Set<String> = ["with", "of", "by", "against", "on", "for", "in", "at", "over", "between",
                                                    "among", "led", "organised", "organized", "called", "hosted", "launched",
                                                    "brokered", "backed", "sponsored", "run"]
    /// Words after "membership" that say it is not (yet) held.
    static let pendingAfter: Set<String> = ["bid", "bids", "application", "applications", "talks", "negotiations", "prospects",
                                            "depends", "hinges", "remains", "would", "could", "may", "might", "hopes", "process",
                                            "roadmap", "aspirations", "ambitions", "request", "ambition"]
    /// Adjectives that may stand between a determiner and "Y member" ("the only CSTO member").
    static let memberAdjectives: Set<String> = ["only", "largest", "biggest", "smallest", "newest", "oldest", "youngest", "founding",
                                                "full", "fellow", "first", "latest", "sole", "original", "permanent", "key", "leading",
                                                "longest-standing", "most", "powerful", "influential", "poorest", "richest", "last"]

    /// Words the rules fire on (a token that is none of them is skipped at once).
    static let triggers: Set<String> = [
        "acceded", "accepted", "admit", "admits", "admitted", "applicant", "candidate", "comprises", "comprising",
        "grouping", "groups", "includes", "invitee", "join", "joined", "joining", "joins", "member", "members",
        "membership", "observer", "observers", "partner", "partners", "partnership", "rejoin", "rejoined", "rejoins",
        "stormed", "unite", "unites", "uniting", "walked", "walks",
    ]

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            guard MembershipRules.triggers.contains(w) || view.lexicon.cue(.ended, view.tokens[i]) else { i += 1; continue }
            switch w {
            case "member", "members": member(i, &out)
            case "unites", "groups", "comprises", "includes", "unite", "comprising", "uniting", "grouping": unites(i, &out)
            case "joined", "rejoined", "join", "rejoin", "joins", "rejoins", "joining": joined(i, &out)
            case "admitted", "accepted", "acceded", "admit", "admits": admitted(i, &out)
            case "membership": membership(i, &out)
            case "walked", "walks", "stormed": if view.word(i + 1) == "out" { ended(i + 1, &out) }
            case "observer", "observers", "partnership", "partner", "partners", "candidate", "invitee", "applicant":
                notMember(i, &out)
            default:
                if view.lexicon.cue(.ended, view.tokens[i]), !["sold", "divested", "disposed", "offloaded"].contains(w) { ended(i, &out) }
            }
            i += 1
        }
        partyTitles(&out)
    }

    private func add(_ c: Candidate?, _ out: inout [Candidate]) {
        guard var c else { return }
        if c.rejection == nil, c.modality == .planned {
            c.rejection = "planned: membership not yet held"
        }
        // An untyped body is an organization, or a company when it is a board's ("the board of
        // Coolmore Stud"); an untyped member of a party is a person.
        if view.entities[c.object]?.type == nil {
            let at = view.mentions.firstIndex { $0.entity == c.object }.map { view.mentions[$0].span.lowerBound } ?? view.start
            c.objectType = (max(view.start, at - 5)..<at).contains { view.word($0) == "board" } ? .company : .organization
        }
        if view.entities[c.subject]?.type == nil, let o = view.mentions.first(where: { $0.entity == c.object }), o.entry?.kind == .party {
            c.subjectType = .person
        }
        out.append(c)
    }

    private func candidate(_ x: Int, _ y: Int, trigger: Int, rule: String, rejection: String? = nil) -> Candidate? {
        guard var c = extractor.candidate(.memberOf, x, y, in: view, trigger: trigger, rule: rule) else { return nil }
        if let r = rejection, c.rejection == nil { c.rejection = r }
        return c
    }

    private func candidate(_ xKey: String, _ y: Int, trigger: Int, rule: String, rejection: String? = nil) -> Candidate? {
        guard let yKey = view.mentions[y].entity,
              var c = extractor.candidate(.memberOf, subjectKey: xKey, objectKey: yKey, in: view, trigger: trigger, rule: rule) else { return nil }
        if let r = rejection, c.rejection == nil { c.rejection = r }
        return c
    }

    /// The members a clause's subject names, coordinated ones included; else what a pronoun subject
    /// stands for ("It joined NATO in 2009").
    private func memberKeys(before i: Int) -> [String] {
        if let x = view.subject(before: i, types: MembershipRules.members) { return withCoordinated(x).compactMap { view.mentions[$0].entity } }
        return view.pronounSubject(before: i).map { [$0] } ?? []
    }

    /// A mention with the ones coordinated before it ("Algeria and South Africa"), in text order.
    private func withCoordinated(_ x: Int) -> [Int] {
        view.coordinated(before: x, types: MembershipRules.members).reversed() + [x]
    }

    /// A qualifier of "member" in its noun phrase ("a former member", "associate EU member"): the reason.
    private func qualifierRejection(_ i: Int) -> String? {
        var q = i - 1
        while q >= view.start, q >= i - 5, view.tokens[q].kind == .word || view.tokens[q].text == "-" {
            if let reason = MembershipRules.notMembers[view.word(q)] { return "\(reason): '\(view.tokens[q].text)'" }
            if SentenceView.determiners.contains(view.word(q)) { break }
            if let m = view.mention(at: q) { q = view.mentions[m].span.lowerBound - 1; continue }
            q -= 1
        }
        return nil
    }

    private func member(_ i: Int, _ out: inout [Candidate]) {
        let rejection = qualifierRejection(i)
        // After "member": optional "-countries", "states", then "of|within|in Y".
        var j = i + 1
        if view.word(j) == "-" { j += 1 }
        if MembershipRules.memberNouns.contains(view.word(j)) { j += 1 }
        let prep = view.word(j)
        if prep == "of" || prep == "within" || prep == "in", let y = body(after: j + 1) {
            // "X and other members of Y"
            if view.word(i - 1) == "other" || (view.word(i - 1) == "-" && view.word(i - 2) == "other") {
                let otherAt = view.word(i - 1) == "other" ? i - 1 : i - 2
                if view.word(otherAt - 1) == "and", let x = view.mention(at: otherAt - 2),
                   MembershipRules.members.contains(view.type(x) ?? .place) {
                    add(candidate(x, y, trigger: i, rule: "member-of/and-other-members", rejection: rejection), &out)
                }
                return
            }
            // "Among the member states of Y, A, B and C ...", "members of Y, including A and B"
            let yEnd = view.mentions[y].span.upperBound
            let fronted = (view.clauseStart(i)..<i).allSatisfy { ["among", "of", "the", "all", "its", "other", "fellow"].contains(view.word($0)) }
                && (view.clauseStart(i)..<i).contains { view.word($0) == "among" }
            var listStart: Int?
            if fronted, view.word(yEnd) == "," { listStart = yEnd + 1 }
            if view.word(yEnd) == "," && view.word(yEnd + 1) == "including" { listStart = yEnd + 2 }
            if view.word(yEnd) == "including" { listStart = yEnd + 1 }
            if view.word(yEnd) == "such" && view.word(yEnd + 1) == "as" { listStart = yEnd + 2 }
            if view.word(yEnd) == "," && view.word(yEnd + 1) == "such" && view.word(yEnd + 2) == "as" { listStart = yEnd + 3 }
            if let ls = listStart, let first = view.object(after: ls, window: 2, types: [.country, .organization, .person]) {
                for x in [first] + view.listed(after: first, types: [.country, .organization, .person]) {
                    add(candidate(x, y, trigger: i, rule: fronted ? "member-of/among-the-members" : "member-of/members-including",
                                  rejection: rejection), &out)
                }
                return
            }
            // "X, a (board) member of Y", "X and Y, both members of Z" / "X is a member of Y"
            var k = i - 1
            while k >= view.start, k >= i - 5, view.mention(at: k).map({ view.mentions[$0].kind == .description }) ?? true,
                  view.tokens[k].text != "," { k -= 1 }
            if k >= view.start, view.tokens[k].text == ",", let x = view.mention(at: k - 1),
               MembershipRules.members.contains(view.type(x) ?? .place), !view.isGoverned(x) {
                for member in withCoordinated(x) {
                    add(candidate(member, y, trigger: i, rule: "member-of/apposition", rejection: rejection), &out)
                }
                return
            }
            if let x = view.subject(before: i, types: MembershipRules.members), copulaBetween(x, i) {
                // "Kazakhstan, Russia and Belarus are members of ...": every coordinated subject.
                let sought = soughtRejection(x, i)
                for member in withCoordinated(x) {
                    add(withReason(candidate(member, y, trigger: i, rule: "member-of/is-a-member", rejection: rejection), sought), &out)
                }
            }
            return
        }
        // "Y member X", "Y members X and Z", "X is an Y member", "X, the only Y member in ..."
        let orgBefore = view.mentions.indices.first { view.mentions[$0].span.upperBound == i && view.mentions[$0].kind != .description }
        guard let y = orgBefore, MembershipRules.bodies.contains(view.type(y) ?? .place) else { return }
        let list = view.list(after: j, types: [.country, .person, .organization])
        if !list.isEmpty, view.mentions[list[0]].span.lowerBound <= j + 1 {
            for x in list {
                add(candidate(x, y, trigger: i, rule: "member-of/org-member-x", rejection: rejection), &out)
            }
            return
        }
        var d = view.mentions[y].span.lowerBound - 1
        while d >= view.start, MembershipRules.memberAdjectives.contains(view.word(d)) { d -= 1 }
        guard ["a", "an", "the", "fellow"].contains(view.word(d)) || MembershipRules.memberAdjectives.contains(view.word(d + 1)) else { return }
        if view.word(d) == "fellow" { d += 1 }
        if d - 1 >= view.start, view.word(d - 1) == ",", let x = view.mention(at: d - 2),
           MembershipRules.members.contains(view.type(x) ?? .place), !view.isGoverned(x) {
            for member in withCoordinated(x) {
                add(candidate(member, y, trigger: i, rule: "member-of/apposition-org-member", rejection: rejection), &out)
            }
            return
        }
        if let x = view.subject(before: d, types: MembershipRules.members), copulaBetween(x, d + 1) {
            let sought = soughtRejection(x, d + 1)
            for member in withCoordinated(x) {
                add(withReason(candidate(member, y, trigger: i, rule: "member-of/is-an-org-member", rejection: rejection), sought), &out)
            }
        }
    }

    /// "X's membership in|of Y", "X's NATO membership". Sought or future memberships ("membership
    /// ... still depends on", "membership bid", "eventual membership") are rejected.
    private func membership(_ i: Int, _ out: inout [Candidate]) {
        var x: Int?
        var y: Int?
        if view.word(i + 1) == "in" || view.word(i + 1) == "of" {
            y = body(after: i + 2)
            var p = i - 1
            while p >= view.start, p >= i - 3, view.tokens[p].kind == .word, !view.tokens[p].isCapitalized { p -= 1 }
            if p >= view.start, view.tokens[p].isPossessive { x = view.mention(at: p - 1) }
        } else if let org = view.mention(at: i - 1), MembershipRules.bodies.contains(view.type(org) ?? .place),
                  view.mentions[org].span.upperBound == i {
            y = org
            let p = view.mentions[org].span.lowerBound - 1
            if p >= view.start, view.tokens[p].isPossessive { x = view.mention(at: p - 1) }
        }
        guard let member = x, let body = y, MembershipRules.members.contains(view.type(member) ?? .place) else { return }
        var rejection = qualifierRejection(i)
        if rejection == nil, let w = (view.clauseStart(i)..<i).first(where: { MembershipRules.seeking.contains(view.word($0)) }) {
            rejection = pendingReason(w)
        }
        if rejection == nil {
            let from = view.mentions[body].span.upperBound
            var k = from
            while k < view.end, k < from + 8 {
                if view.relative.contains(k) { k += 1; continue }
                if MembershipRules.pendingAfter.contains(view.word(k)) || view.word(k) == "still" {
                    rejection = pendingReason(k)
                    break
                }
                if view.tokens[k].kind == .punctuation, view.tokens[k].text != ",", view.tokens[k].text != "-" { break }
                k += 1
            }
        }
        add(candidate(member, body, trigger: i, rule: "member-of/membership-in", rejection: rejection), &out)
    }

    /// "X was admitted to|into Y", "X was accepted into Y as a member", "X acceded to Y"; active:
    /// "Y admitted X (as a member)", "Y's congress voted to admit X and Z" (an agreement "to admit" is
    /// not yet a membership).
    private func admitted(_ i: Int, _ out: inout [Candidate]) {
        let w = view.word(i)
        if ["admitted", "admit", "admits"].contains(w), !["was", "were", "been", "be", "is", "are", "being"].contains(view.word(i - 1)) {
            admits(i, &out)
            return
        }
        guard ["to", "into", "as"].contains(view.word(i + 1)) || w == "acceded" else { return }
        var j = i + 1
        if view.word(j) == "as" {
            // "admitted as a member of Y", "admitted as its 11th member" (no body named)
            while j < view.end, j < i + 6, view.word(j) != "of" { j += 1 }
        }
        guard let y = view.object(after: j + 1, window: 3, types: [.organization]),
              let x = view.subject(before: i, types: MembershipRules.members) else { return }
        // "Iran was admitted" needs the passive; "the bloc agreed to admit X" has another subject.
        guard w == "acceded" || (view.mentions[x].span.upperBound..<i).contains(where: { ["was", "were", "is", "are", "been", "be"].contains(view.word($0)) })
        else { return }
        let rejection = (view.clauseStart(i)..<i).first(where: { MembershipRules.seeking.contains(view.word($0)) }).map(pendingReason)
        for member in withCoordinated(x) {
            add(candidate(member, y, trigger: i, rule: "member-of/admitted", rejection: rejection), &out)
        }
    }

    /// "Y admitted X", "Y voted to admit X and Z as members": the body is the subject (or the body
    /// whose congress or council the subject is: "FIFA's congress").
    private func admits(_ i: Int, _ out: inout [Candidate]) {
        // "voted to admit", "voted 141-23 to admit"
        if view.word(i) == "admit" {
            guard view.word(i - 1) == "to", (max(view.start, i - 6)..<(i - 1)).contains(where: { ["voted", "votes", "vote"].contains(view.word($0)) })
            else { return }
        }
        var body: Int?
        if let s = view.subject(before: i, types: [.organization]) {
            body = s
            let p = view.itemStart(s)
            if p < view.mentions[s].span.lowerBound, let owner = view.mention(at: p), view.type(owner) == .organization { body = owner }
        } else {
            // "UEFA's congress voted to admit", "Delegates at the FIFA Congress voted to admit": the
            // organization whose assembly voted.
            let cs = view.clauseStart(i)
            body = view.mentions.indices.last { view.mentions[$0].span.upperBound <= i && view.mentions[$0].span.lowerBound >= cs
                && view.type($0) == .organization }
        }
        guard let y = body, var yKey = view.mentions[y].entity else { return }
        // "the FIFA Congress": the organization named at its start.
        let ym = view.mentions[y]
        if ym.entry == nil, let m = view.lexicon.longestMatch(view.tokens, at: ym.tokens.lowerBound, end: ym.tokens.upperBound),
           m.length < ym.tokens.count, m.phrase.entry.kind == .organization, view.entities["lex:" + m.phrase.entry.label] != nil {
            yKey = "lex:" + m.phrase.entry.label
        }
        guard let first = view.object(after: i + 1, window: 3, types: MembershipRules.members), first != y else { return }
        for x in [first] + view.listed(after: first, types: MembershipRules.members) where x != y {
            guard let xKey = view.mentions[x].entity else { continue }
            add(extractor.candidate(.memberOf, subjectKey: xKey, objectKey: yKey, in: view, trigger: i, rule: "member-of/admits"), &out)
        }
    }

    /// "X left|quit|withdrew from|walked out of|was expelled from|was suspended from Y": a
    /// membership that ended, kept with its date and the rejection "ended".
    private func ended(_ i: Int, _ out: inout [Candidate]) {
        var j = i + 1
        if ["from", "of"].contains(view.word(j)) { j += 1 } else if view.word(j) == "out", view.word(j + 1) == "of" { j += 2 }
        let trigger = view.word(i) == "out" ? i - 1 : i
        guard let y = view.object(after: j, window: 3, types: [.organization]) else { return }
        for m in memberKeys(before: trigger) {
            add(candidate(m, y, trigger: trigger, rule: "member-of/left", rejection: "ended: '\(view.tokens[trigger].text)'"), &out)
        }
    }

    /// Observers, candidates, invitees and partnership programmes: "X, an observer in Y", "X has
    /// observer status at Y", "X takes part in NATO's Partnership for Peace", "X is developing ties with
    /// NATO within the partnership program". Rejected candidates, kept for explanations.
    private func notMember(_ i: Int, _ out: inout [Candidate]) {
        let w = view.word(i)
        let reason: String
        switch w {
        case "observer", "observers": reason = "observer, not a member"
        case "candidate", "applicant", "invitee": reason = "\(w), not a member"
        default: reason = "partnership, not membership"
        }
        if w == "candidate", view.mention(at: i + 1) != nil { return }  // "candidate Barack Obama"
        // The body: a possessor or modifier right before ("NATO's Partnership", "an ASEAN observer"),
        // one shortly after ("observer status in the SCO", "partnership with NATO"), or one the
        // clause named before ("ties with NATO within the partnership program").
        var y: Int?
        var p = i - 1
        if view.tokens[max(p, view.start)].isPossessive { p -= 1 }
        if let m = view.mention(at: p), MembershipRules.bodies.contains(view.type(m) ?? .place), view.type(m) != nil { y = m }
        if y == nil {
            var k = i + 1
            while k < view.end, k < i + 6, view.tokens[k].kind == .word {
                if let m = view.mention(at: k) {
                    if view.type(m) == .organization { y = m }
                    break
                }
                k += 1
            }
        }
        if y == nil {
            let cs = view.clauseStart(i)
            y = view.mentions.indices.last { view.mentions[$0].span.upperBound <= i && view.mentions[$0].span.lowerBound >= cs
                && view.type($0) == .organization && view.mentions[$0].entity != nil }
        }
        guard let body = y else { return }
        // The member that is not: the apposition head ("Belarus, an observer state") or the subject.
        var x: Int?
        var k = i - 1
        while k >= view.start, k >= i - 4, view.tokens[k].kind == .word || view.tokens[k].isPossessive || view.mention(at: k) != nil { k -= 1 }
        if k >= view.start, view.tokens[k].text == ",", let m = view.mention(at: k - 1), m != body,
           MembershipRules.members.contains(view.type(m) ?? .place) { x = m }
        if x == nil, let s = view.subject(before: view.mentions[body].span.lowerBound < i ? view.mentions[body].span.lowerBound : i,
                                          types: MembershipRules.members), s != body { x = s }
        guard let member = x else { return }
        for m in withCoordinated(member) where m != body && [.country, .organization].contains(view.type(m)) {
            add(candidate(m, body, trigger: i, rule: "member-of/not-a-member", rejection: "\(reason): '\(view.tokens[i].text)'"), &out)
        }
    }

    /// A form of "be" or "become" between the subject and the trigger.
    private func copulaBetween(_ x: Int, _ i: Int) -> Bool { copula(x, i) != nil }

    /// The form of "be" or "become" between the subject and the trigger; "be" and "become" after
    /// "to" or a modal ("hopes to become a member", "will be a member").
    private func copula(_ x: Int, _ i: Int) -> Int? {
        let from = view.mentions[x].span.upperBound
        guard from < i else { return nil }
        for k in (from..<i).reversed() {
            let w = view.word(k)
            if ["is", "are", "was", "were", "became", "becomes", "remains", "remained", "been", "becoming"].contains(w) { return k }
            if ["be", "become"].contains(w),
               ["to", "will", "would", "could", "may", "might", "shall", "should", "'ll"].contains(view.word(k - 1)) { return k }
        }
        return nil
    }

    /// Why a copular membership is not held: "hopes to become a member" is an aspiration, "is set to
    /// become a member" not yet a membership.
    private func soughtRejection(_ x: Int, _ i: Int) -> String? {
        guard let k = copula(x, i), ["be", "become", "becoming"].contains(view.word(k)) else { return nil }
        if let w = aspiration(before: k) { return "aspiration: '\(view.tokens[w].text)'" }
        if view.word(k - 1) == "to" { return "not yet a member: 'to \(view.tokens[k].text)'" }
        return nil
    }

    /// The organization after "of": "of the CSTO", "of Germany's central bank, the Bundesbank",
    /// "of the board of Coolmore Stud" (a board's body may be an untyped name).
    private func body(after j: Int) -> Int? {
        var k = j
        var board = false
        if view.word(k) == "the", ["board", "executive"].contains(view.word(k + 1)) {
            var b = k + 1
            while b < view.end, view.word(b) != "of", b < k + 4 { b += 1 }
            if view.word(b) == "of" { k = b + 1; board = true }
        }
        guard let y = view.object(after: k, window: 4) ?? possessedDescription(k) else { return nil }
        // A board's body, or a name nothing typed ("the largest member of ECOWAS"): typed by the rule.
        if view.type(y) == nil, board || view.mentions[y].kind == .name { return y }
        return MembershipRules.bodies.contains(view.type(y) ?? .place) ? y : nil
    }

    /// "Germany's central bank, the Bundesbank": the name in apposition to a described body.
    private func possessedDescription(_ j: Int) -> Int? {
        guard let c = view.mention(at: j) ?? view.mention(at: j + 1), view.isPossessor(c) else { return nil }
        var k = view.mentions[c].span.upperBound + 1
        while k < view.end, k < j + 8, view.tokens[k].text != "," { k += 1 }
        guard k < view.end, view.tokens[k].text == "," else { return nil }
        return view.object(after: k + 1, window: 3)
    }

    /// "which unites four Central Asian countries, Armenia, and Belarus", "The alliance unites A, B and C".
    private func unites(_ i: Int, _ out: inout [Candidate]) {
        var y: Int?
        if view.word(i - 1) == "which", view.tokens[i - 2].text == ",", let m = view.mention(at: i - 3) {
            y = m
        } else if let s = view.subject(before: i, types: [.organization]) {
            y = s
        }
        guard let org = y, view.type(org) == .organization else { return }
        for x in view.list(after: i + 1, types: [.country, .organization, .place]) {
            add(extractor.candidate(.memberOf, x, org, in: view, trigger: i, rule: "member-of/which-unites"), &out)
        }
    }

    /// "X joined Y", "X and Y, which joined the organisation in 2017"; "will join", "applied to
    /// join" and "hopes to join" are rejected (planned or sought: an aspiration). Joining something
    /// of the body or something it takes part in is no membership and is rejected with that noun:
    /// the body modifies a head noun ("joined NATO talks", "the NATO-led mission", "the UN's call")
    /// or the object is such a noun ("joined talks with NATO", "a boycott of the EU summit").
    private func joined(_ i: Int, _ out: inout [Candidate]) {
        guard let (y, head) = joinedBody(after: i) else { return }
        var xs = memberKeys(before: i)
        // "Georgia's bid to join NATO", "Ukraine's hopes of joining": the possessor of the aspiration.
        if xs.isEmpty, let w = aspiration(before: i), w - 1 > view.start, view.tokens[w - 1].isPossessive,
           let p = view.mention(at: w - 2), MembershipRules.members.contains(view.type(p) ?? .place), let key = view.mentions[p].entity {
            xs = [key]
        }
        var rejection: String?
        if let h = head {
            rejection = "not membership: joined '\(view.tokens[h].text)'"
        } else if let w = aspiration(before: i) {
            rejection = "aspiration: '\(view.tokens[w].text)'"
        } else if let w = (view.clauseStart(i)..<i).first(where: { MembershipRules.seeking.contains(view.word($0)) }) {
            rejection = pendingReason(w)
        } else if ["join", "rejoin", "joining"].contains(view.word(i)), view.word(i - 1) == "to" {
            rejection = "not yet a member: 'to \(view.tokens[i].text)'"
        }
        for member in xs {
            guard var c = extractor.candidate(.memberOf, subjectKey: member, objectKey: y, in: view, trigger: i, rule: "member-of/joined")
            else { continue }
            if let r = rejection, overrides(c.rejection, with: r) { c.rejection = r }
            add(c, &out)
        }
    }

    /// The candidate with the reason it is sought, not held, unless a stronger reason stands.
    private func withReason(_ c: Candidate?, _ reason: String?) -> Candidate? {
        guard var c, let reason else { return c }
        if overrides(c.rejection, with: reason) || c.rejection?.hasPrefix("planned") == true { c.rejection = reason }
        return c
    }

    /// A rule's own reason replaces the generic one: "hypothetical: 'hopes'" is an aspiration, an
    /// activity joined is no membership whatever its modality; a negation stays.
    private func overrides(_ old: String?, with new: String) -> Bool {
        guard let old else { return true }
        if old.hasPrefix("negated") { return false }
        return old.hasPrefix("hypothetical") || new.hasPrefix("not membership")
    }

    /// "aspiration: 'applied'" for a word that wishes or applies for membership, else "not yet a
    /// member: 'invited'".
    private func pendingReason(_ w: Int) -> String {
        MembershipRules.aspiring.contains(view.word(w)) ? "aspiration: '\(view.tokens[w].text)'" : "not yet a member: '\(view.tokens[w].text)'"
    }

    /// The body a joining verb at `i` names, with the head noun that makes it something else than
    /// the body (nil when the body itself is joined).
    private func joinedBody(after i: Int) -> (key: String, head: Int?)? {
        // The body right after the verb (a word may stand before it: "joined fellow NATO members").
        var k = i + 1
        while k < view.end, k <= i + 2, view.mention(at: k) == nil {
            let t = view.tokens[k]
            if t.kind == .punctuation || (SentenceView.boundaries.contains(t.lower) && !SentenceView.determiners.contains(t.lower)) { break }
            k += 1
        }
        if k <= i + 2, let m = view.mention(at: k), let key = view.mentions[m].entity {
            if view.type(m) == .organization { return (key, headNoun(after: m)) }
            // "joined the NATO-led mission" after a country's modifier: "the US-led NATO mission"
            if !view.mentions[m].isModifier { return nil }
        }
        // The object is a noun phrase that the body modifies or follows: "talks with NATO", "a
        // boycott of the EU summit", "the US-led NATO mission", "the Western alliance NATO".
        var noun: Int?
        var sawPreposition = false
        k = i + 1
        while k < view.end, k < i + 9 {
            let t = view.tokens[k]
            if let m = view.mention(at: k) {
                let span = view.mentions[m].span
                if view.type(m) == .organization, let key = view.mentions[m].entity {
                    if sawPreposition, let n = noun, !isBodyItself(n) { return (key, n) }
                    if let n = noun, !sawPreposition, isBodyItself(n) { return (key, headNoun(after: m)) }
                    if noun == nil || !sawPreposition, let h = headNoun(after: m) { return (key, h) }
                    return noun == nil ? (key, nil) : nil
                }
                k = span.upperBound
                if k < view.end, view.tokens[k].isPossessive { k += 1 }
                continue
            }
            if t.kind == .punctuation {
                guard t.text == "-" || t.text == "\u{2013}" else { return nil }
                k += 2  // "US-led", "long-running": the word after the hyphen ends a modifier
                continue
            }
            if t.kind != .word { if sawPreposition { k += 1; continue } else { return nil } }
            if SentenceView.determiners.contains(t.lower) { k += 1; continue }
            if SentenceView.boundaries.contains(t.lower) || MembershipRules.clauseWords.contains(t.lower) { return nil }
            if MembershipRules.activityPrepositions.contains(t.lower) || view.lexicon.cue(.preposition, t) {
                guard noun != nil else { return nil }
                sawPreposition = true
            } else if !sawPreposition, !t.isCapitalized {
                noun = k
            }
            k += 1
        }
        return nil
    }

    private static let clauseWords: Set<String> = ["and", "or", "but", "as", "which", "who", "said", "says", "is", "was", "were", "are"]

    /// A noun the body named by `m` modifies or possesses ("NATO talks", "NATO's call", "NATO-led
    /// mission"): its index, or nil when nothing follows but words of the clause ("NATO in 2004",
    /// "NATO last year", "NATO as its 31st member") or the body itself ("the NATO alliance").
    private func headNoun(after m: Int) -> Int? {
        var k = view.mentions[m].span.upperBound
        guard k < view.end else { return nil }
        if view.tokens[k].isPossessive || view.tokens[k].text == "-" || view.tokens[k].text == "\u{2013}" { k += 1 }
        // The last word of a run of lower-case words: "NATO-led peacekeeping mission", "NATO talks"
        var head: Int?
        while k < view.end, view.tokens[k].kind == .word, !view.tokens[k].isCapitalized {
            let w = view.word(k)
            if MembershipRules.afterJoinedBody.contains(w) || view.lexicon.cue(.preposition, view.tokens[k]) || w.hasSuffix("ly")
                || view.lexicon.cue(.month, view.tokens[k]) || view.lexicon.cue(.weekday, view.tokens[k]) { break }
            head = k
            k += 1
        }
        guard let h = head, !isBodyItself(h) else { return nil }
        return h
    }

    /// The noun names the body itself: "alliance", "bloc", "ranks".
    private func isBodyItself(_ k: Int) -> Bool {
        MembershipRules.bodyItself.contains(view.word(k)) || view.lexicon.cue(.orgDescription, view.tokens[k])
    }

    /// An aspiration just before a joining verb or "become|be": "hopes to join", "applied to join",
    /// "bid to join", "wants to become", "is seeking eventually to join", "hopes of joining".
    private func aspiration(before i: Int) -> Int? {
        var k = i - 1
        guard k >= view.start, ["to", "of", "for"].contains(view.word(k)) else { return nil }
        k -= 1
        var n = 0
        while k >= view.start, n < 3, view.tokens[k].kind == .word, view.mention(at: k) == nil {
            if MembershipRules.aspiring.contains(view.word(k)) { return k }
            n += 1
            k -= 1
        }
        return nil
    }

    /// "Tory leader Michael Howard": a party before a person's title; "IOC member Dick Pound": an
    /// organization before "member"; "Gordon Brown, the Labour MP for ...": a party title in apposition.
    private func partyTitles(_ out: inout [Candidate]) {
        for (mi, m) in view.mentions.enumerated() where m.type == .person && m.kind == .name {
            let b = m.span.upperBound
            guard view.word(b) == ",", ["the", "a"].contains(view.word(b + 1)),
                  let party = view.mentions.firstIndex(where: { $0.span.lowerBound == b + 2 && $0.entry?.kind == .party }) else { continue }
            let after = view.mentions[party].span.upperBound
            var k = after
            while k < view.end, k < after + 3, view.lexicon.cue(.titleModifier, view.tokens[k]) { k += 1 }
            if k < view.end, view.lexicon.cue(.titleHead, view.tokens[k]) {
                add(extractor.candidate(.memberOf, mi, party, in: view, trigger: b, rule: "member-of/party-title-apposition"), &out)
            }
        }
        for (mi, m) in view.mentions.enumerated() where m.type == .person && m.kind == .name {
            guard let a = m.affiliation,
                  let body = view.mentions.firstIndex(where: { $0.tokens.lowerBound == a && $0.kind != .description }) else { continue }
            let isParty = view.mentions[body].entry?.kind == .party
            let isMemberTitle = (m.title?.lowercased().hasSuffix("member") ?? false) && view.type(body) == .organization
            if isParty || isMemberTitle {
                add(extractor.candidate(.memberOf, mi, body, in: view, trigger: m.tokens.lowerBound,
                                        rule: isParty ? "member-of/party-title" : "member-of/org-member-title"), &out)
            }
        }
    }
}
