import Foundation

/// The names and cue words extraction relies on: countries (with demonyms and capitals), places,
/// organizations, parties and companies, given names, and the cue words of the rules.
///
/// Loaded from the data files in `Sources/KGExtraction/Lexicon/` (see its README for their
/// columns, sources and licences). Phrases match token by token with their case as written.
public struct Lexicon: Sendable {
    /// What a lexicon name denotes.
    enum Kind: String, Sendable, Hashable {
        case country, place, region, organization, company, party
    }

    /// How a phrase names its entry.
    enum Form: Sendable, Hashable {
        /// The canonical name or another name ("Kazakhstan", "Republic of Kazakhstan").
        case name
        /// A demonym or adjective ("Kazakh").
        case demonym
        /// A capital or other seat of government ("Astana", "Kremlin").
        case capital
    }

    /// One named thing of the lexicon.
    struct Entry: Sendable, Hashable {
        var label: String
        var kind: Kind
        /// The country a place or capital lies in (its label).
        var country: String?
    }

    struct Phrase: Sendable, Hashable {
        var entry: Entry
        var form: Form
        /// A name that parties of several countries go by ("Greens", "Social Democrats"): it resolves
        /// to the entry, but does not establish the entry's label as the article's name for it.
        var isShared = false
    }

    /// Phrase key (token texts joined by a space) to what it names.
    private(set) var phrases: [String: Phrase] = [:]
    /// First token text of a phrase to the longest phrase length starting with it.
    private(set) var longestPhrase: [String: Int] = [:]
    private(set) var cues: [Cue: Set<String>] = [:]
    private(set) var givenNames: Set<String> = []
    /// Country label to its entry.
    private(set) var countries: [String: Entry] = [:]
    /// Periodical name (lower case) to the year of its volume 1 (``PublicationCalendar``).
    private(set) var firstVolumeYears: [String: Int] = [:]

    /// The lexicon shipped with the module.
    /// - Throws: ``LexiconError`` when a data file is missing or malformed.
    public static func bundled() throws -> Lexicon {
        guard let dir = Bundle.module.url(forResource: "Lexicon", withExtension: nil) else {
            throw LexiconError.missingFile("Lexicon")
        }
        return try load(from: dir)
    }

    /// Loads the data files (`countries.tsv`, `places.tsv`, `organizations.tsv`, `cues.tsv`,
    /// `given-names.txt`, `publications.tsv`) from a directory.
    /// - Throws: ``LexiconError``.
    public static func load(from directory: URL) throws -> Lexicon {
        func read(_ name: String) throws -> String {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else { throw LexiconError.missingFile(name) }
            return String(decoding: data, as: UTF8.self)
        }
        return try Lexicon(countries: read("countries.tsv"), places: read("places.tsv"),
                           organizations: read("organizations.tsv"), cues: read("cues.tsv"),
                           givenNames: read("given-names.txt"), publications: read("publications.tsv"))
    }

    /// Builds a lexicon from the text of its data files (formats as in the Lexicon README);
    /// `publications` (issue calendars) may be empty.
    /// - Throws: ``LexiconError/malformedLine(file:line:)``.
    public init(countries: String, places: String, organizations: String, cues: String, givenNames: String,
                publications: String = "") throws {
        for (n, cols) in try Lexicon.rows(countries, file: "countries.tsv", minColumns: 1) {
            _ = n
            let entry = Entry(label: cols[0], kind: .country, country: cols[0])
            self.countries[cols[0]] = entry
            add(cols[0], Phrase(entry: entry, form: .name))
            for a in Lexicon.list(cols, 1) { add(a, Phrase(entry: entry, form: .name)) }
            for d in Lexicon.list(cols, 2) { add(d, Phrase(entry: entry, form: .demonym)) }
            for c in Lexicon.list(cols, 3) { add(c, Phrase(entry: entry, form: .capital)) }
        }
        for (n, cols) in try Lexicon.rows(organizations, file: "organizations.tsv", minColumns: 2) {
            guard let kind = Kind(rawValue: cols[1].lowercased()) else {
                throw LexiconError.malformedLine(file: "organizations.tsv", line: n)
            }
            let entry = Entry(label: cols[0], kind: kind)
            add(cols[0], Phrase(entry: entry, form: .name))
            for a in Lexicon.list(cols, 2) { add(a, Phrase(entry: entry, form: .name)) }
            for a in Lexicon.list(cols, 3) { add(a, Phrase(entry: entry, form: .name, isShared: true)) }
        }
        for (n, cols) in try Lexicon.rows(places, file: "places.tsv", minColumns: 2) {
            guard let kind = Kind(rawValue: cols[1].lowercased()), kind == .place || kind == .region else {
                throw LexiconError.malformedLine(file: "places.tsv", line: n)
            }
            let country = cols.count > 3 && !cols[3].isEmpty ? cols[3] : nil
            let entry = Entry(label: cols[0], kind: kind, country: country)
            add(cols[0], Phrase(entry: entry, form: .name))
            for a in Lexicon.list(cols, 2) { add(a, Phrase(entry: entry, form: .name)) }
        }
        for (n, cols) in try Lexicon.rows(cues, file: "cues.tsv", minColumns: 2) {
            guard let cue = Cue(rawValue: cols[0]) else { throw LexiconError.malformedLine(file: "cues.tsv", line: n) }
            self.cues[cue, default: []].insert(cue.isCaseSensitive ? cols[1] : cols[1].lowercased())
        }
        for (n, cols) in try Lexicon.rows(publications, file: "publications.tsv", minColumns: 2) {
            guard let year = Int(cols[1]), (1...9999).contains(year) else {
                throw LexiconError.malformedLine(file: "publications.tsv", line: n)
            }
            self.firstVolumeYears[cols[0].lowercased()] = year
        }
        for line in givenNames.split(whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name.hasPrefix("#") { continue }
            self.givenNames.insert(name)
        }
    }

    private mutating func add(_ surface: String, _ phrase: Phrase) {
        let scalars = Array(surface.unicodeScalars)
        let tokens = Tokenizer.tokenize(scalars).map(\.key)
        guard let first = tokens.first else { return }
        let k = tokens.joined(separator: " ")
        if phrases[k] != nil { return }  // first listing wins: countries, organizations, places
        phrases[k] = phrase
        longestPhrase[first] = max(longestPhrase[first] ?? 0, tokens.count)
    }

    /// The phrase with this key (token texts joined by a space), if the lexicon has it.
    func phrase(_ key: String) -> Phrase? { phrases[key] }

    /// Whether `word` belongs to a cue category (lower-cased unless the category keeps case).
    func cue(_ category: Cue, _ token: Token) -> Bool {
        cues[category]?.contains(category.isCaseSensitive ? token.text : token.lower) ?? false
    }

    func cue(_ category: Cue, _ word: String) -> Bool {
        cues[category]?.contains(word) ?? false
    }

    /// The longest lexicon phrase starting at `tokens[i]` and not crossing `end`: its length and phrase.
    func longestMatch(_ tokens: [Token], at i: Int, end: Int) -> (length: Int, phrase: Phrase)? {
        guard let maxLen = longestPhrase[tokens[i].key] else { return nil }
        var len = min(maxLen, end - i)
        while len >= 1 {
            // A phrase never spans a line break.
            var ok = true
            var k = tokens[i].key
            if len > 1 {
                for t in (i + 1)..<(i + len) {
                    if tokens[t].newlinesBefore > 0 { ok = false; break }
                    k += " "
                    k += tokens[t].key
                }
            }
            if ok, let p = phrases[k] { return (len, p) }
            len -= 1
        }
        return nil
    }

    private static func rows(_ text: String, file: String, minColumns: Int) throws -> [(Int, [String])] {
        var out: [(Int, [String])] = []
        var n = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var l = String(line)
            if l.hasSuffix("\r") { l.removeLast() }
            if l.isEmpty || l.hasPrefix("#") { continue }
            let cols = l.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cols.count >= minColumns, !cols[0].isEmpty else { throw LexiconError.malformedLine(file: file, line: n) }
            out.append((n, cols))
        }
        return out
    }

    private static func list(_ cols: [String], _ i: Int) -> [String] {
        guard i < cols.count, !cols[i].isEmpty else { return [] }
        return cols[i].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
