import Foundation
import KGModel

/// Reads article files: UTF-8 text with optional header lines up to the first blank line.
///
/// Header lines are `Title:`, `Source:`, `Date:` and `Publication:` (names case-insensitive),
/// one per line, ended by the first blank line; lines end with LF, CRLF, CR, NEL (U+0085), LINE
/// SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), vertical tab or form feed (Unicode 15 §5.8).
/// Offsets stay code points of the text as read. A file whose first line is not such a header
/// line has no header and its body starts at offset 0. `Date:` takes the ISO 8601 forms of
/// ``PartialDate`` (`2008-09-22`, `2008-09`, `2008`), an ISO 8601 date and time by its date as
/// written (`2008-09-22T10:00:00Z` and `2008-09-22 10:00+02:00` are 2008-09-22; the time and zone
/// are not used), and the spelled forms of ``DateExpression`` (`January 10, 2005`, `10 January
/// 2005`); another value leaves the date unset, with a warning in ``Article/warnings``.
///
/// Files are read with `open(2)` and `read(2)` to the end, so that pipes, FIFOs, `/dev/stdin` and
/// process substitutions (`<(cat a.txt)`) read as regular files do, each opened once; a failure
/// gives the system's reason (`no such file or directory`, `is a directory`, `permission denied`).
public enum ArticleReader {
    /// Reads and parses an article file.
    /// - Parameters:
    ///   - url: A file URL.
    ///   - id: The article's key; defaults to the file's name.
    /// - Throws: ``ArticleError/unreadable(file:reason:)`` when the file cannot be read,
    ///   ``ArticleError/invalidUTF8(file:line:column:byteOffset:)`` at the first byte that is not UTF-8.
    public static func read(contentsOf url: URL, id: String? = nil) throws -> Article {
        let bytes = try contents(of: url)
        let text = try decode(bytes, file: url.path, rejectingBinary: false).text
        return parse(text, id: id ?? url.lastPathComponent)
    }

    /// Reads and parses an article file as the command line does: it must be text with a body,
    /// and bytes that are not UTF-8 are an error unless `lenient`.
    /// - Parameters:
    ///   - url: A file URL.
    ///   - id: The article's key; defaults to the file's name.
    ///   - lenient: When true, each ill-formed UTF-8 sequence becomes one U+FFFD (see
    ///     ``decode(_:file:lenient:)``) instead of an error.
    /// - Returns: The article and how many U+FFFD were substituted (0 unless `lenient`).
    /// - Throws: ``ArticleError/unreadable(file:reason:)`` (missing, a directory, no permission),
    ///   ``ArticleError/binary(file:line:column:byteOffset:)``, ``ArticleError/invalidUTF8(file:line:column:byteOffset:)``
    ///   (not lenient), ``ArticleError/empty(file:)`` (no text), ``ArticleError/noBody(file:line:column:)`` (a header only).
    public static func read(contentsOf url: URL, id: String? = nil, lenient: Bool) throws -> (article: Article, replacements: Int) {
        try read(try contents(of: url), file: url.path, id: id ?? url.lastPathComponent, lenient: lenient)
    }

    /// Parses the bytes of an article file as ``read(contentsOf:id:lenient:)`` does.
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The path named in errors.
    ///   - id: The article's key.
    ///   - lenient: Replace bytes that are not UTF-8 with U+FFFD instead of failing.
    /// - Throws: as ``read(contentsOf:id:lenient:)``, but for ``ArticleError/unreadable(file:reason:)``.
    public static func read(_ bytes: [UInt8], file: String, id: String, lenient: Bool) throws -> (article: Article, replacements: Int) {
        let decoded = try decode(bytes, file: file, lenient: lenient)
        let article = parse(decoded.text, id: id)
        let scalars = article.text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        if scalars.allSatisfy(isSpace) { throw ArticleError.empty(file: file) }
        if article.bodyStart > 0, scalars.dropFirst(article.bodyStart).allSatisfy(isSpace) {
            let (line, column) = position(after: scalars.prefix(article.bodyStart))
            throw ArticleError.noBody(file: file, line: line, column: column)
        }
        return (article, decoded.replacements)
    }

    /// The bytes of a file, read to its end: a regular file, or a pipe, FIFO or character device
    /// (`/dev/stdin`, `/dev/fd/63` of a process substitution, `/dev/null`), opened once.
    /// - Throws: ``ArticleError/unreadable(file:reason:)`` with the system's reason (a directory: `is a directory`).
    public static func contents(of url: URL) throws(ArticleError) -> [UInt8] {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArticleError.unreadable(file: path, reason: reason(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ArticleError.unreadable(file: path, reason: reason(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ArticleError.unreadable(file: path, reason: reason(EISDIR)) }
        var bytes: [UInt8] = []
        if (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 { bytes.reserveCapacity(Int(info.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { readDescriptor(fd, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                throw ArticleError.unreadable(file: path, reason: reason(errno))
            }
            bytes.append(contentsOf: buffer[..<count])
        }
    }

    /// The system's text for an `errno`, first letter in lower case (`no such file or directory`).
    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        let s = String(cString: text)
        return (s.first.map { $0.lowercased() } ?? "") + s.dropFirst()
    }

    /// Decodes the bytes of an article file: a UTF-8 byte order mark is removed, the rest must be
    /// UTF-8 (Unicode 15 §3.9, Table 3-7).
    ///
    /// - Parameters:
    ///   - bytes: The file's content.
    ///   - file: The path named in errors.
    ///   - lenient: When true, each maximal ill-formed subsequence (Unicode 15 §3.9, "U+FFFD
    ///     Substitution of Maximal Subparts") becomes one U+FFFD, as Python's `errors="replace"` does.
    /// - Returns: The text, and the number of U+FFFD substituted.
    /// - Throws: ``ArticleError/binary(file:line:column:byteOffset:)`` at the first NUL byte (even when lenient),
    ///   ``ArticleError/invalidUTF8(file:line:column:byteOffset:)`` at the first bad byte when not
    ///   lenient (byte offsets from the start of the file, byte order mark included).
    /// - Complexity: O(n) in the number of bytes.
    public static func decode(_ bytes: [UInt8], file: String, lenient: Bool = false) throws(ArticleError) -> (text: String, replacements: Int) {
        try decode(bytes, file: file, lenient: lenient, rejectingBinary: true)
    }

    private static func decode(_ bytes: [UInt8], file: String, lenient: Bool = false,
                               rejectingBinary: Bool) throws(ArticleError) -> (text: String, replacements: Int) {
        let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        if rejectingBinary, let nul = bytes.firstIndex(of: 0) {
            let (line, column) = position(after: String(decoding: bytes[bom..<max(bom, nul)], as: UTF8.self).unicodeScalars)
            throw ArticleError.binary(file: file, line: line, column: column, byteOffset: nul)
        }
        let body = bytes[bom...]
        guard let bad = firstInvalidUTF8(body) else {
            return (String(decoding: body, as: UTF8.self), 0)
        }
        guard lenient else {
            let (line, column) = position(after: String(decoding: body[..<bad], as: UTF8.self).unicodeScalars)
            throw ArticleError.invalidUTF8(file: file, line: line, column: column, byteOffset: bad)
        }
        var replacements = 0
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var scalars = String.UnicodeScalarView()
        loop: while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded): scalars.append(Unicode.UTF8.decode(encoded))
            case .error: scalars.append("\u{FFFD}"); replacements += 1
            case .emptyInput: break loop
            }
        }
        return (String(scalars), replacements)
    }

    /// The line and column (from 1) just after `text`, the text before a position: every line end
    /// the header split knows (LF, CRLF, a lone CR, NEL, U+2028, U+2029, VT, FF) ends a line;
    /// columns count code points.
    static func position(after text: some Sequence<Unicode.Scalar>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var previous: Unicode.Scalar?
        for scalar in text {
            if scalar == "\n" {
                if previous != "\r" { line += 1 }
                column = 1
            } else if isLineBreak(scalar) {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previous = scalar
        }
        return (line, column)
    }

    /// Parses article text (already decoded; a leading U+FEFF is removed).
    /// - Complexity: O(n) in the length of the header.
    public static func parse(_ text: String, id: String) -> Article {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        var article = Article(id: id, text: text)
        let scalars = Array(text.unicodeScalars)
        var lineStart = 0
        var lineNumber = 0
        var sawHeader = false
        while lineStart < scalars.count {
            lineNumber += 1
            // A line ends at LF, CRLF, a lone CR, NEL, U+2028, U+2029, VT or FF.
            let lineEnd = endOfLine(from: lineStart, in: scalars)
            let line = String(String.UnicodeScalarView(scalars[lineStart..<lineEnd]))
            let next = startOfNextLine(after: lineEnd, in: scalars)
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !sawHeader { break }
                // Body starts after the blank line(s) ending the header.
                var body = next
                while body < scalars.count {
                    let e = endOfLine(from: body, in: scalars)
                    let blank = scalars[body..<e].allSatisfy { $0 == " " || $0 == "\t" }
                    if !blank { break }
                    body = startOfNextLine(after: e, in: scalars)
                }
                article.bodyStart = body
                return article
            }
            guard let (key, value, valueColumn) = headerField(line) else {
                if sawHeader { article.bodyStart = lineStart }
                return sawHeader ? article : Article(id: id, text: text)
            }
            sawHeader = true
            switch key {
            case "title": article.title = value
            case "source", "url": article.url = value
            case "publication": article.publication = value
            case "date":
                article.date = headerDate(value)
                if article.date == nil, !value.isEmpty {
                    article.warnings.append(ArticleWarning(
                        line: lineNumber, column: valueColumn,
                        message: "Date: \(value.debugDescription) is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date"))
                }
            default: break
            }
            lineStart = next
        }
        if sawHeader { article.bodyStart = scalars.count }
        return article
    }

    /// A scalar that ends a line (CR of a CRLF included).
    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Index of the first line break at or after `start` (or the end).
    private static func endOfLine(from start: Int, in scalars: [Unicode.Scalar]) -> Int {
        var end = start
        while end < scalars.count, !isLineBreak(scalars[end]) { end += 1 }
        return end
    }

    /// Index just past the line break at `end` (CRLF counts as one break).
    private static func startOfNextLine(after end: Int, in scalars: [Unicode.Scalar]) -> Int {
        guard end < scalars.count else { return scalars.count }
        if scalars[end] == "\r", end + 1 < scalars.count, scalars[end + 1] == "\n" { return end + 2 }
        return end + 1
    }

    private static let headerKeys: Set<String> = ["title", "source", "url", "date", "publication"]

    /// The key (lower case), the value (trimmed) and the column of the value (from 1, in code
    /// points) of a header line, or nil when the line is not one.
    private static func headerField(_ line: String) -> (String, String, Int)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].lowercased()
        guard headerKeys.contains(key) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let scalars = line.unicodeScalars
        var start = scalars.index(after: colon)
        while start < scalars.endIndex, CharacterSet.whitespaces.contains(scalars[start]) { start = scalars.index(after: start) }
        return (key, value, scalars.distance(from: scalars.startIndex, to: start) + 1)
    }

    /// The date of a `Date:` value: an ISO 8601 date (``PartialDate``), the date of an ISO 8601
    /// date and time, or a spelled date (``DateExpression``); nil for anything else.
    static func headerDate(_ value: String) -> PartialDate? {
        PartialDate(iso: value) ?? dateOfDateTime(value) ?? DateExpression.parseStandalone(value)
    }

    /// The date part, as written, of an ISO 8601 / RFC 3339 date and time: `YYYY-MM-DD`, then `T`
    /// (or a space), `hh:mm`, optional `:ss` and fraction, optional zone (`Z`, `±hh`, `±hh:mm`,
    /// `±hhmm`). The time and zone are checked but not used: `2008-09-22T23:30:00-05:00` is 2008-09-22.
    static func dateOfDateTime(_ value: String) -> PartialDate? {
        let s = Array(value.utf8)
        guard s.count > 11, [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(s[10]),
              let date = PartialDate(iso: String(decoding: s[..<10], as: UTF8.self)), date.year != nil, date.day != nil else { return nil }
        var i = 11
        func isDigit(_ k: Int) -> Bool { k < s.count && s[k] >= UInt8(ascii: "0") && s[k] <= UInt8(ascii: "9") }
        func twoDigits(max: Int) -> Bool {
            guard isDigit(i), isDigit(i + 1), Int(s[i] - 48) * 10 + Int(s[i + 1] - 48) <= max else { return false }
            i += 2
            return true
        }
        func skip(_ byte: Character) -> Bool {
            guard i < s.count, s[i] == byte.asciiValue else { return false }
            i += 1
            return true
        }
        guard twoDigits(max: 24), skip(":"), twoDigits(max: 59) else { return nil }
        if skip(":") {
            guard twoDigits(max: 60) else { return nil }
            if skip(".") || skip(",") {
                guard isDigit(i) else { return nil }
                while isDigit(i) { i += 1 }
            }
        }
        if skip("Z") || skip("z") {
        } else if skip("+") || skip("-") {
            guard twoDigits(max: 23) else { return nil }
            if skip(":") {
                guard twoDigits(max: 59) else { return nil }
            } else if isDigit(i) {
                guard twoDigits(max: 59) else { return nil }
            }
        }
        return i == s.count ? date : nil
    }

    /// Index of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (Unicode 15 §3.9, Table 3-7), or nil.
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? { firstInvalidUTF8(b[...]) }

    /// Index (in `b`'s indices) of the first byte that does not belong to well-formed UTF-8, or nil.
    static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        let n = b.endIndex
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return i
            }
            for k in 1...need {
                guard i + k < n else { return i }
                let x = b[i + k]
                let l: UInt8 = k == 1 ? lo : 0x80
                let h: UInt8 = k == 1 ? hi : 0xBF
                if x < l || x > h { return i }
            }
            i += need + 1
        }
        return nil
    }
}

/// `read(2)`, named apart from ``ArticleReader``'s `read` methods.
private func readDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
