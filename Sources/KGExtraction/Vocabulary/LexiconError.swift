/// Why lexicon data could not be loaded.
public enum LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A data file is missing from the bundle or directory.
    case missingFile(String)
    /// A data line does not have the columns its file needs (1-based line number).
    case malformedLine(file: String, line: Int)

    public var description: String {
        switch self {
        case let .missingFile(name): return "lexicon file \(name) not found"
        case let .malformedLine(file, line): return "lexicon file \(file) line \(line) is malformed"
        }
    }
}
