import ArgumentParser
import Foundation

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
    FileHandle.standardError.write(Data("kgexport: \(failure.message)\n".utf8))
    return ExitCode(failure.kind.rawValue)
}

/// Prints a note on standard error.
func note(_ text: String) {
    FileHandle.standardError.write(Data("kgexport: \(text)\n".utf8))
}
