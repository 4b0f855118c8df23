import KGModel

/// Tags the mentions of one sentence: lexicon names, titled and honorific persons, names typed by
/// their suffix, a descriptor or an apposition, facilities, places, acronym definitions and
/// definite descriptions.
///
/// Capitalized word runs are split at lexicon names and titles; a run nothing types stays untyped
/// (resolution may type it from another mention of the same name, a relation rule from its role).
/// A sentence-initial capitalized word counts only when the lexicon knows it, it is a given
/// name or an acronym, or the article also writes it capitalized inside a sentence; a lexicon name
/// that is also an ordinary word ("Labour costs rose") needs the last, a title after it, or the
/// article naming the same entry inside a sentence.
struct MentionTagger {
    let lexicon: Lexicon
    let tokens: [Token]
    let scalars: [Unicode.Scalar]
    /// Token indices not to tag (citations).
    let skipped: Set<Int>
    /// Words written capitalized somewhere other than at a sentence start, or inside a multi-word name.
    let midSentenceCapitals: Set<String>
    /// The wire-story dateline opening the body, if any.
    let dateline: Dateline?
    /// Labels of lexicon entries named somewhere other than at a sentence start.
    let namedInside: Set<String>

    init(lexicon: Lexicon, tokens: [Token], scalars: [Unicode.Scalar], sentences: [Sentence], skipped: Set<Int>,
         dateline: Dateline? = nil) {
        self.dateline = dateline
        self.lexicon = lexicon
        self.tokens = tokens
        self.scalars = scalars
        self.skipped = skipped
        var caps = Set<String>()
        var named = Set<String>()
        for s in sentences {
            var i = s.tokens.lowerBound + 1
            while i < s.tokens.upperBound {
                let t = tokens[i]
                let prev = tokens[i - 1]
                let afterOpener = prev.kind == .punctuation && (prev.text == "\u{201C}" || prev.text == "\"" || prev.text == ":")
                if t.isCapitalized, !afterOpener {
                    caps.insert(t.text)
                    if let m = lexicon.longestMatch(tokens, at: i, end: s.tokens.upperBound) { named.insert(m.phrase.entry.label) }
                }
                i += 1
            }
            // Words of multi-word capitalized names count too ("Orvell" of "Orvell Capital").
            var k = s.tokens.lowerBound
            while k + 1 < s.tokens.upperBound {
                if tokens[k].isCapitalized, tokens[k + 1].isCapitalized, tokens[k + 1].spaceBefore,
                   !lexicon.cue(.stopword, tokens[k]) {
                    // A sentence's first word before a known name ("Visiting Paris") vouches for nothing.
                    let opener = k == s.tokens.lowerBound
                        && (tokens[k].lower.hasSuffix("ing") || lexicon.longestMatch(tokens, at: k + 1, end: s.tokens.upperBound) != nil)
                    if !opener { caps.insert(tokens[k].text) }
                    caps.insert(tokens[k + 1].text)
                }
                k += 1
            }
        }
        midSentenceCapitals = caps
        namedInside = named
    }

    func text(_ r: Range<Int>) -> String {
        guard !r.isEmpty else { return "" }
        return String(String.UnicodeScalarView(scalars[tokens[r.lowerBound].start..<tokens[r.upperBound - 1].end]))
    }

    // MARK: - Tagging

    func tag(_ sentence: Sentence) -> [Mention] {
        var mentions: [Mention] = []
        let e = sentence.tokens.upperBound
        var i = sentence.tokens.lowerBound
        if let d = dateline, sentence.tokens.contains(d.city.lowerBound) {
            mentions.append(datelineCity(d.city))
            i = d.city.upperBound
        }
        while i < e {
            if skipped.contains(i) { i += 1; continue }
            let t = tokens[i]
            guard t.kind == .word else { i += 1; continue }
            if lexicon.cue(.honorific, t), i + 1 < e, tokens[i + 1].isCapitalized, !skipped.contains(i + 1) {
                let end = runEnd(from: i + 1, sentenceEnd: e)
                var m = Mention(kind: .name, tokens: (i + 1)..<end, span: i..<end, surface: text((i + 1)..<end),
                                type: .person, typedBy: "honorific")
                m.title = t.text
                mentions.append(m)
                i = end
                continue
            }
            if !t.isCapitalized {
                if let m = lexicon.longestMatch(tokens, at: i, end: e), m.length > 1 {
                    mentions.append(lexiconMention(i..<(i + m.length), m.phrase))
                    i += m.length
                    continue
                }
                i += 1
                continue
            }
            // "Labour costs rose.", "Democrats around the world ...": a name that is also an ordinary
            // word, opening a sentence, is that word unless the article names the entry elsewhere or
            // a title follows ("Labour MP Diane Abbott", "Greens co-leader").
            if isSentenceInitial(i, sentence), lexicon.cue(.ordinaryWord, t), !midSentenceCapitals.contains(t.text),
               let m = lexicon.longestMatch(tokens, at: i, end: e), m.length == 1, !namedInside.contains(m.phrase.entry.label),
               titleEnd(from: i + 1, limit: e) == nil, !(i + 1 < e && MentionTagger.titlePrefixes.contains(tokens[i + 1].lower)) {
                i += 1
                continue
            }
            let end = runEnd(from: i, sentenceEnd: e)
            if let m = lexicon.longestMatch(tokens, at: i, end: e), m.length > end - i {
                mentions.append(lexiconMention(i..<(i + m.length), m.phrase))
                i += m.length
                continue
            }
            i = analyzeRun(i..<end, sentence: sentence, into: &mentions)
        }
        addDescriptions(sentence, &mentions)
        mentions.sort { $0.span.lowerBound < $1.span.lowerBound }
        for k in mentions.indices { typeFromContext(k, sentence, &mentions) }
        titleAppositions(sentence, &mentions)
        for k in mentions.indices where mentions[k].kind == .name && mentions[k].type != .person {
            mentions[k].descriptor = descriptor(of: mentions[k], sentence)
        }
        setFlags(sentence, &mentions)
        return mentions.filter { !$0.surface.isEmpty }
    }

    /// The dateline's city ("LABUAN BAJO" → Labuan Bajo), a place; the lexicon's entry when it knows
    /// the name (a capital stays the city, not its government).
    private func datelineCity(_ r: Range<Int>) -> Mention {
        // A name the lexicon knows in capitals ("UK", "U.S.", "UAE") is that name, never re-cased.
        if let known = lexicon.longestMatch(tokens, at: r.lowerBound, end: r.upperBound), known.length == r.count,
           known.phrase.form == .name {
            return lexiconMention(r, known.phrase)
        }
        var surface = ""
        var keys: [String] = []
        for k in r {
            let t = tokens[k]
            // "U.K.", "D.C.": initials keep their capitals.
            let initials = t.text.unicodeScalars.count >= 2 && t.text.hasSuffix(".") && !t.text.dropLast().contains { $0.isLetter && $0.isLowercase }
                && t.text.split(separator: ".").allSatisfy { $0.count == 1 }
            let cased = t.kind == .word && !initials ? String(t.text.prefix(1)) + t.text.dropFirst().lowercased() : t.text
            if k > r.lowerBound, t.spaceBefore { surface += " " }
            surface += cased
            keys.append(cased)
        }
        var m = Mention(kind: .name, tokens: r, span: r, surface: surface, type: .place, typedBy: "dateline")
        if let p = lexicon.phrase(keys.joined(separator: " ")) {
            if p.form == .capital {
                m.entry = Lexicon.Entry(label: surface, kind: .place, country: p.entry.country)
            } else if p.entry.kind == .place {
                m.entry = p.entry
            } else if p.entry.kind == .country, p.form == .name {
                m.entry = p.entry  // "SINGAPORE, May 3 (Reuters) -"
                m.type = .country
            }
        }
        return m
    }

    /// End of a capitalized run: capitalized words, with name connectors ("de", "von", "&") and
    /// "of" after an institution word ("Bank of England") between them.
    func runEnd(from start: Int, sentenceEnd e: Int, joinsAnd: Bool = true) -> Int {
        var j = start
        while j < e {
            let t = tokens[j]
            if skipped.contains(j) || (j > start && t.newlinesBefore > 0) { break }
            if t.kind == .word, t.isCapitalized { j += 1; continue }
            // "Vexo Holdings plc": a lower-case company suffix ends the name.
            if j > start, t.kind == .word, lexicon.cue(.companySuffix, t) { j += 1; break }
            // "Lars-Christer Olsson", "Kazakh–Russian": a dash glued between capitalized words.
            if j > start, t.kind == .punctuation, t.text == "-" || t.text == "\u{2013}", !t.spaceBefore, j + 1 < e,
               !tokens[j + 1].spaceBefore, tokens[j + 1].isCapitalized { j += 1; continue }
            if j > start, j + 1 < e, tokens[j + 1].isCapitalized, tokens[j + 1].kind == .word {
                if lexicon.cue(.connector, t) { j += 1; continue }
                if t.lower == "of", ofHeads.contains(tokens[j - 1].text) || lexicon.cue(.orgSuffix, tokens[j - 1]) {
                    j += 1
                    continue
                }
                // "Peace and Security Council", "Trade and Industry Ministry": "and" inside an
                // institution's name, when what follows ends in an organization word and what
                // precedes is no known name of its own.
                if joinsAnd, t.lower == "and", !t.isCapitalized, lexicon.longestMatch(tokens, at: start, end: j) == nil {
                    let rest = runEnd(from: j + 1, sentenceEnd: e, joinsAnd: false)
                    if rest > j + 1, lexicon.cue(.orgSuffix, tokens[rest - 1]) {
                        j = rest
                        continue
                    }
                }
            }
            break
        }
        return j
    }

    private let ofHeads: Set<String> = ["Bank", "Republic", "University", "Ministry", "Department", "Council",
                                        "Court", "Institute", "Association", "Federation", "League", "Union",
                                        "Church", "Board", "Office", "Commission", "Committee", "Kingdom", "Port"]

    private func isSentenceInitial(_ k: Int, _ sentence: Sentence) -> Bool {
        if k == sentence.tokens.lowerBound { return true }
        let prev = tokens[k - 1]
        if k - 1 == sentence.tokens.lowerBound, prev.kind == .punctuation { return true }
        return prev.text == "\u{201C}" || prev.text == "\"" || prev.text == ":"
    }

    private func isTitleWord(_ t: Token) -> Bool {
        lexicon.cue(.titleHead, t) || lexicon.cue(.titleModifier, t)
    }

    /// Splits a capitalized run into mentions; returns the token index where tagging goes on.
    private func analyzeRun(_ run: Range<Int>, sentence: Sentence, into mentions: inout [Mention]) -> Int {
        let e = sentence.tokens.upperBound
        var k = run.lowerBound
        let b = run.upperBound
        // Leading words that start no name.
        while k < b {
            let t = tokens[k]
            if lexicon.longestMatch(tokens, at: k, end: b) != nil { break }
            if lexicon.cue(.stopword, t) || lexicon.cue(.month, t) || lexicon.cue(.weekday, t) { k += 1; continue }
            // A lone capitalized word opening a sentence is a name only when something vouches for
            // it; the first word of a longer capitalized run is taken as part of the name.
            if isSentenceInitial(k, sentence), !lexicon.givenNames.contains(t.text), !t.isAllCaps,
               !midSentenceCapitals.contains(t.text), !isTitleWord(t) {
                let alone = b - k == 1 && !introducesApposition(at: b, limit: e) && !ownershipVerbFollows(b, e)
                let beforeKnownName = b - k > 1 && (lexicon.longestMatch(tokens, at: k + 1, end: b) != nil || t.lower.hasSuffix("ing"))
                if alone || beforeKnownName {
                    k += 1
                    continue
                }
            }
            break
        }
        var resume = b
        while k < b {
            if tokens[k].kind == .punctuation { k += 1; continue }
            let rest = k..<b
            // A facility: name, modifiers, head ("Batumi oil terminal").
            if let fEnd = facilityEnd(after: b, limit: e) {
                let lex = lexicon.longestMatch(tokens, at: k, end: b)
                let isCountry = lex.map { $0.phrase.entry.kind == .country && $0.length == b - k } ?? false
                if !isCountry {
                    mentions.append(Mention(kind: .name, tokens: k..<fEnd, span: k..<fEnd, surface: text(k..<fEnd),
                                            type: .facility, typedBy: "facility-head"))
                    return fEnd
                }
            }
            // Name ending in an organization or company word ("Korea First Bank", "Defense Ministry"),
            // or with one before "of" ("Organisation of African Unity"); a place or state word
            // ("South China Sea", "Sahrawi Arab Democratic Republic"); a company's first word ("Banco X").
            let wholeLexicon = lexicon.longestMatch(tokens, at: k, end: b).map { $0.length == b - k } ?? false
            if !wholeLexicon, b - k >= 2, let type = suffixType(rest) {
                // "Kingdom of Morocco", "Republic of Kazakhstan": the state itself.
                if type == .country, let of = rest.first(where: { tokens[$0].lower == "of" }),
                   let m = lexicon.longestMatch(tokens, at: of + 1, end: b), m.length == b - of - 1, m.phrase.entry.kind == .country {
                    var lm = lexiconMention(rest, m.phrase)
                    lm.kind = .name
                    mentions.append(lm)
                    k = b
                    break
                }
                // A title in front stays a title: "Foreign Minister X" never ends in a suffix, but
                // leading stopwords were already dropped.
                mentions.append(Mention(kind: .name, tokens: rest, span: rest, surface: text(rest),
                                        type: type, typedBy: "name-suffix"))
                k = b
                break
            }
            if let m = lexicon.longestMatch(tokens, at: k, end: b), m.phrase.entry.kind == .company, k + m.length < b,
               !isTitleWord(tokens[k + m.length]), lexicon.longestMatch(tokens, at: k + m.length, end: b) == nil {
                // A longer company name that begins with a known one ("Rosneft Trading").
                mentions.append(Mention(kind: .name, tokens: rest, span: rest, surface: text(rest), type: .company,
                                        typedBy: "company-name-extension"))
                k = b
                break
            }
            if let m = lexicon.longestMatch(tokens, at: k, end: b), m.phrase.form == .name,
               m.phrase.entry.kind == .place || m.phrase.entry.kind == .country, k + m.length < b,
               tokens[k + m.length].kind == .word, !isTitleWord(tokens[k + m.length]),
               !lexicon.cue(.governmentNoun, tokens[k + m.length]), !lexicon.givenNames.contains(tokens[k + m.length].text),
               lexicon.longestMatch(tokens, at: k + m.length, end: b) == nil {
                // A longer name that begins with a place: "Manchester United", "China Mobile".
                let m = withTitleBefore(Mention(kind: .name, tokens: rest, span: rest, surface: text(rest)), mentions)
                mentions.append(m)
                k = b
                break
            }
            if let m = lexicon.longestMatch(tokens, at: k, end: b) {
                var lm = lexiconMention(k..<(k + m.length), m.phrase)
                k += m.length
                // "Argentine State": the country acting through its government.
                if k < b, lm.type == .country, lexicon.cue(.governmentNoun, tokens[k]) {
                    lm.isGovernment = true
                    lm.span = lm.span.lowerBound..<(k + 1)
                    k += 1
                }
                mentions.append(lm)
                continue
            }
            if let titleEnd = titleEnd(from: k, limit: b) {
                let title = text(k..<titleEnd)
                let affiliationIndex = mentions.last.flatMap { $0.span.upperBound == k ? mentions.count - 1 : nil }
                let affiliation = affiliationIndex.map { mentions[$0].tokens.lowerBound }
                if titleEnd < b {
                    var m = person(titleEnd..<b, span: (affiliationIndex.map { mentions[$0].span.lowerBound } ?? k)..<b,
                                   title: title, by: "title")
                    m.affiliation = affiliation
                    mentions.append(m)
                    k = b
                    break
                }
                // "Argentine Economic Minister, Roberto Lavagna,"
                if b + 1 < e, tokens[b].text == ",", tokens[b + 1].isCapitalized, !skipped.contains(b + 1),
                   lexicon.longestMatch(tokens, at: b + 1, end: e) == nil {
                    let nameEnd = runEnd(from: b + 1, sentenceEnd: e)
                    var m = person((b + 1)..<nameEnd, span: (affiliationIndex.map { mentions[$0].span.lowerBound } ?? k)..<nameEnd,
                                   title: title, by: "title")
                    m.affiliation = affiliation
                    mentions.append(m)
                    return nameEnd
                }
                // A title alone: "the Planning Minister" refers to its holder.
                var m = Mention(kind: .description, tokens: k..<titleEnd, span: k..<titleEnd,
                                surface: title, type: .person, typedBy: "title-description")
                m.title = title
                m.affiliation = affiliation
                mentions.append(m)
                k = b
                break
            }
            if lexicon.givenNames.contains(tokens[k].text), b - k >= 2 {
                mentions.append(withTitleBefore(person(rest, span: rest, title: nil, by: "given-name"), mentions))
                k = b
                break
            }
            // An unknown name; a lower-case title before it makes it a person ("chief executive X").
            if b - k == 1, lexicon.cue(.stopword, tokens[k]) || lexicon.cue(.governmentNoun, tokens[k]) { k = b; break }
            let m = withTitleBefore(Mention(kind: .name, tokens: rest, span: rest, surface: text(rest)), mentions)
            mentions.append(m)
            k = b
        }
        // An acronym defined in parentheses right after the name: "Korea First Bank (KFB)".
        if let lastIndex = mentions.indices.last, mentions[lastIndex].span.upperBound == b,
           b + 2 < e, tokens[b].text == "(", tokens[b + 1].isAllCaps || tokens[b + 1].isCapitalized,
           tokens[b + 2].text == ")", mentions[lastIndex].kind == .name, mentions[lastIndex].tokens.count > 1 {
            mentions[lastIndex].acronym = tokens[b + 1].text
            mentions[lastIndex].span = mentions[lastIndex].span.lowerBound..<(b + 3)
            resume = b + 3
        }
        return resume
    }

    /// The type a multi-word name's own words give it: its last word, or the word before its
    /// first "of", names an institution, company, facility, place or state; or its first word a company.
    private func suffixType(_ r: Range<Int>) -> EntityType? {
        var head = r.upperBound - 1
        if let of = r.dropFirst().first(where: { tokens[$0].lower == "of" && !tokens[$0].isCapitalized }) { head = of - 1 }
        let h = tokens[head]
        if lexicon.cue(.companySuffix, h) { return .company }
        if lexicon.cue(.orgSuffix, h) { return .organization }
        if lexicon.cue(.facilitySuffix, tokens[r.upperBound - 1]) { return .facility }
        if lexicon.cue(.placeSuffix, tokens[r.upperBound - 1]) { return .place }
        if lexicon.cue(.countrySuffix, h) { return .country }
        if lexicon.cue(.companyPrefix, tokens[r.lowerBound]) { return .company }
        return nil
    }

    /// A verb that only names take as subject at a sentence start ("Vexo owns 60% of ...").
    private func ownershipVerbFollows(_ b: Int, _ e: Int) -> Bool {
        guard b < e else { return false }
        if ["owns", "holds", "controls", "bought", "acquired", "met"].contains(tokens[b].lower) { return true }
        // "Vexo's 25% stake in ..."
        if tokens[b].isPossessive, b + 1 < e, tokens[b + 1].kind == .number { return true }
        return b + 1 < e && ["is", "was"].contains(tokens[b].lower)
            && ["bought", "acquired", "owned", "controlled"].contains(tokens[b + 1].lower)
    }

    /// ", the ...", ", a ..." or "(ACRONYM)" right after a name.
    private func introducesApposition(at b: Int, limit e: Int) -> Bool {
        guard b + 1 < e else { return false }
        if tokens[b].text == "(", tokens[b + 1].isAllCaps { return true }
        guard tokens[b].text == "," else { return false }
        let w = tokens[b + 1].lower
        return MentionTagger.appositionStarts.contains(w) || w == "which" || w == "who"
            || ((w == "owned" || w == "controlled" || w == "based") && b + 2 < e && tokens[b + 2].lower == "by")
    }

    private func person(_ r: Range<Int>, span: Range<Int>, title: String?, by rule: String) -> Mention {
        var m = Mention(kind: .name, tokens: r, span: span, surface: text(r), type: .person, typedBy: rule)
        m.title = title
        return m
    }

    /// Words joined by a hyphen before a title ("co-leader", "vice-chairman").
    static let titlePrefixes: Set<String> = ["co", "vice", "deputy", "acting", "ex", "former"]

    /// A lower-case title right before a name: "chief executive Mervyn Davies", "Tory leader Michael
    /// Howard", "French president Jacques Chirac". Sets the title and the affiliation mention.
    private func withTitleBefore(_ m: Mention, _ mentions: [Mention]) -> Mention {
        let start = m.tokens.lowerBound
        var j = start - 1
        var sawHead = false
        while j >= 0, tokens[j].kind == .word, !tokens[j].isCapitalized, isTitleWord(tokens[j]) {
            if lexicon.cue(.titleHead, tokens[j]) { sawHead = true }
            j -= 1
            // "co-leader", "vice-chairman", "ex-president"
            if j >= 1, tokens[j].text == "-", !tokens[j].spaceBefore, MentionTagger.titlePrefixes.contains(tokens[j - 1].lower) { j -= 2 }
        }
        let titleStart = j + 1
        guard sawHead, titleStart < start, lexicon.cue(.titleHead, tokens[start - 1]) else { return m }
        var out = m
        out.type = .person
        out.typedBy = "title"
        out.title = text(titleStart..<start)
        if let a = mentions.indices.last, mentions[a].span.upperBound == titleStart {
            out.affiliation = mentions[a].tokens.lowerBound
            out.span = mentions[a].span.lowerBound..<m.span.upperBound
        } else {
            out.span = titleStart..<m.span.upperBound
        }
        return out
    }

    /// End of a title starting at `k` (modifiers and heads, at least one head, ending in a head or
    /// a modifier after a head: "Secretary of State"), when a capitalized name or the run end follows.
    private func titleEnd(from k: Int, limit b: Int) -> Int? {
        var j = k
        var lastHead = -1
        while j < b, isTitleWord(tokens[j]) {
            if lexicon.cue(.titleHead, tokens[j]) { lastHead = j }
            j += 1
        }
        guard lastHead >= 0 else { return nil }
        // "Secretary of State": modifiers after the last head belong to the title only when they
        // are joined to it by "of".
        if j > lastHead + 1, tokens[lastHead + 1].lower != "of" { j = lastHead + 1 }
        return j
    }

    private func facilityEnd(after b: Int, limit e: Int) -> Int? {
        var j = b
        while j < e, j < b + 3, tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.facilityModifier, tokens[j]) { j += 1 }
        guard j < e, tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.facilityHead, tokens[j]) else { return nil }
        // "Tupkaragan port terminal": compound heads, the last one heads the name.
        while j + 1 < e, tokens[j + 1].kind == .word, !tokens[j + 1].isCapitalized, lexicon.cue(.facilityHead, tokens[j + 1]) { j += 1 }
        // "the Batumi oil terminal" but not "terminal" used as a verb or adjective elsewhere: the head
        // must end the noun phrase.
        if j + 1 < e, tokens[j + 1].kind == .word, !tokens[j + 1].isCapitalized,
           lexicon.cue(.facilityHead, tokens[j + 1]) || lexicon.cue(.companyNoun, tokens[j + 1]) { return nil }
        return j + 1
    }

    private func lexiconMention(_ r: Range<Int>, _ p: Lexicon.Phrase) -> Mention {
        let kind: Mention.Kind
        switch p.form {
        case .name: kind = .name
        case .demonym: kind = .demonym
        case .capital: kind = .capital
        }
        var m = Mention(kind: kind, tokens: r, span: r, surface: text(r), entry: p.entry, typedBy: "lexicon")
        m.isSharedName = p.isShared
        switch p.entry.kind {
        case .country: m.type = .country
        case .place: m.type = .place
        case .region: m.type = .place; m.isSuppressed = true
        case .organization, .party: m.type = .organization
        case .company: m.type = .company
        }
        return m
    }

    // MARK: - Descriptions

    /// "the Kazakh leader", "the British minister", "the Paris-based exchange", "this heavily
    /// militarized organization": a determiner, up to four modifiers, and a head noun not followed
    /// by a name.
    private func addDescriptions(_ sentence: Sentence, _ mentions: inout [Mention]) {
        let e = sentence.tokens.upperBound
        var covered = Set<Int>()
        for m in mentions { for k in m.span { covered.insert(k) } }
        var i = sentence.tokens.lowerBound
        while i < e {
            let d = tokens[i]
            guard d.kind == .word, d.lower == "the" || d.lower == "this" || d.lower == "that" else { i += 1; continue }
            var j = i + 1
            var nationality: String?
            var affiliation: Int?
            var affiliationEnd: Int?
            var found: (Int, EntityType)?
            while j < e, j <= i + 6 {
                let t = tokens[j]
                if let mi = mentions.firstIndex(where: { $0.span.lowerBound == j }) {
                    let m = mentions[mi]
                    guard m.kind == .demonym || m.entry?.kind == .party || m.type == .place || m.kind == .capital else { break }
                    if m.kind == .demonym, let c = m.entry?.country { nationality = c }
                    affiliation = m.tokens.lowerBound
                    affiliationEnd = m.span.upperBound
                    j = m.span.upperBound
                    continue
                }
                if covered.contains(j) { break }
                if t.kind == .punctuation, t.text == "-" || t.text == "\u{2013}" { j += 1; continue }
                guard t.kind == .word, !t.isCapitalized || isTitleWord(t) else { break }
                if lexicon.cue(.stopword, t) || lexicon.cue(.preposition, t) { break }
                let next = j + 1 < e ? tokens[j + 1] : nil
                let endsPhrase = next.map { !($0.kind == .word && !lexicon.cue(.preposition, $0) && !lexicon.cue(.stopword, $0)
                                               && !$0.isCapitalized && $0.lower != "said" && $0.lower != "has" && $0.lower != "is"
                                               && $0.lower != "was" && $0.lower != "will") || $0.isPossessive } ?? true
                let verbNext = next.map { MentionTagger.descriptionVerbs.contains($0.lower) } ?? false
                if endsPhrase || verbNext, !(next?.isCapitalized ?? false) {
                    if lexicon.cue(.titleHead, t) || t.lower == "leader" || t.lower == "minister" { found = (j, .person); break }
                    if lexicon.cue(.companyNoun, t), !lexicon.cue(.orgNoun, t) || t.lower == "group" { found = (j, .company); break }
                    if lexicon.cue(.orgDescription, t) { found = (j, .organization); break }
                }
                j += 1
            }
            if let (h, type) = found, !(type == .person && affiliation == nil && nationality == nil && !tokens[h].isCapitalized && h == i + 1 && tokens[h].lower != "minister") || type != .person {
                var m = Mention(kind: .description, tokens: h..<(h + 1), span: i..<(h + 1), surface: tokens[h].lower,
                                type: type, typedBy: "description")
                m.nationality = nationality
                m.affiliation = affiliation
                m.title = type == .person ? text((affiliationEnd ?? (i + 1))..<(h + 1)) : nil
                mentions.removeAll { $0.kind == .description && $0.span.overlaps(m.span) }
                mentions.append(m)
                i = h + 1
                continue
            }
            i += 1
        }
    }

    /// Verbs that may follow a description's head noun ("the alliance unites ...").
    static let descriptionVerbs: Set<String> = [
        "unites", "united", "groups", "comprises", "includes", "included", "admitted", "accepted", "expelled", "suspended",
        "owns", "owned", "holds", "held", "controls", "bought", "acquired", "sold", "met", "meets", "hosted", "received",
        "said", "says", "agreed", "announced", "decided", "approved", "voted", "welcomed", "signed", "added", "wants",
    ]

    // MARK: - Context typing

    private func typeFromContext(_ k: Int, _ sentence: Sentence, _ mentions: inout [Mention]) {
        let m = mentions[k]
        guard m.type == nil, m.kind == .name else { return }
        let s = sentence.tokens.lowerBound
        let e = sentence.tokens.upperBound
        let a = m.tokens.lowerBound
        let b = m.tokens.upperBound
        // "Koram bank", "KazMunaiGas national oil company"
        var j = b
        while j < e, j < b + 3, tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.companyModifier, tokens[j]) { j += 1 }
        if j < e, tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.companyNoun, tokens[j]) {
            set(&mentions[k], .company, "descriptor-after")
            return
        }
        // "water firm Aguas Argentinas", "the Argentine newspaper Clarin"
        if a - 1 >= s, tokens[a - 1].kind == .word, !tokens[a - 1].isCapitalized {
            if lexicon.cue(.orgNoun, tokens[a - 1]), !lexicon.cue(.companyNoun, tokens[a - 1]) {
                set(&mentions[k], .organization, "descriptor-before")
                return
            }
            if lexicon.cue(.companyNoun, tokens[a - 1]) {
                set(&mentions[k], .company, "descriptor-before")
                return
            }
            // "state-owned Zarafshon Neftegaz", "Kremlin-controlled Gazprom"
            if ["owned", "run", "controlled", "held", "listed"].contains(tokens[a - 1].lower), a - 2 >= s, tokens[a - 2].text == "-" {
                set(&mentions[k], .company, "descriptor-before")
                return
            }
            // "the city of El Alto", "Frankfurt's state of Hessen"
            if tokens[a - 1].lower == "of", a - 2 >= s, lexicon.cue(.placeOf, tokens[a - 2]) {
                set(&mentions[k], .place, "place-of")
                return
            }
        }
        // "Tsheliabinsk region"
        if b < e, tokens[b].kind == .word, !tokens[b].isCapitalized, lexicon.cue(.placeHead, tokens[b]) {
            mentions[k].tokens = a..<(b + 1)
            mentions[k].span = m.span.lowerBound..<(b + 1)
            mentions[k].surface = text(a..<(b + 1))
            set(&mentions[k], .place, "place-head")
            return
        }
        // "Germany's central bank, the Bundesbank": typed by the description it stands beside.
        if a - 2 >= s, tokens[a - 1].lower == "the", tokens[a - 2].text == ",", a - 3 >= s, tokens[a - 3].kind == .word {
            let noun = tokens[a - 3]
            if noun.lower == "bank", a - 4 >= s, tokens[a - 4].lower == "central" {
                set(&mentions[k], .organization, "apposition-before"); return
            }
            if lexicon.cue(.orgNoun, noun), !lexicon.cue(.companyNoun, noun) { set(&mentions[k], .organization, "apposition-before"); return }
            if lexicon.cue(.companyNoun, noun) { set(&mentions[k], .company, "apposition-before"); return }
        }
        // One word ending in a company word: "Citigroup", "Rabobank".
        if m.tokens.count == 1, tokens[a].text.count > 6,
           ["group", "bank", "corp"].contains(where: { tokens[a].lower.hasSuffix($0) && !tokens[a].lower.hasPrefix($0) }) {
            set(&mentions[k], .company, "word-suffix"); return
        }
        // Apposition: "LG Card, the country's biggest credit card provider", "Claudio Bisonero,
        // deputy secretary general of NATO", "Hans Reckers, a board member of ..."
        if b + 1 < e, tokens[b].text == ",", MentionTagger.appositionStarts.contains(tokens[b + 1].lower)
            || isTitleWord(tokens[b + 1]) || lexicon.cue(.personRole, tokens[b + 1]) || lexicon.cue(.companyNoun, tokens[b + 1]) {
            var j = b + 1
            while j < e, j <= b + 9 {
                let t = tokens[j]
                if t.kind == .punctuation, t.text != "-", !t.isPossessive { break }
                if t.lower == "of" || t.lower == "for" || t.lower == "in" || t.lower == "at" || t.lower == "from" { break }
                if t.kind == .word, !t.isCapitalized || isTitleWord(t) {
                    if lexicon.cue(.titleHead, t) || lexicon.cue(.personRole, t) {
                        set(&mentions[k], .person, "apposition"); return
                    }
                    if lexicon.cue(.companyNoun, t) { set(&mentions[k], .company, "apposition"); return }
                    if lexicon.cue(.orgNoun, t) { set(&mentions[k], .organization, "apposition"); return }
                }
                j += 1
            }
        }
    }

    static let appositionStarts: Set<String> = ["a", "an", "the", "its", "their", "his", "her"]

    /// The common noun that describes a name beside it: "water firm X", "X national oil company",
    /// "X, a venture registered in ...", "X, the country's biggest mobile operator".
    private func descriptor(of m: Mention, _ sentence: Sentence) -> String? {
        let s = sentence.tokens.lowerBound
        let e = sentence.tokens.upperBound
        let a = m.tokens.lowerBound
        let b = m.span.upperBound
        func isNoun(_ t: Token) -> Bool {
            t.kind == .word && !t.isCapitalized && (lexicon.cue(.companyNoun, t) || lexicon.cue(.orgNoun, t) || lexicon.cue(.orgDescription, t))
        }
        if a - 1 >= s, isNoun(tokens[a - 1]) { return tokens[a - 1].lower }
        var j = b
        while j < e, j < b + 3, tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.companyModifier, tokens[j]) { j += 1 }
        if j < e, isNoun(tokens[j]), j > b || j + 1 >= e || tokens[j + 1].kind == .punctuation { return tokens[j].lower }
        guard b + 1 < e, tokens[b].text == ",", MentionTagger.appositionStarts.contains(tokens[b + 1].lower) else { return nil }
        j = b + 2
        while j < e, j <= b + 8 {
            let t = tokens[j]
            if t.kind == .punctuation, !t.isPossessive, t.text != "-" { break }
            if lexicon.cue(.preposition, t) || t.lower == "which" || t.lower == "that" { break }
            if isNoun(t), j + 1 >= e || !isNoun(tokens[j + 1]) { return t.lower }
            j += 1
        }
        return nil
    }

    /// A title in apposition before a name: "his Russian counterpart, Viktor Gromenko,", "The
    /// Philippine foreign secretary, Gloria Macaraig,": the name is a person with that title, and the
    /// country adjective before the title is the person's nationality.
    private func titleAppositions(_ sentence: Sentence, _ mentions: inout [Mention]) {
        let s = sentence.tokens.lowerBound
        let e = sentence.tokens.upperBound
        var k = 0
        while k < mentions.count {
            defer { k += 1 }
            let m = mentions[k]
            let a = m.tokens.lowerBound
            let b = m.tokens.upperBound
            guard m.kind == .name, m.entry == nil, m.type == nil || m.type == .person, m.title == nil,
                  a - 2 >= s, tokens[a - 1].text == "," else { continue }
            // The name ends its phrase: ", Viktor Gromenko, and", "Jacinto Soares, at the summit".
            guard b >= e || [",", ".", ";", ")", "and"].contains(tokens[b].lower) else { continue }
            if let d = mentions.firstIndex(where: { $0.kind == .description && $0.type == .person && $0.span.upperBound == a - 1 }) {
                var p = m
                p.type = .person
                p.typedBy = "title-apposition"
                p.title = mentions[d].title
                p.nationality = mentions[d].nationality
                p.affiliation = mentions[d].affiliation
                p.span = mentions[d].span.lowerBound..<m.span.upperBound
                mentions[k] = p
                mentions.remove(at: d)
                if d < k { k -= 1 }
                continue
            }
            var j = a - 2
            guard tokens[j].kind == .word, !tokens[j].isCapitalized, lexicon.cue(.titleHead, tokens[j]) else { continue }
            while j - 1 >= s, tokens[j - 1].kind == .word, !tokens[j - 1].isCapitalized, isTitleWord(tokens[j - 1]),
                  !SentenceView.determiners.contains(tokens[j - 1].lower) { j -= 1 }
            var p = m
            p.type = .person
            p.typedBy = "title-apposition"
            p.title = text(j..<(a - 1))
            var start = j
            if let c = mentions.firstIndex(where: { $0.span.upperBound == j && ($0.kind == .demonym || $0.entry?.kind == .party) }) {
                if mentions[c].kind == .demonym { p.nationality = mentions[c].entry?.country }
                p.affiliation = mentions[c].tokens.lowerBound
                start = mentions[c].span.lowerBound
            }
            // Only with a determiner before the title ("his Russian counterpart"): a bare lower-case
            // word before a comma is more often the end of a clause.
            guard start - 1 >= s, SentenceView.determiners.contains(tokens[start - 1].lower) else { continue }
            p.span = start..<m.span.upperBound
            mentions[k] = p
        }
    }

    private func set(_ m: inout Mention, _ type: EntityType, _ rule: String) {
        m.type = type
        m.typedBy = rule
    }

    // MARK: - Flags

    private static let clauseWords: Set<String> = [
        "and", "or", "but", "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can",
        "may", "might", "should", "must", "said", "says", "say", "also", "does", "did", "do", "to", "as",
        "which", "who", "that", "than", "itself", "alone", "too", "not", "nor",
    ]

    /// A determiner, number or adjective before: "the Paris bourse", "a London press conference".
    /// Coordinated names share the slot: "the Paris, Amsterdam and Lisbon stock exchanges".
    private func afterModifierSlot(_ m: Mention, _ s: Int) -> Bool {
        var j = m.span.lowerBound - 1
        while j > s, [",", "and", "or"].contains(tokens[j].lower), tokens[j - 1].isCapitalized {
            j -= 1
            while j > s, tokens[j].isCapitalized { j -= 1 }
        }
        guard j >= s else { return false }
        let p = tokens[j]
        return p.kind == .number || (p.kind == .word && !p.isCapitalized && !["and", "or"].contains(p.lower)
            && !lexicon.cue(.preposition, p) && !MentionTagger.clauseOpeners.contains(p.lower))
    }

    /// Words that open a clause: a name after one is its subject, not a modifier ("as Moscow sought").
    static let clauseOpeners: Set<String> = ["as", "when", "while", "because", "if", "that", "since", "although", "though",
                                             "where", "whereas", "unless", "until", "so", "then", "said", "says", "but",
                                             "nor", "yet", "once", "and", "or", "which", "who"]

    private func afterPreposition(_ m: Mention, _ s: Int) -> Bool {
        m.span.lowerBound > s && lexicon.cue(.preposition, tokens[m.span.lowerBound - 1])
    }

    private func setFlags(_ sentence: Sentence, _ mentions: inout [Mention]) {
        let s = sentence.tokens.lowerBound
        let e = sentence.tokens.upperBound
        var drop = Set<Int>()
        for k in mentions.indices {
            var m = mentions[k]
            let b = m.span.upperBound
            let next = b < e ? tokens[b] : nil
            if let n = next, n.kind == .word, !n.isCapitalized {
                if lexicon.cue(.currency, n), m.type == .country { drop.insert(k); continue }
                if m.type == .country || m.type == .place, lexicon.cue(.governmentNoun, n) {
                    m.isGovernment = true
                    m.span = m.span.lowerBound..<(b + 1)
                } else if !lexicon.cue(.preposition, n), !MentionTagger.clauseWords.contains(n.lower),
                          m.kind == .demonym || ((m.kind == .capital || m.type == .place) && !afterPreposition(m, s) && afterModifierSlot(m, s)) {
                    m.isModifier = true
                }
            } else if let n = next, n.kind == .punctuation, n.text == "-" || n.text == "\u{2013}",
                      b + 1 < e, tokens[b + 1].kind == .word, !tokens[b + 1].isCapitalized {
                m.isModifier = true  // "UK-based", "Russian-led"
            } else if let n = next, n.kind == .word, n.isCapitalized, m.type == .country || m.type == .place,
                      lexicon.cue(.governmentNoun, n), m.kind == .demonym {
                m.isGovernment = true  // "Argentine State"
                m.span = m.span.lowerBound..<(b + 1)
            }
            // A capital after a place preposition is the city; elsewhere it stands for the government.
            if m.kind == .capital {
                let prev = m.span.lowerBound > s ? tokens[m.span.lowerBound - 1].lower : ""
                var place = ["in", "at", "to", "near", "into", "from", "visiting", "visit", "visited", "visits", "outside",
                             "via", "of"].contains(prev)
                // "in Ankara and Budapest": a capital coordinated with a city is a city too.
                if !place, prev == "and" || prev == ",", k > 0, mentions[k - 1].kind == .name, mentions[k - 1].type == .place,
                   mentions[k - 1].span.upperBound + 1 == m.span.lowerBound, mentions[k - 1].entry?.kind == .place {
                    place = true
                }
                if place || m.isModifier {
                    m.type = .place
                    m.entry = Lexicon.Entry(label: m.surface, kind: .place, country: m.entry?.country)
                    m.kind = .name
                } else {
                    m.isGovernment = true
                }
            }
            mentions[k] = m
        }
        var k = mentions.count - 1
        while k > 0 {
            let m = mentions[k]
            let p = mentions[k - 1]
            if m.isModifier, p.kind == .capital || p.type == .place || p.kind == .demonym, !p.isModifier,
               p.span.upperBound + 1 == m.span.lowerBound,
               [",", "and", "or"].contains(tokens[p.span.upperBound].lower) {
                mentions[k - 1].isModifier = true
                if p.kind == .capital {
                    mentions[k - 1].type = .place
                    mentions[k - 1].entry = Lexicon.Entry(label: p.surface, kind: .place, country: p.entry?.country)
                    mentions[k - 1].kind = .name
                    mentions[k - 1].isGovernment = false
                }
            }
            k -= 1
        }
        if !drop.isEmpty { mentions = mentions.enumerated().filter { !drop.contains($0.offset) }.map(\.element) }
        // Subject: the first mention of the sentence (after a fronted phrase ending in a comma)
        // that no preposition governs.
        var start = s
        if let d = dateline, sentence.tokens.contains(d.city.lowerBound) { start = max(start, d.end) }
        while start < e, tokens[start].kind == .punctuation || lexicon.cue(.stopword, tokens[start]) && !["the", "a", "an", "this"].contains(tokens[start].lower) && !lexicon.cue(.preposition, tokens[start]) { start += 1 }
        if start < e, lexicon.cue(.preposition, tokens[start]) || tokens[start].lower == "when" || tokens[start].lower == "while"
            || tokens[start].lower == "as" || tokens[start].lower == "if" || tokens[start].lower == "although" {
            var j = start
            while j < e, tokens[j].text != "," { j += 1 }
            if j < e { start = j + 1 }
        }
        if var first = mentions.firstIndex(where: { $0.span.lowerBound >= start }) {
            // A country adjective inside a titled name's span: the name is the subject.
            let p = mentions[first].span.lowerBound
            if let cover = mentions.indices.first(where: { $0 != first && mentions[$0].span.lowerBound == p
                && mentions[$0].span.count > mentions[first].span.count }) { first = cover }
            // "Norway's Nordvik Energy said": the possessor is not the subject, what it owns is.
            let b = mentions[first].span.upperBound
            if b < e, tokens[b].isPossessive, let next = mentions.indices.first(where: { mentions[$0].span.lowerBound == b + 1 }) { first = next }
            let governed = p > s && lexicon.cue(.preposition, tokens[p - 1])
            if !governed { mentions[first].isSubject = true }
        }
    }
}
