import Foundation
import XCTest
@testable import KGFormats

final class OutputSinkTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    private func contents(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: directory.appendingPathComponent(name)), as: UTF8.self)
    }

    func testMemorySinkCollectsBytes() throws {
        let sink = MemorySink()
        try sink.write("Назарбаев ")
        try sink.write([0x41, 0x42])
        XCTAssertEqual(sink.text, "Назарбаев AB")
        XCTAssertEqual(sink.bytes.count, 21, "9 Cyrillic letters of 2 bytes, a space, A, B")
        sink.removeAll()
        XCTAssertEqual(sink.text, "")
    }

    func testFileSinkWritesToATemporaryFileAndRenamesOnCommit() throws {
        let path = directory.appendingPathComponent("kg.graphml").path
        let sink = try FileSink(path: path, bufferSize: 4)
        XCTAssertTrue(sink.temporaryPath.hasPrefix(directory.path + "/.kg.graphml.tmp-\(getpid())-"), sink.temporaryPath)
        try sink.write("hello, ")
        try sink.write("world")
        XCTAssertEqual(try files(), [String(sink.temporaryPath.split(separator: "/").last ?? "")])
        try sink.commit()
        XCTAssertEqual(try files(), ["kg.graphml"])
        XCTAssertEqual(try contents("kg.graphml"), "hello, world")
        XCTAssertThrowsError(try sink.write("more")) {
            XCTAssertEqual("\($0)", "cannot write \(path): output already closed")
        }
        XCTAssertThrowsError(try sink.commit())
    }

    func testCommitReplacesAnExistingFileAndDiscardKeepsIt() throws {
        let path = directory.appendingPathComponent("out.dot").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        let discarded = try FileSink(path: path)
        try discarded.write("new but abandoned")
        discarded.discard()
        XCTAssertEqual(try files(), ["out.dot"])
        XCTAssertEqual(try contents("out.dot"), "old")
        let committed = try FileSink(path: path)
        try committed.write("new")
        try committed.commit()
        XCTAssertEqual(try contents("out.dot"), "new")
    }

    func testReleasingAnUncommittedSinkRemovesTheTemporaryFile() throws {
        let path = directory.appendingPathComponent("x.graphml").path
        do {
            let sink = try FileSink(path: path)
            try sink.write(String(repeating: "x", count: 200_000))
            XCTAssertEqual(try files().count, 1)
        }
        XCTAssertEqual(try files(), [])
    }

    func testTwoSinksForOnePathUseDifferentTemporaryFiles() throws {
        let path = directory.appendingPathComponent("same.dot").path
        let a = try FileSink(path: path)
        let b = try FileSink(path: path)
        XCTAssertNotEqual(a.temporaryPath, b.temporaryPath)
        try a.write("a")
        try b.write("b")
        try a.commit()
        try b.commit()
        XCTAssertEqual(try contents("same.dot"), "b")
        XCTAssertEqual(try files(), ["same.dot"])
    }

    func testLargeWritesBypassTheBuffer() throws {
        let path = directory.appendingPathComponent("big").path
        let sink = try FileSink(path: path, bufferSize: 16)
        let big = String(repeating: "0123456789", count: 10_000)
        try sink.write("<")
        try sink.write(big)
        try sink.write(">")
        try sink.commit()
        XCTAssertEqual(try contents("big"), "<" + big + ">")
    }

    func testErrorsNameThePathAndTheSystemsReason() throws {
        let missing = directory.appendingPathComponent("no/such/dir/kg.graphml").path
        XCTAssertThrowsError(try FileSink(path: missing)) {
            let error = $0 as? OutputError
            XCTAssertEqual(error?.operation, "cannot create temporary file")
            XCTAssertTrue(error?.path.hasPrefix(directory.path + "/no/such/dir/.kg.graphml.tmp-") ?? false)
            XCTAssertEqual(error?.reason, "no such file or directory")
        }
        XCTAssertThrowsError(try FileSink(path: directory.path)) {
            XCTAssertEqual("\($0)", "cannot write \(directory.path): is a directory")
        }
        XCTAssertThrowsError(try FileSink(path: "")) {
            XCTAssertEqual("\($0)", "cannot write : not a file path")
        }
    }

    func testOutputSinkForPath() throws {
        XCTAssertTrue(try makeOutputSink(path: "-") is DescriptorSink)
        let sink = try makeOutputSink(path: directory.appendingPathComponent("f").path)
        XCTAssertTrue(sink is FileSink)
        sink.discard()
        XCTAssertEqual(try files(), [])
    }

    func testRelativePathInTheCurrentDirectory() throws {
        XCTAssertEqual(FileSink.split("kg.graphml").directory, "")
        XCTAssertEqual(FileSink.split("kg.graphml").name, "kg.graphml")
        XCTAssertEqual(FileSink.split("/a/b/kg.dot").directory, "/a/b/")
        XCTAssertEqual(FileSink.split("/kg.dot").directory, "/")
    }

    // MARK: OutputBatch: several files, all or none

    func testABatchRenamesEveryFileOnlyAtCommit() throws {
        try Data("OLD a\n".utf8).write(to: directory.appendingPathComponent("a.graphml"))
        let batch = OutputBatch()
        let a = try batch.open(directory.appendingPathComponent("a.graphml").path)
        let b = try batch.open(directory.appendingPathComponent("a.dot").path)
        try a.write("new a\n")
        try b.write("new b\n")
        XCTAssertEqual(try contents("a.graphml"), "OLD a\n", "nothing visible before the commit")
        XCTAssertEqual(try files().filter { !$0.contains(".tmp-") }, ["a.graphml"])
        try batch.commit()
        XCTAssertEqual(try files(), ["a.dot", "a.graphml"])
        XCTAssertEqual(try contents("a.graphml"), "new a\n")
        XCTAssertEqual(try contents("a.dot"), "new b\n")
        XCTAssertEqual(batch.paths, [directory.appendingPathComponent("a.graphml").path, directory.appendingPathComponent("a.dot").path])
    }

    /// A rename that fails (here: the last destination became a folder) undoes the renames before
    /// it: the file that existed has its previous content, the new one is gone, no backup or
    /// temporary file is left.
    func testAFailedRenameUndoesTheEarlierOnes() throws {
        try Data("OLD a\n".utf8).write(to: directory.appendingPathComponent("a.graphml"))
        let batch = OutputBatch()
        let names = ["a.graphml", "a.dot", "a.jsonl"]
        for name in names {
            try batch.open(directory.appendingPathComponent(name).path).write("new \(name)\n")
        }
        let blocker = directory.appendingPathComponent("a.jsonl")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: blocker.appendingPathComponent("keep"))
        XCTAssertThrowsError(try batch.commit()) {
            let error = $0 as? OutputError
            XCTAssertEqual(error?.operation, "cannot write")
            XCTAssertEqual(error?.path, blocker.path)
        }
        XCTAssertEqual(try files(), ["a.graphml", "a.jsonl"])
        XCTAssertEqual(try contents("a.graphml"), "OLD a\n")
        XCTAssertFalse(TemporaryFiles.live.contains { $0.hasPrefix(directory.path) })
    }

    func testABatchNamesTheDestinationOfATemporaryFile() throws {
        let batch = OutputBatch()
        let target = directory.appendingPathComponent("kg.nt").path
        let sink = try XCTUnwrap(try batch.open(target) as? FileSink)
        XCTAssertEqual(batch.destination(of: sink.temporaryPath), target)
        XCTAssertEqual(batch.destination(of: "/elsewhere"), "/elsewhere")
        XCTAssertThrowsError(try batch.open(directory.appendingPathComponent("no/such/kg.dot").path)) {
            let error = $0 as? OutputError
            XCTAssertEqual(error?.operation, "cannot create temporary file")
            XCTAssertEqual(error?.path, self.directory.appendingPathComponent("no/such/kg.dot").path, "the destination, not the temporary file")
            XCTAssertEqual(error?.reason, "no such file or directory")
        }
        batch.discard()
        XCTAssertEqual(try files(), [])
    }

    func testADiscardedBatchLeavesThePreviousFiles() throws {
        try Data("OLD\n".utf8).write(to: directory.appendingPathComponent("kg.ttl"))
        let batch = OutputBatch()
        try batch.open(directory.appendingPathComponent("kg.ttl").path).write("new\n")
        try batch.open(directory.appendingPathComponent("kg.nq").path).write("new\n")
        batch.discard()
        XCTAssertEqual(try files(), ["kg.ttl"])
        XCTAssertEqual(try contents("kg.ttl"), "OLD\n")
    }
}
