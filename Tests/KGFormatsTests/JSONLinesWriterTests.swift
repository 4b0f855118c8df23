import XCTest
import KGFormats
import KGInterchange
import KGModel

final class JSONLinesWriterTests: XCTestCase {
    func testWritesDocumentsEntitiesThenRelationsWithFixedMemberOrder() throws {
        var g = KnowledgeGraph()
        g.add(Document(id: "a.txt", title: "T", date: PartialDate(iso: "2008-09")))
        g.add(Entity(id: "kz", label: "Kazakhstan", type: .country, aliases: ["Kazakh"]))
        g.add(Entity(id: "kmg", label: "KazMunaiGas", type: .company))
        g.add(Relation(subject: "kmg", kind: .holdsShareIn, object: "kz", share: 12.5, modality: .planned,
                       evidence: Evidence(sentence: "a \"b\"\\\n\u{7}", source: "a.txt", citedSource: "Liter", offsets: 3..<9)))
        let sink = MemorySink()
        try JSONLinesWriter.write(g, to: sink)
        XCTAssertEqual(sink.text, #"""
        {"kind":"document","id":"a.txt","title":"T","date":"2008-09"}
        {"kind":"entity","id":"kmg","label":"KazMunaiGas","type":"Company","aliases":[]}
        {"kind":"entity","id":"kz","label":"Kazakhstan","type":"Country","aliases":["Kazakh"]}
        {"kind":"relation","subject":"kmg","relation":"holds-share-in","object":"kz","share":12.5,"modality":"planned","evidence":"a \"b\"\\\n\u0007","source":"a.txt","citedSource":"Liter","offsets":[3,9]}

        """#)
    }

    func testTheReaderGetsTheSameGraphBack() throws {
        var g = KnowledgeGraph()
        g.add(Entity(id: "doc 1", label: "Назарбаев \u{1}", type: .person, aliases: ["a", "b"]))
        g.add(Entity(id: "x", label: "X", type: .place))
        g.add(Relation(subject: "doc 1", kind: .metWith, object: "x", date: PartialDate(iso: "--09-05"), place: "x",
                       evidence: Evidence(sentence: "🚀", offsets: 0..<1)))
        let sink = MemorySink()
        try JSONLinesWriter.write(g, to: sink)
        var reader = InterchangeReader(file: "mem")
        try reader.consume(Array(sink.text.utf8))
        XCTAssertEqual(reader.graph.sortedEntities, g.sortedEntities)
        XCTAssertEqual(reader.graph.sortedRelations, g.sortedRelations)
    }
}
