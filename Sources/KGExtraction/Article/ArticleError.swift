/// Why an article file could not be read.
///
/// Messages are lower case and name the offending file and position; all but ``invalidUTF8(file:line:column:byteOffset:)``
/// (whose remedy depends on the caller's options) also say what to do.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not UTF-8: the first bad byte, as a 1-based line and column (in code points
    /// of the valid text before it; LF, CRLF and CR end a line) and a 0-based byte offset into the file.
    case invalidUTF8(file: String, line: Int, column: Int, byteOffset: Int)
    /// The file holds a NUL byte (0-based offset), which no text article has: it is binary.
    case binary(file: String, byteOffset: Int)
    /// The file has no text: zero bytes, or only white space and a byte order mark.
    case empty(file: String)
    /// The file has header lines (`Title:`, `Date:`, ...) but nothing after them.
    case noBody(file: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read article \(file): \(reason)"
        case let .invalidUTF8(file, line, column, byteOffset):
            return "article \(file) is not valid utf-8 at line \(line), column \(column) (byte offset \(byteOffset))"
        case let .binary(file, byteOffset):
            return "article \(file) looks like a binary file (NUL byte at byte offset \(byteOffset)); give a plain UTF-8 text file"
        case let .empty(file):
            return "article \(file) is empty; check that the file was saved or downloaded completely"
        case let .noBody(file):
            return "article \(file) has header lines but no body; put the text after the blank line that ends the header"
        }
    }
}
