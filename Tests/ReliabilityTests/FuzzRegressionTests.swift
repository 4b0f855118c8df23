import Foundation
import KGFormats
import KGModel
import Testing

/// Inputs the fuzz targets (Tests/Fuzz) and property tests found, kept as tests.
@Suite("Fuzz and property findings")
struct FuzzRegressionTests {
    /// The DOT node statements' IDs, as Graphviz reads a quoted ID (only `\"` is an escape).
    static func nodeIDs(_ dot: String) -> [String] {
        dot.split(separator: "\n").compactMap { line -> String? in
            let text = line.drop { $0 == " " }
            guard text.first == "\"", !text.contains(" -> ") else { return nil }
            var id = ""
            var escaped = false
            for character in text.dropFirst() {
                if escaped { id.append(character == "\"" ? "\"" : "\\\(character)"); escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { return id }
                id.append(character)
            }
            return nil
        }
    }

    /// FuzzDOT, input `AgICGgIyAv8CAgICAlDmrA==`: two entities whose ids differ only in control
    /// characters became one DOT node when those were dropped, so Graphviz merged them.
    @Test func entityIDsThatDifferOnlyInControlCharactersStayTwoDOTNodes() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "a\u{1}", label: "A one", type: .country))
        graph.add(Entity(id: "a\u{2}", label: "A two", type: .country))
        let sink = MemorySink()
        try DOTWriter.write(graph, to: sink)
        let ids = Self.nodeIDs(sink.text)
        #expect(ids == ["a\\u0001", "a\\u0002"])
    }

    /// FuzzDOT: ids that differ only in their line break (CR, LF, CRLF) were all written `\n`.
    @Test func entityIDsThatDifferOnlyInTheirLineBreakStayTwoDOTNodes() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "a\rb", label: "CR", type: .place))
        graph.add(Entity(id: "a\nb", label: "LF", type: .place))
        graph.add(Entity(id: "a\r\nb", label: "CRLF", type: .place))
        let sink = MemorySink()
        try DOTWriter.write(graph, to: sink)
        let ids = Self.nodeIDs(sink.text)
        #expect(ids == ["a\\nb", "a\\r\\nb", "a\\rb"])
    }

    /// ConsumerRoundTripProperties: Graphviz treats a quoted ID that starts with `%` as the name
    /// of an anonymous node and renames it (`"%abc"` is read as `%5`), so the entity id was lost.
    /// Written `"\%abc"`, it is kept (Graphviz leaves the backslash).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")))
    func anEntityIDStartingWithPercentKeepsItsNameInGraphviz() throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "%abc", label: "Percent", type: .company))
        let sink = MemorySink()
        try DOTWriter.write(graph, to: sink)
        let dot = Process()
        dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
        dot.arguments = ["-Tjson"]
        let input = Pipe(), output = Pipe()
        dot.standardInput = input
        dot.standardOutput = output
        try dot.run()
        try input.fileHandleForWriting.write(contentsOf: Data(sink.bytes))
        try input.fileHandleForWriting.close()
        let json = output.fileHandleForReading.readDataToEndOfFile()
        dot.waitUntilExit()
        let objects = (try JSONSerialization.jsonObject(with: json) as? [String: Any])?["objects"] as? [[String: Any]] ?? []
        let names = objects.compactMap { $0["name"] as? String }
        #expect(names == ["\\%abc"])
    }

    /// FuzzJSONLines (found by reading the writer against its fuzz target's JSON check): a share
    /// that is NaN or infinite was written as the bare word `NaN`, `INF` or `-INF`, which is not
    /// JSON (RFC 8259 §6), so `kgexport convert` refused kgexport's own file. It is refused now, as
    /// every other writer refuses it, and nothing is written.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func jsonLinesWriterRefusesANonFiniteShare(share: Double) throws {
        var graph = KnowledgeGraph()
        graph.add(Entity(id: "a", label: "A", type: .company))
        graph.add(Entity(id: "b", label: "B", type: .company))
        graph.add(Relation(subject: "a", kind: .holdsShareIn, object: "b", share: share))
        let sink = MemorySink()
        #expect(throws: FormatError.invalidValue(relation: "a holds-share-in b", field: "share", value: "\(share)")) {
            try JSONLinesWriter.write(graph, to: sink)
        }
        #expect(sink.bytes.isEmpty)
        let writer = JSONLinesWriter(sink: sink)
        try writer.begin(entities: graph.sortedEntities, documents: [])
        let before = sink.bytes.count
        #expect(throws: FormatError.self) { try writer.write(graph.sortedRelations[0]) }
        #expect(sink.bytes.count == before, "no partial line")
    }
}
