import ArgumentParser
import Foundation
import KGModel
#if canImport(Glibc)
import Glibc
#endif

/// An error the user sees, with the exit status it maps to (sysexits.h: 65 data error, 74 I/O error).
struct CommandFailure: Error, CustomStringConvertible {
    enum Kind: Int32 {
        case data = 65
        case io = 74
    }

    let kind: Kind
    let message: String

    var description: String { message }

    static func data(_ message: String) -> CommandFailure { CommandFailure(kind: .data, message: message) }
    static func io(_ message: String) -> CommandFailure { CommandFailure(kind: .io, message: message) }
}

/// Prints `kgexport: message` on standard error and exits with the failure's status.
func report(_ failure: CommandFailure) -> ExitCode {
    writeStandardError("kgexport: \(failure.message)\n")
    return ExitCode(failure.kind.rawValue)
}

/// Prints a note on standard error.
func note(_ text: String) {
    writeStandardError("kgexport: \(text)\n")
}

/// Sets up the signals of a run that writes files: a closed standard output (`kgexport … -o - | head`)
/// surfaces as a write error (EPIPE, exit status 74) instead of killing the process with SIGPIPE,
/// and SIGINT or SIGTERM remove the temporary output files and exit 130 or 143 (``SignalHandling``).
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
