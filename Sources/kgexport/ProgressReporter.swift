import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report on standard error for long runs: files done, relations written,
/// the rate, and the time left (from the bytes read when the input sizes are known, else from the
/// files done).
///
/// It is shown only when standard error is a terminal and the user did not ask for `--quiet`;
/// otherwise (a pipe, a log file, a test) it prints nothing. The line is redrawn at most five times
/// a second with a carriage return, and erased when the run ends, so it never mixes with the
/// messages that follow. Safe to call from several threads (``ParallelExtraction`` reports from
/// its workers).
///
/// For a folder of articles:
///
/// ```swift
/// let progress = ProgressReporter.forStandardError(quiet: quiet, label: "extracting")
/// progress.start(files: paths.count, bytes: 0)
/// let graphs = try ParallelExtraction.extract(paths, jobs: jobs, documentDate: date, extractor: extractor,
///                                             progress: { progress.update(filesDone: $0, relations: nil, bytes: 0) })
/// progress.finish(relations: nil)
/// ```
final class ProgressReporter: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let label: String
    private var files = 0
    private var totalBytes = 0
    private var started = 0.0
    private var lastDraw = 0.0
    private var drawn = false

    /// A reporter that draws when `enabled` (see ``forStandardError(quiet:label:)``).
    init(enabled: Bool, label: String) {
        self.enabled = enabled
        self.label = label
    }

    /// Draws when standard error is a terminal and `quiet` is false.
    static func forStandardError(quiet: Bool, label: String) -> ProgressReporter {
        ProgressReporter(enabled: !quiet && isatty(STDERR_FILENO) == 1, label: label)
    }

    /// Seconds on a monotonic clock.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Starts the clock for `files` inputs of `bytes` bytes in all (0 when unknown).
    func start(files: Int, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        self.files = files
        totalBytes = bytes
        started = Self.now()
    }

    /// Redraws the line when the last draw is more than 0.2 s old.
    /// - Parameters:
    ///   - filesDone: inputs finished.
    ///   - relations: relations written so far, or nil when not counted (extraction).
    ///   - bytes: input bytes read so far (0 when unknown; the time left then comes from the files).
    func update(filesDone: Int, relations: Int?, bytes: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Self.now()
        guard now - lastDraw >= 0.2 else { return }
        lastDraw = now
        draw(Self.line(label: label, filesDone: filesDone, files: files, relations: relations, bytes: bytes,
                       totalBytes: totalBytes, elapsed: now - started))
    }

    /// Erases the line (if drawn) so that a message can be printed; the next update redraws it.
    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
        lastDraw = 0
    }

    /// Erases the line.
    func finish(relations: Int?) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    /// `converting: 1/2 files, 412,000 relations, 210,000 relations/s, 46%, 3 s left`, or
    /// `extracting: 120/800 files, 40 files/s, 15%, 17 s left` without relations.
    static func line(label: String, filesDone: Int, files: Int, relations: Int?, bytes: Int, totalBytes: Int,
                     elapsed: Double) -> String {
        var parts = ["\(grouped(filesDone))/\(grouped(files)) files"]
        if let relations {
            parts.append("\(grouped(relations)) relations")
            if elapsed > 0 { parts.append("\(grouped(Int(Double(relations) / elapsed))) relations/s") }
        } else if elapsed > 0 {
            parts.append("\(grouped(Int(Double(filesDone) / elapsed))) files/s")
        }
        var fraction: Double?
        if totalBytes > 0, bytes > 0 {
            fraction = min(1, Double(bytes) / Double(totalBytes))
        } else if totalBytes == 0, files > 0, filesDone > 0 {
            fraction = min(1, Double(filesDone) / Double(files))
        }
        if let fraction {
            parts.append("\(Int(fraction * 100))%")
            if elapsed > 0.5 {
                parts.append(duration(elapsed * (1 - fraction) / fraction) + " left")
            }
        }
        return label + ": " + parts.joined(separator: ", ")
    }

    /// 1234567 → `1,234,567`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// `42 s`, `3 min 5 s`, `1 h 2 min`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60) min"
    }

    private func draw(_ text: String) {
        write("\r\u{1B}[K" + text)
        drawn = true
    }

    private func write(_ text: String) {
        writeStandardError(text)
    }
}
