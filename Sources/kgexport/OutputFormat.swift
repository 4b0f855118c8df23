import ArgumentParser
import KGFormats

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
    /// RDF 1.1 N-Triples, canonical form: one triple per line.
    case ntriples
    /// RDF 1.1 N-Quads: one named graph per article.
    case nquads
    /// RDF 1.1 Turtle: prefixed names, grouped by subject.
    case turtle
    /// JSON-LD 1.1 with the kgexport context embedded.
    case jsonld
    /// GEXF 1.3, Gephi's own format, with colours by entity type and dated edges for its timeline.
    case gexf
    /// A picture laid out by Graphviz `dot` (SVG), with a legend.
    case svg
    /// A picture laid out by Graphviz `dot` (PNG), with a legend.
    case png

    var fileExtension: String {
        switch self {
        case .graphml: "graphml"
        case .rdfxml: "rdf"
        case .dot: "dot"
        case .jsonl: "jsonl"
        case .ntriples: NTriplesWriter.fileExtension
        case .nquads: NQuadsWriter.fileExtension
        case .turtle: TurtleWriter.fileExtension
        case .jsonld: JSONLDWriter.fileExtension
        case .gexf: GEXFWriter.fileExtension
        case .svg: GraphvizRenderer.ImageFormat.svg.fileExtension
        case .png: GraphvizRenderer.ImageFormat.png.fileExtension
        }
    }

    var mediaType: String {
        switch self {
        case .graphml: "application/graphml+xml"
        case .rdfxml: "application/rdf+xml"
        case .dot: "text/vnd.graphviz"
        case .jsonl: "application/jsonl"
        case .ntriples: NTriplesWriter.mediaType
        case .nquads: NQuadsWriter.mediaType
        case .turtle: TurtleWriter.mediaType
        case .jsonld: JSONLDWriter.mediaType
        case .gexf: GEXFWriter.mediaType
        case .svg: GraphvizRenderer.ImageFormat.svg.mediaType
        case .png: GraphvizRenderer.ImageFormat.png.mediaType
        }
    }

    /// Parses `graphml,rdfxml,dot` (also accepts the extensions `rdf`, `gv`, `nt`, `nq`, `ttl`, and
    /// `n-triples`, `n-quads`, `json-ld`). Errors name `option`, the option the list came from.
    static func parseList(_ text: String, option: String = "--to") throws -> [OutputFormat] {
        var formats: [OutputFormat] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            let format: OutputFormat? = switch name {
            case "rdf", "xml", "rdf/xml": .rdfxml
            case "gv": .dot
            case "json-lines", "ndjson": .jsonl
            case "nt", "n-triples": .ntriples
            case "nq", "n-quads": .nquads
            case "ttl": .turtle
            case "json-ld": .jsonld
            default: OutputFormat(rawValue: name)
            }
            guard let format else {
                throw ValidationError("\(option): unknown format '\(name)'; choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !formats.contains(format) { formats.append(format) }
        }
        guard !formats.isEmpty else { throw ValidationError("\(option) needs at least one format") }
        return formats
    }
}

import Foundation
