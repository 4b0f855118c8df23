import KGModel

/// Resolves the mentions of one article to entities.
///
/// - Lexicon names resolve to their entry ("Kazakh", "Astana" → Kazakhstan; a capital after a
///   place preposition is the city). A party takes the lexicon's label from any of its own names
///   ("Tory", "the Tories" → Conservative Party); one the article calls only by names that parties of
///   several countries share takes the longest of those ("the Greens" → Greens).
/// - A person's shorter name resolves to the longest full name it ends ("Nazarbayev", "Mr
///   Nazarbayev" → Nursultan Nazarbayev); the label is that full name.
/// - An acronym defined in parentheses resolves to its long form ("KFB" → Korea First Bank); a
///   company's shorter name to the longer one it begins ("Newbridge" → Newbridge Capital).
/// - An untyped name takes the type of the same name typed elsewhere in the article; a shorter
///   facility name with the same first word and head is the longer one ("the Esbjerg terminal").
/// - Descriptions refer back: "the Kazakh leader" to the latest titled person of that country,
///   "the Tory leader" to the latest person of that party, "the Planning Minister" to the person
///   with that title, "this organization" to the latest organization, and a company description in
///   subject position ("The Paris-based exchange, owner of ...") to the latest company that was a
///   sentence's subject. A description is never an alias: aliases are names only.
struct EntityResolver {
    let tokens: [Token]
    /// For organizations named at the start of longer names; optional so that stage tests can omit it.
    var lexicon: Lexicon? = nil

    static let corporateTitles = ["chief executive", "chief executive officer", "ceo", "chairman", "chairwoman",
                                  "managing director", "finance director", "chief financial officer", "cfo", "boss"]

    func resolve(_ sentences: inout [[Mention]]) -> [String: ResolvedEntity] {
        var entities: [String: ResolvedEntity] = [:]
        var order: [String] = []
        func add(_ key: String, label: String, type: EntityType?, surface: String, by rule: String?) {
            if var e = entities[key] {
                if e.type == nil, let t = type { e.type = t; e.typedBy = rule }
                if surface != e.label, !e.aliases.contains(surface), !surface.isEmpty { e.aliases.append(surface) }
                entities[key] = e
            } else {
                var e = ResolvedEntity(key: key, label: label, type: type, typedBy: rule)
                if surface != label, !surface.isEmpty { e.aliases.append(surface) }
                entities[key] = e
                order.append(key)
            }
        }
        // Full names of persons, and names typed anywhere in the article.
        var personNames: [[String]] = []
        var personSurface: [[String]: String] = [:]
        var typedSurface: [String: EntityType] = [:]
        var acronyms: [String: String] = [:]  // acronym -> long surface
        var longNames: [(tokens: [String], surface: String, type: EntityType)] = []
        for ms in sentences {
            for m in ms where m.kind == .name {
                let words = nameWords(m)
                if m.type == .person {
                    if !personNames.contains(words) { personNames.append(words) }
                    if personSurface[words] == nil { personSurface[words] = m.surface }
                } else if let t = m.type, m.entry == nil {
                    if typedSurface[m.surface] == nil { typedSurface[m.surface] = t }
                    if words.count >= 2, t == .company || t == .organization || t == .facility { longNames.append((words, m.surface, t)) }
                }
                if let a = m.acronym { acronyms[a] = m.surface }
            }
        }
        func fullPersonName(_ words: [String]) -> [String]? {
            var best: [String]?
            for n in personNames where n.count >= words.count && Array(n.suffix(words.count)) == words {
                if n.count > (best?.count ?? -1) { best = n }
            }
            return best
        }
        var headUse = Set<String>()
        // Parties, and parties the article calls by a name of their own (not only a shared one).
        var partyKeys = Set<String>()
        var ownNameWritten = Set<String>()
        // Entity keys by their latest mention, oldest first.
        var recent: [String] = []
        var lastSubjectCompany: String?
        var subjectCompanyNext: String?
        for si in sentences.indices {
            lastSubjectCompany = subjectCompanyNext ?? lastSubjectCompany
            for mi in sentences[si].indices {
                var m = sentences[si][mi]
                defer { sentences[si][mi] = m }
                switch m.kind {
                case .description:
                    m.entity = resolveDescription(m, sentenceMentions: sentences[si], before: mi,
                                                  earlier: Array(sentences[max(0, si - 4)..<si]),
                                                  entities: entities, order: order, recent: recent,
                                                  lastSubjectCompany: lastSubjectCompany)
                    // A description refers to the entity but is not one of its names: no alias.
                    if let key = m.entity, entities[key]?.type != m.type { m.entity = nil }
                case .demonym, .capital, .name:
                    if let entry = m.entry {
                        let key = "lex:" + entry.label
                        add(key, label: entry.label, type: m.type, surface: m.surface, by: m.typedBy)
                        if entry.kind == .party { partyKeys.insert(key) }
                        if !m.isSharedName { ownNameWritten.insert(key) }
                        if m.isSuppressed { entities[key]?.isSuppressed = true }
                        m.entity = key
                        continue
                    }
                    let words = nameWords(m)
                    if m.type == .person || (m.type == nil && fullPersonName(words) != nil) {
                        let full = fullPersonName(words) ?? words
                        let label = personSurface[full] ?? full.joined(separator: " ")
                        let key = "person:" + label
                        add(key, label: label, type: .person, surface: words.joined(separator: " "), by: m.typedBy)
                        m.type = .person
                        m.entity = key
                        if let t = m.title, !(entities[key]?.titles.contains(t) ?? true) { entities[key]?.titles.append(t) }
                        if let a = m.affiliation, let aff = sentences[si].first(where: { $0.tokens.lowerBound == a && $0.kind != .description }) {
                            if let c = aff.entry, c.kind == .country { entities[key]?.nationality = c.label }
                            if let ak = aff.entity, !(entities[key]?.affiliations.contains(ak) ?? true) {
                                entities[key]?.affiliations.append(ak)
                            }
                            // "Manchester United chief executive David Gill": a corporate title names a company.
                            if let ak = aff.entity, entities[ak]?.type == nil, let t = m.title?.lowercased(),
                               EntityResolver.corporateTitles.contains(where: { t.hasSuffix($0) }) {
                                entities[ak]?.type = .company
                                entities[ak]?.typedBy = "corporate-title"
                            }
                        }
                        if let c = countryAfter(m, in: sentences[si]) { entities[key]?.nationality = c }
                        continue
                    }
                    var surface = m.surface
                    var type = m.type
                    if let long = acronyms[surface] { surface = long }
                    if type == nil, let t = typedSurface[surface] { type = t }
                    if type == nil || type == .company || type == .organization {
                        if let long = longNames.first(where: { $0.type != .facility && $0.tokens.count > words.count
                            && Array($0.tokens.prefix(words.count)) == words }) {
                            surface = long.surface
                            type = type ?? long.type
                        }
                    } else if type == .facility, words.count >= 2 {
                        // "the Esbjerg terminal" after "the Esbjerg oil terminal": same name and head.
                        if let long = longNames.first(where: { $0.type == .facility && $0.tokens.count > words.count
                            && $0.tokens.first == words.first && $0.tokens.last == words.last }) {
                            surface = long.surface
                        }
                    }
                    let key = "name:" + surface
                    add(key, label: surface, type: type, surface: m.surface, by: m.typedBy)
                    // "the FIFA Congress", "AU Commission": the organization it belongs to is named too.
                    if type == .organization, let lead = leadingOrganization(m) {
                        add("lex:" + lead.label, label: lead.label, type: .organization, surface: lead.label, by: "name-start")
                        headUse.insert("lex:" + lead.label)
                    }
                    if let a = m.acronym { add(key, label: surface, type: type, surface: a, by: nil) }
                    m.type = type ?? entities[key]?.type
                    m.entity = key
                }
            }
            for m in sentences[si] where !m.isModifier || m.surface != m.entry?.label {
                if let k = m.entity { headUse.insert(k) }
            }
            for m in sentences[si] where m.kind != .description {
                guard let k = m.entity else { continue }
                recent.removeAll { $0 == k }
                recent.append(k)
                if let d = m.descriptor, !(entities[k]?.descriptors.contains(d) ?? true) { entities[k]?.descriptors.append(d) }
            }
            // The subject company of this sentence becomes the antecedent for the next ones.
            if let subj = sentences[si].first(where: { $0.isSubject }), subj.type == .company, let key = subj.entity {
                subjectCompanyNext = key
            }
        }
        // A place named only as a modifier ("the Paris-based exchange") is not an entity of its own.
        for (key, e) in entities where e.type == .place && !headUse.contains(key) { entities[key]?.isSuppressed = true }
        // A party is labelled by the lexicon's name, whichever of its names the article uses ("Tory",
        // "the Tories" → Conservative Party), unless the article only uses names that parties of
        // several countries share ("Green Party" is many parties): then by the longest of those
        // ("the Greens" → Greens).
        for key in partyKeys.subtracting(ownNameWritten) {
            guard var e = entities[key], let name = e.aliases.min(by: { a, b in
                a.unicodeScalars.count != b.unicodeScalars.count ? a.unicodeScalars.count > b.unicodeScalars.count
                    : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }) else { continue }
            e.aliases.removeAll { $0 == name }
            e.aliases.append(e.label)
            e.label = name
            entities[key] = e
        }
        return entities
    }

    /// A known organization at the start of a longer organization's name ("FIFA" in "FIFA Congress").
    private func leadingOrganization(_ m: Mention) -> Lexicon.Entry? {
        guard m.typedBy == "name-suffix", m.tokens.count >= 2,
              let match = lexicon?.longestMatch(tokens, at: m.tokens.lowerBound, end: m.tokens.upperBound),
              match.length < m.tokens.count, match.phrase.entry.kind == .organization else { return nil }
        return match.phrase.entry
    }

    /// The words of a name without a trailing possessive.
    private func nameWords(_ m: Mention) -> [String] {
        m.tokens.filter { tokens[$0].kind == .word }.map { tokens[$0].text }
    }

    /// "President Nestor Kirchner of Argentina": the country after "of".
    private func countryAfter(_ m: Mention, in ms: [Mention]) -> String? {
        let b = m.tokens.upperBound
        guard b < tokens.count, tokens[b].lower == "of" else { return nil }
        return ms.first(where: { $0.span.lowerBound == b + 1 && $0.entry?.kind == .country })?.entry?.label
    }

    /// Heads that fit any organization; other heads ("the union", "the commission") need an
    /// organization with that word in its name or described by it.
    static let genericOrganizationHeads: Set<String> = ["organization", "organisation", "alliance", "bloc", "body", "grouping"]

    private func resolveDescription(_ m: Mention, sentenceMentions: [Mention], before mi: Int, earlier: [[Mention]],
                                    entities: [String: ResolvedEntity], order: [String], recent: [String],
                                    lastSubjectCompany: String?) -> String? {
        switch m.type {
        case .person?:
            let head = (m.title ?? m.surface).lowercased()
            let affiliation = m.affiliation.flatMap { a in sentenceMentions.first { $0.tokens.lowerBound == a } }
            let nationality = m.nationality ?? (affiliation?.entry?.kind == .country ? affiliation?.entry?.label : nil)
            let party = affiliation?.entry?.kind == .party ? affiliation?.entity : nil
            var candidates: [String] = []
            for key in order.reversed() {
                guard let e = entities[key], e.type == .person, !e.titles.isEmpty else { continue }
                if let n = nationality, e.nationality != n { continue }
                if let p = party, !e.affiliations.contains(p) { continue }
                if nationality == nil, party == nil {
                    // A bare title ("the Planning Minister") must match a title the person holds.
                    guard e.titles.contains(where: { $0.lowercased() == head }) else { continue }
                }
                candidates.append(key)
                break
            }
            return candidates.first
        case .organization?:
            // The latest organization named in this sentence or the four before it that fits the head,
            // else the one of that kind mentioned last.
            let head = m.surface.lowercased()
            func fits(_ key: String) -> Bool {
                guard let e = entities[key], e.type == .organization else { return false }
                if EntityResolver.genericOrganizationHeads.contains(head) || e.descriptors.contains(head) { return true }
                return ([e.label] + e.aliases).contains { $0.lowercased().split(separator: " ").contains(Substring(head)) }
            }
            for other in sentenceMentions[..<mi].reversed() where other.kind != .description {
                if let k = other.entity, fits(k) { return k }
            }
            for ms in earlier.reversed() {
                for other in ms.reversed() where other.kind != .description {
                    if let k = other.entity, fits(k) { return k }
                }
            }
            // Further back: the organization of that kind mentioned last.
            return recent.last(where: fits)
        case .company?:
            // "the venture": the latest company the text described by that noun; else, in subject
            // position, the company that was the subject of an earlier sentence.
            let head = m.surface.lowercased()
            if let k = recent.last(where: { entities[$0]?.descriptors.contains(head) ?? false }) { return k }
            if m.isSubject { return lastSubjectCompany }
            // Elsewhere ("holds 50% in the venture"): the company named last, other than this
            // sentence's subject.
            let subject = sentenceMentions[..<mi].first(where: { $0.isSubject })?.entity
            return recent.last { $0 != subject && entities[$0]?.type == .company }
        default:
            return nil
        }
    }
}
