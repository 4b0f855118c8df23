import Foundation
import XCTest
@testable import kgexport

/// Inputs that are not regular files (`/dev/stdin`, a FIFO, `/dev/null`, what a process
/// substitution `<(…)` names), folders, articles that share a file name, `Date:` values that are
/// not dates, and standard output that fails or is closed by its reader.
final class InputKindsTests: XCTestCase {
    private typealias K = KGExportProcess

    /// A FIFO at `url` that a thread fills with `data` once kgexport opens it for reading. The
    /// writer opens it once: a second opening by kgexport would wait forever (``KGExportProcess/run(_:input:in:environment:timeout:)``
    /// ends such a run after a minute).
    private func fifo(_ url: URL, holding data: Data) throws {
        XCTAssertEqual(mkfifo(url.path, 0o600), 0, String(cString: strerror(errno)))
        let path = url.path
        Thread.detachNewThread {
            let fd = open(path, O_WRONLY)
            guard fd >= 0 else { return }
            data.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(fd)
        }
    }

    /// The example article's interchange file.
    private func exampleGraph(in dir: URL) throws -> URL {
        let jsonl = dir.appendingPathComponent("g.jsonl")
        let result = try K.run([K.exampleArticle.path, "--to", "jsonl", "-o", jsonl.path, "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return jsonl
    }

    // MARK: convert --drop-isolated reads a pipe or FIFO once

    func testConvertDropIsolatedFromAFIFOAndFromDevStdinGivesTheFilesOutput() throws {
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let data = try Data(contentsOf: graph)
        let arguments = ["--drop-isolated", "--to", "ntriples", "-o", "-"]

        let fromFile = try K.run(["convert", graph.path] + arguments)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stderr, "kgexport: 11 entities, 6 relations (12 isolated entities left out)\n")
        XCTAssertFalse(fromFile.stdout.isEmpty)

        let scratch = dir.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let fromStandardInput = try K.run(["convert", "/dev/stdin"] + arguments, input: data, environment: ["TMPDIR": scratch.path])
        XCTAssertEqual(fromStandardInput.status, 0, fromStandardInput.stderr)
        XCTAssertEqual(fromStandardInput.stderr, fromFile.stderr)
        XCTAssertEqual(fromStandardInput.stdout, fromFile.stdout)

        let named = dir.appendingPathComponent("g.fifo")
        try fifo(named, holding: data)
        let fromFIFO = try K.run(["convert", named.path] + arguments, input: Data(), environment: ["TMPDIR": scratch.path])
        XCTAssertEqual(fromFIFO.status, 0, fromFIFO.stderr)
        XCTAssertEqual(fromFIFO.stderr, fromFile.stderr)
        XCTAssertEqual(fromFIFO.stdout, fromFile.stdout)
        XCTAssertEqual(K.files(in: scratch), [], "the copies are removed")
    }

    /// Without --drop-isolated a pipe is read once, in place.
    func testConvertFromDevStdinWithoutDropIsolated() throws {
        let dir = try K.temporaryDirectory(for: self)
        let graph = try exampleGraph(in: dir)
        let fromFile = try K.run(["convert", graph.path, "--to", "ntriples", "-o", "-"])
        let fromStandardInput = try K.run(["convert", "/dev/stdin", "--to", "ntriples", "-o", "-"], input: try Data(contentsOf: graph))
        XCTAssertEqual(fromStandardInput.status, 0, fromStandardInput.stderr)
        XCTAssertEqual(fromStandardInput.stderr, "kgexport: 23 entities, 6 relations\n")
        XCTAssertEqual(fromStandardInput.stdout, fromFile.stdout)
    }

    // MARK: outputs that are not regular files

    /// `-o` naming a FIFO or a device (`/dev/stdout`, `/dev/null`) writes into it in place:
    /// renaming a temporary file onto it would replace the FIFO or device with a regular file.
    func testAnOutputThatIsAFIFOOrADeviceIsWrittenInPlace() throws {
        let dir = try K.temporaryDirectory(for: self)
        let file = dir.appendingPathComponent("g.dot")
        let fromFile = try K.run([K.exampleArticle.path, "--to", "dot", "-o", file.path, "--quiet"])
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        let expected = try Data(contentsOf: file)

        let named = dir.appendingPathComponent("out.fifo")
        XCTAssertEqual(mkfifo(named.path, 0o600), 0, String(cString: strerror(errno)))
        final class Received: @unchecked Sendable { var data = Data() }
        let received = Received()
        let done = DispatchSemaphore(value: 0)
        let path = named.path
        Thread.detachNewThread {
            if let handle = FileHandle(forReadingAtPath: path) {
                received.data = handle.readDataToEndOfFile()
                try? handle.close()
            }
            done.signal()
        }
        let toFIFO = try K.run([K.exampleArticle.path, "--to", "dot", "-o", named.path, "--quiet"], input: Data())
        XCTAssertEqual(toFIFO.status, 0, toFIFO.stderr)
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(received.data, expected)
        var info = stat()
        XCTAssertEqual(stat(named.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
        XCTAssertEqual(K.files(in: dir).sorted(), ["g.dot", "out.fifo"], "no temporary file")

        // Standard output is a pipe here: /dev/stdout reaches it.
        let toDevice = try K.run([K.exampleArticle.path, "--to", "dot", "-o", "/dev/stdout", "--quiet"], input: Data())
        XCTAssertEqual(toDevice.status, 0, toDevice.stderr)
        XCTAssertEqual(Data(toDevice.stdout.utf8), expected)
    }

    // MARK: articles from a pipe, a FIFO, /dev/null

    func testAnArticleFromDevStdinOrAFIFOIsReadAsAFileIs() throws {
        let dir = try K.temporaryDirectory(for: self)
        let article = try Data(contentsOf: K.exampleArticle)
        // Named `stdin` too, so that the document ids agree.
        try article.write(to: dir.appendingPathComponent("stdin"))
        let fromFile = try K.run(["stdin", "-o", "-", "--to", "jsonl"], in: dir)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertEqual(fromFile.stderr, "kgexport: 23 entities, 6 relations\n")

        let fromStandardInput = try K.run(["/dev/stdin", "-o", "-", "--to", "jsonl"], input: article)
        XCTAssertEqual(fromStandardInput.status, 0, fromStandardInput.stderr)
        XCTAssertEqual(fromStandardInput.stderr, fromFile.stderr)
        XCTAssertEqual(fromStandardInput.stdout, fromFile.stdout)

        let explained = try K.run(["explain", "stdin"], in: dir)
        XCTAssertEqual(explained.status, 0, explained.stderr)
        let explainedFromStandardInput = try K.run(["explain", "/dev/stdin"], input: article)
        XCTAssertEqual(explainedFromStandardInput.status, 0, explainedFromStandardInput.stderr)
        XCTAssertEqual(explainedFromStandardInput.stdout, explained.stdout)

        let fifoDir = dir.appendingPathComponent("fifo")
        try FileManager.default.createDirectory(at: fifoDir, withIntermediateDirectories: true)
        try fifo(fifoDir.appendingPathComponent("stdin"), holding: article)
        let fromFIFO = try K.run(["stdin", "-o", "-", "--to", "jsonl"], input: Data(), in: fifoDir)
        XCTAssertEqual(fromFIFO.status, 0, fromFIFO.stderr)
        XCTAssertEqual(fromFIFO.stdout, fromFile.stdout)

        let explainDir = dir.appendingPathComponent("explain-fifo")
        try FileManager.default.createDirectory(at: explainDir, withIntermediateDirectories: true)
        try fifo(explainDir.appendingPathComponent("stdin"), holding: article)
        let explainedFromFIFO = try K.run(["explain", "stdin"], input: Data(), in: explainDir)
        XCTAssertEqual(explainedFromFIFO.status, 0, explainedFromFIFO.stderr)
        XCTAssertEqual(explainedFromFIFO.stdout, explained.stdout)
    }

    func testDevNullIsAnEmptyArticle() throws {
        let dir = try K.temporaryDirectory(for: self)
        for arguments in [["/dev/null", "--output-dir", dir.path], ["explain", "/dev/null"]] {
            let result = try K.run(arguments)
            XCTAssertEqual(result.status, 65, result.stderr)
            XCTAssertEqual(result.stderr, "kgexport: /dev/null:1:1: empty article (no text); check that the file was saved or downloaded completely\n")
            XCTAssertEqual(result.stdout, "")
        }
        XCTAssertEqual(K.files(in: dir), [])
    }

    // MARK: a folder where an interchange file is expected

    func testConvertAndPushOfAFolderSayIsADirectory() throws {
        let dir = try K.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("d4/sub"), withIntermediateDirectories: true)
        let message = "kgexport: d4/sub: cannot read the file (is a directory); check the path and permissions\n"
        for arguments in [["convert", "d4/sub"], ["convert", "d4/sub", "--drop-isolated"],
                          ["convert", "d4/sub", "--to", "ntriples", "-o", "-"],
                          ["push", "--input", "d4/sub", "--endpoint", "http://127.0.0.1:9/store", "--graph", "https://example.org/g"]] {
            let result = try K.run(arguments, in: dir)
            XCTAssertEqual(result.status, 74, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stderr, message, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
        XCTAssertEqual(K.files(in: dir), ["d4"])
    }

    // MARK: articles that share a file name

    func testArticlesOfTheSameFileNameInDifferentFoldersKeepTheirOwnDocuments() throws {
        let dir = try K.temporaryDirectory(for: self)
        for folder in ["same/a", "same/b", "other"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("Title: A\nDate: 2008-09-01\n\nKazakhstan is a member of the CSTO.\n".utf8).write(to: dir.appendingPathComponent("same/a/x.txt"))
        try Data("Title: B\nDate: 2009-01-02\n\nArmenia is a member of the CSTO.\n".utf8).write(to: dir.appendingPathComponent("same/b/x.txt"))
        try Data("Title: C\n\nBelarus is a member of the CSTO.\n".utf8).write(to: dir.appendingPathComponent("other/y.txt"))
        let expected = """
            {"kind":"document","id":"same/a/x.txt","title":"A","date":"2008-09-01"}
            {"kind":"document","id":"same/b/x.txt","title":"B","date":"2009-01-02"}
            {"kind":"document","id":"y.txt","title":"C"}
            {"kind":"entity","id":"armenia","label":"Armenia","type":"Country","aliases":[]}
            {"kind":"entity","id":"belarus","label":"Belarus","type":"Country","aliases":[]}
            {"kind":"entity","id":"collective-security-treaty-organization","label":"Collective Security Treaty Organization","type":"Organization","aliases":["CSTO"]}
            {"kind":"entity","id":"kazakhstan","label":"Kazakhstan","type":"Country","aliases":[]}
            {"kind":"relation","subject":"armenia","relation":"member-of","object":"collective-security-treaty-organization","modality":"asserted","evidence":"Armenia is a member of the CSTO.","source":"same/b/x.txt","offsets":[27,59]}
            {"kind":"relation","subject":"belarus","relation":"member-of","object":"collective-security-treaty-organization","modality":"asserted","evidence":"Belarus is a member of the CSTO.","source":"y.txt","offsets":[10,42]}
            {"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"collective-security-treaty-organization","modality":"asserted","evidence":"Kazakhstan is a member of the CSTO.","source":"same/a/x.txt","offsets":[27,62]}

            """
        // The paths as typed, normalized; the same for any number of jobs and for folders given.
        for arguments in [["same/a/x.txt", "./same/b//x.txt", "other/y.txt"], ["same/a/", "same/b", "other", "--jobs", "1"],
                          ["other/y.txt", "same/b/../a/x.txt", "same/b/x.txt", "--jobs", "3"]] {
            let result = try K.run(arguments + ["-o", "-", "--to", "jsonl"], in: dir)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, expected, "\(arguments)")
        }
        // Without a shared file name, the file name; the same file twice is one article.
        let alone = try K.run(["same/a/x.txt", "./same/a/x.txt", "-o", "-", "--to", "jsonl"], in: dir)
        XCTAssertEqual(alone.status, 0, alone.stderr)
        XCTAssertTrue(alone.stdout.hasPrefix(#"{"kind":"document","id":"x.txt","title":"A","date":"2008-09-01"}"# + "\n"), alone.stdout)
    }

    func testIDsAndNormalizedPaths() {
        XCTAssertEqual(ArticleInput.ids(for: ["a/x.txt", "b/x.txt", "c/y.txt", "/abs/x.txt"]),
                       ["a/x.txt", "b/x.txt", "y.txt", "/abs/x.txt"])
        XCTAssertEqual(ArticleInput.ids(for: ["a/x.txt", "./a//x.txt", "y.txt"]), ["x.txt", "x.txt", "y.txt"])
        XCTAssertEqual(ArticleInput.normalized("./same//a/../b/./x.txt"), "same/b/x.txt")
        XCTAssertEqual(ArticleInput.normalized("../up/x.txt"), "../up/x.txt")
        XCTAssertEqual(ArticleInput.normalized("/../x.txt"), "/x.txt")
    }

    // MARK: Date: values that are not dates

    func testADateHeaderThatIsNotADateIsAWarning() throws {
        let dir = try K.temporaryDirectory(for: self)
        let cases: [(String, String?, Int?)] = [("2008-09-22T10:00:00Z", "2008-09-22", nil), ("2008-13-01", nil, 7), ("2008/09/22", nil, 7), ("yesterday", nil, 7)]
        for (value, date, column) in cases {
            try Data("Title: T\nDate: \(value)\n\nKazakhstan is a member of the CSTO.\n".utf8).write(to: dir.appendingPathComponent("d.txt"))
            let result = try K.run(["d.txt", "-o", "-", "--to", "jsonl"], in: dir)
            XCTAssertEqual(result.status, 0, result.stderr)
            let document = #"{"kind":"document","id":"d.txt","title":"T""# + (date.map { #","date":""# + $0 + #"""# } ?? "") + "}\n"
            XCTAssertTrue(result.stdout.hasPrefix(document), result.stdout)
            let warning = column.map {
                "kgexport: warning: d.txt:2:\($0): Date: \"\(value)\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date\n"
            } ?? ""
            XCTAssertEqual(result.stderr, warning + "kgexport: 2 entities, 1 relation\n", value)

            let quiet = try K.run(["d.txt", "-o", "-", "--to", "jsonl", "--quiet"], in: dir)
            XCTAssertEqual(quiet.status, 0, quiet.stderr)
            XCTAssertEqual(quiet.stderr, "", value)
            XCTAssertEqual(quiet.stdout, result.stdout, value)

            let explained = try K.run(["explain", "d.txt"], in: dir)
            XCTAssertEqual(explained.status, 0, explained.stderr)
            XCTAssertEqual(explained.stderr, warning, value)
        }
    }

    /// Each article's warnings, in the order of the articles, for any number of jobs.
    func testWarningsOfSeveralArticlesComeInInputOrder() throws {
        let dir = try K.temporaryDirectory(for: self)
        var names: [String] = []
        for k in 0..<8 {
            let name = "a\(k).txt"
            try Data("Date: bad \(k)\n\nKazakhstan is a member of the CSTO.\n".utf8).write(to: dir.appendingPathComponent(name))
            names.append(name)
        }
        let expected = names.enumerated().map { k, name in
            "kgexport: warning: \(name):1:7: Date: \"bad \(k)\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY); the article gets no date\n"
        }.joined() + "kgexport: 2 entities, 8 relations\n"
        for jobs in ["1", "4"] {
            let result = try K.run(names + ["-o", "-", "--to", "jsonl", "--jobs", jobs], in: dir)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stderr, expected, "--jobs \(jobs)")
        }
    }

    // MARK: standard output

    func testAFullStandardOutputIsNamedAsStandardOutput() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("no /dev/full") }
        let full = try XCTUnwrap(FileHandle(forWritingAtPath: "/dev/full"))
        defer { try? full.close() }
        let record = #"{"id":"a.txt","text":"Kazakhstan is a member of the CSTO."}"# + "\n"
        let runs: [([String], Data)] = [
            (["stream"], Data(record.utf8)),
            (["stream", "--to", "jsonl"], Data(record.utf8)),
            (["explain", K.exampleArticle.path], Data()),
            ([K.exampleArticle.path, "-o", "-", "--to", "jsonl"], Data()),
        ]
        for (arguments, input) in runs {
            let process = Process()
            process.executableURL = K.binary
            process.arguments = arguments
            let err = Pipe(), stdin = Pipe()
            process.standardOutput = full
            process.standardError = err
            process.standardInput = stdin
            try process.run()
            try stdin.fileHandleForWriting.write(contentsOf: input)
            try stdin.fileHandleForWriting.close()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 74, "\(arguments)")
            XCTAssertEqual(String(decoding: errors, as: UTF8.self), "kgexport: cannot write to standard output (no space left on device)\n", "\(arguments)")
        }
    }

    func testStreamSummaryCountsInTheSingular() throws {
        let one = try K.run(["stream"], input: Data(#"{"id":"a.txt","text":"Kazakhstan is a member of the CSTO."}"#.utf8))
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stderr, "kgexport: 1 article, 1 relation\n")
        let two = try K.run(["stream"], input: Data((#"{"id":"a.txt","text":"Kazakhstan is a member of the CSTO."}"# + "\n"
                                                   + #"{"id":"b.txt","text":"Armenia is a member of the CSTO."}"#).utf8))
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(two.stderr, "kgexport: 2 articles, 2 relations\n")
    }

    /// `kgexport convert g.jsonl -o - | head -1`: the reader goes away after one line; kgexport
    /// ends without a message, with status 141, and leaves no file.
    func testAClosedStandardOutputEndsTheRunQuietlyWith141() throws {
        let dir = try K.temporaryDirectory(for: self)
        // Far more than a pipe holds, so that kgexport is still writing when the reader goes away.
        var text = ""
        for k in 0..<3_000 { text += #"{"kind":"entity","id":"e\#(k)","label":"E\#(k)","type":"Country"}"# + "\n" }
        for k in 0..<2_999 {
            text += #"{"kind":"relation","subject":"e\#(k)","relation":"met-with","object":"e\#(k + 1)","evidence":"E\#(k) met E\#(k + 1) in the capital of a country far away."}"# + "\n"
        }
        let graph = dir.appendingPathComponent("g.jsonl")
        try Data(text.utf8).write(to: graph)
        for arguments in [["convert", "g.jsonl", "-o", "-", "--to", "jsonl"], ["convert", "g.jsonl", "-o", "-", "--to", "ntriples", "--drop-isolated"]] {
            let process = Process()
            process.executableURL = K.binary
            process.arguments = arguments
            process.currentDirectoryURL = dir
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            // Read one line, then close the pipe, as `head -1` does.
            var line = Data()
            while line.last != 0x0A {
                let byte = try XCTUnwrap(out.fileHandleForReading.readData(ofLength: 1).first, "output ended before a line")
                line.append(byte)
            }
            try out.fileHandleForReading.close()
            let errors = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            XCTAssertEqual(status, 141, "\(arguments)")
            XCTAssertEqual(process.terminationReason, .exit, "it ends itself, after removing its temporary files")
            XCTAssertEqual(String(decoding: errors, as: UTF8.self), "", "\(arguments)")
            XCTAssertFalse(line.isEmpty)
            XCTAssertEqual(K.files(in: dir), ["g.jsonl"], "\(arguments)")
        }
    }
}
