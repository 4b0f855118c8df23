import Foundation
import KGModel

/// Lays a knowledge graph out with Graphviz (https://graphviz.org) and draws it as SVG or PNG.
///
/// The graph is written as DOT by ``DOTWriter`` (by default with a legend; clusters by entity type
/// on request, see ``DOTWriter/Options``), then `dot -Tsvg` or `dot -Tpng` lays it out and draws
/// it; the image streams from `dot`'s standard output into the sink. Graphviz is not a dependency
/// of the package: it must be installed (Debian package `graphviz`), and when it is not,
/// ``render(_:to:)`` throws ``GraphvizError/notInstalled(command:)`` before anything is written.
///
/// The DOT text goes to `dot` through a temporary file (removed afterwards), so `dot` exiting early
/// can never raise `SIGPIPE` in the caller. When `dot` fails, part of an image may already be in
/// the sink: write into a ``CommittableSink`` and discard it on error. The same graph and options
/// give the same DOT; the image bytes are Graphviz's (SVG from one Graphviz version is stable,
/// PNG depends on its fonts).
///
/// ```swift
/// let sink = try FileSink(path: "graph.svg")
/// try GraphvizRenderer(format: .svg).render(graph, to: sink)
/// try sink.commit()
/// ```
public struct GraphvizRenderer: Sendable {
    /// The image formats `dot` is asked for (`-Tsvg`, `-Tpng`).
    public enum ImageFormat: String, CaseIterable, Sendable {
        /// Scalable Vector Graphics 1.1 (XML, text stays searchable).
        case svg
        /// Portable Network Graphics (ISO/IEC 15948).
        case png

        /// The usual file extension: `svg`, `png`.
        public var fileExtension: String { rawValue }

        /// The media type: `image/svg+xml`, `image/png`.
        public var mediaType: String {
            switch self {
            case .svg: return "image/svg+xml"
            case .png: return "image/png"
            }
        }
    }

    /// What `dot` draws.
    public var format: ImageFormat
    /// How the graph is written as DOT: IRIs, legend, clusters.
    public var options: DOTWriter.Options
    /// The layout command: a name looked up on `PATH` (default `dot`) or a path.
    public var command: String

    /// A renderer of `format` images.
    ///
    /// - Parameters:
    ///   - format: SVG or PNG.
    ///   - options: the DOT options; by default the standard IRIs and a legend, without clusters.
    ///   - command: the Graphviz layout command (`dot`; `neato`, `fdp`, ... lay out otherwise).
    public init(format: ImageFormat, options: DOTWriter.Options = DOTWriter.Options(legend: true), command: String = "dot") {
        self.format = format
        self.options = options
        self.command = command
    }

    /// Whether ``command`` can be found (Graphviz is installed).
    public var isAvailable: Bool { GraphvizRenderer.executablePath(of: command) != nil }

    /// Lays out and draws `graph` into `sink`.
    ///
    /// - Parameters:
    ///   - graph: the graph, written in its sorted order (``DOTWriter/write(_:to:options:)``).
    ///   - sink: where the image bytes go (not committed).
    /// - Returns: the warnings `dot` printed on standard error, one per line (normally none).
    /// - Throws: ``GraphvizError`` (not installed, cannot start, failed, no image); ``FormatError``
    ///   for a graph the DOT writer refuses; ``OutputError`` from the sink or the temporary file.
    @discardableResult
    public func render(_ graph: KnowledgeGraph, to sink: ByteSink) throws -> [String] {
        guard let executable = GraphvizRenderer.executablePath(of: command) else {
            throw GraphvizError.notInstalled(command: command)
        }
        let dot = MemorySink()
        try DOTWriter.write(graph, to: dot, options: options)
        return try run(executable, dot: dot.bytes, into: sink)
    }

    /// Lays out and draws DOT text of the caller's own into `sink`.
    ///
    /// - Returns: the warnings `dot` printed on standard error, one per line.
    /// - Throws: as ``render(_:to:)``; ``GraphvizError/failed(command:status:message:)`` when the
    ///   text is not valid DOT.
    @discardableResult
    public func render(dot text: String, to sink: ByteSink) throws -> [String] {
        guard let executable = GraphvizRenderer.executablePath(of: command) else {
            throw GraphvizError.notInstalled(command: command)
        }
        return try run(executable, dot: Array(text.utf8), into: sink)
    }

    /// The absolute path of `command`: itself when it contains a `/` and is an executable file,
    /// otherwise the first executable `PATH` entry of that name; nil when there is none.
    public static func executablePath(of command: String) -> String? {
        let files = FileManager.default
        guard !command.isEmpty else { return nil }
        if command.contains("/") { return files.isExecutableFile(atPath: command) ? command : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = directory + "/" + command
            var isDirectory: ObjCBool = false
            if files.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               files.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Runs `executable -T<format> <temporary file holding dot>` and streams its standard output into `sink`.
    private func run(_ executable: String, dot: [UInt8], into sink: ByteSink) throws -> [String] {
        let input = FileManager.default.temporaryDirectory
            .appendingPathComponent("kgexport-render-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString).dot")
        let file = try FileSink(path: input.path)
        try file.write(dot)
        try file.commit()
        defer { try? FileManager.default.removeItem(at: input) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-T" + format.rawValue, input.path]
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors

        let collected = StandardError()
        let reader = errors.fileHandleForReading
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            collected.set((try? reader.readToEnd()) ?? Data())
            group.leave()
        }
        do {
            try process.run()
        } catch {
            try? errors.fileHandleForWriting.close()
            try? output.fileHandleForWriting.close()
            group.wait()
            throw GraphvizError.cannotLaunch(command: command, reason: "\(error)")
        }
        // The parent's copies of the write ends must be closed, or the reads below never see the end.
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()

        var written = 0
        var failure: (any Error)?
        let stdout = output.fileHandleForReading
        while true {
            let chunk: Data
            do {
                guard let data = try stdout.read(upToCount: 1 << 16), !data.isEmpty else { break }
                chunk = data
            } catch {
                failure = failure ?? OutputError(operation: "cannot read the output of", path: executable, reason: "\(error)")
                process.terminate()
                break
            }
            guard failure == nil else { continue }   // keep draining so that dot can finish
            do {
                try chunk.withUnsafeBytes { try sink.write($0) }
                written += chunk.count
            } catch {
                failure = error
                process.terminate()
            }
        }
        process.waitUntilExit()
        group.wait()
        if let failure { throw failure }

        let message = String(decoding: collected.data, as: UTF8.self)
        let lines = message.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.isEmpty }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        guard status == 0 else {
            throw GraphvizError.failed(command: command, status: status, message: lines.joined(separator: "; "))
        }
        guard written > 0 else { throw GraphvizError.emptyOutput(command: command) }
        return lines
    }

    /// `dot`'s standard error, read on another thread while the image is read.
    private final class StandardError: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()

        var data: Data {
            lock.lock()
            defer { lock.unlock() }
            return bytes
        }

        func set(_ data: Data) {
            lock.lock()
            defer { lock.unlock() }
            bytes = data
        }
    }
}
