import Foundation
import XCTest

/// Runs the built `kgexport` binary for the command-line tests: arguments in; exit status,
/// standard output and standard error out.
enum KGExportProcess {
    /// What a finished run left.
    struct Result {
        /// Exit status; for a process ended by a signal, 128 + the signal number.
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package root (three levels above this file).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `Examples/articles/edm-2008-kazakhstan-csto.txt`.
    static let exampleArticle = packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")

    /// The binary SwiftPM built beside the test bundle.
    static var binary: URL { Bundle.main.bundleURL.appendingPathComponent("kgexport") }

    /// Starts `kgexport` without waiting; output goes to the given pipes.
    static func start(_ arguments: [String], in directory: URL? = nil, stdout: Pipe, stderr: Pipe) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Runs `kgexport` to the end.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        let out = Pipe(), err = Pipe()
        let process = try start(arguments, in: directory, stdout: out, stderr: err)
        return finish(process, out, err)
    }

    /// Runs `kgexport` to the end with `input` on standard input (a pipe, written by another
    /// thread so that a large input cannot block) and `environment` added to the inherited one.
    /// A run still going after `timeout` seconds (one waiting for an input it will never get) is
    /// terminated, so that it fails instead of hanging.
    static func run(_ arguments: [String], input: Data, in directory: URL? = nil,
                    environment: [String: String] = [:], timeout: Double = 60) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        let writer = stdin.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            if process.isRunning { process.terminate() }
        }
        return finish(process, out, err)
    }

    /// Runs `kgexport` as a user whom file permissions apply to: as root, without the
    /// capabilities that let root read and write any file (`setpriv --bounding-set`).
    /// - Throws: `XCTSkip` when root cannot drop them here.
    static func runUnprivileged(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        guard getuid() == 0 else { return try run(arguments, in: directory) }
        let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
        guard FileManager.default.isExecutableFile(atPath: setpriv.path) else {
            throw XCTSkip("running as root without setpriv: file permissions cannot be made to apply")
        }
        let process = Process()
        process.executableURL = setpriv
        process.arguments = ["--bounding-set", "-dac_override,-dac_read_search", binary.path] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let result = finish(process, out, err)
        if result.stderr.hasPrefix("setpriv:") {
            throw XCTSkip("setpriv cannot drop the capabilities here: \(result.stderr)")
        }
        return result
    }

    /// Reads both pipes to the end (concurrently, so a full pipe cannot block the process) and waits.
    static func finish(_ process: Process, _ out: Pipe, _ err: Pipe) -> Result {
        let group = DispatchGroup()
        let box = Collected()
        group.enter()
        DispatchQueue.global().async {
            box.errors = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: String(decoding: output, as: UTF8.self),
                      stderr: String(decoding: box.errors, as: UTF8.self))
    }

    /// A new empty directory, removed when the test ends.
    static func temporaryDirectory(for test: XCTestCase) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    /// The names in a directory, sorted (hidden files included); empty when it does not exist.
    static func files(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    private final class Collected: @unchecked Sendable {
        var errors = Data()
    }
}
