import Foundation
import KGFormats
import KGModel
import XCTest

/// A write that fails half way (the injected error: the file size limit, `RLIMIT_FSIZE`, makes
/// `write(2)` fail with EFBIG as a full disk fails with ENOSPC) leaves the destination as it was
/// and no temporary file. The command-line test with a full tmpfs is OutputSafetyTests.
final class FileSinkFailureTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs `body` with files limited to `bytes` (SIGXFSZ ignored, so the write fails instead of
    /// killing the process), then lifts the limit.
    private func withFileSizeLimit<T>(_ bytes: rlim_t, _ body: () throws -> T) rethrows -> T {
        var saved = rlimit()
        getrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
        let previousHandler = signal(SIGXFSZ, SIG_IGN)
        var limited = saved
        limited.rlim_cur = bytes
        setrlimit(Int32(RLIMIT_FSIZE.rawValue), &limited)
        defer {
            setrlimit(Int32(RLIMIT_FSIZE.rawValue), &saved)
            signal(SIGXFSZ, previousHandler)
        }
        return try body()
    }

    private func largeGraph() -> KnowledgeGraph {
        var graph = KnowledgeGraph()
        for i in 0..<2_000 {
            graph.add(Entity(id: "e\(i)", label: "Entity number \(i)", type: .organization))
        }
        for i in 0..<2_000 {
            graph.add(Relation(subject: "e\(i)", kind: .memberOf, object: "e\((i + 1) % 2_000)",
                               evidence: Evidence(sentence: "Entity \(i) joined entity \(i + 1).", source: "a.txt")))
        }
        return graph
    }

    func testAFailedWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws {
        let target = directory.appendingPathComponent("graph.graphml")
        try Data("previous graph\n".utf8).write(to: target)
        let sink = try FileSink(path: target.path, bufferSize: 4096)
        let temporary = sink.temporaryPath
        XCTAssertTrue(TemporaryFiles.live.contains(temporary))
        let error: Error? = withFileSizeLimit(64 * 1024) {
            do {
                try GraphMLWriter.write(largeGraph(), to: sink)
                try sink.commit()
                return nil
            } catch {
                sink.discard()
                return error
            }
        }
        let failure = try XCTUnwrap(error as? OutputError, "expected an OutputError, got \(String(describing: error))")
        XCTAssertEqual(failure.operation, "cannot write")
        XCTAssertEqual(failure.path, temporary)
        XCTAssertEqual(failure.reason, "file too large")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "previous graph\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["graph.graphml"])
        XCTAssertFalse(TemporaryFiles.live.contains(temporary))
    }

    func testACommittedWriteReplacesThePreviousFile() throws {
        let target = directory.appendingPathComponent("graph.jsonl")
        try Data("previous graph\n".utf8).write(to: target)
        let sink = try FileSink(path: target.path)
        try JSONLinesWriter.write(largeGraph(), to: sink)
        try sink.commit()
        XCTAssertFalse(TemporaryFiles.live.contains(sink.temporaryPath))
        let lines = try String(contentsOf: target, encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines.count, 4_000)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["graph.jsonl"])
    }
}
