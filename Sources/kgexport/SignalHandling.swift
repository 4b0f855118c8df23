import Dispatch
import Foundation
import KGFormats
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What kgexport does on SIGINT (Ctrl-C) and SIGTERM: removes every temporary output file
/// (``KGFormats/TemporaryFiles``), says so on standard error, and exits with 128 + the signal
/// number (130 for SIGINT, 143 for SIGTERM). Outputs already in place keep their previous content.
/// Scratch files that are not outputs (``InputCopy``) are removed too, without a word.
///
/// The signals are ignored at the process level and delivered to dispatch signal sources instead,
/// so the clean-up runs on a queue, outside signal-handler context, where it may take a lock.
enum SignalHandling {
    /// The sources stay alive for the whole run.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    /// Scratch files to remove when interrupted, guarded by ``lock``.
    nonisolated(unsafe) private static var scratch: Set<String> = []
    private static let lock = NSLock()

    /// Has `path` removed if the run is interrupted.
    static func removeOnInterrupt(_ path: String) {
        lock.lock()
        scratch.insert(path)
        lock.unlock()
    }

    /// Undoes ``removeOnInterrupt(_:)`` (the file has been removed).
    static func forget(_ path: String) {
        lock.lock()
        scratch.remove(path)
        lock.unlock()
    }

    /// Installs the handlers; calling it again does nothing.
    static func install() {
        guard sources.isEmpty else { return }
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: DispatchQueue.global())
            source.setEventHandler { interrupted(by: signalNumber) }
            source.resume()
            sources.append(source)
        }
    }

    private static func interrupted(by signalNumber: Int32) -> Never {
        let removed = TemporaryFiles.removeAll()
        lock.lock()
        for path in scratch { unlink(path) }
        lock.unlock()
        let name = signalNumber == SIGINT ? "SIGINT" : "SIGTERM"
        let files = removed.count == 1 ? "1 temporary file" : "\(removed.count) temporary files"
        let message = "kgexport: interrupted by \(name); removed \(files), previous outputs are unchanged\n"
        _ = message.utf8CString.withUnsafeBufferPointer { buffer in
            write(STDERR_FILENO, buffer.baseAddress, buffer.count - 1)
        }
        _exit(128 + signalNumber)
    }
}
