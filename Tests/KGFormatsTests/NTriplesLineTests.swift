import XCTest
import KGRDF
@testable import KGFormats

/// The byte-level N-Triples line is the text of `Triple.description` and `Quad.description`.
final class NTriplesLineTests: XCTestCase {
    func testLinesEqualTheDescriptions() throws {
        let pieces = ["a", "é", "𠮷", "\\", "\"", "\r", "\n", "\t", "\u{8}", "\u{C}", "\u{0}", "\u{1}", "\u{B}", "\u{1F}",
                      "\u{7F}", "\u{80}", "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "ﾾ", " ", "<&>", "plain text"]
        var state: UInt64 = 11
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33)
        }
        let subject = try IRI("https://w3id.org/kgexport/id/entity/a%20b")
        let predicate = try IRI("https://w3id.org/kgexport/ontology#evidenceText")
        let graph = try IRI("https://w3id.org/kgexport/id/article/x.txt")
        var line: [UInt8] = []
        for round in 0..<3000 {
            let text = (0..<(next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
            let object: Term = switch round % 4 {
            case 0: .literal(Literal(text))
            case 1: .literal(try Literal(text, language: "en"))
            case 2: .literal(try Literal(text, datatype: try IRI("https://example.org/type")))
            default: .iri(try IRI("https://example.org/x"))
            }
            let triple = Triple(subject, predicate, object)
            NTriplesLine.build(triple, graph: nil, into: &line)
            XCTAssertEqual(String(decoding: line, as: UTF8.self), triple.description + "\n", text.debugDescription)
            let quad = Quad(triple, graph: round % 2 == 0 ? graph : nil)
            NTriplesLine.build(quad.triple, graph: quad.graph, into: &line)
            XCTAssertEqual(String(decoding: line, as: UTF8.self), quad.description + "\n", text.debugDescription)
        }
    }
}
