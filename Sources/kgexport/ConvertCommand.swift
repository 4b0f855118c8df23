import ArgumentParser
import Foundation
import KGInterchange
import KGModel

/// `kgexport convert GRAPH.jsonl`: export an interchange file made by any tool.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Export an interchange file (JSON Lines of entities and relations) to other formats.",
        discussion: """
        The interchange format is documented in README.md and Ontology/README.md: one JSON object \
        per line, documents and entities before the relations that name them. A bad line stops the \
        run with its file, line, column and field, and nothing is written.
        """
    )

    @Argument(help: ArgumentHelp("Interchange files (.jsonl); several are merged.", valueName: "graph.jsonl"))
    var inputs: [String]

    @OptionGroup var output: OutputOptions

    @Option(name: .long, help: ArgumentHelp("Base name of the output files when several inputs are merged.", valueName: "name"))
    var name: String = "graph"

    @Flag(name: .long, help: "Treat warnings (unknown fields) as errors.")
    var strict = false

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    mutating func run() throws {
        ignoreBrokenPipe()
        let formats = try output.formats()
        do {
            var graph = KnowledgeGraph()
            for path in inputs {
                let result: (graph: KnowledgeGraph, warnings: [InterchangeWarning])
                do {
                    result = try InterchangeReader.read(contentsOf: URL(fileURLWithPath: path), name: path)
                } catch {
                    throw CommandFailure.data("\(error)")
                }
                for w in result.warnings {
                    if strict { throw CommandFailure.data("\(w) (--strict)") }
                    if !quiet { note("warning: \(w)") }
                }
                graph.merge(result.graph)
            }
            let stem = inputs.count == 1 ? ExtractCommand.stem(of: inputs[0]) : name
            let plan = try Destination.plan(formats: formats, options: output, stem: stem)
            let written = try GraphExport(graph: graph, baseIRI: output.baseIRI).write(plan, inputs: inputs)
            if !quiet {
                note(summary(of: graph, written: written))
            }
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }
}
