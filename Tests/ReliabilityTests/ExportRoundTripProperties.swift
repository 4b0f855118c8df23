import Foundation
import KGFormats
import KGInterchange
import KGModel
import PropertyBased
import Testing

/// Generated graphs (arbitrary Unicode in every string, parallel edges; ``GraphSeed``) exported to
/// a format and read back by its consumer give the same graph, modulo the documented removal of
/// the characters XML 1.0 cannot carry.
@Suite("Generated graphs read back the same from every format")
struct ExportRoundTripProperties {
    /// Bytes for ``GraphSeed``; PropertyBased shrinks them when a case fails.
    static let seeds = Gen<UInt8>.value(in: 0...255).array(of: 0...500)

    @Test func interchangeFileReadsBackTheSameGraph() async throws {
        await propertyCheck(count: 300, input: Self.seeds) { bytes in
            let graph = GraphSeed.graph(from: bytes)
            let sink = MemorySink()
            try JSONLinesWriter.write(graph, to: sink)
            var reader = InterchangeReader(file: "generated.jsonl")
            try reader.consume(sink.bytes)
            // The warnings a written graph can get: an empty graph is a file with no lines; in a
            // file with document lines, a relation whose source names none of them (the reader
            // keeps the relation).
            let documents = Set(graph.documents.keys)
            let unknownSources = graph.sortedRelations.filter { relation in
                relation.evidence.source.map { !documents.isEmpty && !documents.contains($0) } ?? false
            }
            let empty = graph.entities.isEmpty && graph.documents.isEmpty && graph.relations.isEmpty
            #expect(reader.warnings.map { $0.field ?? "(file)" } == (empty ? ["(file)"] : []) + unknownSources.map { _ in "source" })
            #expect(reader.graph.sortedEntities == graph.sortedEntities)
            #expect(reader.graph.sortedDocuments == graph.sortedDocuments)
            #expect(reader.graph.sortedRelations == graph.sortedRelations)
        }
    }

    @Test func graphMLReadsBackTheSameNodesEdgesAndAttributes() async throws {
        await propertyCheck(count: 300, input: Self.seeds) { bytes in
            let graph = GraphSeed.graph(from: bytes)
            let sink = MemorySink()
            try GraphMLWriter.write(graph, to: sink)
            let root = try XMLDocumentTree.parse(sink.bytes)
            let expected = ExpectedAttributes(graph)
            var nodes: [String: [String: String]] = [:]
            var aliases: [String: [String]] = [:]
            for node in root.descendants(named: "node") {
                let id = try #require(entityID(fromNMTOKEN: node.attributes["id"] ?? ""))
                var data = Dictionary(node.children(named: "data").map { ($0.attributes["key"] ?? "", $0.text) }) { a, _ in a }
                aliases[id] = try data.removeValue(forKey: "aliases").map(Self.jsonStrings) ?? []
                nodes[id] = data
            }
            #expect(nodes == expected.nodes)
            #expect(aliases == expected.aliases.mapValues { $0.map(Self.withoutNoncharacters) })
            var edges: [String: [String: String]] = [:]
            for edge in root.descendants(named: "edge") {
                var data = Dictionary(edge.children(named: "data").map { ($0.attributes["key"] ?? "", $0.text) }) { a, _ in a }
                data["source_node"] = entityID(fromNMTOKEN: edge.attributes["source"] ?? "")
                data["target_node"] = entityID(fromNMTOKEN: edge.attributes["target"] ?? "")
                edges[edge.attributes["id"] ?? ""] = data
            }
            #expect(edges == expected.edges)
        }
    }

    @Test func gexfReadsBackTheSameNodesEdgesAndAttributes() async throws {
        await propertyCheck(count: 300, input: Self.seeds) { bytes in
            let graph = GraphSeed.graph(from: bytes)
            let sink = MemorySink()
            try GEXFWriter.write(graph, to: sink)
            let root = try XMLDocumentTree.parse(sink.bytes)
            let expected = ExpectedAttributes(graph)
            func values(_ element: XMLElementNode) -> [String: String] {
                let list = element.children(named: "attvalues").flatMap { $0.children(named: "attvalue") }
                return Dictionary(list.map { ($0.attributes["for"] ?? "", $0.attributes["value"] ?? "") }) { a, _ in a }
            }
            var nodes: [String: [String: String]] = [:]
            var aliases: [String: [String]] = [:]
            for node in root.descendants(named: "node") {
                let id = try #require(entityID(fromNMTOKEN: node.attributes["id"] ?? ""))
                var data = values(node)
                data["label"] = node.attributes["label"]
                aliases[id] = try data.removeValue(forKey: "aliases").map(Self.listStrings) ?? []
                nodes[id] = data
            }
            #expect(nodes == expected.nodes)
            #expect(aliases == expected.aliases.mapValues { $0.map(xmlLegal) })
            var edges: [String: [String: String]] = [:]
            for edge in root.descendants(named: "edge") {
                var data = values(edge)
                data["source_node"] = entityID(fromNMTOKEN: edge.attributes["source"] ?? "")
                data["target_node"] = entityID(fromNMTOKEN: edge.attributes["target"] ?? "")
                #expect(edge.attributes["kind"] == data["relation"])
                edges[edge.attributes["id"] ?? ""] = data
            }
            #expect(edges == expected.edges)
        }
    }

    // MARK: list syntaxes

    struct BadList: Error {
        var text: String
    }

    /// A JSON array of strings (GraphML and DOT `aliases`).
    static func jsonStrings(_ text: String) throws -> [String] {
        guard let list = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String] else {
            throw BadList(text: text)
        }
        return list
    }

    /// A GEXF 1.3 `liststring`: `["a", "b \"c\""]`, `\` and `"` escaped by a backslash.
    static func listStrings(_ text: String) throws -> [String] {
        var items: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        guard scalars.first == "[", scalars.last == "]" else { throw BadList(text: text) }
        scalars = scalars.dropFirst().dropLast()
        while !scalars.isEmpty {
            guard scalars.first == "\"" else { throw BadList(text: text) }
            scalars = scalars.dropFirst()
            var item = String.UnicodeScalarView()
            while true {
                guard let c = scalars.popFirst() else { throw BadList(text: text) }
                if c == "\"" { break }
                if c == "\\" {
                    guard let escaped = scalars.popFirst() else { throw BadList(text: text) }
                    item.append(escaped)
                } else {
                    item.append(c)
                }
            }
            items.append(String(item))
            if scalars.starts(with: [",", " "]) { scalars = scalars.dropFirst(2) } else if !scalars.isEmpty { throw BadList(text: text) }
        }
        return items
    }

    /// `text` without U+FFFE and U+FFFF (JSON lists inside XML keep controls as escapes, but these
    /// two are written as they are and then removed with the rest of the XML-illegal characters).
    static func withoutNoncharacters(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\u{FFFE}" && $0 != "\u{FFFF}" }))
    }
}
