import Foundation
import KGFormats
import KGModel
import KGRDF

/// Writes one graph in several formats, all or nothing: each file goes to a temporary file in
/// its target directory, and the files are renamed only when every format has been written and
/// synced (``OutputFiles``, as `convert` does).
struct GraphExport {
    let graph: KnowledgeGraph
    let baseIRI: String
    /// Pictures group nodes in one box per entity type.
    var clusterByType = false

    init(graph: KnowledgeGraph, baseIRI: String, clusterByType: Bool = false) {
        self.graph = graph
        self.baseIRI = baseIRI
        self.clusterByType = clusterByType
    }

    init(graph: KnowledgeGraph, options: OutputOptions) {
        self.init(graph: graph, baseIRI: options.baseIRI, clusterByType: options.clusterByType)
    }

    /// Writes `graph` to the destinations, all or nothing (``OutputFiles``); returns the paths written.
    /// - Throws: ``CommandFailure`` (`.io` for files, `.data` for a graph a format cannot hold);
    ///   every destination is then as it was.
    func write(_ plan: [(OutputFormat, String)], inputs: [String], files: OutputFiles) throws -> [String] {
        try StreamingExport.refuseToOverwriteInputs(plan, inputs: inputs)
        do {
            for (format, path) in plan {
                let sink = try files.open(path)
                do {
                    try serialize(format, to: sink)
                } catch {
                    throw files.failure(error, format: format, path: path)
                }
            }
            try files.commit()
        } catch {
            files.discard()
            throw error
        }
        return plan.map(\.1)
    }

    private func serialize(_ format: OutputFormat, to sink: ByteSink) throws {
        let iris: IRIMinter
        do {
            iris = try IRIMinter(base: baseIRI)
        } catch {
            throw CommandFailure.data("--base-iri \(baseIRI): \(error)")
        }
        switch format {
        case .graphml:
            try GraphMLWriter.write(graph, to: sink, options: GraphMLWriter.Options(iris: iris))
        case .dot:
            try DOTWriter.write(graph, to: sink, options: DOTWriter.Options(iris: iris))
        case .rdfxml:
            try RDFXMLWriter.write(graph, mapping: try OntologyMapping(iris: iris), to: sink)
        case .jsonl:
            try JSONLinesWriter.write(graph, to: sink)
        case .ntriples:
            try NTriplesWriter.write(graph, mapping: try OntologyMapping(iris: iris), to: sink)
        case .nquads:
            try NQuadsWriter.write(graph, mapping: try OntologyMapping(iris: iris), to: sink)
        case .turtle:
            try TurtleWriter.write(graph, mapping: try OntologyMapping(iris: iris), to: sink)
        case .jsonld:
            try JSONLDWriter.write(graph, mapping: try OntologyMapping(iris: iris), to: sink)
        case .gexf:
            try GEXFWriter.write(graph, to: sink, options: GEXFWriter.Options(iris: iris))
        case .svg, .png:
            let renderer = GraphvizRenderer(format: format == .svg ? .svg : .png,
                                            options: DOTWriter.Options(iris: iris, legend: true, clusterByType: clusterByType))
            do {
                for warning in try renderer.render(graph, to: sink) { note("graphviz: \(warning)") }
            } catch let error as GraphvizError {
                throw CommandFailure.io("\(error)")
            }
        }
    }
}

extension KnowledgeGraph {
    /// The ids of the entities that take part in a relation: its subject, its object or its place.
    var participatingEntityIDs: Set<String> {
        var ids = Set<String>()
        for relation in relations {
            ids.insert(relation.subject)
            ids.insert(relation.object)
            if let place = relation.place { ids.insert(place) }
        }
        return ids
    }

    /// This graph without its isolated entities (those that take part in no relation, see
    /// ``participatingEntityIDs``), and how many were left out. Relations and documents are kept.
    func droppingIsolatedEntities() -> (graph: KnowledgeGraph, dropped: Int) {
        let ids = participatingEntityIDs
        var kept = KnowledgeGraph()
        for entity in sortedEntities where ids.contains(entity.id) { kept.add(entity) }
        for document in sortedDocuments { kept.add(document) }
        for relation in relations { kept.add(relation) }
        return (kept, entities.count - kept.entities.count)
    }
}

/// ``summary(of:written:)`` saying how many isolated entities `--drop-isolated` left out:
/// `11 entities, 7 relations (12 isolated entities left out); wrote out/a.graphml`.
func summary(of graph: KnowledgeGraph, written: [String], isolated: Int) -> String {
    guard isolated > 0 else { return summary(of: graph, written: written) }
    let files = written.filter { $0 != "-" }
    let counts = summary(of: graph, written: []) + " (\(isolatedEntities(isolated)) left out)"
    return files.isEmpty ? counts : counts + "; wrote " + files.joined(separator: ", ")
}

/// `1 isolated entity`, `12 isolated entities`.
func isolatedEntities(_ count: Int) -> String {
    "\(count) isolated entit\(count == 1 ? "y" : "ies")"
}
