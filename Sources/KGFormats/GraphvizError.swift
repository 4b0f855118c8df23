/// Graphviz could not lay out or draw a graph.
///
/// Messages are lower case and name the command. Output errors (disk full, closed pipe) are
/// ``OutputError``s, passed through unchanged; a graph the DOT writer refuses is a ``FormatError``.
public enum GraphvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The layout command (`dot`) is not on `PATH`, or not an executable file.
    case notInstalled(command: String)
    /// The command could not be started; `reason` is the system's.
    case cannotLaunch(command: String, reason: String)
    /// The command ended with a non-zero exit status (or 128 + the signal that ended it), and
    /// printed `message` on standard error.
    case failed(command: String, status: Int32, message: String)
    /// The command ended successfully but wrote no image.
    case emptyOutput(command: String)

    public var description: String {
        switch self {
        case let .notInstalled(command):
            return "cannot render: graphviz is not installed ('\(command)' was not found; install the Debian package graphviz)"
        case let .cannotLaunch(command, reason):
            return "cannot run '\(command)': \(reason)"
        case let .failed(command, status, message):
            let detail = message.isEmpty ? "" : ": " + message
            return "'\(command)' failed with exit status \(status)\(detail)"
        case let .emptyOutput(command):
            return "'\(command)' wrote no image"
        }
    }
}
