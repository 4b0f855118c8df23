import Foundation
import XCTest

/// Runs the external consumers (xmllint, dot, python3, rapper, java) that interop tests check output with.
///
/// Tool-missing policy: when a tool is not on `PATH`, ``require(_:package:)`` fails the test if the
/// environment variable `CI` or `KGEXPORT_REQUIRE_TOOLS` is set (naming the Debian or PyPI package
/// to install) and skips it otherwise.
enum Tool {
    /// What a finished process left: its exit status and everything it printed.
    struct Result {
        /// Exit status (or 128 + signal number when it was killed by a signal).
        var status: Int32
        var stdout: String
        var stderr: String
        /// The raw standard output, for byte-exact comparisons.
        var stdoutData: Data
    }

    /// Errors from starting a process (not from the process itself: see ``Result/status``).
    struct LaunchError: Error, CustomStringConvertible {
        var tool: String
        var reason: String
        var description: String { "cannot run \(tool): \(reason)" }
    }

    /// Runs `tool` (a name looked up on `PATH`, or a path) with `args` and waits for it.
    ///
    /// - Parameters:
    ///   - tool: `xmllint`, `dot`, `python3`, ... or an absolute path.
    ///   - args: the arguments (no shell is involved, so no quoting is needed).
    ///   - stdin: bytes for standard input (empty: standard input is empty).
    ///   - environment: extra variables, added to this process's environment.
    ///   - currentDirectory: working directory; this process's when nil.
    /// - Returns: status, standard output and standard error (read concurrently, so large outputs cannot deadlock).
    /// - Throws: ``LaunchError`` when the tool is not found or cannot be started.
    @discardableResult
    static func run(_ tool: String, args: [String], stdin: Data = Data(), environment: [String: String] = [:],
                    currentDirectory: URL? = nil) throws -> Result {
        guard let executable = path(of: tool) else {
            throw LaunchError(tool: tool, reason: "not found on PATH")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = args
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors

        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isOutput) in [(output.fileHandleForReading, true), (errors.fileHandleForReading, false)] {
            group.enter()
            DispatchQueue.global().async {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isOutput: isOutput)
                group.leave()
            }
        }
        do {
            try process.run()
        } catch {
            throw LaunchError(tool: tool, reason: "\(error)")
        }
        _ = ignoreBrokenPipe
        // A tool may exit without reading its input; that is its business, not a test crash.
        try? input.fileHandleForWriting.write(contentsOf: stdin)
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        group.wait()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status,
                      stdout: String(decoding: collected.output, as: UTF8.self),
                      stderr: String(decoding: collected.errors, as: UTF8.self),
                      stdoutData: collected.output)
    }

    /// Writing to a pipe whose reader has exited raises SIGPIPE, which would end the test process.
    private static let ignoreBrokenPipe: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// Runs a Python 3 program given as text, with `args` as `sys.argv[1...]`.
    @discardableResult
    static func python(_ program: String, args: [String] = [], environment: [String: String] = [:]) throws -> Result {
        try run("python3", args: ["-c", program] + args, environment: environment)
    }

    /// The absolute path of `tool` on `PATH` (or `tool` itself when it contains a `/` and is executable).
    static func path(of tool: String) -> String? {
        let fm = FileManager.default
        if tool.contains("/") { return fm.isExecutableFile(atPath: tool) ? tool : nil }
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = String(directory) + "/" + tool
            if fm.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether a missing tool must fail the test: `CI` or `KGEXPORT_REQUIRE_TOOLS` is set to
    /// anything but empty, `0` or `false` (Tests/test.sh sets both).
    static var isCI: Bool {
        let environment = ProcessInfo.processInfo.environment
        return ["CI", "KGEXPORT_REQUIRE_TOOLS"].contains { name in
            guard let value = environment[name] else { return false }
            return !["", "0", "false"].contains(value.lowercased())
        }
    }

    /// Makes sure `tool` is installed: fails under CI, skips otherwise.
    ///
    /// - Parameters:
    ///   - tool: the command name.
    ///   - package: how to get it, e.g. `Debian package libxml2-utils`.
    /// - Throws: `XCTSkip` outside CI; under CI records a failure and throws ``LaunchError`` to stop the test.
    static func require(_ tool: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard path(of: tool) == nil else { return }
        try missing("\(tool) is not installed (install the \(package))", file: file, line: line)
    }

    /// Makes sure `python3` can import `module`: fails under CI, skips otherwise.
    ///
    /// - Parameters:
    ///   - module: the import name, e.g. `networkx`.
    ///   - package: the PyPI package, e.g. `networkx` (`igraph` for `igraph`).
    static func requirePython(module: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try require("python3", package: "Debian package python3", file: file, line: line)
        let probe = try run("python3", args: ["-c", "import \(module)"])
        guard probe.status != 0 else { return }
        try missing("python3 cannot import \(module) (install the PyPI package \(package))", file: file, line: line)
    }

    private static func missing(_ message: String, file: StaticString, line: UInt) throws {
        if isCI {
            XCTFail(message, file: file, line: line)
            throw LaunchError(tool: message, reason: "required under CI")
        }
        throw XCTSkip(message, file: file, line: line)
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var output = Data()
        private(set) var errors = Data()
        func set(_ data: Data, isOutput: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOutput { output = data } else { errors = data }
        }
    }
}
