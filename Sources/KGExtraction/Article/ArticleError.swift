/// Why an article file could not be read.
///
/// Messages are lower case and name the offending file and position.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(file: String, reason: String)
    /// The file is not UTF-8: the first bad byte, as a 1-based line and column (in code points
    /// of the valid text before it) and a 0-based byte offset into the file.
    case invalidUTF8(file: String, line: Int, column: Int, byteOffset: Int)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "cannot read article \(file): \(reason)"
        case let .invalidUTF8(file, line, column, byteOffset):
            return "article \(file) is not valid utf-8 at line \(line), column \(column) (byte offset \(byteOffset))"
        }
    }
}
