import ArgumentParser
import Foundation
import KGExtraction
import KGModel

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

    @Option(name: .long, help: ArgumentHelp("Base name of the output files when several articles are merged.", valueName: "name"))
    var name: String = "graph"

    @Flag(name: [.short, .long], help: "Print nothing but errors.")
    var quiet = false

    /// Usage errors are found here, before any work, so that they come with extract's usage.
    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
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
            let written = try GraphExport(graph: graph, options: output).write(plan, inputs: paths)
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

/// Reading article files: folders expanded, decoding errors mapped to exit statuses.
enum ArticleInput {
    /// The article files named: a folder stands for its `*.txt` files in code-point order of name.
    /// - Throws: ``CommandFailure`` (`.io`) for a folder that cannot be listed.
    static func expand(_ arguments: [String]) throws -> [String] {
        var paths: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue else {
                paths.append(argument)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: argument)
            } catch {
                throw CommandFailure.io("cannot list the folder \(argument): \(error.localizedDescription)")
            }
            let articles = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
                .sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            guard !articles.isEmpty else { throw CommandFailure.data("the folder \(argument) has no .txt articles") }
            paths += articles.map { (argument as NSString).appendingPathComponent($0) }
        }
        return paths
    }

    /// Reads one article; with `lenient`, bytes that are not UTF-8 become U+FFFD and a warning says how many.
    /// - Throws: ``CommandFailure``: `.io` when the file cannot be read, `.data` for bad content.
    static func read(_ path: String, lenient: Bool, quiet: Bool) throws(CommandFailure) -> Article {
        do {
            let read = try ArticleReader.read(contentsOf: URL(fileURLWithPath: path), lenient: lenient)
            if read.replacements > 0, !quiet {
                note("warning: \(path): replaced \(read.replacements) invalid UTF-8 byte sequence\(read.replacements == 1 ? "" : "s") with U+FFFD")
            }
            return read.article
        } catch let error as ArticleError {
            switch error {
            case .unreadable: throw CommandFailure.io("\(error)")
            case .invalidUTF8: throw CommandFailure.data("\(error); save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD")
            default: throw CommandFailure.data("\(error)")
            }
        } catch {
            throw CommandFailure.data("\(error)")
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

    static func plan(formats: [OutputFormat], options: OutputOptions, stem: String) throws -> [(OutputFormat, String)] {
        if let file = options.output, let format = formats.first {
            return [(format, file)]
        }
        // Output names stay inside the output directory: a base name is one path component.
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
