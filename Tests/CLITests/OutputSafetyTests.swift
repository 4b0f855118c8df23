import Foundation
import XCTest

/// Nothing is lost: an interrupted run (SIGINT, SIGTERM) or a failed write (a full disk) leaves the
/// previous outputs as they were and no partial or temporary file; kgexport never overwrites one
/// of its inputs and writes nothing outside the directory it was given.
final class OutputSafetyTests: XCTestCase {
    private typealias K = KGExportProcess
    private let formats = ["graphml", "rdf", "dot", "jsonl"]

    /// An interchange file big enough that writing its four outputs takes seconds: 5,000
    /// entities and 60,000 relations with evidence (about 20 MB).
    private func largeInterchangeFile(in dir: URL) throws -> URL {
        var text = ""
        text.reserveCapacity(20_000_000)
        let types = ["Person", "Country", "Organization", "Company", "Facility", "Place"]
        for i in 0..<5_000 {
            text += #"{"kind":"entity","id":"e\#(i)","label":"Entity \#(i) & <Co>","type":"\#(types[i % 6])"}"# + "\n"
        }
        for i in 0..<60_000 {
            text += #"{"kind":"relation","subject":"e\#(i % 5_000)","relation":"met-with","object":"e\#((i * 7 + 1) % 5_000)","#
                + #""date":"2008-09-\#(String(format: "%02d", i % 28 + 1))","evidence":"Sentence \#(i) says that they met, \"quoted\".","#
                + #""source":"doc-\#(i % 50).txt","offsets":[\#(i),\#(i + 40)]}"# + "\n"
        }
        let url = dir.appendingPathComponent("big.jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// Starts `convert` of a large file into `out` (which holds previous outputs), waits until a
    /// temporary output file exists, sends `signal`, and checks the status, the message and that
    /// `out` holds exactly the previous outputs, unchanged.
    private func assertInterruptDuringWrite(signal: Int32, name: String, status: Int32) throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = try largeInterchangeFile(in: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for ext in formats { try Data("previous \(ext)\n".utf8).write(to: out.appendingPathComponent("big." + ext)) }
        let stdout = Pipe(), stderr = Pipe()
        let process = try K.start(["convert", input.path, "--output-dir", out.path], stdout: stdout, stderr: stderr)
        let deadline = Date().addingTimeInterval(300)
        var sawTemporaryFile = false
        while process.isRunning, Date() < deadline {
            if K.files(in: out).contains(where: { $0.contains(".tmp-") }) {
                sawTemporaryFile = true
                kill(process.processIdentifier, signal)
                break
            }
            usleep(2_000)
        }
        let result = K.finish(process, stdout, stderr)
        XCTAssertTrue(sawTemporaryFile, "the run ended before it wrote a temporary file: \(result.stderr)")
        XCTAssertEqual(result.status, status, result.stderr)
        XCTAssertTrue(result.stderr.contains("kgexport: interrupted by \(name); removed "), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix(" previous outputs are unchanged\n"), result.stderr)
        XCTAssertEqual(K.files(in: out), formats.map { "big." + $0 }.sorted(), "no temporary file is left")
        for ext in formats {
            XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("big." + ext), encoding: .utf8), "previous \(ext)\n")
        }
    }

    func testSIGINTWhileWritingRemovesTemporaryFilesAndExits130() throws {
        try assertInterruptDuringWrite(signal: SIGINT, name: "SIGINT", status: 130)
    }

    func testSIGTERMWhileWritingRemovesTemporaryFilesAndExits143() throws {
        try assertInterruptDuringWrite(signal: SIGTERM, name: "SIGTERM", status: 143)
    }

    /// A full disk: a 64 KiB tmpfs holds the previous output; the new one does not fit. Needs
    /// root and a kernel that lets this process mount (skipped otherwise; the injected write
    /// error of FileSinkFailureTests covers the same path without a mount).
    func testFullDiskLeavesThePreviousFileAndNoPartialFile() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = try largeInterchangeFile(in: dir)
        let disk = dir.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]
        mount.standardError = Pipe()
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            throw XCTSkip("cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN); FileSinkFailureTests injects the write error instead")
        }
        addTeardownBlock {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [disk.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        let target = disk.appendingPathComponent("graph.graphml")
        try Data("previous graph\n".utf8).write(to: target)
        let result = try K.run(["convert", input.path, "--to", "graphml", "-o", target.path])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: cannot write \(disk.path)/.graph.graphml.tmp-"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix(": no space left on device\n"), result.stderr)
        XCTAssertEqual(K.files(in: disk), ["graph.graphml"], "no partial or temporary file")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "previous graph\n")
    }

    // MARK: inputs are never overwritten

    private func interchangeFile(_ url: URL) throws {
        try Data("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"Country\"}\n".utf8).write(to: url)
    }

    private func assertRefused(_ arguments: [String], in directory: URL, input: URL,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try Data(contentsOf: input)
        let listing = K.files(in: directory)
        let result = try K.run(arguments, in: directory)
        XCTAssertEqual(result.status, 74, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.contains("refusing to overwrite the input "), result.stderr, file: file, line: line)
        XCTAssertEqual(try Data(contentsOf: input), before, file: file, line: line)
        XCTAssertEqual(K.files(in: directory), listing, "nothing written", file: file, line: line)
    }

    func testRefusesToOverwriteAnInputNamedAnotherWay() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("g.jsonl")
        try interchangeFile(input)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try assertRefused(["convert", "g.jsonl", "--to", "jsonl", "-o", "./g.jsonl"], in: dir, input: input)
        try assertRefused(["convert", "./g.jsonl", "--to", "jsonl", "-o", "sub/../g.jsonl"], in: dir, input: input)
        try assertRefused(["convert", "g.jsonl", "--to", "jsonl", "-o", input.path], in: dir, input: input)
        try assertRefused(["convert", "g.jsonl", "--to", "jsonl", "--output-dir", "."], in: dir, input: input)
    }

    func testRefusesToOverwriteAnInputThroughASymbolicLink() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("real.jsonl")
        try interchangeFile(input)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.jsonl").path, withDestinationPath: "real.jsonl")
        try assertRefused(["convert", "link.jsonl", "--to", "jsonl", "-o", "real.jsonl"], in: dir, input: input)
        try assertRefused(["convert", "real.jsonl", "--to", "jsonl", "-o", "link.jsonl"], in: dir, input: input)
    }

    func testRefusesToOverwriteAnArticle() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = dir.appendingPathComponent("a.dot")
        try FileManager.default.copyItem(at: K.exampleArticle, to: article)
        try assertRefused(["a.dot", "--to", "dot", "--output-dir", "."], in: dir, input: article)
    }

    /// A hard link is another name for the same file: writing "to" it replaces the name, never the
    /// input's bytes.
    func testWritingOntoAHardLinkOfTheInputLeavesTheInputUnchanged() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = dir.appendingPathComponent("g.jsonl")
        try Data("{\"kind\":\"entity\",\"id\":\"a\",\"type\":\"Country\",\"label\":\"Original\"}\n".utf8).write(to: input)
        let before = try Data(contentsOf: input)
        try FileManager.default.linkItem(at: input, to: dir.appendingPathComponent("hard.jsonl"))
        let result = try K.run(["convert", "g.jsonl", "--to", "jsonl", "-o", "hard.jsonl"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try Data(contentsOf: input), before)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("hard.jsonl"), encoding: .utf8),
                       #"{"kind":"entity","id":"a","label":"Original","type":"Country","aliases":[]}"# + "\n")
    }

    // MARK: nothing outside the output directory

    func testAnArticleNamedWithDotDotWritesOnlyIntoTheOutputDirectory() throws {
        let dir = try K.temporaryDirectory(for: self)
        let work = dir.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: K.exampleArticle, to: dir.appendingPathComponent("x.txt"))
        let result = try K.run(["../x.txt", "--output-dir", "out"], in: work)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(K.files(in: dir), ["work", "x.txt"])
        XCTAssertEqual(K.files(in: work), ["out"])
        XCTAssertEqual(K.files(in: work.appendingPathComponent("out")), formats.map { "x." + $0 }.sorted())
    }

    func testABaseNameWithASlashIsAUsageError() throws {
        let dir = try K.temporaryDirectory(for: self)
        let a = dir.appendingPathComponent("a.txt"), b = dir.appendingPathComponent("b.txt")
        try FileManager.default.copyItem(at: K.exampleArticle, to: a)
        try FileManager.default.copyItem(at: K.exampleArticle, to: b)
        let out = dir.appendingPathComponent("out")
        for name in ["../escaped", "/tmp/escaped", "..", ""] {
            let result = try K.run([a.path, b.path, "--name", name, "--output-dir", out.path])
            XCTAssertEqual(result.status, 64, "--name '\(name)': \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--name '\(name)' must be a file name without '/'"), result.stderr)
        }
        XCTAssertEqual(K.files(in: dir), ["a.txt", "b.txt"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: "/tmp/escaped.graphml"))
    }

    /// An output path that is a symbolic link to a file elsewhere: the link is replaced by the new
    /// file; the file it pointed to stays as it was.
    func testAnOutputThatIsASymbolicLinkIsReplacedNotFollowed() throws {
        let dir = try K.temporaryDirectory(for: self)
        let outside = dir.appendingPathComponent("outside.dot")
        try Data("outside\n".utf8).write(to: outside)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("edm-2008-kazakhstan-csto.dot").path,
                                                   withDestinationPath: outside.path)
        let result = try K.run([K.exampleArticle.path, "--to", "dot", "--output-dir", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try String(contentsOf: outside, encoding: .utf8), "outside\n")
        let written = out.appendingPathComponent("edm-2008-kazakhstan-csto.dot")
        XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: written.path), "now a regular file")
        XCTAssertTrue(try String(contentsOf: written, encoding: .utf8).hasPrefix("digraph "))
    }
}
