import ArgumentParser
import Foundation
import KGRDF

/// Where and how the graph is written; shared by `extract` and `convert`.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Formats to write, comma-separated: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: graphml,rdfxml,dot,jsonl, or with -o the format its extension names.", valueName: "formats"))
    var to: String?

    @Option(name: .customShort("o"), help: ArgumentHelp("Write one format to this file ('-' for standard output).", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Directory for the output files, named after the input (created if missing).", valueName: "dir"))
    var outputDir: String?

    @Option(name: .long, help: ArgumentHelp("Also lay the graph out with Graphviz as a picture: svg or png (needs the graphviz package).", valueName: "svg|png"))
    var render: String?

    @Flag(name: .long, help: "In pictures, group nodes in one box per entity type.")
    var clusterByType = false

    @Option(name: .long, help: ArgumentHelp("Namespace for the IRIs of entities, relations and articles.", valueName: "iri"))
    var baseIRI: String = "https://w3id.org/kgexport/id/"

    @Flag(name: .long, help: "Leave out entities that take part in no relation (the place of a meeting takes part), in every format.")
    var dropIsolated = false

    /// Checked while parsing, so that a bad value is reported with the usage of the command given.
    func validate() throws {
        do {
            _ = try IRIMinter(base: baseIRI)
        } catch {
            throw ValidationError("--base-iri '\(baseIRI)' cannot be used: \(error)")
        }
        _ = try formats()
    }

    func formats() throws -> [OutputFormat] {
        var list: [OutputFormat]
        if let to {
            list = try OutputFormat.parseList(to)
        } else if let output {
            let ext = (output as NSString).pathExtension.lowercased()
            guard output != "-", !ext.isEmpty, let format = try? OutputFormat.parseList(ext) else {
                throw ValidationError("-o \(output): name the format with --to (for example --to graphml)")
            }
            list = format
        } else {
            list = [.graphml, .rdfxml, .dot, .jsonl]
        }
        if let render {
            guard let picture = OutputFormat(rawValue: render.lowercased()), picture == .svg || picture == .png else {
                throw ValidationError("--render takes svg or png, not '\(render)'")
            }
            if !list.contains(picture) { list.append(picture) }
        }
        if output != nil && list.count != 1 {
            throw ValidationError("-o writes a single format; name one with --to (for example --to graphml)")
        }
        if output != nil && outputDir != nil {
            throw ValidationError("give either -o FILE or --output-dir DIR, not both")
        }
        return list
    }
}
