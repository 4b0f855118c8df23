import KGModel

/// Decodes one line of an interchange file into a record, with every check and message the format
/// documents (``InterchangeReader``): the general path, through ``JSONParser`` and ``JSONValue``.
///
/// It knows nothing of the lines around it: whether an entity id is already declared is asked
/// of `isDeclared`, and warnings (unknown fields, in member order) are handed to `warn`.
struct RecordDecoder {
    /// The name used in messages.
    let file: String
    /// The line's number, from 1.
    let line: Int
    /// Whether an entity with this id was declared on an earlier line.
    let isDeclared: (String) -> Bool
    /// Receives the line's warnings.
    let warn: (InterchangeWarning) -> Void

    static let entityFields: Set<String> = ["kind", "id", "label", "type", "aliases"]
    static let relationFields: Set<String> = ["kind", "subject", "relation", "object", "date", "place", "share",
                                              "modality", "evidence", "source", "citedSource", "offsets"]
    static let documentFields: Set<String> = ["kind", "id", "title", "url", "date", "publication"]

    /// Whether the line holds only spaces and tabs (such lines are skipped).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The record on the line (without its line break), or nil for a blank line.
    /// - Throws: ``InterchangeError`` for the first problem, located by line and column: of the
    ///   offending byte for malformed JSON, of the field's value for a bad field (of the object's
    ///   `{` for a missing one).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> InterchangeRecord? {
        if Self.isBlank(bytes) { return nil }
        if let bad = InterchangeReader.firstInvalidUTF8(bytes) {
            throw fail(column: Self.column(ofByte: bad, in: bytes), LineChecks.invalidUTF8(byteOffset: bad) + "; save the file as UTF-8")
        }
        let parsed: (value: JSONValue, positions: JSONPositions)
        do {
            parsed = try JSONParser.parseWithPositions(bytes)
        } catch {
            if let cr = LineChecks.crOnlyLineEnd(bytes) {
                throw fail(column: Self.column(ofByte: cr, in: bytes), LineChecks.crOnlyLineEnds)
            }
            throw fail(column: Self.column(ofByte: error.offset, in: bytes), "malformed JSON: \(error.message)")
        }
        let r = Line(bytes: bytes, value: parsed.value, positions: parsed.positions)
        guard case .object = r.value else {
            throw fail(column: r.column(ofByte: r.positions.start), "expected a JSON object ({…}) on each line, found \(r.value.summary)")
        }
        guard let kind = r["kind"] else {
            throw fail(r, "kind", "missing; use \"entity\", \"relation\" or \"document\"")
        }
        switch kind {
        case .string("entity"): return .entity(try entity(r))
        case .string("relation"): return .relation(try relation(r))
        case .string("document"): return .document(try document(r))
        default: throw fail(r, "kind", "unknown value \(kind.summary); use \"entity\", \"relation\" or \"document\"")
        }
    }

    /// Column (from 1, in Unicode scalars) of the value of the top-level member `field` of the
    /// JSON object on the line (of the object's `{` when it has no such member), or nil when the
    /// line is not a well-formed JSON object.
    static func column(ofField field: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let parsed = try? JSONParser.parseWithPositions(bytes), case .object = parsed.value else { return nil }
        return Line(bytes: bytes, value: parsed.value, positions: parsed.positions).column(ofValue: field)
    }

    // MARK: records

    private func entity(_ r: Line) throws(InterchangeError) -> Entity {
        warnUnknown(r, allowed: Self.entityFields)
        let id = try requiredString(r, "id")
        if isDeclared(id) {
            throw fail(r, "id", "duplicate entity id \(JSONValue.quoted(id)); declare each entity once and put its other names in \"aliases\"")
        }
        let label = try optionalString(r, "label") ?? id
        let typeName = try requiredString(r, "type")
        guard let type = EntityType(rawValue: typeName) else {
            let allowed = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(r, "type", "unknown type \(JSONValue.quoted(typeName)); allowed: \(allowed)")
        }
        var aliases: [String] = []
        switch r["aliases"] {
        case nil, .null?: break
        case let .array(items)?:
            for item in items {
                guard case let .string(s) = item else {
                    throw fail(r, "aliases", "expected an array of strings, found an element that is \(item.summary)")
                }
                if s != label, !aliases.contains(s) { aliases.append(s) }
            }
        case let other?:
            throw fail(r, "aliases", "expected an array of strings, found \(other.summary)")
        }
        return Entity(id: id, label: label, type: type, aliases: aliases)
    }

    private func relation(_ r: Line) throws(InterchangeError) -> Relation {
        warnUnknown(r, allowed: Self.relationFields)
        let subject = try entityReference(r, "subject")
        let kindName = try requiredString(r, "relation")
        guard let kind = RelationKind(rawValue: kindName) else {
            let allowed = RelationKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail(r, "relation", "unknown relation \(JSONValue.quoted(kindName)); allowed: \(allowed)")
        }
        let object = try entityReference(r, "object")
        let place = try optionalString(r, "place") == nil ? nil : try entityReference(r, "place")
        let date = try optionalDate(r, "date")
        var share: Double?
        switch r["share"] {
        case nil, .null?: break
        case let .number(v, text)?:
            guard (0...100).contains(v) else {
                throw fail(r, "share", "\(JSONValue.abbreviated(text)) is outside 0 to 100; give the share in percent")
            }
            share = v
        case let other?:
            throw fail(r, "share", "expected a number (percent, 0 to 100), found \(other.summary)")
        }
        var modality = Modality.asserted
        if let m = try optionalString(r, "modality") {
            guard let value = Modality(rawValue: m) else {
                let allowed = Modality.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail(r, "modality", "unknown modality \(JSONValue.quoted(m)); allowed: \(allowed)")
            }
            modality = value
        }
        var offsets: Range<Int>?
        switch r["offsets"] {
        case nil, .null?: break
        case let .array(items)? where items.count == 2:
            guard case let .number(a, _) = items[0], case let .number(b, _) = items[1],
                  a == a.rounded(), b == b.rounded(), a >= 0, a <= b, b < 1e15 else {
                throw fail(r, "offsets", "expected [start, end]: two whole numbers with 0 <= start <= end")
            }
            offsets = Int(a)..<Int(b)
        case let other?:
            throw fail(r, "offsets", "expected [start, end], found \(other.summary)")
        }
        let evidence = Evidence(sentence: try optionalString(r, "evidence"), source: try optionalString(r, "source"),
                                citedSource: try optionalString(r, "citedSource"), offsets: offsets)
        return Relation(subject: subject, kind: kind, object: object, date: date, place: place, share: share,
                        modality: modality, evidence: evidence)
    }

    private func document(_ r: Line) throws(InterchangeError) -> Document {
        warnUnknown(r, allowed: Self.documentFields)
        let id = try requiredString(r, "id")
        return Document(id: id, title: try optionalString(r, "title"), url: try optionalString(r, "url"),
                        date: try optionalDate(r, "date"), publication: try optionalString(r, "publication"))
    }

    // MARK: fields

    private func requiredString(_ r: Line, _ field: String) throws(InterchangeError) -> String {
        switch r[field] {
        case nil, .null?: throw fail(r, field, "missing; it is required")
        case let .string(s)?:
            guard !s.isEmpty else { throw fail(r, field, "is empty; give a value") }
            return s
        case let other?: throw fail(r, field, "expected a string, found \(other.summary)")
        }
    }

    private func optionalString(_ r: Line, _ field: String) throws(InterchangeError) -> String? {
        switch r[field] {
        case nil, .null?: return nil
        case let .string(s)?: return s
        case let other?: throw fail(r, field, "expected a string, found \(other.summary)")
        }
    }

    private func optionalDate(_ r: Line, _ field: String) throws(InterchangeError) -> PartialDate? {
        guard let text = try optionalString(r, field) else { return nil }
        guard let date = PartialDate(iso: text) else {
            throw fail(r, field, "\(JSONValue.quoted(text)) is not a valid date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (a real calendar day)")
        }
        return date
    }

    private func entityReference(_ r: Line, _ field: String) throws(InterchangeError) -> String {
        let id = try requiredString(r, field)
        guard isDeclared(id) else {
            throw fail(r, field, "names entity \(JSONValue.quoted(id)), which no earlier line declares; add an entity line for it before this line")
        }
        return id
    }

    private func warnUnknown(_ r: Line, allowed: Set<String>) {
        guard case let .object(members) = r.value else { return }
        for (index, (key, _)) in members.enumerated() where !allowed.contains(key) {
            warn(.unknownField(file: file, line: line, column: r.column(ofByte: r.positions.names[index]), name: key))
        }
    }

    private func fail(column: Int, _ message: String) -> InterchangeError {
        InterchangeError(file: file, line: line, column: column, message: message)
    }

    /// An error about `field`, at the column of its value.
    private func fail(_ r: Line, _ field: String, _ message: String) -> InterchangeError {
        InterchangeError(file: file, line: line, column: r.column(ofValue: field), field: field, message: message)
    }

    /// Column (from 1, in Unicode scalars) of a byte offset in a line.
    static func column(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        JSONPositions.column(ofByte: offset, in: bytes)
    }

    /// A parsed line: its bytes, its value and where its members are.
    struct Line {
        let bytes: UnsafeBufferPointer<UInt8>
        let value: JSONValue
        let positions: JSONPositions

        /// The top-level member named `key`; nil for a missing member.
        subscript(key: String) -> JSONValue? { value[key] }

        func column(ofByte offset: Int) -> Int { RecordDecoder.column(ofByte: offset, in: bytes) }

        /// Column of the value of the top-level member `key`, or of the object's `{` when there
        /// is no such member.
        func column(ofValue key: String) -> Int {
            guard case let .object(members) = value, let index = members.firstIndex(where: { $0.0 == key }) else {
                return column(ofByte: positions.start)
            }
            return column(ofByte: positions.values[index])
        }
    }
}
