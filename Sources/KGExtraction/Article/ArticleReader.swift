import Foundation
import KGModel

/// Reads article files: UTF-8 text with optional header lines up to the first blank line.
///
/// Header lines are `Title:`, `Source:`, `Date:` and `Publication:` (names case-insensitive),
/// one per line, ended by the first blank line; lines end with LF, CRLF, CR, NEL (U+0085), LINE
/// SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029), vertical tab or form feed (Unicode 15 §5.8).
/// Offsets stay code points of the text as read. A file whose first line is not such a header
/// line has no header and its body starts at offset 0. `Date:` takes the ISO 8601 forms of
/// ``PartialDate`` (`2008-09-22`, `2008-09`, `2008`) and the spelled forms of
/// ``DateExpression`` (`January 10, 2005`, `10 January 2005`); another value leaves the date unset.
public enum ArticleReader {
    /// Reads and parses an article file.
    /// - Parameters:
    ///   - url: A file URL.
    ///   - id: The article's key; defaults to the file's name.
    /// - Throws: ``ArticleError/unreadable(file:reason:)`` when the file cannot be read,
    ///   ``ArticleError/invalidUTF8(file:line:column:byteOffset:)`` at the first byte that is not UTF-8.
    public static func read(contentsOf url: URL, id: String? = nil) throws -> Article {
        let data = try contents(of: url, reason: { _ in "no such file or not readable" })
        let text = try decode([UInt8](data), file: url.path, rejectingBinary: false).text
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
        let data = try contents(of: url)
        let decoded = try decode([UInt8](data), file: url.path, lenient: lenient)
        let article = parse(decoded.text, id: id ?? url.lastPathComponent)
        let scalars = article.text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        if scalars.allSatisfy(isSpace) { throw ArticleError.empty(file: url.path) }
        if article.bodyStart > 0, scalars.dropFirst(article.bodyStart).allSatisfy(isSpace) {
            let (line, column) = position(after: scalars.prefix(article.bodyStart))
            throw ArticleError.noBody(file: url.path, line: line, column: column)
        }
        return (article, decoded.replacements)
    }

    private static func contents(of url: URL, reason: (Error) -> String = describe) throws(ArticleError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw ArticleError.unreadable(file: url.path, reason: reason(error))
        }
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

    /// A lower-case reason for a failed read: the system's error text when there is one.
    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let text = strerror(Int32(underlying.code)) {
            return String(cString: text).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoSuchFileError {
            return "no such file or directory"
        }
        return "no such file or not readable"
    }

    /// Parses article text (already decoded; a leading U+FEFF is removed).
    /// - Complexity: O(n) in the length of the header.
    public static func parse(_ text: String, id: String) -> Article {
        var text = text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        var article = Article(id: id, text: text)
        let scalars = Array(text.unicodeScalars)
        var lineStart = 0
        var sawHeader = false
        while lineStart < scalars.count {
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
            guard let (key, value) = headerField(line) else {
                if sawHeader { article.bodyStart = lineStart }
                return sawHeader ? article : Article(id: id, text: text)
            }
            sawHeader = true
            switch key {
            case "title": article.title = value
            case "source", "url": article.url = value
            case "publication": article.publication = value
            case "date": article.date = PartialDate(iso: value) ?? DateExpression.parseStandalone(value)
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

    private static func headerField(_ line: String) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].lowercased()
        guard headerKeys.contains(key) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return (key, value)
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
