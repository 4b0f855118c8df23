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
            // Articles of the same file name in different folders are told apart by their paths.
            let graphs = try ParallelExtraction.extract(paths, ids: ArticleInput.ids(for: paths),
                                                        jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                                        documentDate: date, extractor: extractor, lenient: reading.lenient, quiet: quiet,
                                                        warn: { progress.clear(); note("warning: \($0)") },
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
