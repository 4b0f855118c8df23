import ArgumentParser
import Foundation
import KGExtraction
import KGModel
#if canImport(Glibc)
import Glibc
#endif

/// `kgexport [extract] ARTICLE...`: read articles, extract one merged graph, write it.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract a knowledge graph from news articles (the default command).",
        discussion: """
        Several articles make one merged graph: the same entity gets one node, and each article's \
        relations keep their own evidence. With one article the outputs are named after it \
        (out/NAME.graphml, .rdf, .dot, .jsonl); with several, after --name.
        """
    )

    @Argument(help: ArgumentHelp("Article files (UTF-8 text), or folders whose *.txt files are read in name order.", valueName: "article"))
    var articles: [String]

    @Option(name: .long, help: ArgumentHelp("Articles extracted at once (default: one per core); the output is the same for any number.", valueName: "n"))
    var jobs: Int?

    @OptionGroup var output: OutputOptions

    @OptionGroup var reading: ArticleOptions

    @Option(name: .long, help: ArgumentHelp("Base name of the output files when several articles are merged (a file name: not empty, without '/' or control characters).", valueName: "name"))
    var name: String = "graph"

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    /// Usage errors are found here, before any work, so that they come with extract's usage.
    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        try Destination.validate(name: name)
    }

    mutating func run() throws {
        ignoreBrokenPipe()
        let formats = try output.formats()
        let date = reading.date
        do {
            let lexicon: Lexicon
            do { lexicon = try Lexicon.bundled() } catch { throw CommandFailure.io("cannot load the lexicon: \(error)") }
            let extractor = Extractor(lexicon: lexicon)
            let paths = try ArticleInput.expand(articles)
            let progress = ProgressReporter.forStandardError(quiet: quiet, label: "extracting")
            progress.start(files: paths.count, bytes: 0)
            let graphs = try ParallelExtraction.extract(paths, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                                        documentDate: date, extractor: extractor, lenient: reading.lenient, quiet: quiet,
                                                        progress: { progress.update(filesDone: $0, relations: nil, bytes: 0) })
            progress.finish(relations: nil)
            // One node per entity across the articles (surnames, aliases, transliterations), every
            // attestation kept; the result does not depend on the order of the arguments.
            var graph = EntityLinker().link(graphs)
            var isolated = 0
            if output.dropIsolated { (graph, isolated) = graph.droppingIsolatedEntities() }
            let stem = paths.count == 1 ? Self.stem(of: paths[0]) : name
            let plan = try Destination.plan(formats: formats, options: output, stem: stem)
            let written = try GraphExport(graph: graph, options: output).write(plan, inputs: paths, files: OutputFiles(options: output))
            if !quiet {
                note(summary(of: graph, written: written, isolated: isolated))
            }
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }

    static func stem(of path: String) -> String {
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Reading article files: folders expanded, decoding errors mapped to exit statuses. Paths in
/// messages are spelled as the user typed them.
enum ArticleInput {
    /// The article files named: a folder stands for its `*.txt` files in code-point order of name.
    /// - Throws: ``CommandFailure`` (`.io`) for a folder that cannot be listed; `ValidationError`
    ///   (a usage error) for a folder with no `.txt` file.
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var info = stat()
            guard stat(argument, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
                paths.append(argument)  // a file, or a path that read(_:) reports as unreadable
                continue
            }
            let articles = try listing(argument).filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
                .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            guard !articles.isEmpty else {
                throw ValidationError("the folder \(argument) has no .txt articles; give article files, or a folder that holds *.txt files")
            }
            paths += articles.map { (argument as NSString).appendingPathComponent($0) }
        }
        return paths
    }

    /// The names in a folder (without `.` and `..`).
    /// - Throws: ``CommandFailure`` (`.io`) with the system's reason.
    static func listing(_ folder: String) throws(CommandFailure) -> [String] {
        guard let directory = opendir(folder) else { throw unreadable(folder, code: errno, folder: true) }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != ".", name != ".." { names.append(name) }
            errno = 0
        }
        if errno != 0 { throw unreadable(folder, code: errno, folder: true) }
        return names
    }

    /// `PATH: cannot read the file (permission denied); check the path and permissions` (`the
    /// folder` for a folder), an input/output error.
    static func unreadable(_ path: String, code: Int32, folder: Bool = false) -> CommandFailure {
        unreadable(path, reason: systemReason(code), folder: folder)
    }

    static func unreadable(_ path: String, reason: String, folder: Bool = false) -> CommandFailure {
        .io("\(path): cannot read the \(folder ? "folder" : "file") (\(reason)); check the path and permissions")
    }

    /// Why `path` cannot be read as a file, from the system (`is a directory`, `permission
    /// denied`, `no such file or directory`), or nil when it can be.
    static func obstacle(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return EISDIR }
        return nil
    }

    /// Reads one article; with `lenient`, bytes that are not UTF-8 become U+FFFD and a warning says how many.
    /// - Throws: ``CommandFailure``: `.io` when the file cannot be read, `.data` for bad content.
    static func read(_ path: String, lenient: Bool, quiet: Bool) throws(CommandFailure) -> Article {
        if let code = obstacle(path) { throw unreadable(path, code: code) }
        do {
            let read = try ArticleReader.read(contentsOf: URL(fileURLWithPath: path), lenient: lenient)
            if read.replacements > 0, !quiet {
                note("warning: \(path): replaced \(read.replacements) invalid UTF-8 byte sequence\(read.replacements == 1 ? "" : "s") with U+FFFD")
            }
            return read.article
        } catch let error as ArticleError {
            let error = error.naming(path)
            switch error {
            case let .unreadable(_, reason): throw unreadable(path, reason: reason)
            case .invalidUTF8: throw CommandFailure.data("\(error); save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD")
            default: throw CommandFailure.data("\(error)")
            }
        } catch {
            throw CommandFailure.data("\(error)")
        }
    }
}

extension ArticleError {
    /// The same error naming the file `path` (as the user typed it; the reader names the absolute path).
    func naming(_ path: String) -> ArticleError {
        switch self {
        case let .unreadable(_, reason): return .unreadable(file: path, reason: reason)
        case let .invalidUTF8(_, line, column, byteOffset): return .invalidUTF8(file: path, line: line, column: column, byteOffset: byteOffset)
        case let .binary(_, line, column, byteOffset): return .binary(file: path, line: line, column: column, byteOffset: byteOffset)
        case .empty: return .empty(file: path)
        case let .noBody(_, line, column): return .noBody(file: path, line: line, column: column)
        }
    }
}

/// Where each format goes.
enum Destination {
    /// Why a directory cannot be made: the first part of its path that exists and is not a directory,
    /// else that the file system refused (permissions, read-only).
    static func obstacle(to dir: String) -> String {
        var prefix = dir.hasPrefix("/") ? "/" : ""
        for part in dir.split(separator: "/") {
            prefix = prefix.isEmpty || prefix.hasSuffix("/") ? prefix + part : prefix + "/" + part
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix, isDirectory: &isDirectory), !isDirectory.boolValue {
                return "\(prefix) is a file, not a directory; choose another --output-dir"
            }
        }
        return "permission denied or read-only file system; choose a directory you can write to"
    }

    /// Checks a base name of output files (`--name`, or an input's name): one path component,
    /// not empty, without control characters.
    /// - Throws: `ValidationError` (a usage error) saying what is wrong.
    static func validate(name: String) throws {
        if name.isEmpty {
            throw ValidationError("--name must not be empty; give the base name of the output files, e.g. --name graph")
        }
        if name.contains("/") {
            throw ValidationError("--name '\(name)' must be a file name without '/'; put the directory in --output-dir")
        }
        if name == "." || name == ".." {
            throw ValidationError("--name '\(name)' must be a file name, not '.' or '..'")
        }
        if let control = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let code = String(control.value, radix: 16, uppercase: true)
            throw ValidationError("--name \(name.debugDescription) has a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code)); give a name without control characters")
        }
    }

    static func plan(formats: [OutputFormat], options: OutputOptions, stem: String) throws -> [(OutputFormat, String)] {
        if let file = options.output, let format = formats.first {
            return [(format, file)]
        }
        // Output names stay inside the output directory: a base name is one path component
        // (--name is checked while parsing; this is for names taken from an input file).
        guard !stem.isEmpty, !stem.contains("/"), stem != ".", stem != ".." else {
            throw ValidationError("--name '\(stem)' must be a file name without '/'; put the directory in --output-dir")
        }
        let dir = options.outputDir ?? "."
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure.io("cannot create the output directory \(dir): \(Self.obstacle(to: dir))")
        }
        return formats.map { ($0, (dir as NSString).appendingPathComponent(stem + "." + $0.fileExtension)) }
    }
}
