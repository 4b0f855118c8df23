import KGModel
import XCTest
import KGFormats

/// The writer options a deduplicating, checking stream turns off.
final class StreamOptionsTests: XCTestCase {
    private let entities = [Entity(id: "a", label: "A", type: .country), Entity(id: "b", label: "B", type: .organization)]
    private let relation = Relation(subject: "a", kind: .memberOf, object: "b")
    private let stray = Relation(subject: "a", kind: .memberOf, object: "zz")

    private func edges(_ text: String) -> Int { text.components(separatedBy: "<edge ").count - 1 }

    func testGraphMLWritesARepeatedRelationOnceUnlessToldNotToRemember() throws {
        for (skips, expected) in [(true, 1), (false, 2)] {
            let sink = MemorySink()
            var options = GraphMLWriter.Options()
            options.skipsRepeatedEdges = skips
            let writer = try GraphMLWriter(sink: sink, options: options)
            try writer.begin(entities: entities, documents: [])
            try writer.write(relation)
            try writer.write(relation)
            try writer.finish()
            XCTAssertEqual(edges(sink.text), expected)
        }
    }

    func testGraphMLChecksEntitiesUnlessToldTheyWereChecked() throws {
        let writer = try GraphMLWriter(sink: MemorySink())
        try writer.begin(entities: entities, documents: [])
        XCTAssertThrowsError(try writer.write(stray)) { error in
            XCTAssertEqual(error as? FormatError, .unknownEntity(relation: "a member-of zz", entity: "zz"))
        }
        var options = GraphMLWriter.Options()
        options.checksEntities = false
        let sink = MemorySink()
        let trusting = try GraphMLWriter(sink: sink, options: options)
        try trusting.begin(entities: entities, documents: [])
        try trusting.write(stray)
        try trusting.finish()
        XCTAssertTrue(sink.text.contains(#"target="zz""#), sink.text)
    }

    func testDOTHasTheSameOptions() throws {
        let checking = DOTWriter(sink: MemorySink())
        try checking.begin(entities: entities, documents: [])
        XCTAssertThrowsError(try checking.write(stray))
        var options = DOTWriter.Options()
        options.checksEntities = false
        options.skipsRepeatedEdges = false
        let sink = MemorySink()
        let writer = DOTWriter(sink: sink, options: options)
        try writer.begin(entities: entities, documents: [])
        try writer.write(relation)
        try writer.write(relation)
        try writer.write(stray)
        try writer.finish()
        XCTAssertEqual(sink.text.components(separatedBy: " -> ").count - 1, 3)
    }
}
