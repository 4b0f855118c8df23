import KGModel

/// Decodes the common shape of entity and relation lines straight from their bytes, without
/// building a ``JSONValue``: the fast path of ``InterchangeStreamReader``.
///
/// It accepts a line only when the line is well-formed and valid (the general path,
/// ``RecordDecoder``, would return a record for it) and is of a shape it knows: one JSON object
/// whose member names are plain ASCII, whose values are strings (escapes other than `\u`),
/// numbers, `true`, `false`, `null` or flat arrays of those. For such a line it returns the
/// record the general path returns, and the names of the members the record does not use with
/// the columns of their names (in member order; the general path warns about exactly these). For every other line — a document,
/// an error of any kind, a `\u` escape, a nested object — it returns nil, and the caller decodes
/// the line with ``RecordDecoder``, which gives the record or the precise error.
struct FastRecordDecoder {
    /// The member names the format knows (any record kind), each with its bit for duplicate checks.
    private enum Field: UInt8 {
        case kind, id, label, type, aliases, subject, relation, object, date, place, share, modality,
             evidence, source, citedSource, offsets, title, url, publication, unknown

        var bit: UInt32 { 1 << UInt32(rawValue) }
    }

    private enum ValueKind: UInt8 { case string, number, null, boolean, array }

    /// One top-level member: where its name and value are in the line.
    private struct Member {
        var field: Field
        var keyStart: Int
        var keyEnd: Int
        var kind: ValueKind
        /// A string's content (without quotes), a number's text, or an array from `[` to `]` inclusive.
        var start: Int
        var end: Int
        /// Whether a string holds a backslash escape.
        var escaped: Bool
    }

    private var members: [Member] = []
    /// Per field (by raw value), the index of its member in ``members``, or -1.
    private var positions: [Int] = Array(repeating: -1, count: 20)
    private var scratch: [UInt8] = []

    init() {
        members.reserveCapacity(16)
        scratch.reserveCapacity(256)
    }

    /// The record on the line and the names of the members it ignores, or nil when the line must
    /// go through the general path.
    ///
    /// - Parameters:
    ///   - b: the line without its line break (not blank).
    ///   - declared: the entity ids declared on earlier lines.
    ///   - unknown: receives each ignored member's name and the column (from 1, in Unicode scalars)
    ///     of its opening quote, in member order, once the line is accepted.
    mutating func decode(_ b: UnsafeBufferPointer<UInt8>, declared: EntityIDTable,
                         unknown: (_ name: String, _ column: Int) -> Void) -> InterchangeRecord? {
        guard scan(b), let kind = member(.kind), kind.kind == .string, !kind.escaped else { return nil }
        if Self.equals(b, kind.start, kind.end, "relation") {
            return relation(b, declared: declared, unknown: unknown).map { .relation($0) }
        }
        if Self.equals(b, kind.start, kind.end, "entity") {
            return entity(b, declared: declared, unknown: unknown).map { .entity($0) }
        }
        return nil
    }

    // MARK: records

    private mutating func relation(_ b: UnsafeBufferPointer<UInt8>, declared: EntityIDTable,
                                   unknown: (_ name: String, _ column: Int) -> Void) -> Relation? {
        let allowed: UInt32 = Field.kind.bit | Field.subject.bit | Field.relation.bit | Field.object.bit | Field.date.bit
            | Field.place.bit | Field.share.bit | Field.modality.bit | Field.evidence.bit | Field.source.bit
            | Field.citedSource.bit | Field.offsets.bit
        guard ignoredMembersAreValid(b, allowed: allowed),
              let subject = reference(b, .subject, declared: declared),
              let kind = relationKind(b),
              let object = reference(b, .object, declared: declared)
        else { return nil }
        var place: String?
        if let m = member(.place), m.kind != .null {
            guard let id = reference(b, .place, declared: declared) else { return nil }
            place = id
        }
        var partialDate: PartialDate?
        if let m = member(.date), m.kind != .null {
            guard m.kind == .string, !m.escaped, let parsed = Self.date(b, m.start, m.end) else { return nil }
            partialDate = parsed
        }
        var share: Double?
        if let m = member(.share), m.kind != .null {
            guard m.kind == .number, let v = Self.number(b, m.start, m.end), (0...100).contains(v) else { return nil }
            share = v
        }
        var modality = Modality.asserted
        guard let modalityName = optionalString(b, .modality) else { return nil }
        if let name = modalityName {
            guard let value = Modality(rawValue: name) else { return nil }
            modality = value
        }
        var offsets: Range<Int>?
        if let m = member(.offsets), m.kind != .null {
            guard m.kind == .array else { return nil }
            var values: [Double] = []
            guard Self.forEachElement(b, m) { kind, start, end, _ in
                guard kind == .number, values.count < 2, let v = Self.number(b, start, end) else { return false }
                values.append(v)
                return true
            }, values.count == 2 else { return nil }
            let a = values[0], z = values[1]
            guard a == a.rounded(), z == z.rounded(), a >= 0, a <= z, z < 1e15 else { return nil }
            offsets = Int(a)..<Int(z)
        }
        guard let sentence = optionalString(b, .evidence), let source = optionalString(b, .source),
              let cited = optionalString(b, .citedSource) else { return nil }
        reportIgnored(b, allowed: allowed, unknown)
        return Relation(subject: subject, kind: kind, object: object, date: partialDate, place: place, share: share,
                        modality: modality,
                        evidence: Evidence(sentence: sentence, source: source, citedSource: cited, offsets: offsets))
    }

    private mutating func entity(_ b: UnsafeBufferPointer<UInt8>, declared: EntityIDTable,
                                 unknown: (_ name: String, _ column: Int) -> Void) -> Entity? {
        let allowed: UInt32 = Field.kind.bit | Field.id.bit | Field.label.bit | Field.type.bit | Field.aliases.bit
        guard ignoredMembersAreValid(b, allowed: allowed),
              let id = requiredString(b, .id), !declared.contains(id),
              let labelValue = optionalString(b, .label),
              let typeName = requiredString(b, .type), let type = EntityType(rawValue: typeName)
        else { return nil }
        let label = labelValue ?? id
        var aliases: [String] = []
        if let m = member(.aliases), m.kind != .null {
            guard m.kind == .array else { return nil }
            var ok = true
            let complete = Self.forEachElement(b, m) { kind, start, end, escaped in
                guard kind == .string, let s = string(b, start, end, escaped) else { ok = false; return false }
                if s != label, !aliases.contains(s) { aliases.append(s) }
                return true
            }
            guard complete, ok else { return nil }
        }
        reportIgnored(b, allowed: allowed, unknown)
        return Entity(id: id, label: label, type: type, aliases: aliases)
    }

    // MARK: fields

    /// The relation kind named by the `relation` member's bytes.
    private func relationKind(_ b: UnsafeBufferPointer<UInt8>) -> RelationKind? {
        guard let m = member(.relation), m.kind == .string, !m.escaped else { return nil }
        if Self.equals(b, m.start, m.end, "member-of") { return .memberOf }
        if Self.equals(b, m.start, m.end, "met-with") { return .metWith }
        if Self.equals(b, m.start, m.end, "holds-share-in") { return .holdsShareIn }
        return nil
    }

    /// ``KGModel/PartialDate/init(iso:)`` of the bytes: `YYYY`, `YYYY-MM`, `--MM-DD`, `YYYY-MM-DD`.
    private static func date(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> PartialDate? {
        func number(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for i in (start + from)..<(start + from + count) {
                let digit = b[i]
                guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
            }
            return value
        }
        let dash = UInt8(ascii: "-")
        switch end - start {
        case 4:
            guard let y = number(0, 4) else { return nil }
            return PartialDate(year: y, month: nil, day: nil)
        case 7 where b[start] == dash && b[start + 1] == dash && b[start + 4] == dash:
            guard let m = number(2, 2), let d = number(5, 2) else { return nil }
            return PartialDate(year: nil, month: m, day: d)
        case 7 where b[start + 4] == dash:
            guard let y = number(0, 4), let m = number(5, 2) else { return nil }
            return PartialDate(year: y, month: m, day: nil)
        case 10 where b[start + 4] == dash && b[start + 7] == dash:
            guard let y = number(0, 4), let m = number(5, 2), let d = number(8, 2) else { return nil }
            return PartialDate(year: y, month: m, day: d)
        default:
            return nil
        }
    }

    private func member(_ field: Field) -> Member? {
        let index = positions[Int(field.rawValue)]
        return index < 0 ? nil : members[index]
    }

    /// A present, non-empty string.
    private mutating func requiredString(_ b: UnsafeBufferPointer<UInt8>, _ field: Field) -> String? {
        guard let m = member(field), m.kind == .string, m.end > m.start else { return nil }
        return string(b, m.start, m.end, m.escaped)
    }

    /// `.some(nil)` when absent or null, `.some(text)` for a string, nil for anything else.
    private mutating func optionalString(_ b: UnsafeBufferPointer<UInt8>, _ field: Field) -> String?? {
        guard let m = member(field), m.kind != .null else { return .some(nil) }
        guard m.kind == .string, let s = string(b, m.start, m.end, m.escaped) else { return nil }
        return .some(s)
    }

    /// A declared entity id (the table's own string).
    private mutating func reference(_ b: UnsafeBufferPointer<UInt8>, _ field: Field, declared: EntityIDTable) -> String? {
        guard let m = member(field), m.kind == .string, m.end > m.start else { return nil }
        guard m.escaped else { return declared.lookup(UnsafeBufferPointer(rebasing: b[m.start..<m.end])) }
        guard let id = string(b, m.start, m.end, true), declared.contains(id) else { return nil }
        return id
    }

    /// The string between `start` and `end` (quotes excluded), unescaped; nil for invalid UTF-8.
    private mutating func string(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ escaped: Bool) -> String? {
        guard escaped else {
            let bytes = UnsafeBufferPointer(rebasing: b[start..<end])
            guard InterchangeReader.firstInvalidUTF8(bytes) == nil else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }
        scratch.removeAll(keepingCapacity: true)
        var i = start
        while i < end {
            let c = b[i]
            guard c == UInt8(ascii: "\\") else {
                scratch.append(c)
                i += 1
                continue
            }
            // The scan admitted only these escapes.
            switch b[i + 1] {
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            default: scratch.append(b[i + 1])
            }
            i += 2
        }
        return scratch.withUnsafeBufferPointer { bytes in
            InterchangeReader.firstInvalidUTF8(bytes) == nil ? String(decoding: bytes, as: UTF8.self) : nil
        }
    }

    /// A number's value, nil when it is not finite (as the general parser).
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { return nil }
        return v
    }

    /// Whether the members a record does not use would pass the general parser: strings of valid
    /// UTF-8, finite numbers (their names are ASCII, checked by the scan).
    private func ignoredMembersAreValid(_ b: UnsafeBufferPointer<UInt8>, allowed: UInt32) -> Bool {
        for m in members where m.field == .unknown || allowed & m.field.bit == 0 {
            if !Self.valueIsValid(b, m.kind, m.start, m.end) { return false }
            if m.kind == .array {
                let complete = Self.forEachElement(b, m) { kind, start, end, _ in Self.valueIsValid(b, kind, start, end) }
                if !complete { return false }
            }
        }
        return true
    }

    private static func valueIsValid(_ b: UnsafeBufferPointer<UInt8>, _ kind: ValueKind, _ start: Int, _ end: Int) -> Bool {
        switch kind {
        case .string: return InterchangeReader.firstInvalidUTF8(UnsafeBufferPointer(rebasing: b[start..<end])) == nil
        case .number: return number(b, start, end) != nil
        case .null, .boolean, .array: return true
        }
    }

    private func reportIgnored(_ b: UnsafeBufferPointer<UInt8>, allowed: UInt32, _ unknown: (_ name: String, _ column: Int) -> Void) {
        // Columns counted on from the previous ignored member, so a line costs one pass.
        var column = 1, counted = 0
        for m in members where m.field == .unknown || allowed & m.field.bit == 0 {
            let quote = m.keyStart - 1
            for k in counted..<quote where b[k] & 0xC0 != 0x80 { column += 1 }
            counted = quote
            unknown(String(decoding: UnsafeBufferPointer(rebasing: b[m.keyStart..<m.keyEnd]), as: UTF8.self), column)
        }
    }

    /// Calls `body` with each element of an array member (already scanned, so well-formed and flat)
    /// until it returns false; returns whether every call returned true.
    private static func forEachElement(_ b: UnsafeBufferPointer<UInt8>, _ m: Member,
                                       _ body: (ValueKind, Int, Int, Bool) -> Bool) -> Bool {
        var i = m.start + 1
        let end = m.end - 1
        while true {
            skipSpace(b, &i, end)
            if i >= end { return true }
            guard let (kind, start, stop, escaped) = scanScalar(b, &i, end), body(kind, start, stop, escaped) else { return false }
            skipSpace(b, &i, end)
            if i < end, b[i] == UInt8(ascii: ",") { i += 1 }
        }
    }

    // MARK: scanning

    /// Records the top-level members of the line; false when the line is not a JSON object of the
    /// shape described above, or has a repeated member name.
    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for m in members { positions[Int(m.field.rawValue)] = -1 }
        members.removeAll(keepingCapacity: true)
        let n = b.count
        var i = 0
        var seen: UInt32 = 0
        Self.skipSpace(b, &i, n)
        guard i < n, b[i] == UInt8(ascii: "{") else { return false }
        i += 1
        Self.skipSpace(b, &i, n)
        guard i < n, b[i] == UInt8(ascii: "\"") else { return false }
        while true {
            guard i < n, b[i] == UInt8(ascii: "\"") else { return false }
            i += 1
            let keyStart = i
            while i < n, b[i] != UInt8(ascii: "\"") {
                let c = b[i]
                guard c >= 0x20, c < 0x7F, c != UInt8(ascii: "\\") else { return false }
                i += 1
            }
            guard i < n else { return false }
            let keyEnd = i
            i += 1
            let field = Self.field(b, keyStart, keyEnd)
            if field == .unknown {
                for m in members where m.field == .unknown && m.keyEnd - m.keyStart == keyEnd - keyStart {
                    if Self.bytesEqual(b, m.keyStart, keyStart, keyEnd - keyStart) { return false }
                }
            } else {
                guard seen & field.bit == 0 else { return false }
                seen |= field.bit
            }
            Self.skipSpace(b, &i, n)
            guard i < n, b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            Self.skipSpace(b, &i, n)
            guard i < n else { return false }
            let member: Member
            if b[i] == UInt8(ascii: "[") {
                let start = i
                i += 1
                Self.skipSpace(b, &i, n)
                if i < n, b[i] == UInt8(ascii: "]") {
                    i += 1
                } else {
                    while true {
                        guard Self.scanScalar(b, &i, n) != nil else { return false }
                        Self.skipSpace(b, &i, n)
                        guard i < n else { return false }
                        if b[i] == UInt8(ascii: "]") { i += 1; break }
                        guard b[i] == UInt8(ascii: ",") else { return false }
                        i += 1
                        Self.skipSpace(b, &i, n)
                    }
                }
                member = Member(field: field, keyStart: keyStart, keyEnd: keyEnd, kind: .array, start: start, end: i, escaped: false)
            } else {
                guard let (kind, start, end, escaped) = Self.scanScalar(b, &i, n) else { return false }
                member = Member(field: field, keyStart: keyStart, keyEnd: keyEnd, kind: kind, start: start, end: end, escaped: escaped)
            }
            if field != .unknown { positions[Int(field.rawValue)] = members.count }
            members.append(member)
            Self.skipSpace(b, &i, n)
            guard i < n else { return false }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                Self.skipSpace(b, &i, n)
                continue
            }
            guard b[i] == UInt8(ascii: "}") else { return false }
            i += 1
            break
        }
        Self.skipSpace(b, &i, n)
        return i == n
    }

    /// Scans a string, number or literal at `i` (not past `n`); returns its kind and range (a
    /// string's without quotes) and whether a string holds escapes, or nil for anything else.
    private static func scanScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) -> (ValueKind, Int, Int, Bool)? {
        guard i < n else { return nil }
        switch b[i] {
        case UInt8(ascii: "\""):
            i += 1
            let start = i
            var escaped = false
            while i < n {
                // Eight bytes at a time while none is a quote, a backslash or below 0x20.
                if i + 8 <= n, let base = b.baseAddress {
                    let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
                    let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
                    let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                        | ((word &- ones &* 0x20) & ~word)
                    if special & high == 0 {
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    i += 1
                    return (.string, start, i - 1, escaped)
                }
                if c < 0x20 { return nil }
                if c == UInt8(ascii: "\\") {
                    guard i + 1 < n else { return nil }
                    switch b[i + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                         UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        escaped = true
                        i += 2
                        continue
                    default:
                        return nil
                    }
                }
                i += 1
            }
            return nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = i
            if b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < n else { return nil }
            if b[i] == UInt8(ascii: "0") {
                i += 1
            } else if digits(b, &i, n) == 0 {
                return nil
            }
            if i < n, b[i] == UInt8(ascii: ".") {
                i += 1
                guard digits(b, &i, n) > 0 else { return nil }
            }
            if i < n, b[i] | 0x20 == UInt8(ascii: "e") {
                i += 1
                if i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard digits(b, &i, n) > 0 else { return nil }
            }
            return (.number, start, i, false)
        case UInt8(ascii: "t"):
            guard literal(b, &i, n, "true") else { return nil }
            return (.boolean, i - 4, i, false)
        case UInt8(ascii: "f"):
            guard literal(b, &i, n, "false") else { return nil }
            return (.boolean, i - 5, i, false)
        case UInt8(ascii: "n"):
            guard literal(b, &i, n, "null") else { return nil }
            return (.null, i - 4, i, false)
        default:
            return nil
        }
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) -> Int {
        let start = i
        while i < n, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") { i += 1 }
        return i - start
    }

    private static func literal(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard i + count <= n else { return false }
        for k in 0..<count where b[i + k] != word.utf8Start[k] { return false }
        i += count
        return true
    }

    private static func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int) {
        while i < n {
            switch b[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private static func bytesEqual(_ b: UnsafeBufferPointer<UInt8>, _ x: Int, _ y: Int, _ count: Int) -> Bool {
        for k in 0..<count where b[x + k] != b[y + k] { return false }
        return true
    }

    private static func equals(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard end - start == count else { return false }
        for k in 0..<count where b[start + k] != word.utf8Start[k] { return false }
        return true
    }

    private static func field(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Field {
        func is_(_ word: StaticString) -> Bool { equals(b, start, end, word) }
        switch end - start {
        case 2: if is_("id") { return .id }
        case 3: if is_("url") { return .url }
        case 4:
            if is_("kind") { return .kind }
            if is_("type") { return .type }
            if is_("date") { return .date }
        case 5:
            if is_("label") { return .label }
            if is_("place") { return .place }
            if is_("share") { return .share }
            if is_("title") { return .title }
        case 6:
            if is_("object") { return .object }
            if is_("source") { return .source }
        case 7:
            if is_("subject") { return .subject }
            if is_("aliases") { return .aliases }
            if is_("offsets") { return .offsets }
        case 8:
            if is_("relation") { return .relation }
            if is_("modality") { return .modality }
            if is_("evidence") { return .evidence }
        case 11:
            if is_("citedSource") { return .citedSource }
            if is_("publication") { return .publication }
        default: break
        }
        return .unknown
    }
}
