import KGModel

/// Unifies the entities of several graphs (normally one per article) into one graph, so that the same
/// person, state, organization, company, facility or place is one node with one identifier.
///
/// Names are compared folded: lower case, accents removed, punctuation as spaces ("Kouyaté" =
/// "Kouyate", "U.S." = "u s"). Entities are only ever unified with entities of the same
/// ``EntityType``. Two entities are the same when:
/// - they share a name: a label or alias of one is a label or alias of the other ("CSTO" and
///   "Collective Security Treaty Organization"); a one-word alias that is part of the label (a
///   surname, "Kelvo" of "Kelvo Oil") is not a shared name, since several entities may have it,
///   and for persons only names of two or more words count;
/// - they are persons whose surnames (last words) are equal or transliteration variants and whose
///   first names are compatible: equal, variants, one the initial of the other, or missing on one
///   side ("Danial Akhmetov" = "Daniyal Akhmetov" = "D. Akhmetov");
/// - one is a person named by a single word that is the surname, or a variant of the surname, of
///   exactly one other person ("Nazarbayev" = "Nursultan Nazarbayev"; "Akhmetov" stays alone when
///   both a Danial and a Rinat Akhmetov are known);
/// - one is not a person, is named by a single word that is not an acronym, and that word begins
///   the name of exactly one other entity of its type ("Kelvo" = "Kelvo Oil");
/// - they are not persons and their whole names, of at least eight letters and as many words, are
///   transliteration variants ("KazMunaiGas" = "KazMunayGas").
///
/// Variants: the Levenshtein distance between the folded words, divided by the length of the longer,
/// is at most ``maximumDistance`` (0.2 by default: one edit in five to nine letters, two in ten to
/// fourteen), and the words begin with the same two letters ("Akhmetov"/"Akhmetow",
/// "Nazarbayev"/"Nazarbaev", "Dmitri"/"Dmitry"). Linking is transitive.
///
/// The linked entity's label is the longest label among them (in Unicode scalars; ties go to the
/// first in code-point order), its id ``Identifier/slug(_:)`` of that label (a type-named suffix,
/// `-place`, separates entities of other types whose labels slug alike), and its aliases are every
/// other label and alias, in code-point order. The result does not depend on the order of the
/// graphs or of anything in them, so graphs linked separately from the same articles are equal.
/// Relations keep every attestation with its own evidence; their subjects, objects and places
/// are renamed to the linked ids, and a relation whose two ends became one entity is dropped.
/// Documents are united by id.
public struct EntityLinker: Sendable {
    /// The largest normalized edit distance between two folded words taken as variants of one name.
    public var maximumDistance: Double

    /// A linker; `maximumDistance` is the variant threshold (see the type's documentation).
    public init(maximumDistance: Double = 0.2) {
        self.maximumDistance = maximumDistance
    }

    /// One graph holding every entity, relation and document of `graphs`, with the same entities linked.
    /// - Complexity: about O(n log n) in the number of entities, plus a comparison of the entities of
    ///   one type whose names begin alike.
    public func link(_ graphs: [KnowledgeGraph]) -> KnowledgeGraph {
        // Records in a canonical order, so that nothing depends on the order of the input.
        var records: [Entity] = []
        for g in graphs { records.append(contentsOf: g.entities.values) }
        records.sort(by: EntityLinker.precedes)
        var unique: [Entity] = []
        for r in records where unique.last != r { unique.append(r) }
        records = unique

        var sets = DisjointSets(count: records.count)
        let folded = records.map { e in ([e.label] + e.aliases).map(EntityLinker.fold) }
        // Shared names. A one-word alias that is a short form of the label (a surname, "Kelvo" of
        // "Kelvo Oil") may belong to several entities and links nothing; acronyms do link.
        var byName: [String: Int] = [:]
        for (i, e) in records.enumerated() {
            let labelWords = folded[i][0].split(separator: " ")
            for (n, name) in folded[i].enumerated() where !name.isEmpty {
                let raw = n == 0 ? e.label : e.aliases[n - 1]
                if n > 0, !name.contains(" "), !EntityLinker.isAcronym(raw) {
                    if e.type == .person || labelWords.count > 1 && labelWords.contains(Substring(name)) { continue }
                }
                if e.type == .person, !name.contains(" ") { continue }
                let key = e.type.rawValue + "\u{1F}" + name
                if let j = byName[key] { sets.union(i, j) } else { byName[key] = i }
            }
        }
        // Variants, compared within a type and the first two letters of the surname or name.
        var buckets: [String: [Int]] = [:]
        for (i, e) in records.enumerated() {
            let words = folded[i][0].split(separator: " ")
            guard let key = (e.type == .person ? words.last : words.first).map({ String($0.prefix(2)) }) else { continue }
            buckets[e.type.rawValue + "\u{1F}" + key, default: []].append(i)
        }
        for bucketKey in buckets.keys.sorted() {
            guard let members = buckets[bucketKey] else { continue }
            for x in members.indices {
                for y in members.indices where y > x {
                    let a = members[x]
                    let b = members[y]
                    if records[a].type == .person {
                        if fullNamesMatch(folded[a][0], folded[b][0]) { sets.union(a, b) }
                    } else if namesVary(folded[a][0], folded[b][0]) {
                        sets.union(a, b)
                    }
                }
            }
        }
        // Single-word person names join the one person whose surname they are.
        for (i, e) in records.enumerated() where e.type == .person && !folded[i][0].contains(" ") {
            var owners = Set<Int>()
            for (j, o) in records.enumerated() where o.type == .person && folded[j][0].contains(" ") {
                if let last = folded[j][0].split(separator: " ").last, wordsVary(folded[i][0], String(last)) { owners.insert(sets.find(j)) }
            }
            if owners.count == 1, let owner = owners.first { sets.union(i, owner) }
        }
        // A one-word name of another type joins the one longer name it begins ("Kelvo" → "Kelvo Oil").
        for (i, e) in records.enumerated() where e.type != .person && !folded[i][0].contains(" ") && !EntityLinker.isAcronym(e.label) {
            var owners = Set<Int>()
            for (j, o) in records.enumerated() where o.type == e.type && folded[j][0].contains(" ") {
                if folded[j][0].split(separator: " ").first.map(String.init) == folded[i][0] { owners.insert(sets.find(j)) }
            }
            if owners.count == 1, let owner = owners.first { sets.union(i, owner) }
        }
        // Two surnames alone are variants of one name only when neither belongs to a full name.
        var fullRoots = Set<Int>()
        for (k, e) in records.enumerated() where e.type == .person && folded[k][0].contains(" ") { fullRoots.insert(sets.find(k)) }
        for (i, e) in records.enumerated() where e.type == .person && !folded[i][0].contains(" ") {
            for (j, o) in records.enumerated() where j > i && o.type == .person && !folded[j][0].contains(" ") {
                guard wordsVary(folded[i][0], folded[j][0]), !fullRoots.contains(sets.find(i)), !fullRoots.contains(sets.find(j)) else { continue }
                sets.union(i, j)
            }
        }

        // One entity per set.
        var groups: [Int: [Int]] = [:]
        for i in records.indices { groups[sets.find(i), default: []].append(i) }
        var linked: [(members: [Int], entity: Entity)] = []
        for members in groups.values {
            let labels = members.map { records[$0].label }
            guard let label = labels.min(by: { a, b in
                let la = a.unicodeScalars.count
                let lb = b.unicodeScalars.count
                return la != lb ? la > lb : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
            }) else { continue }
            var names = Set<String>()
            for m in members { names.insert(records[m].label); names.formUnion(records[m].aliases) }
            names.remove(label)
            let aliases = names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            linked.append((members, Entity(id: Identifier.slug(label), label: label, type: records[members[0]].type, aliases: aliases)))
        }
        // Ids stay unique: among entities whose labels slug alike, the first type keeps the plain id.
        linked.sort { a, b in
            a.entity.id != b.entity.id ? a.entity.id.unicodeScalars.lexicographicallyPrecedes(b.entity.id.unicodeScalars)
                : a.entity.type < b.entity.type
        }
        var taken = Set<String>()
        for k in linked.indices {
            var id = linked[k].entity.id
            if taken.contains(id) { id += "-" + linked[k].entity.type.rawValue.lowercased() }
            var n = 2
            let base = id
            while taken.contains(id) { id = base + "-\(n)"; n += 1 }
            taken.insert(id)
            linked[k].entity.id = id
        }

        // Old id (per type, since ids of different types may collide across graphs) to the linked id.
        var rename: [String: [EntityType: String]] = [:]
        for l in linked {
            for m in l.members { rename[records[m].id, default: [:]][records[m].type] = l.entity.id }
        }
        var out = KnowledgeGraph()
        for l in linked { out.add(l.entity) }
        var documents: [String: Document] = [:]
        for g in graphs {
            for d in g.sortedDocuments {
                if let old = documents[d.id], !EntityLinker.precedes(d, old) { continue }
                documents[d.id] = d
            }
        }
        for id in documents.keys.sorted() { if let d = documents[id] { out.add(d) } }
        var relations: [String: Relation] = [:]
        for g in graphs {
            for r in g.relations {
                var r2 = r
                r2.subject = newID(r.subject, in: g, rename) ?? r.subject
                r2.object = newID(r.object, in: g, rename) ?? r.object
                r2.place = r.place.map { newID($0, in: g, rename) ?? $0 }
                guard r2.subject != r2.object else { continue }
                relations[r2.id] = r2
            }
        }
        for id in relations.keys.sorted() { if let r = relations[id] { out.add(r) } }
        return out
    }

    private func newID(_ id: String, in graph: KnowledgeGraph, _ rename: [String: [EntityType: String]]) -> String? {
        guard let type = graph.entities[id]?.type else { return nil }
        return rename[id]?[type]
    }

    /// "Danial Akhmetov" and "Daniyal Akhmetov", "D. Akhmetov": surnames vary, first names agree.
    func fullNamesMatch(_ a: String, _ b: String) -> Bool {
        let wa = a.split(separator: " ").map(String.init)
        let wb = b.split(separator: " ").map(String.init)
        guard wa.count >= 2, wb.count >= 2, let la = wa.last, let lb = wb.last, let fa = wa.first, let fb = wb.first,
              wordsVary(la, lb) else { return false }
        if fa.count == 1 || fb.count == 1 { return fa.first == fb.first }
        return wordsVary(fa, fb)
    }

    /// Whole names of at least eight letters and as many words, word by word variants.
    func namesVary(_ a: String, _ b: String) -> Bool {
        let wa = a.split(separator: " ").map(String.init)
        let wb = b.split(separator: " ").map(String.init)
        guard wa.count == wb.count, a.unicodeScalars.count >= 8, b.unicodeScalars.count >= 8 else { return false }
        return zip(wa, wb).allSatisfy { wordsVary($0, $1) }
    }

    /// Equal, or the same first two letters and a normalized edit distance within the threshold.
    func wordsVary(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.unicodeScalars.prefix(2).elementsEqual(b.unicodeScalars.prefix(2)) else { return false }
        let longest = max(a.unicodeScalars.count, b.unicodeScalars.count)
        guard longest > 0 else { return false }
        return Double(EntityLinker.editDistance(a, b)) / Double(longest) <= maximumDistance
    }

    /// Levenshtein distance in Unicode scalars.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Two or more letters, all capitals ("CSTO", "KFB", "U.S."): an acronym, shared by one entity only.
    static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for u in name.unicodeScalars where u.properties.isAlphabetic {
            if !u.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// A name folded for comparison: the words of its slug ("Kouyaté" → "kouyate", "U.S." → "u s").
    static func fold(_ name: String) -> String {
        let slug = Identifier.slug(name)
        return slug.hasPrefix("x") && !name.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) ? ""
            : slug.split(separator: "-").joined(separator: " ")
    }

    /// The canonical order of entities: type, label, id, then aliases.
    static func precedes(_ a: Entity, _ b: Entity) -> Bool {
        func less(_ x: String, _ y: String) -> Bool { x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) }
        if a.type != b.type { return a.type < b.type }
        if a.label != b.label { return less(a.label, b.label) }
        if a.id != b.id { return less(a.id, b.id) }
        return a.aliases.lexicographicallyPrecedes(b.aliases, by: less)
    }

    /// A canonical order of documents with one id: the one with more fields, then by its fields.
    static func precedes(_ a: Document, _ b: Document) -> Bool {
        func fields(_ d: Document) -> [String] {
            [d.title ?? "", d.url ?? "", d.date?.description ?? "", d.publication ?? ""]
        }
        let na = fields(a).filter { !$0.isEmpty }.count
        let nb = fields(b).filter { !$0.isEmpty }.count
        if na != nb { return na > nb }
        return fields(a).lexicographicallyPrecedes(fields(b)) { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}

/// Union–find over indices, with path halving.
struct DisjointSets {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ i: Int) -> Int {
        var x = i
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins two sets; the smaller root index becomes the root, so the result is the same in any order.
    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a)
        let rb = find(b)
        if ra == rb { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }
}
