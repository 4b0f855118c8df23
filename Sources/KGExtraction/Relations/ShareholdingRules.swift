import KGModel

/// Rules for `holds-share-in`: an owner holds equity in a company or asset.
///
/// Phrasings: "X owns|holds|controls|has N% of Y (M%)" (an exact parenthetical figure wins),
/// "X owns a N% stake in Y", "X's N% stake in Y", "a N percent share of X at|in Y", "X is its
/// second biggest shareholder with N%", "X is the largest shareholder in Y", "X, owner of Y",
/// "Y, controlled|owned by X", "the remaining shareholding ... in the hands of X", "X bought its
/// stake". Not holdings: bids, offers, purchases still pending ("would spend ... to buy", "is
/// buying ... requires regulatory approval"), sales and stakes sold or lost.
///
/// An untyped owner or holding named by these phrasings is typed Company.
struct ShareholdingRules {
    let extractor: RelationExtractor
    var lexicon: Lexicon { extractor.lexicon }
    let view: SentenceView
    /// Objects of holdings found in this and the two sentences before (for "its stake").
    let previousObjects: [String]

    static let owners: Set<EntityType> = [.company, .country, .person, .organization]
    static let assets: Set<EntityType> = [.company, .facility]
    static let stakeNouns: Set<String> = ["stake", "share", "shares", "interest", "holding", "shareholding", "equity", "stakes"]

    /// Words the rules fire on (a token that is none of them is skipped at once).
    static let triggers: Set<String> = [
        "%", "-", "acquired", "acquires", "boosted", "bought", "buys", "cent", "control", "controlled", "controls",
        "divested", "hands", "has", "have", "held", "hold", "holds", "increased", "increases", "keep", "keeps", "kept",
        "lifted", "offloaded", "own", "owned", "owner", "owners", "owns", "percent", "picked", "purchased", "raised",
        "raises", "retain", "retained", "retains", "shareholder", "shareholders", "sold", "subsidiaries", "subsidiary",
        "takes", "took", "unit", "upped",
    ]

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            guard ShareholdingRules.triggers.contains(w) else { i += 1; continue }
            switch w {
            case "owns", "holds", "controls", "has", "own", "hold", "control", "have", "keep", "keeps", "kept", "retain", "retains",
                 "retained":
                owns(i, &out)
            case "%", "percent", "cent":
                percentStake(i, &out)
            case "shareholder", "shareholders", "owner", "owners":
                shareholder(i, &out)
            case "controlled", "owned", "held":
                if view.word(i + 1) == "by" { passive(i, &out) }
            case "subsidiary", "unit", "subsidiaries":
                if view.word(i + 1) == "of" { subsidiary(i, &out) } else { ownSubsidiary(i, &out) }
            case "bought" where view.word(i + 1) == "by", "acquired" where view.word(i + 1) == "by",
                 "purchased" where view.word(i + 1) == "by":
                passive(i, &out)
            case "hands":
                if view.word(i - 1) == "the", view.word(i - 2) == "in", view.word(i + 1) == "of" { inTheHands(i, &out) }
            case "bought", "acquired", "purchased", "took", "acquires", "buys", "takes", "picked":
                bought(i, &out)
            case "increased", "raised", "lifted", "boosted", "raises", "increases", "upped":
                raisedStake(i, &out)
            case "sold", "divested", "offloaded":
                sold(i, &out)
            case "-" where ["owned", "controlled"].contains(view.word(i + 1)):
                hyphenOwned(i, &out)
            default:
                break
            }
            i += 1
        }
    }

    /// Qualifiers that may stand between a determiner and a stake noun ("a majority stake").
    static let stakeAdjectives: Set<String> = ["majority", "minority", "controlling", "small", "large", "significant", "blocking",
                                               "strategic", "direct", "indirect", "combined", "total", "further", "additional",
                                               "sizeable", "sizable", "substantial", "equal", "remaining", "new", "joint", "overall"]

    private func add(_ c: Candidate?, trigger: Int, _ out: inout [Candidate]) {
        guard var c else { return }
        // Pending deals, bids and sales anywhere before the trigger in its clause are not holdings;
        // a sale makes the seller's holding one that ended.
        if c.rejection == nil, let p = pendingCue(before: trigger) {
            c.rejection = lexicon.cue(.ended, view.tokens[p]) ? "ended: '\(view.tokens[p].text)'" : "pending or not held: '\(view.tokens[p].text)'"
        }
        // "will keep a 20 percent stake": kept, so held now.
        let keeps = ["keep", "keeps", "retain", "retains"].contains(view.word(trigger))
        if c.rejection == nil, c.modality == .planned, !keeps { c.rejection = "planned: not held yet" }
        if keeps, c.modality == .planned { c.modality = .asserted }
        if !out.contains(where: { $0.subject == c.subject && $0.object == c.object && $0.kind == c.kind && $0.share == c.share }) {
            out.append(c)
        }
    }

    private func pendingCue(before t: Int) -> Int? {
        view.firstCue(.pending, in: view.clauseStart(t)..<t)
    }

    private func make(_ owner: Int, _ asset: Int, trigger t: Int, rule: String, share: Double?) -> Candidate? {
        return extractor.candidate(.holdsShareIn, owner, asset, in: view, trigger: t, rule: rule, share: share)
    }

    private func make(_ ownerKey: String, _ asset: Int, trigger t: Int, rule: String, share: Double?) -> Candidate? {
        guard let y = view.mentions[asset].entity else { return nil }
        return extractor.candidate(.holdsShareIn, subjectKey: ownerKey, objectKey: y, in: view, trigger: t, rule: rule, share: share)
    }

    /// The owners of the clause whose verb is at `i`: the subject with the owners coordinated before it
    /// ("A and B each own ..."), in text order; else what a pronoun subject stands for ("It raised its
    /// stake to 35%").
    private func ownerKeys(before i: Int) -> [String] {
        if let x = view.subject(before: i, types: ShareholdingRules.owners) {
            return (view.coordinated(before: x, types: ShareholdingRules.owners).reversed() + [x]).compactMap { view.mentions[$0].entity }
        }
        return view.pronounSubject(before: i).map { [$0] } ?? []
    }

    /// Skips qualifiers before a stake noun ("majority", "controlling").
    private func skipStakeAdjectives(_ j: Int) -> Int {
        var k = j
        while k < view.end, k < j + 3, ShareholdingRules.stakeAdjectives.contains(view.word(k)) { k += 1 }
        return k
    }

    /// The holding a stake without "in Y" refers to: one found earlier in this sentence, else in the
    /// two sentences before.
    private func heldBefore(_ out: [Candidate]) -> String? {
        out.last(where: { $0.kind == .holdsShareIn && $0.rejection == nil && $0.sentence == view.index })?.object ?? previousObjects.last
    }

    /// A percentage written right before `pos` ("40%", "51.4 percent", "50 per cent"): value and first token.
    private func percent(endingAt pos: Int) -> (Double, Int)? {
        var p = pos
        if view.word(p) == "cent", view.word(p - 1) == "per" { p -= 1 }
        guard p - 1 >= view.start, view.tokens[p - 1].kind == .number,
              let v = Double(view.tokens[p - 1].text.replacingOccurrences(of: ",", with: "")), v >= 0, v <= 100 else { return nil }
        return (v, p - 1)
    }

    /// A percentage starting at `pos`: value and the index after it.
    private func percent(startingAt pos: Int) -> (Double, Int)? {
        guard pos < view.end, view.tokens[pos].kind == .number,
              let v = Double(view.tokens[pos].text.replacingOccurrences(of: ",", with: "")), v >= 0, v <= 100 else { return nil }
        let w = view.word(pos + 1)
        if w == "%" || w == "percent" { return (v, pos + 2) }
        if w == "per", view.word(pos + 2) == "cent" { return (v, pos + 3) }
        return nil
    }

    /// "(39.9%)" right after `pos`.
    private func parenthetical(at pos: Int) -> Double? {
        guard view.word(pos) == "(", let (v, after) = percent(startingAt: pos + 1), view.word(after) == ")" else { return nil }
        return v
    }

    private func asset(after pos: Int) -> Int? {
        view.object(after: pos, window: 4, types: ShareholdingRules.assets)
    }

    /// "X owns 40% of Y (39.9%)", "X holds a 25% stake in Y", "X holds a majority stake in Y", "X owns
    /// Y", "A and B each own a 25 percent stake" (in the holding named just before).
    private func owns(_ i: Int, _ out: inout [Candidate]) {
        let xs = ownerKeys(before: i)
        guard !xs.isEmpty else { return }
        var j = i + 1
        if ["a", "an", "the", "its", "his", "her", "their"].contains(view.word(j)) { j += 1 }
        // "retains the remaining 51 percent": of the holding just named.
        let remaining = ["remaining", "rest", "balance", "other"].contains(view.word(j))
        j = skipStakeAdjectives(j)
        if let (share, after) = percent(startingAt: j) {
            var k = skipStakeAdjectives(after)
            let stake = ShareholdingRules.stakeNouns.contains(view.word(k))
            if stake { k += 1 }
            if ["of", "in"].contains(view.word(k)), let y = asset(after: k + 1) {
                let exact = parenthetical(at: view.mentions[y].span.upperBound)
                for owner in xs {
                    add(make(owner, y, trigger: i, rule: "holds-share-in/owns-percent", share: exact ?? share), trigger: i, &out)
                }
            } else if stake || remaining || out.contains(where: { $0.kind == .holdsShareIn && $0.sentence == view.index && $0.share == nil }),
                      !["of", "in"].contains(view.word(k)), let y = heldBefore(out) {
                for owner in xs {
                    add(extractor.candidate(.holdsShareIn, subjectKey: owner, objectKey: y, in: view, trigger: i,
                                            rule: "holds-share-in/owns-percent-stake", share: share), trigger: i, &out)
                }
            }
            return
        }
        let w = view.tokens[i].lower
        // "has a minority stake of 10% in Y"
        if ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "of", let (share, after) = percent(startingAt: j + 2),
           view.word(after) == "in", let y = asset(after: after + 1) {
            for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/stake-of-percent", share: share), trigger: i, &out) }
            return
        }
        if w == "has" || w == "hold" || w == "holds" || w == "have" {
            // "has a stake in Y"
            guard ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "in", let y = asset(after: j + 2) else { return }
            for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/has-stake", share: nil), trigger: i, &out) }
            return
        }
        if ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "in", let y = asset(after: j + 2) {
            for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/owns-stake", share: nil), trigger: i, &out) }
            return
        }
        if ["owns", "own", "controls", "control"].contains(w), let y = view.object(after: i + 1, window: 2, types: ShareholdingRules.assets) {
            for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/owns", share: nil), trigger: i, &out) }
        }
    }

    /// "a 50 percent share of X at Y", "X's 25% stake in Y", "with a 10% stake in Y".
    private func percentStake(_ i: Int, _ out: inout [Candidate]) {
        guard let (share, first) = percent(endingAt: i) else { return }
        let noun = i + 1
        guard ShareholdingRules.stakeNouns.contains(view.word(noun)) else { return }
        // Already read by "owns N% ..."?
        if ["owns", "holds", "controls", "has", "own", "hold", "control"].contains(view.word(first - 1))
            || ["owns", "holds", "controls", "has"].contains(view.word(first - 2)) { return }
        if view.word(noun + 1) == "of", let x = view.object(after: noun + 2, window: 3, types: ShareholdingRules.owners),
           let xEnd = Optional(view.mentions[x].span.upperBound) {
            // Skip the owner's descriptor ("the KazMunaiGas national oil company at the Batumi oil terminal").
            var k = xEnd
            while k < view.end, k < xEnd + 5, view.tokens[k].kind == .word, view.word(k) != "at", view.word(k) != "in" { k += 1 }
            if ["at", "in"].contains(view.word(k)), let y = asset(after: k + 1) {
                add(make(x, y, trigger: i, rule: "holds-share-in/percent-share-of-x-at-y", share: share), trigger: i, &out)
            }
            return
        }
        guard view.word(noun + 1) == "in", let y = asset(after: noun + 2) else { return }
        // "X's 25% stake in Y"
        var d = first - 1
        if ["a", "an", "its", "the"].contains(view.word(d)) { d -= 1 }
        if d >= view.start, view.tokens[d].isPossessive, let x = view.mention(at: d - 1),
           ShareholdingRules.owners.contains(view.type(x) ?? .company) {
            add(make(x, y, trigger: i, rule: "holds-share-in/possessive-stake", share: share), trigger: i, &out)
        }
    }

    /// "X is its second biggest shareholder with 25.01%", "X is the largest shareholder in Y",
    /// "X, owner of Y", "X, the owner of Y".
    private func shareholder(_ i: Int, _ out: inout [Candidate]) {
        let w = view.tokens[i].lower
        if w == "owner" || w == "owners" {
            guard view.word(i + 1) == "of", let y = asset(after: i + 2) ?? untypedAsset(after: i + 2) else { return }
            var k = i - 1
            if view.word(k) == "the" || view.word(k) == "an" || view.word(k) == "a" { k -= 1 }
            if view.word(k) == "sole" || view.word(k) == "majority" || view.word(k) == "main" { k -= 1 }
            var x: Int?
            if k >= view.start, view.tokens[k].text == ",", let m = view.mention(at: k - 1) { x = m }
            else if let s = view.subject(before: i, types: ShareholdingRules.owners) { x = s }
            guard let owner = x, ShareholdingRules.owners.contains(view.type(owner) ?? .company) else { return }
            add(make(owner, y, trigger: i, rule: "holds-share-in/owner-of", share: nil), trigger: i, &out)
            return
        }
        // "Lumix's biggest shareholder, Vexo, said ...": the owner in apposition after "Y's ... shareholder".
        if let y = possessorBefore(i), view.mentions[y].entity != nil {
            var k = i + 1
            if view.word(k) == "," { k += 1 }
            if let x = view.object(after: k, window: 4, types: ShareholdingRules.owners), x != y {
                var share: Double?
                let after = view.mentions[x].span.upperBound
                if view.word(after) == "," || view.word(after) == "with" {
                    let w = view.word(after) == "with" ? after : after + 1
                    if view.word(w) == "with", let (v, _) = percent(startingAt: w + 1) { share = v }
                    // "Y's biggest shareholder, X, holds 5 percent"
                    if ["holds", "owns", "has", "controls"].contains(view.word(w)), let (v, _) = percent(startingAt: w + 1) { share = v }
                }
                add(make(x, y, trigger: i, rule: "holds-share-in/possessor-shareholder", share: share), trigger: i, &out)
                return
            }
        }
        guard let x = view.subject(before: i, types: ShareholdingRules.owners) else { return }
        // The company: "in|of Y" after, or "its" before.
        var yKey: String?
        var after = i + 1
        if view.word(after) == "in" || view.word(after) == "of", let y = asset(after: after + 1) ?? untypedAsset(after: after + 1) {
            yKey = view.mentions[y].entity
            after = view.mentions[y].span.upperBound
        } else if let y = possessorBefore(i), y != x {
            // "X is Y's largest shareholder (with N%)"
            yKey = view.mentions[y].entity
        } else if (view.mentions[x].span.upperBound..<i).contains(where: { view.word($0) == "its" }) {
            yKey = itsAntecedent(before: view.mentions[x].span.lowerBound, excluding: view.mentions[x].entity)
        }
        guard let y = yKey, let xKey = view.mentions[x].entity else { return }
        var share: Double?
        if view.word(after) == "with", let (v, _) = percent(startingAt: after + 1) { share = v }
        add(extractor.candidate(.holdsShareIn, subjectKey: xKey, objectKey: y, in: view, trigger: i,
                                rule: "holds-share-in/shareholder", share: share), trigger: i, &out)
    }

    /// "Y's (second) biggest shareholder": the possessor right before the noun phrase of `i`.
    private func possessorBefore(_ i: Int) -> Int? {
        var j = i - 1
        while j >= view.start, j >= i - 5, view.tokens[j].kind == .word && !view.tokens[j].isCapitalized || view.tokens[j].text == "-" { j -= 1 }
        guard j >= view.start, view.tokens[j].isPossessive, let y = view.mention(at: j - 1),
              ShareholdingRules.assets.contains(view.type(y) ?? .company) else { return nil }
        return y
    }

    /// "its": the company held in a holding found just before, else the nearest company before.
    private func itsAntecedent(before pos: Int, excluding: String?) -> String? {
        for m in view.mentions.reversed() where m.span.upperBound <= pos {
            guard let k = m.entity, k != excluding else { continue }
            if previousObjects.contains(k) || view.entities[k]?.type == .company { return k }
        }
        return previousObjects.last
    }

    /// An untyped name after a word (typed Company by the rule).
    private func untypedAsset(after pos: Int) -> Int? {
        guard let y = view.object(after: pos, window: 3), view.type(y) == nil else { return nil }
        return y
    }

    /// "Aguas Argentinas, controlled by France's Suez".
    private func passive(_ i: Int, _ out: inout [Candidate]) {
        guard let x = lastOfNounPhrase(from: i + 2), ShareholdingRules.owners.contains(view.type(x) ?? .company) else { return }
        var k = i - 1
        var share: Double?
        // "Y is 51% owned by X", "Y, 70%-owned by X": the share before the participle.
        if view.word(k) == "-" { k -= 1 }
        if let (v, first) = percent(endingAt: k) { share = v; k = first - 1 }
        while k >= view.start, ["is", "was", "are", "were", "fully", "majority", "wholly", "partly", "-", "been", "now"].contains(view.word(k)) { k -= 1 }
        if view.tokens[max(k, view.start)].kind == .number { return }
        var y: Int?
        if k >= view.start, view.tokens[k].text == ",", let m = view.mention(at: k - 1) { y = m }
        else { y = view.subject(before: i, types: ShareholdingRules.assets) }
        let rule = "holds-share-in/\(view.word(i))-by"
        guard let asset = y, ShareholdingRules.assets.contains(view.type(asset) ?? .company) else {
            // "The remaining 49% is held by X", "The rest of the shares are owned by X": the holding
            // named just before.
            let cs = view.clauseStart(i)
            var stakeShare: Double?
            var j = cs
            while j < i, stakeShare == nil {
                if let (v, _) = percent(startingAt: j) { stakeShare = v }
                j += 1
            }
            let aboutStake = stakeShare != nil || (cs..<i).contains { ["rest", "remainder", "remaining", "balance"].contains(view.word($0))
                || ShareholdingRules.stakeNouns.contains(view.word($0)) }
            guard aboutStake, view.subject(before: i) == nil || y == nil, let held = heldBefore(out), let ok = view.mentions[x].entity else { return }
            add(extractor.candidate(.holdsShareIn, subjectKey: ok, objectKey: held, in: view, trigger: i, rule: rule,
                                    share: share ?? stakeShare), trigger: i, &out)
            return
        }
        if view.word(i) == "held", view.type(asset) == nil { return }
        add(make(x, asset, trigger: i, rule: rule, share: share), trigger: i, &out)
    }

    /// "through its subsidiary Y", "X's subsidiary Y", "X's Tbilisi unit, Y": the parent (the
    /// possessor, or the clause's subject for "its") holds the subsidiary.
    private func ownSubsidiary(_ i: Int, _ out: inout [Candidate]) {
        var k = i + 1
        if view.word(k) == "," { k += 1 }
        guard let y = view.object(after: k, window: 2, types: ShareholdingRules.assets), view.mentions[y].span.lowerBound <= k + 1 else { return }
        var p = i - 1
        while p >= view.start, p >= i - 4, view.tokens[p].kind == .word, !view.tokens[p].isCapitalized,
              !["its", "his", "their"].contains(view.word(p)) { p -= 1 }
        var owner: String?
        if p >= view.start, ["its", "their"].contains(view.word(p)) {
            owner = ownerKeys(before: p).last
        } else if p >= view.start, view.tokens[p].isPossessive, let x = view.mention(at: p - 1),
                  ShareholdingRules.owners.contains(view.type(x) ?? .company) {
            owner = view.mentions[x].entity
        }
        guard let o = owner, o != view.mentions[y].entity else { return }
        add(make(o, y, trigger: i, rule: "holds-share-in/its-subsidiary", share: nil), trigger: i, &out)
    }

    /// "Y, a (wholly owned) subsidiary of X", "Y, a unit of X": the parent holds the subsidiary.
    private func subsidiary(_ i: Int, _ out: inout [Candidate]) {
        guard let x = view.object(after: i + 2, window: 3, types: ShareholdingRules.owners) else { return }
        var k = i - 1
        while k >= view.start, k >= i - 5, view.tokens[k].kind == .word || view.tokens[k].text == "-" { k -= 1 }
        var y: Int?
        if k >= view.start, view.tokens[k].text == ",", let m = view.mention(at: k - 1) { y = m }
        else if let s = view.subject(before: i, types: ShareholdingRules.assets), (view.mentions[s].span.upperBound..<i).contains(where: {
            ["is", "was", "became", "becomes", "remains"].contains(view.word($0)) }) { y = s }
        guard let asset = y, asset != x, ShareholdingRules.assets.contains(view.type(asset) ?? .company) else { return }
        var share: Double?
        if let (v, _) = percent(endingAt: i - 1) ?? percent(endingAt: i - 2) { share = v }  // "a 60%-owned subsidiary"
        add(make(x, asset, trigger: i, rule: "holds-share-in/subsidiary-of", share: share), trigger: i, &out)
    }

    /// The last mention of the noun phrase starting at `pos` (up to punctuation or a clause word):
    /// "US private equity group Newbridge Capital" → Newbridge Capital; "a US group" → nil.
    private func lastOfNounPhrase(from pos: Int) -> Int? {
        var j = pos
        var last: Int?
        var lastEnd = pos
        while j < view.end {
            let t = view.tokens[j]
            if t.kind == .punctuation, !t.isPossessive, t.text != "-" { break }
            if SentenceView.boundaries.contains(t.lower) || ["and", "or", "is", "was", "has", "which", "who"].contains(t.lower)
                || (lexicon.cue(.preposition, t) && j > pos) { break }
            if let mi = view.mention(at: j) {
                last = mi
                j = view.mentions[mi].span.upperBound
                lastEnd = j
                continue
            }
            j += 1
        }
        // A common noun after the last name is the head: "a US group".
        guard let l = last else { return nil }
        if lastEnd < j, (lastEnd..<j).contains(where: { view.tokens[$0].kind == .word }) { return nil }
        return l
    }

    /// "the remaining shareholding ... are in the hands of X".
    private func inTheHands(_ i: Int, _ out: inout [Candidate]) {
        guard let x = lastOfNounPhrase(from: i + 2) else { return }
        let cs = view.clauseStart(i)
        let stakeSubject = (cs..<i).contains { ["shareholding", "stake", "shares", "remaining", "rest", "equity"].contains(view.word($0)) }
        var y: String?
        if stakeSubject {
            y = out.last(where: { $0.kind == .holdsShareIn && $0.rejection == nil })?.object ?? previousObjects.last
        } else if let s = view.subject(before: i, types: ShareholdingRules.assets), s != x {
            y = view.mentions[s].entity
        }
        guard let asset = y, let owner = view.mentions[x].entity else { return }
        add(extractor.candidate(.holdsShareIn, subjectKey: owner, objectKey: asset, in: view, trigger: i,
                                rule: "holds-share-in/in-the-hands-of", share: nil), trigger: i, &out)
    }

    /// "X has increased his stake in Y to 70%", "X raised its stake in Y from 20% to 35%", "X raised
    /// its holding to 51%" (Y named just before): the share is the new value.
    private func raisedStake(_ i: Int, _ out: inout [Candidate]) {
        var j = i + 1
        if ["its", "his", "her", "their", "the", "a"].contains(view.word(j)) { j += 1 }
        guard ShareholdingRules.stakeNouns.contains(view.word(j)), let xKey = ownerKeys(before: i).last else { return }
        var yKey: String?
        var after = j + 1
        if view.word(j + 1) == "in", let y = asset(after: j + 2) ?? untypedAsset(after: j + 2) {
            yKey = view.mentions[y].entity
            after = view.mentions[y].span.upperBound
        } else {
            yKey = heldBefore(out)
        }
        guard let y = yKey else { return }
        var share: Double?
        var k = after
        while k < view.clauseEnd(i), k < after + 8 {
            if view.word(k) == "to", let (v, _) = percent(startingAt: k + 1) { share = v; break }
            k += 1
        }
        add(extractor.candidate(.holdsShareIn, subjectKey: xKey, objectKey: y, in: view, trigger: i,
                                rule: "holds-share-in/raised-stake", share: share), trigger: i, &out)
    }

    /// "X sold its 30% stake in Y (to Z)", "X sold Y to Z": the seller's holding ended (a rejected
    /// candidate); the buyer named after "to" holds what was sold.
    private func sold(_ i: Int, _ out: inout [Candidate]) {
        var j = i + 1
        if ["its", "his", "her", "their", "the", "a", "all"].contains(view.word(j)) { j += 1 }
        if view.word(j) == "of", ["its", "his", "her", "their", "the"].contains(view.word(j + 1)) { j += 2 }
        var share: Double?
        if let (v, after) = percent(startingAt: j) { share = v; j = after }
        j = skipStakeAdjectives(j)
        var yKey: String?
        var end = j
        if ShareholdingRules.stakeNouns.contains(view.word(j)) {
            if view.word(j + 1) == "in" || view.word(j + 1) == "of", let y = asset(after: j + 2) ?? untypedAsset(after: j + 2) {
                yKey = view.mentions[y].entity
                end = view.mentions[y].span.upperBound
            } else {
                yKey = heldBefore(out)
                end = j + 1
            }
        } else if share == nil, let y = view.object(after: j, window: 2, types: ShareholdingRules.assets) {
            yKey = view.mentions[y].entity
            end = view.mentions[y].span.upperBound
        }
        guard let y = yKey else { return }
        let passive = ["was", "were", "been", "is"].contains(view.word(i - 1))
        if !passive, let xKey = ownerKeys(before: i).last, xKey != y,
           var c = extractor.candidate(.holdsShareIn, subjectKey: xKey, objectKey: y, in: view, trigger: i,
                                       rule: "holds-share-in/sold", share: share) {
            if c.rejection == nil { c.rejection = "ended: '\(view.tokens[i].text)'" }
            out.append(c)
        }
        // The buyer: "... to Z".
        var k = end
        while k < view.end, k < end + 3, view.word(k) != "to" { k += 1 }
        guard view.word(k) == "to", let z = view.object(after: k + 1, window: 3, types: ShareholdingRules.owners),
              let zKey = view.mentions[z].entity, zKey != y else { return }
        add(extractor.candidate(.holdsShareIn, subjectKey: zKey, objectKey: y, in: view, trigger: i,
                                rule: "holds-share-in/sold-to", share: share), trigger: i, &out)
    }

    /// "Gazprom-owned Sibneft".
    private func hyphenOwned(_ i: Int, _ out: inout [Candidate]) {
        guard let x = view.mention(at: i - 1), view.mentions[x].span.upperBound == i,
              ShareholdingRules.owners.contains(view.type(x) ?? .company),
              let y = view.object(after: i + 2, window: 2) else { return }
        guard ShareholdingRules.assets.contains(view.type(y) ?? .company) else { return }
        add(make(x, y, trigger: i, rule: "holds-share-in/x-owned-y", share: nil), trigger: i, &out)
    }

    /// "X bought its stake", "X acquired a 20% stake in Y", "X acquired 20% of Y", "X took a majority
    /// stake in Y", "X acquired Y" (a company bought outright).
    private func bought(_ i: Int, _ out: inout [Candidate]) {
        let xs = ownerKeys(before: i)
        guard !xs.isEmpty else { return }
        var j = i + 1
        if view.word(i) == "picked" { guard view.word(j) == "up" else { return }; j += 1 }
        if ["its", "a", "an", "the", "his", "their"].contains(view.word(j)) { j += 1 }
        j = skipStakeAdjectives(j)
        var share: Double?
        if let (v, after) = percent(startingAt: j) { share = v; j = skipStakeAdjectives(after) }
        if share != nil, ["of", "in"].contains(view.word(j)), let y = asset(after: j + 1) ?? untypedAsset(after: j + 1) {
            // "acquired 20% of Y"
            for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/bought-percent", share: share), trigger: i, &out) }
            return
        }
        guard ShareholdingRules.stakeNouns.contains(view.word(j)) else {
            // "X acquired Y": a company bought outright.
            if share == nil, ["bought", "acquired", "purchased", "acquires", "buys"].contains(view.word(i)),
               let y = view.object(after: i + 1, window: 2, types: [.company]) {
                for owner in xs { add(make(owner, y, trigger: i, rule: "holds-share-in/acquired", share: nil), trigger: i, &out) }
            }
            return
        }
        var yKey: String?
        if view.word(j + 1) == "in" || view.word(j + 1) == "of", let y = asset(after: j + 2) ?? untypedAsset(after: j + 2) {
            yKey = view.mentions[y].entity
        } else {
            yKey = heldBefore(out)
        }
        guard let y = yKey else { return }
        for owner in xs {
            add(extractor.candidate(.holdsShareIn, subjectKey: owner, objectKey: y, in: view, trigger: i,
                                    rule: "holds-share-in/bought-stake", share: share), trigger: i, &out)
        }
    }
}
