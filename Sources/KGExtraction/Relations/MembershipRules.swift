import KGModel

/// Rules for `member-of`: a state, organization or person belongs to an organization.
///
/// Phrasings: "X is a member of Y", "X, a (board) member of Y", "X and other members|member-
/// countries|member states of|within Y", "Y member X", "Y members X and Z", "X is an Y member",
/// "Y, which unites|groups|comprises|includes A, B and C", "X joined Y"; a party before a person's
/// title: "Tory leader X", "Labour MP X". Not membership: observers, candidates, associate or former
/// members, partnership programmes, accession talks, offices ("deputy secretary general of NATO").
struct MembershipRules {
    let extractor: RelationExtractor
    let view: SentenceView

    static let members: Set<EntityType> = [.country, .organization, .person, .company]
    static let bodies: Set<EntityType> = [.organization, .company]
    static let notMembers: Set<String> = ["non", "former", "associate", "candidate", "observer", "prospective", "would-be",
                                          "future", "ex", "potential", "aspiring", "partner"]
    static let memberNouns: Set<String> = ["countries", "states", "nations", "country", "state", "nation", "governments"]

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            if w == "member" || w == "members" { member(i, &out) }
            if ["unites", "groups", "comprises", "includes", "unite", "comprising", "uniting", "grouping"].contains(w) { unites(i, &out) }
            if w == "joined" { joined(i, &out) }
            i += 1
        }
        partyTitles(&out)
    }

    private func add(_ c: Candidate?, _ out: inout [Candidate]) {
        guard var c else { return }
        if c.rejection == nil, c.modality == .planned {
            c.rejection = "planned: membership not yet held"
        }
        out.append(c)
    }

    private func member(_ i: Int, _ out: inout [Candidate]) {
        // Words qualifying "member" in its noun phrase: "a former member", "associate member".
        var q = i - 1
        while q >= view.start, q >= i - 3, view.tokens[q].kind == .word || view.tokens[q].text == "-" {
            if MembershipRules.notMembers.contains(view.word(q)) { return }
            if SentenceView.determiners.contains(view.word(q)) || view.mention(at: q) != nil { break }
            q -= 1
        }
        // After "member": optional "-countries", "states", then "of|within|in Y".
        var j = i + 1
        if view.word(j) == "-" { j += 1 }
        if MembershipRules.memberNouns.contains(view.word(j)) { j += 1 }
        let prep = view.word(j)
        if prep == "of" || prep == "within" || prep == "in" {
            guard let y = body(after: j + 1) else { return }
            // "X and other members of Y"
            if view.word(i - 1) == "other" || (view.word(i - 1) == "-" && view.word(i - 2) == "other") {
                let otherAt = view.word(i - 1) == "other" ? i - 1 : i - 2
                if view.word(otherAt - 1) == "and", let x = view.mention(at: otherAt - 2),
                   MembershipRules.members.contains(view.type(x) ?? .place) {
                    add(extractor.candidate(.memberOf, x, y, in: view, trigger: i, rule: "member-of/and-other-members"), &out)
                }
                return
            }
            // "X, a (board) member of Y" / "X is a member of Y"
            var k = i - 1
            while k >= view.start, k >= i - 4, view.mention(at: k) == nil, view.tokens[k].text != "," { k -= 1 }
            if k >= view.start, view.tokens[k].text == ",", let x = view.mention(at: k - 1),
               MembershipRules.members.contains(view.type(x) ?? .place), !view.isGoverned(x) {
                add(extractor.candidate(.memberOf, x, y, in: view, trigger: i, rule: "member-of/apposition"), &out)
                return
            }
            if let x = view.subject(before: i, types: MembershipRules.members), copulaBetween(x, i) {
                // "Kazakhstan, Russia and Belarus are members of ...": every coordinated subject.
                for member in [x] + view.coordinated(before: x, types: MembershipRules.members) {
                    add(extractor.candidate(.memberOf, member, y, in: view, trigger: i, rule: "member-of/is-a-member"), &out)
                }
            }
            return
        }
        // "Y member X", "Y members X and Z", "X is an Y member"
        let orgBefore = view.mentions.indices.first { view.mentions[$0].span.upperBound == i && view.mentions[$0].kind != .description }
        guard let y = orgBefore, MembershipRules.bodies.contains(view.type(y) ?? .place) else { return }
        let list = view.list(after: j, types: [.country, .person, .organization])
        if !list.isEmpty, view.mentions[list[0]].span.lowerBound <= j + 1 {
            for x in list {
                add(extractor.candidate(.memberOf, x, y, in: view, trigger: i, rule: "member-of/org-member-x"), &out)
            }
            return
        }
        let ys = view.mentions[y].span.lowerBound
        if ["a", "an", "fellow"].contains(view.word(ys - 1)), let x = view.subject(before: ys - 1, types: MembershipRules.members),
           copulaBetween(x, ys) {
            add(extractor.candidate(.memberOf, x, y, in: view, trigger: i, rule: "member-of/is-an-org-member"), &out)
        }
    }

    /// A form of "be" or "become" between the subject and the trigger.
    private func copulaBetween(_ x: Int, _ i: Int) -> Bool {
        let from = view.mentions[x].span.upperBound
        guard from < i else { return false }
        for k in from..<i where ["is", "are", "was", "were", "became", "becomes", "remains", "remained", "been"].contains(view.word(k)) {
            return true
        }
        return false
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
        if board, view.type(y) == nil { return y }
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

    /// "which unites four Central Asian countries, Armenia, and Belarus".
    private func unites(_ i: Int, _ out: inout [Candidate]) {
        var y: Int?
        if view.word(i - 1) == "which", view.tokens[i - 2].text == ",", let m = view.mention(at: i - 3) {
            y = m
        } else if let s = view.subject(before: i, types: [.organization]) {
            y = s
        }
        guard let org = y, view.type(org) == .organization else { return }
        for x in view.list(after: i + 1, types: [.country, .organization]) {
            add(extractor.candidate(.memberOf, x, org, in: view, trigger: i, rule: "member-of/which-unites"), &out)
        }
    }

    /// "X joined Y" (past tense, an organization right after).
    private func joined(_ i: Int, _ out: inout [Candidate]) {
        guard let y = view.object(after: i + 1, window: 2, types: [.organization]),
              let x = view.subject(before: i, types: [.country, .organization, .person, .company]) else { return }
        add(extractor.candidate(.memberOf, x, y, in: view, trigger: i, rule: "member-of/joined"), &out)
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
