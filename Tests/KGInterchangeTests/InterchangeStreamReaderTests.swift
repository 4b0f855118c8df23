import Foundation
import XCTest
import KGInterchange
import KGModel

/// The streaming reader gives the records, warnings and errors of ``InterchangeReader``, line for line.
final class InterchangeStreamReaderTests: XCTestCase {
    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kgexport-stream-\(UUID().uuidString).jsonl")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// What a reader made of a file: its records in order, its warnings, and its error.
    private struct Outcome: Equatable {
        var entities: [Entity] = []
        var documents: [Document] = []
        var relations: [Relation] = []
        var warnings: [String] = []
        var error: String?
    }

    private func streamed(_ bytes: [UInt8]) throws -> Outcome {
        let url = try temporaryFile(bytes)
        var outcome = Outcome()
        do {
            let reader = try InterchangeStreamReader(path: url.path, name: "g.jsonl")
            reader.warningHandler = { outcome.warnings.append($0.description) }
            while let record = try reader.next() {
                switch record {
                case let .entity(e): outcome.entities.append(e)
                case let .document(d): outcome.documents.append(d)
                case let .relation(r): outcome.relations.append(r)
                }
            }
        } catch {
            outcome.error = error.description
        }
        return outcome
    }

    private func general(_ bytes: [UInt8]) -> Outcome {
        var reader = InterchangeReader(file: "g.jsonl")
        var outcome = Outcome()
        do {
            try reader.consume(bytes)
        } catch {
            outcome.error = error.description
        }
        outcome.entities = reader.graph.sortedEntities
        outcome.documents = reader.graph.sortedDocuments
        outcome.relations = reader.graph.relations
        outcome.warnings = reader.warnings.map(\.description)
        return outcome
    }

    /// The general reader's outcome with the streamed entities in id order (the general reader
    /// keeps them in a dictionary), for comparison.
    private func assertSameOutcome(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try assertSameOutcome(Array(text.utf8), file: file, line: line)
    }

    private func assertSameOutcome(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) throws {
        var streamed = try streamed(bytes)
        let general = general(bytes)
        if streamed.error != nil || general.error != nil {
            // After an error the general reader has applied the lines before it; compare errors
            // and the warnings up to the error.
            XCTAssertEqual(streamed.error, general.error, String(decoding: bytes, as: UTF8.self), file: file, line: line)
            XCTAssertEqual(streamed.warnings, general.warnings, file: file, line: line)
            return
        }
        streamed.entities.sort { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
        streamed.documents.sort { $0.id.unicodeScalars.lexicographicallyPrecedes($1.id.unicodeScalars) }
        XCTAssertEqual(streamed, general, String(decoding: bytes, as: UTF8.self), file: file, line: line)
    }

    private let header = """
        {"kind":"document","id":"a.txt","title":"T","date":"2008-09"}
        {"kind":"entity","id":"kz","label":"Kazakhstan","type":"Country","aliases":["Kazakh","Kazakhstan","Kazakh"]}
        {"kind":"entity","id":"csto","type":"Organization"}
        {"kind":"entity","id":"astana","label":"Astana","type":"Place","aliases":null}

        """

    /// Relation lines of many shapes, good and bad, each after the same entities.
    private let relationLines = [
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto"}"#,
        #"{"kind":"relation","subject":"kz","relation":"met-with","object":"csto","date":"2008-09-22","place":"astana","share":null,"modality":"planned","evidence":"He said \"yes\" \\ no\n\ttab \/ slash","source":"a.txt","citedSource":"Liter, September 6","offsets":[1234,1320]}"#,
        #"{ "subject" : "kz" , "relation":"holds-share-in","object":"csto","share":25.01,"kind":"relation" } "#,
        #"{"kind":"relation","id":"r7","subject":"kz","relation":"member-of","object":"csto","x":[1,"é",true,null],"y":{"z":1}}"#,
        #"{"kind":"relation","id":"r7","subject":"kz","relation":"member-of","object":"csto","x":-0.5e3,"evidence":"Пётр 𠮷 <&>"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":1e400}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","x":1e400}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"nato"}"#,
        #"{"kind":"relation","subject":"","relation":"member-of","object":"csto"}"#,
        #"{"kind":"relation","subject":"kz","relation":"likes","object":"csto"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":150}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":"50%"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":-0}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","date":"2008-02-30"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","date":"--02-29"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","modality":"maybe"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","offsets":[5,2]}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","offsets":[1.5,2]}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","offsets":[1,2,3]}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","offsets":[]}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","offsets":"1-2"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","place":""}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","place":"nowhere"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":7}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":"a\u0007b\ud83d\ude80"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":"a\qb"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","subject":"kz"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","x":1,"x":2}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto",}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto"} x"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto""#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":01}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":.5}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":5.}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":TRUE}"#,
        #"{"kind":"Relation","subject":"kz","relation":"member-of","object":"csto"}"#,
        #"{"subject":"kz","relation":"member-of","object":"csto"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","\u0078":1}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","é":1}"#,
        #"{"kind":"rel\u0061tion","subject":"kz","relation":"member-of","object":"csto"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":null,"source":null,"citedSource":null,"modality":null,"date":null,"place":null,"offsets":null}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","source":"b.txt"}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","source":"a.txt","x":1}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","source":"","x":1}"#,
        #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","share":"# + String(repeating: "7", count: 500) + "}",
        #"[1,2]"#,
        #"{}"#,
        "   \t ",
    ]

    func testRelationLinesGiveTheGeneralReadersRecordsWarningsAndErrors() throws {
        for line in relationLines {
            try assertSameOutcome(header + line + "\n")
        }
    }

    func testEntityLinesGiveTheGeneralReadersRecordsWarningsAndErrors() throws {
        let entityLines = [
            #"{"kind":"entity","id":"x","type":"Place"}"#,
            #"{"kind":"entity","id":"x","label":"","type":"Place","aliases":[]}"#,
            #"{"kind":"entity","id":"x","label":"X","type":"Place","aliases":["X","Y","Y","\"Z\""],"wikidata":"Q1"}"#,
            #"{"kind":"entity","id":"x","type":"Planet"}"#,
            #"{"kind":"entity","id":"kz","type":"Place"}"#,
            #"{"kind":"entity","id":7,"type":"Place"}"#,
            #"{"kind":"entity","id":"x","type":"Place","aliases":"y"}"#,
            #"{"kind":"entity","id":"x","type":"Place","aliases":["y",1]}"#,
            #"{"kind":"entity","id":"x","type":"Place","aliases":[["y"]]}"#,
            #"{"kind":"entity","id":"x","type":"Place","subject":"kz"}"#,
            #"{"kind":"entity","id":"","type":"Place"}"#,
            #"{"kind":"entity","type":"Place"}"#,
        ]
        for line in entityLines {
            try assertSameOutcome(header + line + "\n")
        }
    }

    /// Random byte edits of good lines: whatever they turn into, both readers agree.
    func testMutatedLinesGiveTheSameOutcomeAsTheGeneralReader() throws {
        var generator = SplitMix64(seed: 20_240_611)
        let seeds = [relationLines[1], relationLines[3], relationLines[4],
                     #"{"kind":"entity","id":"x","label":"X é","type":"Place","aliases":["X","Y\n"]}"#]
        let alphabet = Array(#"{}[]:,"\ -0123456789.eEtrufalsn\u00é"#.utf8) + [0xFF, 0xC3, 0x80, 0x0A, 0x0D, 0x01]
        for _ in 0..<1500 {
            var bytes = Array(seeds[Int(generator.next() % UInt64(seeds.count))].utf8)
            for _ in 0...(generator.next() % 3) {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 3 {
                case 0: bytes[at] = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: at)
                default: bytes.insert(alphabet[Int(generator.next() % UInt64(alphabet.count))], at: at)
                }
            }
            try assertSameOutcome(Array(header.utf8) + bytes + [0x0A])
        }
    }

    func testEntityAfterTheFirstRelationIsAnErrorNamingTheLine() throws {
        let outcome = try streamed(Array((header + relationLines[0] + "\n" + #"{"kind":"entity","id":"late","type":"Place"}"# + "\n").utf8))
        XCTAssertEqual(outcome.error, "g.jsonl:6:9: field 'kind': an entity after the first relation line; put every document and entity line before the relations, which are streamed")
        XCTAssertEqual(outcome.relations.count, 1)
    }

    func testDocumentAfterTheFirstRelationIsAnError() throws {
        let outcome = try streamed(Array((header + relationLines[0] + "\n\n" + #"{"kind":"document","id":"b.txt"}"#).utf8))
        XCTAssertEqual(outcome.error, "g.jsonl:7:9: field 'kind': a document after the first relation line; put every document and entity line before the relations, which are streamed")
    }

    func testUnknownFieldWarningsOfTheFastPathAreAtTheNameInUnicodeScalars() throws {
        let line = #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":"Пётр 𠮷","x":1,"y":[1,"é"],"z":null}"#
        let outcome = try streamed(Array((header + line + "\n").utf8))
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.warnings, ["g.jsonl:5:94: field 'x': unknown field, ignored",
                                          "g.jsonl:5:100: field 'y': unknown field, ignored",
                                          "g.jsonl:5:112: field 'z': unknown field, ignored"])
        try assertSameOutcome(header + line + "\n")
    }

    func testByteOrderMarkCRLFBlankLinesAndAMissingFinalLineBreak() throws {
        let text = header.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n  \r\n" + relationLines[0]
        let outcome = try streamed([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.entities.map(\.id), ["kz", "csto", "astana"])
        XCTAssertEqual(outcome.relations.count, 1)
        try assertSameOutcome([0xEF, 0xBB, 0xBF] + Array(text.utf8))
    }

    func testLinesLongerThanTheReadBlock() throws {
        let long = String(repeating: "long evidence ", count: 200_000)
        let line = #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","evidence":""# + long + "\"}"
        let outcome = try streamed(Array((header + line + "\n" + line + "\n").utf8))
        XCTAssertNil(outcome.error)
        XCTAssertEqual(outcome.relations.map(\.evidence.sentence), [long, long])
    }

    func testAMissingFileIsAnErrorAtLineZero() {
        XCTAssertThrowsError(try InterchangeStreamReader(path: "/nonexistent/g.jsonl")) { error in
            XCTAssertEqual((error as? InterchangeError)?.line, 0)
            XCTAssertEqual((error as? InterchangeError)?.description,
                           "/nonexistent/g.jsonl: cannot read the file (no such file or directory); check the path and permissions")
        }
    }

    /// Empty inputs and CR-only line ends: the same warning, the same error.
    func testEmptyFilesAndCROnlyLineEnds() throws {
        for bytes: [UInt8] in [[], [0xEF, 0xBB, 0xBF], Array("\n \n".utf8), Array("\r\n".utf8)] {
            try assertSameOutcome(bytes)
        }
        XCTAssertEqual(try streamed([]).warnings, ["g.jsonl: no lines; the graph is empty"])
        XCTAssertEqual(try streamed(Array("\n\t\n".utf8)).warnings, ["g.jsonl: only blank lines; the graph is empty"])
        let cr = header.replacingOccurrences(of: "\n", with: "\r") + relationLines[0] + "\r"
        try assertSameOutcome(cr)
        XCTAssertEqual(try streamed(Array(cr.utf8)).error,
                       "g.jsonl:1:62: line ends are CR only (old Mac style); convert them to LF (e.g. tr '\\r' '\\n')")
        // A single record with a CR line end is read.
        let single = #"{"kind":"entity","id":"x","type":"Place"}"# + "\r"
        try assertSameOutcome(single)
        XCTAssertEqual(try streamed(Array(single.utf8)).entities.map(\.id), ["x"])
    }

    /// Reading on after the end does not warn twice about an empty file.
    func testTheEmptyFileWarningComesOnce() throws {
        let url = try temporaryFile([])
        let reader = try InterchangeStreamReader(path: url.path, name: "g.jsonl")
        var warnings: [String] = []
        reader.warningHandler = { warnings.append($0.description) }
        XCTAssertNil(try reader.next())
        XCTAssertNil(try reader.next())
        XCTAssertEqual(warnings, ["g.jsonl: no lines; the graph is empty"])
    }

    /// A relation's source naming no document line: a warning at its value, from the fast path too.
    func testASourceNamingNoDocumentLineIsAWarning() throws {
        let line = #"{"kind":"relation","subject":"kz","relation":"member-of","object":"csto","source":"b.txt"}"#
        let outcome = try streamed(Array((header + line + "\n").utf8))
        XCTAssertEqual(outcome.warnings, ["g.jsonl:5:83: field 'source': names no document line; add a document line with that id"])
        XCTAssertEqual(outcome.relations.count, 1)
    }

    func testCountsLinesAndBytes() throws {
        let text = header + relationLines[0] + "\n"
        let url = try temporaryFile(Array(text.utf8))
        let reader = try InterchangeStreamReader(path: url.path)
        while try reader.next() != nil {}
        XCTAssertEqual(reader.lineNumber, 5)
        XCTAssertEqual(reader.bytesRead, text.utf8.count)
    }
}

/// A small deterministic generator (SplitMix64), so the mutations are the same on every run.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
