import Foundation
import KGModel

/// Reads the kgexport interchange format: JSON Lines (one JSON object per line; RFC 8259, jsonlines.org).
///
/// Records, told apart by `kind`:
/// - `{"kind":"document","id":"a.txt","title":…,"url":…,"date":"2008-09","publication":…}` (optional)
/// - `{"kind":"entity","id":"kazakhstan","label":"Kazakhstan","type":"Country","aliases":["Kazakh"]}`
/// - `{"kind":"relation","subject":"akhmetov","relation":"met-with","object":"bisonero","date":"2008-09",
///   "place":"astana","share":null,"modality":"asserted","evidence":"…","source":"a.txt",
///   "citedSource":"Liter, September 6","offsets":[1234,1320]}`
///
/// Entities come before the relations that name them. `type` is an ontology class name
/// (``EntityType``); `relation` is `member-of`, `met-with` or `holds-share-in`; `share` is a
/// number, percent, 0...100; `date` is `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD`; `modality` is
/// `asserted` (default), `planned` or `negated`; `offsets` are two code-point positions, start ≤
/// end. Optional fields may be absent or `null`; `label` defaults to `id`. Blank lines are
/// skipped; a byte-order mark at the start and CRLF line ends are accepted. Unknown fields are
/// ignored and reported as ``warnings``.
///
/// - Throws: ``InterchangeError`` for the first bad line (malformed JSON with its column, a missing
///   or mistyped field, an unknown type or relation listing the allowed ones, a duplicate entity
///   id, a relation naming an entity not declared before it, an impossible date, a share outside
///   0...100). The caller then writes nothing.
public struct InterchangeReader {
    /// The name used in messages (the file path as the user gave it).
    public let file: String
    /// Problems that did not stop reading, in line order.
    public private(set) var warnings: [InterchangeWarning] = []
    /// The graph read so far.
    public private(set) var graph = KnowledgeGraph()
    private var lineNumber = 0

    public init(file: String) {
        self.file = file
    }

    /// Reads a whole file.
    /// - Throws: ``InterchangeError`` (line 0 when the file cannot be read at all).
    public static func read(contentsOf url: URL, name: String? = nil) throws(InterchangeError) -> (graph: KnowledgeGraph, warnings: [InterchangeWarning]) {
        let display = name ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InterchangeError(file: display, line: 0, message: "cannot read the file (\(error.localizedDescription)); check the path and permissions")
        }
        var reader = InterchangeReader(file: display)
        try reader.consume([UInt8](data))
        return (reader.graph, reader.warnings)
    }

    /// Reads every line of `bytes` (UTF-8).
    /// - Throws: ``InterchangeError``.
    public mutating func consume(_ bytes: [UInt8]) throws(InterchangeError) {
        var start = 0
        let end = bytes.count
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < end {
            var nl = start
            while nl < end, bytes[nl] != 0x0A { nl += 1 }
            var lineEnd = nl
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            try consumeLine(bytes[start..<lineEnd])
            start = nl + 1
        }
    }

    /// Reads one line, without its line break.
    /// - Throws: ``InterchangeError``.
    public mutating func consumeLine(_ line: ArraySlice<UInt8>) throws(InterchangeError) {
        lineNumber += 1
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        let bytes = Array(line)
        if let bad = Self.firstInvalidUTF8(bytes) {
            throw fail(column: column(ofByte: bad, in: bytes), "invalid UTF-8 (byte offset \(bad) in the line); save the file as UTF-8")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw fail(column: column(ofByte: error.offset, in: bytes), "malformed JSON: \(error.message)")
        }
        guard case .object = value else {
            throw fail(column: 1, "expected a JSON object ({…}) on each line, found \(value.summary)")
        }
        guard let kind = value["kind"] else {
            throw fail(field: "kind", "missing; use \"entity\", \"relation\" or \"document\"")
        }
        switch kind {
        case .string("entity"): try readEntity(value)
        case .string("relation"): try readRelation(value)
        case .string("document"): try readDocument(value)
        default: throw fail(field: "kind", "unknown value \(kind.summary); use \"entity\", \"relation\" or \"document\"")
        }
    }

    // MARK: records

    private static let entityFields: Set<String> = ["kind", "id", "label", "type", "aliases"]
    private static let relationFields: Set<String> = ["kind", "subject", "relation", "object", "date", "place", "share",
                                                      "modality", "evidence", "source", "citedSource", "offsets"]
    private static let documentFields: Set<String> = ["kind", "id", "title", "url", "date", "publication"]

    private mutating func readEntity(_ r: JSONValue) throws(InterchangeError) {
        warnUnknown(r, allowed: Self.entityFields)
        let id = try requiredString(r, "id")
        if graph.entities[id] != nil {
            throw fail(field: "id", "duplicate entity id \"\(id)\"; declare each entity once and put its other names in \"aliases\"")
        }
        let label = try optionalString(r, "label") ?? id
        let typeName = try requiredString(r, "type")
        guard let type = EntityType(rawValue: typeName) else {
            let allowed = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(field: "type", "unknown type \"\(typeName)\"; allowed: \(allowed)")
        }
        var aliases: [String] = []
        switch r["aliases"] {
        case nil, .null?: break
        case let .array(items)?:
            for item in items {
                guard case let .string(s) = item else {
                    throw fail(field: "aliases", "expected an array of strings, found an element that is \(item.summary)")
                }
                if s != label, !aliases.contains(s) { aliases.append(s) }
            }
        case let other?:
            throw fail(field: "aliases", "expected an array of strings, found \(other.summary)")
        }
        graph.add(Entity(id: id, label: label, type: type, aliases: aliases))
    }

    private mutating func readRelation(_ r: JSONValue) throws(InterchangeError) {
        warnUnknown(r, allowed: Self.relationFields)
        let subject = try entityReference(r, "subject")
        let kindName = try requiredString(r, "relation")
        guard let kind = RelationKind(rawValue: kindName) else {
            let allowed = RelationKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(field: "relation", "unknown relation \"\(kindName)\"; allowed: \(allowed)")
        }
        let object = try entityReference(r, "object")
        let place = try optionalString(r, "place") == nil ? nil : try entityReference(r, "place")
        let date = try optionalDate(r, "date")
        var share: Double?
        switch r["share"] {
        case nil, .null?: break
        case let .number(v, text)?:
            guard (0...100).contains(v) else {
                throw fail(field: "share", "\(text) is outside 0 to 100; give the share in percent")
            }
            share = v
        case let other?:
            throw fail(field: "share", "expected a number (percent, 0 to 100), found \(other.summary)")
        }
        var modality = Modality.asserted
        if let m = try optionalString(r, "modality") {
            guard let value = Modality(rawValue: m) else {
                let allowed = Modality.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(field: "modality", "unknown modality \"\(m)\"; allowed: \(allowed)")
            }
            modality = value
        }
        var offsets: Range<Int>?
        switch r["offsets"] {
        case nil, .null?: break
        case let .array(items)? where items.count == 2:
            guard case let .number(a, _) = items[0], case let .number(b, _) = items[1],
                  a == a.rounded(), b == b.rounded(), a >= 0, a <= b, b < 1e15 else {
                throw fail(field: "offsets", "expected [start, end]: two whole numbers with 0 <= start <= end")
            }
            offsets = Int(a)..<Int(b)
        case let other?:
            throw fail(field: "offsets", "expected [start, end], found \(other.summary)")
        }
        let evidence = Evidence(sentence: try optionalString(r, "evidence"), source: try optionalString(r, "source"),
                                citedSource: try optionalString(r, "citedSource"), offsets: offsets)
        graph.add(Relation(subject: subject, kind: kind, object: object, date: date, place: place, share: share,
                           modality: modality, evidence: evidence))
    }

    private mutating func readDocument(_ r: JSONValue) throws(InterchangeError) {
        warnUnknown(r, allowed: Self.documentFields)
        let id = try requiredString(r, "id")
        graph.add(Document(id: id, title: try optionalString(r, "title"), url: try optionalString(r, "url"),
                           date: try optionalDate(r, "date"), publication: try optionalString(r, "publication")))
    }

    // MARK: fields

    private func requiredString(_ r: JSONValue, _ field: String) throws(InterchangeError) -> String {
        switch r[field] {
        case nil, .null?: throw fail(field: field, "missing; it is required")
        case let .string(s)?:
            guard !s.isEmpty else { throw fail(field: field, "is empty; give a value") }
            return s
        case let other?: throw fail(field: field, "expected a string, found \(other.summary)")
        }
    }

    private func optionalString(_ r: JSONValue, _ field: String) throws(InterchangeError) -> String? {
        switch r[field] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        case let other?: throw fail(field: field, "expected a string, found \(other.summary)")
        }
    }

    private func optionalDate(_ r: JSONValue, _ field: String) throws(InterchangeError) -> PartialDate? {
        guard let text = try optionalString(r, field) else { return nil }
        guard let date = PartialDate(iso: text) else {
            throw fail(field: field, "\"\(text)\" is not a valid date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (a real calendar day)")
        }
        return date
    }

    private func entityReference(_ r: JSONValue, _ field: String) throws(InterchangeError) -> String {
        let id = try requiredString(r, field)
        guard graph.entities[id] != nil else {
            throw fail(field: field, "names entity \"\(id)\", which no earlier line declares; add an entity line for it before this line")
        }
        return id
    }

    private mutating func warnUnknown(_ r: JSONValue, allowed: Set<String>) {
        guard case let .object(members) = r else { return }
        for (key, _) in members where !allowed.contains(key) {
            warnings.append(InterchangeError(file: file, line: lineNumber, field: key, message: "unknown field, ignored"))
        }
    }

    private func fail(column: Int? = nil, field: String? = nil, _ message: String) -> InterchangeError {
        InterchangeError(file: file, line: lineNumber, column: column, field: field, message: message)
    }

    /// Column (from 1, in Unicode scalars) of a byte offset in a line.
    private func column(ofByte offset: Int, in bytes: [UInt8]) -> Int {
        var column = 1
        for b in bytes.prefix(offset) where b & 0xC0 != 0x80 { column += 1 }
        return column
    }

    /// Byte offset of the first byte that is not part of well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let (len, lo, hi): (Int, UInt8, UInt8) = switch b {
            case 0xC2...0xDF: (2, 0x80, 0xBF)
            case 0xE0: (3, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
            case 0xED: (3, 0x80, 0x9F)
            case 0xF0: (4, 0x90, 0xBF)
            case 0xF1...0xF3: (4, 0x80, 0xBF)
            case 0xF4: (4, 0x80, 0x8F)
            default: (0, 0, 0)
            }
            if len == 0 || i + len > bytes.count { return i }
            if !(lo...hi).contains(bytes[i + 1]) { return i }
            for k in 2..<max(2, len) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += len
        }
        return nil
    }
}
