import ArgumentParser
import Foundation
import KGModel
#if canImport(Glibc)
import Glibc
#endif

/// An error the user sees, with the exit status it maps to (sysexits.h: 65 data error, 74 I/O
/// error), or standard output closed by its reader, which ends the run quietly.
struct CommandFailure: Error, CustomStringConvertible {
    enum Kind: Int32 {
        case data = 65
        case io = 74
        /// The reader of standard output went away (`kgexport … -o - | head -1`): no message, and
        /// the status of a process that SIGPIPE ended, 128 + 13, as shell tools end.
        case brokenPipe = 141
    }

    let kind: Kind
    let message: String

    var description: String { message }

    static func data(_ message: String) -> CommandFailure { CommandFailure(kind: .data, message: message) }
    static func io(_ message: String) -> CommandFailure { CommandFailure(kind: .io, message: message) }
    static let brokenPipe = CommandFailure(kind: .brokenPipe, message: "")

    /// Standard output could not be written, for the system's `reason` (lower case): a broken
    /// pipe ends the run quietly (``Kind/brokenPipe``); anything else is
    /// `cannot write to standard output (no space left on device)`.
    static func standardOutput(reason: String) -> CommandFailure {
        reason == systemReason(EPIPE) ? .brokenPipe : .io("cannot write to standard output (\(reason))")
    }
}

/// Prints `kgexport: message` on standard error (nothing for a broken pipe) and exits with the failure's status.
func report(_ failure: CommandFailure) -> ExitCode {
    if failure.kind != .brokenPipe { writeStandardError("kgexport: \(failure.message)\n") }
    return ExitCode(failure.kind.rawValue)
}

/// Writes `data` to standard output.
/// - Throws: ``CommandFailure/standardOutput(reason:)``.
func writeStandardOutput(_ data: Data) throws(CommandFailure) {
    let code: Int32? = data.withUnsafeBytes { buffer in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
    if let code { throw CommandFailure.standardOutput(reason: systemReason(code)) }
}

/// Prints a note on standard error.
func note(_ text: String) {
    writeStandardError("kgexport: \(text)\n")
}

/// Sets up the signals of a run that writes files: a closed standard output (`kgexport … -o - | head`)
/// surfaces as a write error (EPIPE) instead of killing the process with SIGPIPE, so that the
/// temporary files are removed before the run ends quietly with status 141
/// (``CommandFailure/Kind/brokenPipe``), and SIGINT or SIGTERM remove the temporary output files and exit 130 or 143 (``SignalHandling``).
func ignoreBrokenPipe() {
    SignalHandling.install()
    #if canImport(Glibc)
    signal(SIGPIPE, SIG_IGN)
    #elseif canImport(Darwin)
    signal(SIGPIPE, SIG_IGN)
    #endif
}

/// `23 entities, 6 relations; wrote out/a.graphml, out/a.rdf` (files only; standard output is not named).
func summary(of graph: KGModel.KnowledgeGraph, written: [String]) -> String {
    let files = written.filter { $0 != "-" }
    let entities = graph.entities.count, relations = graph.sortedRelations.count
    let counts = "\(entities) entit\(entities == 1 ? "y" : "ies"), \(relations) relation\(relations == 1 ? "" : "s")"
    return files.isEmpty ? counts : counts + "; wrote " + files.joined(separator: ", ")
}

/// Writes to standard error, ignoring failures: a reader that went away (`2>&1 | head`) must not
/// stop the run (FileHandle would trap on EPIPE).
func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = write(STDERR_FILENO, base + offset, buffer.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
