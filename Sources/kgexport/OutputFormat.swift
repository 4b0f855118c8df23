import ArgumentParser

/// The output formats, each with its file extension and media type.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    /// GraphML 1.0 (graphml.graphdrawing.org), for Gephi, yEd, NetworkX and igraph.
    case graphml
    /// RDF 1.1 XML Syntax, for triple stores.
    case rdfxml
    /// Graphviz DOT.
    case dot
    /// kgexport interchange, JSON Lines.
    case jsonl

    var fileExtension: String {
        switch self {
        case .graphml: "graphml"
        case .rdfxml: "rdf"
        case .dot: "dot"
        case .jsonl: "jsonl"
        }
    }

    var mediaType: String {
        switch self {
        case .graphml: "application/graphml+xml"
        case .rdfxml: "application/rdf+xml"
        case .dot: "text/vnd.graphviz"
        case .jsonl: "application/jsonl"
        }
    }

    /// Parses `graphml,rdfxml,dot` (also accepts the extensions `rdf` and `gv`).
    static func parseList(_ text: String) throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            let format: OutputFormat? = switch name {
            case "rdf", "xml", "rdf/xml": .rdfxml
            case "gv": .dot
            case "json-lines", "ndjson": .jsonl
            default: OutputFormat(rawValue: name)
            }
            guard let format else {
                throw ValidationError("unknown format '\(name)'; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw ValidationError("--to needs at least one format") }
        return formats
    }
}

import Foundation
