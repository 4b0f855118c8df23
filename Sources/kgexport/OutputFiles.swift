import Foundation
import KGFormats
#if canImport(Glibc)
import Glibc
#endif

/// The output files of one run of `extract` or `convert`, all or nothing (``KGFormats/OutputBatch``):
/// every format is written to a temporary file, and the files are renamed into place only when
/// every one of them is complete. Failures name the file the user asked for, never the temporary
/// file, and say what to do.
final class OutputFiles {
    private let batch = OutputBatch()
    /// How the user said where the files go, for the advice: `--output-dir` or `-o FILE`.
    let option: String

    init(option: String) {
        self.option = option
    }

    convenience init(options: OutputOptions) {
        self.init(option: options.output == nil ? "--output-dir" : "-o FILE")
    }

    /// Opens the temporary file (or standard output) for `path`.
    /// - Throws: ``CommandFailure`` (`.io`).
    func open(_ path: String) throws(CommandFailure) -> any CommittableSink {
        do {
            return try batch.open(path)
        } catch {
            throw failure(error, path: path)
        }
    }

    /// Renames every file into place, all or none.
    /// - Throws: ``CommandFailure`` (`.io`); every destination is then as it was.
    func commit() throws(CommandFailure) {
        do {
            try batch.commit()
        } catch {
            throw failure(error, path: "")
        }
    }

    /// Removes every temporary file; the destinations keep their previous content.
    func discard() {
        batch.discard()
    }

    /// A failure while writing `path`: an ``KGFormats/OutputError`` as an input/output error
    /// naming the destination; a ``CommandFailure`` as it is; anything else (a graph the format
    /// cannot hold) as bad data.
    func failure(_ error: Error, format: OutputFormat? = nil, path: String) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let error as OutputError:
            let destination = batch.destination(of: error.path)
            if destination == "-" { return .standardOutput(reason: error.reason) }
            return .io(Self.message(operation: error.operation, path: destination,
                                    reason: error.reason, option: option))
        default:
            return .data("cannot write \(format?.rawValue ?? "output") to \(path): \(error)")
        }
    }

    /// What the user reads when an output cannot be written: the destination (never the temporary
    /// file), the system's reason, and what to do, e.g.
    /// `cannot write out/a.nt (no space left on device); free some space or choose another --output-dir`.
    /// - Parameters:
    ///   - operation: the ``KGFormats/OutputError/operation`` (`cannot create temporary file` when
    ///     the file could not even be created).
    ///   - path: the destination; `-` for standard output.
    ///   - reason: the system's reason, lower case.
    ///   - option: `--output-dir` or `-o FILE`.
    static func message(operation: String, path: String, reason: String, option: String) -> String {
        if path == "-" { return "cannot write to standard output (\(reason))" }
        let creating = operation == "cannot create temporary file"
        let denied = [EACCES, EPERM, EROFS].map(systemReason).contains(reason)
        if [ENOSPC, EDQUOT, EFBIG].map(systemReason).contains(reason) {
            return "cannot write \(path) (\(reason)); free some space or choose another \(option)"
        } else if denied, creating {
            return "cannot write in \(folder(of: path)) (\(reason)); choose a folder you can write to with \(option)"
        } else if denied {
            return "cannot write \(path) (\(reason)); choose a folder you can write to with \(option)"
        } else if [ENOENT, ENOTDIR].map(systemReason).contains(reason) {
            return "cannot write \(path) (\(reason)); create its folder first or choose another \(option)"
        } else if reason == systemReason(EISDIR) {
            return "cannot write \(path) (\(reason)); move the folder away or choose another \(option)"
        } else if reason == "not a file path" {
            return "cannot write \(path) (not a file path); name a file, not a folder"
        }
        return "cannot write \(path) (\(reason)); check the disk and the folder, or choose another \(option)"
    }

    /// The folder of `path` as the user spelled it, with a trailing `/` (`./` for none).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "./" }
        return String(path[...slash])
    }
}

/// The system's text for an `errno` in lower case, as the interchange reader and ``KGFormats/OutputError``
/// say it: `ENOSPC` → `no space left on device`.
func systemReason(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    let s = String(cString: text)
    return (s.first.map { $0.lowercased() } ?? "") + s.dropFirst()
}
