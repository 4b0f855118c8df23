/// Why an article file could not be read.
///
/// Each message has the shape compilers use, so that editors can jump to it:
/// `FILE:LINE:COLUMN: what is wrong; what to do` (`FILE: …` when the file cannot be read at all).
/// Lines and columns count from 1, columns in code points of the text before the position (after
/// a byte order mark; LF, CRLF, CR, NEL, U+2028, U+2029, VT and FF end a line). Every message but
/// ``invalidUTF8(file:line:column:byteOffset:)``'s says what to do; that one's remedy depends on
/// the caller's options (`--lenient`), so the caller adds it.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not UTF-8: the first bad byte, as a line and column and a 0-based byte offset
    /// into the file (byte order mark included).
    case invalidUTF8(file: String, line: Int, column: Int, byteOffset: Int)
    /// The file holds a NUL byte, which no text article has: it is binary. The first NUL byte, as a
    /// line and column (bytes before it that are not UTF-8 count as one code point per ill-formed
    /// sequence) and a 0-based byte offset into the file.
    case binary(file: String, line: Int, column: Int, byteOffset: Int)
    /// The file has no text: zero bytes, or only white space and a byte order mark (at line 1, column 1).
    case empty(file: String)
    /// The file has header lines (`Title:`, `Date:`, ...) but nothing after them: the line and
    /// column where the body would start.
    case noBody(file: String, line: Int, column: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the file (\(reason)); check the path and permissions"
        case let .invalidUTF8(file, line, column, byteOffset):
            return "\(file):\(line):\(column): invalid UTF-8 (byte offset \(byteOffset))"
        case let .binary(file, line, column, byteOffset):
            return "\(file):\(line):\(column): binary file (NUL byte at byte offset \(byteOffset)); give a plain UTF-8 text file"
        case let .empty(file):
            return "\(file):1:1: empty article (no text); check that the file was saved or downloaded completely"
        case let .noBody(file, line, column):
            return "\(file):\(line):\(column): header lines but no body; put the text after the blank line that ends the header"
        }
    }
}
