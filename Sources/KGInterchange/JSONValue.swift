/// A JSON value (RFC 8259 §3), as read from one line of an interchange file.
///
/// Objects keep their members in file order; a repeated member name is a syntax error.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// The number's value and its text as written (so `25.01` is not re-rounded).
    case number(Double, String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x, _), .number(y, _)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case let .bool(v): h.combine(v)
        case let .number(v, _): h.combine(v)
        case let .string(v): h.combine(v)
        case let .array(v): h.combine(v)
        case let .object(v): for (k, x) in v { h.combine(k); h.combine(x) }
        }
    }

    /// The member named `key` of an object; nil for other values or a missing member.
    public subscript(key: String) -> JSONValue? {
        guard case let .object(members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// A short description for error messages: `the string "50%"`, `the number 7`, `an array`.
    public var summary: String {
        switch self {
        case .null: return "null"
        case let .bool(v): return "the boolean \(v)"
        case let .number(_, text): return "the number \(Self.abbreviated(text))"
        case let .string(s): return "the string \(Self.quoted(s))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The longest value, in characters, that messages repeat in full.
    public static let longestShownValue = 40

    /// `text`, or its first 40 characters and `…` when it is longer: a message repeats a value
    /// so that it can be recognised, not the whole of a 5,000-digit number or a long string.
    public static func abbreviated(_ text: String) -> String {
        // utf8.count first: O(1) for native strings, and never shorter than the character count.
        guard text.utf8.count > longestShownValue, text.count > longestShownValue else { return text }
        return String(text.prefix(longestShownValue)) + "…"
    }

    /// `text` in double quotes, abbreviated as ``abbreviated(_:)``: `"Kazakhstan"`.
    public static func quoted(_ text: String) -> String {
        "\"" + abbreviated(text) + "\""
    }
}

/// A JSON syntax error at a byte offset of the parsed text.
public struct JSONSyntaxError: Error, Sendable, Hashable {
    /// Byte offset (UTF-8) from the start of the parsed text, from 0.
    public let offset: Int
    public let message: String
}

/// Where a parsed value and, when it is an object, each of its members begin in the parsed text,
/// so that a message about a field can give its column.
///
/// Offsets are UTF-8 byte offsets from the start of the parsed text, from 0: of the value's first
/// byte (after leading white space), of each top-level member's name (its opening quote) and of
/// its value's first byte (a string's opening quote), in member order. Nested values have no entry.
public struct JSONPositions: Sendable, Hashable {
    /// The first byte of the value (`{` for an object).
    public var start: Int = 0
    /// Per top-level member, in member order: the opening quote of its name.
    public var names: [Int] = []
    /// Per top-level member, in member order: the first byte of its value.
    public var values: [Int] = []

    public init() {}

    /// The column (from 1, in Unicode scalars) of the byte at `offset` of the UTF-8 text `bytes`.
    public static func column(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var column = 1
        for b in bytes.prefix(offset) where b & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

/// A strict RFC 8259 parser over UTF-8 bytes: no trailing commas, no comments, no NaN, no
/// unescaped control characters in strings, unpaired surrogate escapes rejected, duplicate
/// member names rejected. Errors carry the byte offset so callers can report a column.
public struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    /// Filled only when the caller asks for positions.
    private var positions: JSONPositions?
    /// Deepest nesting accepted (arrays and objects), to bound recursion.
    public static let maximumDepth = 64

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parses exactly one JSON value, with optional surrounding white space.
    /// - Throws: ``JSONSyntaxError``.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var p = JSONParser(bytes)
        return try p.document()
    }

    /// Parses exactly one JSON value, as `parse(_:)`, and says where
    /// it and its top-level members begin.
    /// - Throws: ``JSONSyntaxError``.
    public static func parseWithPositions(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> (value: JSONValue, positions: JSONPositions) {
        var p = JSONParser(bytes)
        p.positions = JSONPositions()
        let v = try p.document()
        return (v, p.positions ?? JSONPositions())
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        skipSpace()
        positions?.start = i
        let v = try value()
        skipSpace()
        if i < bytes.count { throw error("unexpected text after the end of the value") }
        return v
    }

    /// Parses the UTF-8 bytes of `text`.
    public static func parse(_ text: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        do {
            return try text.withUnsafeBufferPointer { buffer in try parse(buffer) }
        } catch let e as JSONSyntaxError {
            throw e
        } catch {
            throw JSONSyntaxError(offset: 0, message: "\(error)")
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(offset: offset ?? i, message: message)
    }

    private mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    private mutating func value() throws(JSONSyntaxError) -> JSONValue {
        guard i < bytes.count else { throw error("unexpected end of line; the value is incomplete") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character \(describeByte(bytes[i])); expected a value")
        }
    }

    private func describeByte(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? "'\(Character(Unicode.Scalar(b)))'" : "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let start = i
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for b in w {
            guard i < bytes.count, bytes[i] == b else { throw error("invalid literal; expected \(word)", at: start) }
            i += 1
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        i += 1
        var members: [(String, JSONValue)] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of line inside an object; is the line truncated?") }
            guard bytes[i] == UInt8(ascii: "\"") else { throw error("expected a member name in double quotes") }
            let keyStart = i
            let key = try string()
            if members.contains(where: { $0.0 == key }) { throw error("duplicate member name \(JSONValue.quoted(key))", at: keyStart) }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the member name") }
            i += 1
            skipSpace()
            if depth == 1, positions != nil {
                positions?.names.append(keyStart)
                positions?.values.append(i)
            }
            members.append((key, try value()))
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of line inside an object; is the line truncated?") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth) levels") }
        defer { depth -= 1 }
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < bytes.count else { throw error("unexpected end of line inside an array; is the line truncated?") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONValue {
        let start = i
        func digits(_ p: inout JSONParser) -> Int {
            var n = 0
            while p.i < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.i]) { p.i += 1; n += 1 }
            return n
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { throw error("a number needs digits after '-'") }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits(&self) == 0 {
            throw error("a number needs digits")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits(&self) == 0 { throw error("a number needs digits after '.'") }
        }
        if i < bytes.count, bytes[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else {
            throw error("number \(JSONValue.abbreviated(text)) is out of range", at: start)
        }
        return .number(v, text)
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        let open = i
        i += 1
        var out: [UInt8] = []
        var runStart = i
        while true {
            guard i < bytes.count else { throw error("unterminated string (started at byte \(open)); is the line truncated?", at: open) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i += 1
                break
            }
            if b < 0x20 { throw error("control character \(describeByte(b)) in a string; write it as an escape such as \\n or \\u0007") }
            if b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                i += 1
                guard i < bytes.count else { throw error("unterminated escape") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800...0xDBFF).contains(code) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error("unpaired surrogate escape \\u\(String(code, radix: 16, uppercase: true))", at: i - 6)
                        }
                        i += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate escape", at: i - 12) }
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(code) {
                        throw error("unpaired surrogate escape \\u\(String(code, radix: 16, uppercase: true))", at: i - 6)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw error("invalid \\u escape", at: i - 6) }
                    out.append(contentsOf: String(scalar).utf8)
                default:
                    throw error("invalid escape \\\(Character(Unicode.Scalar(e))); allowed: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX", at: i - 2)
                }
                runStart = i
                continue
            }
            i += 1
        }
        guard let s = String(validating: out, as: UTF8.self) else {
            // Escapes give whole scalars, so the bad byte is one written as it is: at the byte.
            let raw = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(i - 1)])
            let bad = InterchangeReader.firstInvalidUTF8(raw).map { open + 1 + $0 } ?? open
            throw error("invalid UTF-8 in a string (byte offset \(bad))", at: bad)
        }
        return s
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("\\u needs four hex digits") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - UInt8(ascii: "A") + 10
            default: throw error("\\u needs four hex digits")
            }
            v = v << 4 | UInt32(d)
            i += 1
        }
        return v
    }
}
