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

    func apply(_ out: inout [Candidate]) {
        var i = view.start
        while i < view.end {
            let w = view.tokens[i].lower
            switch w {
            case "owns", "holds", "controls", "has", "own", "hold", "control":
                owns(i, &out)
            case "%", "percent", "cent":
                percentStake(i, &out)
            case "shareholder", "shareholders", "owner", "owners":
                shareholder(i, &out)
            case "controlled", "owned":
                if view.word(i + 1) == "by" { passive(i, &out) }
            case "bought", "acquired" where view.word(i + 1) == "by":
                passive(i, &out)
            case "hands":
                if view.word(i - 1) == "the", view.word(i - 2) == "in", view.word(i + 1) == "of" { inTheHands(i, &out) }
            case "bought", "acquired":
                bought(i, &out)
            case "increased", "raised", "lifted", "boosted":
                raisedStake(i, &out)
            case "-" where ["owned", "controlled"].contains(view.word(i + 1)):
                hyphenOwned(i, &out)
            default:
                break
            }
            i += 1
        }
    }

    private func add(_ c: Candidate?, trigger: Int, _ out: inout [Candidate]) {
        guard var c else { return }
        // Pending deals, bids and sales anywhere before the trigger in its clause are not holdings.
        if c.rejection == nil, let p = pendingCue(before: trigger) {
            c.rejection = "pending or not held: '\(view.tokens[p].text)'"
        }
        if c.rejection == nil, c.modality == .planned { c.rejection = "planned: not held yet" }
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

    /// "X owns 40% of Y (39.9%)", "X holds a 25% stake in Y", "X owns Y".
    private func owns(_ i: Int, _ out: inout [Candidate]) {
        guard let x = view.subject(before: i, types: ShareholdingRules.owners) else { return }
        var j = i + 1
        if ["a", "an", "the", "its"].contains(view.word(j)) { j += 1 }
        if let (share, after) = percent(startingAt: j) {
            var k = after
            if ShareholdingRules.stakeNouns.contains(view.word(k)) { k += 1 }
            guard ["of", "in"].contains(view.word(k)), let y = asset(after: k + 1) else { return }
            let exact = parenthetical(at: view.mentions[y].span.upperBound)
            add(make(x, y, trigger: i, rule: "holds-share-in/owns-percent", share: exact ?? share), trigger: i, &out)
            return
        }
        let w = view.tokens[i].lower
        if w == "has" || w == "hold" || w == "holds" {
            // "has a stake in Y"
            guard ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "in", let y = asset(after: j + 2) else { return }
            add(make(x, y, trigger: i, rule: "holds-share-in/has-stake", share: nil), trigger: i, &out)
            return
        }
        if ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "in", let y = asset(after: j + 2) {
            add(make(x, y, trigger: i, rule: "holds-share-in/owns-stake", share: nil), trigger: i, &out)
            return
        }
        if let y = view.object(after: i + 1, window: 2, types: ShareholdingRules.assets) {
            add(make(x, y, trigger: i, rule: "holds-share-in/owns", share: nil), trigger: i, &out)
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
            if let x = view.object(after: k, window: 2, types: ShareholdingRules.owners), x != y {
                var share: Double?
                let after = view.mentions[x].span.upperBound
                if view.word(after) == "," || view.word(after) == "with" {
                    let w = view.word(after) == "with" ? after : after + 1
                    if view.word(w) == "with", let (v, _) = percent(startingAt: w + 1) { share = v }
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
        while j >= view.start, j >= i - 4, view.tokens[j].kind == .word, !view.tokens[j].isCapitalized { j -= 1 }
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
        if ["is", "was", "are", "fully", "majority", "wholly", "partly", "-"].contains(view.word(k)) { k -= 1 }
        if view.tokens[max(k, view.start)].kind == .number || view.word(k) == "%" { return }
        var y: Int?
        if k >= view.start, view.tokens[k].text == ",", let m = view.mention(at: k - 1) { y = m }
        else { y = view.subject(before: i, types: ShareholdingRules.assets) }
        guard let asset = y, ShareholdingRules.assets.contains(view.type(asset) ?? .company) else { return }
        add(make(x, asset, trigger: i, rule: "holds-share-in/\(view.word(i))-by", share: nil), trigger: i, &out)
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

    /// "X has increased his stake in Y to 70%".
    private func raisedStake(_ i: Int, _ out: inout [Candidate]) {
        var j = i + 1
        if ["its", "his", "her", "their", "the", "a"].contains(view.word(j)) { j += 1 }
        guard ShareholdingRules.stakeNouns.contains(view.word(j)), view.word(j + 1) == "in", let y = asset(after: j + 2) ?? untypedAsset(after: j + 2),
              let x = view.subject(before: i, types: ShareholdingRules.owners) else { return }
        var share: Double?
        let after = view.mentions[y].span.upperBound
        if view.word(after) == "to", let (v, _) = percent(startingAt: after + 1) { share = v }
        add(make(x, y, trigger: i, rule: "holds-share-in/raised-stake", share: share), trigger: i, &out)
    }

    /// "Gazprom-owned Sibneft".
    private func hyphenOwned(_ i: Int, _ out: inout [Candidate]) {
        guard let x = view.mention(at: i - 1), view.mentions[x].span.upperBound == i,
              ShareholdingRules.owners.contains(view.type(x) ?? .company),
              let y = view.object(after: i + 2, window: 2) else { return }
        guard ShareholdingRules.assets.contains(view.type(y) ?? .company) else { return }
        add(make(x, y, trigger: i, rule: "holds-share-in/x-owned-y", share: nil), trigger: i, &out)
    }

    /// "X bought its stake", "X acquired a 20% stake in Y".
    private func bought(_ i: Int, _ out: inout [Candidate]) {
        guard let x = view.subject(before: i, types: ShareholdingRules.owners) else { return }
        var j = i + 1
        if ["its", "a", "the", "his", "their"].contains(view.word(j)) { j += 1 }
        var share: Double?
        if let (v, after) = percent(startingAt: j) { share = v; j = after }
        guard ShareholdingRules.stakeNouns.contains(view.word(j)) else {
            // "X acquired Y": a company bought outright.
            if share == nil, let y = view.object(after: i + 1, window: 2, types: [.company]) {
                add(make(x, y, trigger: i, rule: "holds-share-in/acquired", share: nil), trigger: i, &out)
            }
            return
        }
        var yKey: String?
        if view.word(j + 1) == "in", let y = asset(after: j + 2) ?? untypedAsset(after: j + 2) {
            yKey = view.mentions[y].entity
        } else {
            yKey = out.last(where: { $0.kind == .holdsShareIn && $0.rejection == nil })?.object ?? previousObjects.last
        }
        guard let y = yKey, let xKey = view.mentions[x].entity else { return }
        add(extractor.candidate(.holdsShareIn, subjectKey: xKey, objectKey: y, in: view, trigger: i,
                                rule: "holds-share-in/bought-stake", share: share), trigger: i, &out)
    }
}
