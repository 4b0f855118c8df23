/// A failure to write output: which operation, on which path, and the system's reason.
///
/// Messages are lower case and name the path, e.g.
/// `cannot create temporary file /out/.kg.graphml.tmp-42-0: permission denied`.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was being done, e.g. `cannot write`, `cannot rename`.
    public var operation: String
    /// The file involved (for standard output: `-`).
    public var path: String
    /// The system's reason (errno text, lower case), or a short explanation.
    public var reason: String

    public init(operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// An error for `errno` as it is now.
    static func errno(_ operation: String, path: String, code: Int32) -> OutputError {
        OutputError(operation: operation, path: path, reason: OutputError.describe(errno: code))
    }

    /// `strerror` text with its first letter in lower case ("No such file or directory" → "no such ...").
    static func describe(errno code: Int32) -> String {
        guard let cText = strerror(code) else { return "error \(code)" }
        let text = String(cString: cText)
        guard let first = text.first else { return "error \(code)" }
        return first.lowercased() + text.dropFirst()
    }

    public var description: String { "\(operation) \(path): \(reason)" }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
