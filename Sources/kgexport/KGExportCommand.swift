import ArgumentParser
import Foundation

/// `kgexport`: news articles in, a knowledge graph out, in the formats analysts' tools read.
@main
struct KGExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kgexport",
        abstract: "Turn news articles into a knowledge graph for Gephi, Graphviz and triple stores.",
        discussion: """
        Reads English news articles (plain UTF-8 text with an optional header of Title:, Source:, \
        Date: and Publication: lines up to the first blank line), extracts people, countries, \
        organizations, companies, facilities and places, and the relations member-of, met-with and \
        holds-share-in with their date, place, share and evidence, and writes the graph as GraphML \
        (Gephi, yEd, NetworkX, igraph), GEXF (Gephi, with a timeline), RDF for triple stores \
        (RDF/XML, N-Triples, N-Quads with one named graph per article, Turtle, JSON-LD), DOT and \
        pictures (Graphviz), and JSON Lines (the interchange file, which `kgexport convert` reads \
        back). By default: GraphML, RDF/XML, DOT, JSON Lines.

        Examples:
          kgexport Examples/articles/edm-2008-kazakhstan-csto.txt --output-dir out
          kgexport articles/ --to graphml,gexf --render svg --output-dir out
          kgexport convert graph.jsonl --to rdfxml -o graph.rdf
          kgexport explain Examples/articles/edm-2008-kazakhstan-csto.txt
          kgexport push a.txt --endpoint http://localhost:3030/news/data --graph https://ex.org/g

        Exit status: 0 success, 64 usage error, 65 bad input data, 74 input/output error \
        (130 and 143 when interrupted; earlier outputs are left as they were; 141, without a \
        message, when the reader of standard output goes away, as in `kgexport … -o - | head`).
        """,
        subcommands: [ExtractCommand.self, ConvertCommand.self, StreamCommand.self, PushCommand.self, ExplainCommand.self],
        defaultSubcommand: ExtractCommand.self
    )

    /// ArgumentParser's `main()`, except for a usage error that a subcommand finds while running
    /// (a `ValidationError` thrown from `run()`, e.g. a folder with no `.txt` article): ArgumentParser would follow
    /// it with the usage of `kgexport` itself, `kgexport <subcommand>`; here it is followed by the
    /// usage of the subcommand, also of `extract` when it was run as the default. Errors found
    /// while parsing and validating already come with the subcommand's usage.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            exit(usageError: error.message, of: type(of: command))
        } catch {
            exit(withError: error)
        }
    }

    /// Prints `Error: MESSAGE`, the usage of `subcommand` and where its help is, as ArgumentParser
    /// does for an error found while parsing, and exits with status 64.
    static func exit(usageError message: String, of subcommand: ParsableCommand.Type) -> Never {
        guard configuration.subcommands.contains(where: { ObjectIdentifier($0) == ObjectIdentifier(subcommand) }),
              let name = configuration.commandName, let subcommandName = subcommand.configuration.commandName else {
            exit(withError: ValidationError(message))
        }
        writeStandardError("""
            Error: \(message)
            Usage: \(usageString(for: subcommand))
              See '\(name) \(subcommandName) --help' for more information.

            """)
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }
}
