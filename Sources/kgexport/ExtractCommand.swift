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

    @Argument(help: ArgumentHelp("Article files (UTF-8 text).", valueName: "article"))
    var articles: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Publication date (YYYY-MM-DD, YYYY-MM or YYYY) for articles whose header has no Date: line; resolves \"September 5\" and the like.", valueName: "date"))
    var documentDate: String?

    @Option(name: .long, help: ArgumentHelp("Base name of the output files when several articles are merged.", valueName: "name"))
    var name: String = "graph"

    @Flag(name: .long, help: "Replace bytes that are not UTF-8 with U+FFFD (and say how many) instead of stopping with an error.")
    var lenient = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    mutating func run() throws {
        ignoreBrokenPipe()
        let formats = try output.formats()
        var date: PartialDate?
        if let text = documentDate {
            guard let d = PartialDate(iso: text), d.year != nil else {
                throw ValidationError("--document-date '\(text)' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
            }
            date = d
        }
        do {
            let lexicon: Lexicon
            do { lexicon = try Lexicon.bundled() } catch { throw CommandFailure.io("cannot load the lexicon: \(error)") }
            let extractor = Extractor(lexicon: lexicon)
            var graphs: [KnowledgeGraph] = []
            for path in articles {
                let article: Article
                do {
                    let read = try ArticleReader.read(contentsOf: URL(fileURLWithPath: path), lenient: lenient)
                    article = read.article
                    if read.replacements > 0, !quiet {
                        note("warning: \(path): replaced \(read.replacements) invalid UTF-8 byte sequence\(read.replacements == 1 ? "" : "s") with U+FFFD")
                    }
                } catch let error as ArticleError {
                    switch error {
                    case .unreadable: throw CommandFailure.io("\(error)")
                    case .invalidUTF8: throw CommandFailure.data("\(error); save it as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD")
                    default: throw CommandFailure.data("\(error)")
                    }
                } catch {
                    throw CommandFailure.data("\(error)")
                }
                graphs.append(extractor.extract(article, documentDate: date))
            }
            // One node per entity across the articles (surnames, aliases, transliterations), every
            // attestation kept; the result does not depend on the order of the arguments.
            let graph = EntityLinker().link(graphs)
            let stem = articles.count == 1 ? Self.stem(of: articles[0]) : name
            let plan = try Destination.plan(formats: formats, options: output, stem: stem)
            let written = try GraphExport(graph: graph, baseIRI: output.baseIRI).write(plan, inputs: articles)
            if !quiet {
                note(summary(of: graph, written: written))
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
            throw CommandFailure.io("cannot create the output directory \(dir): \(error.localizedDescription)")
        }
        return formats.map { ($0, (dir as NSString).appendingPathComponent(stem + "." + $0.fileExtension)) }
    }
}
