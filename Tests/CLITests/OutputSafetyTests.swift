import Foundation
import XCTest
@testable import kgexport

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

    /// A 64 KiB tmpfs mounted at `dir/disk` (unmounted when the test ends). Needs root and a
    /// kernel that lets this process mount (skipped otherwise; the injected write error of
    /// FileSinkFailureTests covers the same path without a mount).
    private func smallDisk(in dir: URL) throws -> URL {
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
        return disk
    }

    /// A full disk: a 64 KiB tmpfs holds the previous output; the new one does not fit. The
    /// message names the output, not its temporary file, and says what to do.
    func testFullDiskLeavesThePreviousFileAndNoPartialFile() throws {
        let dir = try K.temporaryDirectory(for: self)
        let input = try largeInterchangeFile(in: dir)
        let disk = try smallDisk(in: dir)
        let target = disk.appendingPathComponent("graph.graphml")
        try Data("previous graph\n".utf8).write(to: target)
        let result = try K.run(["convert", input.path, "--to", "graphml", "-o", target.path])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: cannot write \(target.path) (no space left on device); free some space or choose another -o FILE\n")
        XCTAssertEqual(K.files(in: disk), ["graph.graphml"], "no partial or temporary file")
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "previous graph\n")
    }

    /// Every format `extract` writes; together they do not fit in 64 KiB, each one alone does.
    private static let allFormats = "graphml,gexf,rdfxml,ntriples,turtle,jsonld,dot,jsonl,nquads"
    private static let allExtensions = ["graphml", "gexf", "rdf", "nt", "ttl", "jsonld", "dot", "jsonl", "nq"]

    /// Runs `extract` of one article into `disk` with every format, and checks that it fails for
    /// the full disk naming one of the outputs (never a temporary file).
    private func runExtractOntoAFullDisk(_ disk: URL, in dir: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        try FileManager.default.copyItem(at: K.exampleArticle, to: dir.appendingPathComponent("a.txt"))
        let result = try K.run(["a.txt", "--output-dir", "disk", "--to", Self.allFormats], in: dir)
        XCTAssertEqual(result.status, 74, result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: cannot write disk/a."), result.stderr, file: file, line: line)
        XCTAssertTrue(result.stderr.hasSuffix(" (no space left on device); free some space or choose another --output-dir\n"),
                      result.stderr, file: file, line: line)
        XCTAssertFalse(result.stderr.contains(".tmp-"), result.stderr, file: file, line: line)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr, file: file, line: line)
    }

    /// All or nothing across formats: when the disk fills while the ninth format is written,
    /// none of the nine previous files has changed, not even those whose new content was complete.
    func testAFullDiskDuringAMultiFormatExtractLeavesEveryPreviousFile() throws {
        let dir = try K.temporaryDirectory(for: self)
        let disk = try smallDisk(in: dir)
        for ext in Self.allExtensions { try Data("OLD \(ext)\n".utf8).write(to: disk.appendingPathComponent("a." + ext)) }
        try runExtractOntoAFullDisk(disk, in: dir)
        XCTAssertEqual(K.files(in: disk), Self.allExtensions.map { "a." + $0 }.sorted(), "no new, partial or temporary file")
        for ext in Self.allExtensions {
            XCTAssertEqual(try String(contentsOf: disk.appendingPathComponent("a." + ext), encoding: .utf8), "OLD \(ext)\n", ext)
        }
    }

    func testAFullDiskDuringAMultiFormatExtractIntoAnEmptyFolderLeavesItEmpty() throws {
        let dir = try K.temporaryDirectory(for: self)
        let disk = try smallDisk(in: dir)
        try runExtractOntoAFullDisk(disk, in: dir)
        XCTAssertEqual(K.files(in: disk), [], "no new, partial or temporary file")
    }

    /// The same formats fit on a disk with room: the test above fails for the disk, not the formats.
    func testTheSameMultiFormatExtractSucceedsWithRoom() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.copyItem(at: K.exampleArticle, to: dir.appendingPathComponent("a.txt"))
        let result = try K.run(["a.txt", "--output-dir", "disk", "--to", Self.allFormats, "--quiet"], in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let disk = dir.appendingPathComponent("disk")
        XCTAssertEqual(K.files(in: disk), Self.allExtensions.map { "a." + $0 }.sorted())
        let sizes = try Self.allExtensions.map { try Data(contentsOf: disk.appendingPathComponent("a." + $0)).count }
        XCTAssertGreaterThan(sizes.reduce(0, +), 64 * 1024, "together they need more than the small disk holds")
    }

    /// A folder the user cannot write to: the message names the folder as typed, not a temporary
    /// file, and nothing is written. Runs without the capability that lets root write anywhere.
    func testAFolderThatCannotBeWrittenNamesTheFolder() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.copyItem(at: K.exampleArticle, to: dir.appendingPathComponent("a.txt"))
        try FileManager.default.copyItem(at: K.exampleArticle, to: dir.appendingPathComponent("b.txt"))
        let ro = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: ro.path)
        addTeardownBlock { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: ro.path) }
        let many = try K.runUnprivileged(["a.txt", "b.txt", "--output-dir", "ro", "--to", "graphml,dot"], in: dir)
        XCTAssertEqual(many.status, 74, many.stderr)
        XCTAssertEqual(many.stderr, "kgexport: cannot write in ro/ (permission denied); choose a folder you can write to with --output-dir\n")
        let one = try K.runUnprivileged(["a.txt", "-o", "ro/a.dot"], in: dir)
        XCTAssertEqual(one.status, 74, one.stderr)
        XCTAssertEqual(one.stderr, "kgexport: cannot write in ro/ (permission denied); choose a folder you can write to with -o FILE\n")
        XCTAssertEqual(K.files(in: ro), [])
    }

    func testAnOutputInAFolderThatDoesNotExistSaysSo() throws {
        let dir = try K.temporaryDirectory(for: self)
        let result = try K.run([K.exampleArticle.path, "-o", "nodir/a.dot"], in: dir)
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: cannot write nodir/a.dot (no such file or directory); create its folder first or choose another -o FILE\n")
        XCTAssertEqual(K.files(in: dir), [])
    }

    /// The messages for failures that a test cannot provoke everywhere.
    func testOutputFailureMessages() {
        let cases: [(String, String, String, String, String)] = [
            ("cannot write", "out/a.nt", "no space left on device", "--output-dir",
             "cannot write out/a.nt (no space left on device); free some space or choose another --output-dir"),
            ("cannot write", "out/a.nt", "disk quota exceeded", "--output-dir",
             "cannot write out/a.nt (disk quota exceeded); free some space or choose another --output-dir"),
            ("cannot create temporary file", "ro/b.graphml", "permission denied", "--output-dir",
             "cannot write in ro/ (permission denied); choose a folder you can write to with --output-dir"),
            ("cannot create temporary file", "b.graphml", "read-only file system", "-o FILE",
             "cannot write in ./ (read-only file system); choose a folder you can write to with -o FILE"),
            ("cannot write", "out/a.dot", "is a directory", "--output-dir",
             "cannot write out/a.dot (is a directory); move the folder away or choose another --output-dir"),
            ("cannot write", "-", "broken pipe", "-o FILE", "cannot write to standard output (broken pipe)"),
            ("cannot write", "out/a.dot", "input/output error", "--output-dir",
             "cannot write out/a.dot (input/output error); check the disk and the folder, or choose another --output-dir"),
        ]
        for (operation, path, reason, option, expected) in cases {
            XCTAssertEqual(OutputFiles.message(operation: operation, path: path, reason: reason, option: option), expected)
        }
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
        for (name, message) in [("../escaped", "--name '../escaped' must be a file name without '/'"),
                                 ("/tmp/escaped", "--name '/tmp/escaped' must be a file name without '/'"),
                                 ("..", "--name '..' must be a file name, not '.' or '..'"),
                                 ("", "--name must not be empty")] {
            let result = try K.run([a.path, b.path, "--name", name, "--output-dir", out.path])
            XCTAssertEqual(result.status, 64, "--name '\(name)': \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(message), result.stderr)
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
