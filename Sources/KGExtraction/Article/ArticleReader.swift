import Foundation
import KGModel

/// Reads article files: UTF-8 text with optional header lines up to the first blank line.
///
/// Header lines are `Title:`, `Source:`, `Date:` and `Publication:` (names case-insensitive),
/// one per line, ended by the first blank line. A file whose first line is not such a header
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
        let name = url.lastPathComponent
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ArticleError.unreadable(file: url.path, reason: "no such file or not readable")
        }
        var bytes = [UInt8](data)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            bytes.removeFirst(3)
        }
        if let bad = firstInvalidUTF8(bytes) {
            let prefix = String(decoding: bytes[..<bad], as: UTF8.self)
            var line = 1
            var column = 1
            for scalar in prefix.unicodeScalars {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            let offsetInFile = bad + (data.count - bytes.count)
            throw ArticleError.invalidUTF8(file: url.path, line: line, column: column, byteOffset: offsetInFile)
        }
        return parse(String(decoding: bytes, as: UTF8.self), id: id ?? name)
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
            var lineEnd = lineStart
            while lineEnd < scalars.count, scalars[lineEnd] != "\n" { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, scalars[contentEnd - 1] == "\r" { contentEnd -= 1 }
            let line = String(String.UnicodeScalarView(scalars[lineStart..<contentEnd]))
            let next = min(lineEnd + 1, scalars.count)
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if !sawHeader { break }
                // Body starts after the blank line(s) ending the header.
                var body = next
                while body < scalars.count {
                    var e = body
                    while e < scalars.count, scalars[e] != "\n" { e += 1 }
                    let blank = scalars[body..<e].allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
                    if !blank { break }
                    body = min(e + 1, scalars.count)
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
    static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        let n = b.count
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
