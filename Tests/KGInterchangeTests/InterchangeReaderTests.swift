import XCTest
import KGInterchange
import KGModel

final class InterchangeReaderTests: XCTestCase {
    private func read(_ lines: [String], file: String = "g.jsonl") throws -> (KnowledgeGraph, [InterchangeWarning]) {
        var reader = InterchangeReader(file: file)
        try reader.consume(Array(lines.joined(separator: "\n").utf8))
        return (reader.graph, reader.warnings)
    }

    private func error(_ lines: [String]) -> InterchangeError? {
        do {
            _ = try read(lines)
            return nil
        } catch let e as InterchangeError {
            return e
        } catch {
            return nil
        }
    }

    private let kz = #"{"kind":"entity","id":"kazakhstan","label":"Kazakhstan","type":"Country","aliases":["Kazakh"]}"#
    private let csto = #"{"kind":"entity","id":"csto","label":"Collective Security Treaty Organization","type":"Organization"}"#

    func testReadsTheDocumentedExample() throws {
        let lines = [
            #"{"kind":"document","id":"a.txt","title":"South Ossetia","url":"https://example.org/a","date":"2008-09"}"#,
            kz, csto,
            #"{"kind":"entity","id":"astana","label":"Astana","type":"Place"}"#,
            #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"csto","date":"2008-09","place":"astana","share":null,"modality":"asserted","evidence":"…the sentence…","source":"a.txt","citedSource":"Liter, September 6","offsets":[1234,1320]}"#,
        ]
        let (graph, warnings) = try read(lines)
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(graph.entities["kazakhstan"], Entity(id: "kazakhstan", label: "Kazakhstan", type: .country, aliases: ["Kazakh"]))
        XCTAssertEqual(graph.documents["a.txt"]?.date?.description, "2008-09")
        let r = try XCTUnwrap(graph.relations.first)
        XCTAssertEqual(r.kind, .memberOf)
        XCTAssertEqual(r.place, "astana")
        XCTAssertNil(r.share)
        XCTAssertEqual(r.evidence, Evidence(sentence: "…the sentence…", source: "a.txt", citedSource: "Liter, September 6", offsets: 1234..<1320))
    }

    func testSharesKeepTheirValue() throws {
        let lines = [kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"holds-share-in","object":"csto","share":25.01}"#]
        XCTAssertEqual(try read(lines).0.relations.first?.share, 25.01)
    }

    func testMalformedJSONNamesLineAndColumn() {
        let e = error([kz, #"{"kind":"entity","id":"x", "type": tru}"#])
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.column, 36)
        XCTAssertEqual(e?.description.hasPrefix("g.jsonl:2:36: malformed JSON: invalid literal"), true, e?.description ?? "")
    }

    func testTruncatedLastLineIsAnError() {
        let e = error([kz, #"{"kind":"entity","id":"x","la"#])
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.description.contains("truncated"), true, e?.description ?? "")
    }

    func testTrailingCommaIsRejected() {
        XCTAssertEqual(error([#"{"kind":"entity","id":"x","type":"Place",}"#])?.column, 42)
    }

    func testUnknownTypeListsTheAllowedOnes() {
        let e = error([#"{"kind":"entity","id":"x","type":"Planet"}"#])
        XCTAssertEqual(e?.field, "type")
        XCTAssertEqual(e?.message, "unknown type \"Planet\"; allowed: Person, Country, Organization, Company, Facility, Place")
    }

    func testUnknownRelationListsTheAllowedOnes() {
        let e = error([kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"likes","object":"csto"}"#])
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.message, "unknown relation \"likes\"; allowed: member-of, met-with, holds-share-in")
    }

    func testDuplicateEntityIdIsAnError() {
        let e = error([kz, kz])
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.field, "id")
    }

    func testRelationNamingAnUndeclaredEntityIsAnError() {
        let e = error([kz, #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"nato"}"#])
        XCTAssertEqual(e?.field, "object")
        XCTAssertEqual(e?.line, 2)
        XCTAssertEqual(e?.description.contains("\"nato\""), true)
    }

    func testShareOutsideRangeOrNotANumber() {
        let base = #"{"kind":"relation","subject":"kazakhstan","relation":"holds-share-in","object":"csto","share":"#
        XCTAssertEqual(error([kz, csto, base + "150}"])?.message, "150 is outside 0 to 100; give the share in percent")
        XCTAssertEqual(error([kz, csto, base + "\"50%\"}"])?.message, "expected a number (percent, 0 to 100), found the string \"50%\"")
        XCTAssertEqual(error([kz, csto, base + "-1}"])?.field, "share")
        XCTAssertEqual(error([kz, csto, base + "true}"])?.field, "share")
    }

    func testImpossibleDateIsAnError() {
        let e = error([kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"csto","date":"2008-02-30"}"#])
        XCTAssertEqual(e?.field, "date")
        XCTAssertEqual(e?.line, 3)
    }

    func testWrongFieldTypeIsAnError() {
        XCTAssertEqual(error([#"{"kind":"entity","id":7,"type":"Place"}"#])?.message, "expected a string, found the number 7")
        XCTAssertEqual(error([#"{"kind":"entity","id":"x","type":"Place","aliases":"y"}"#])?.field, "aliases")
    }

    func testUnknownFieldsAreWarnings() throws {
        let (graph, warnings) = try read([#"{"kind":"entity","id":"x","type":"Place","wikidata":"Q1"}"#])
        XCTAssertEqual(graph.entities.count, 1)
        XCTAssertEqual(warnings.map(\.description), ["g.jsonl:1:42: field 'wikidata': unknown field, ignored"])
    }

    func testInvalidUTF8NamesTheColumn() {
        var reader = InterchangeReader(file: "g.jsonl")
        var bytes = Array(#"{"kind":"entity","id":"é"#.utf8)
        bytes.append(0xFF)
        bytes += Array(#"","type":"Place"}"#.utf8)
        XCTAssertThrowsError(try reader.consume(bytes)) { e in
            XCTAssertEqual((e as? InterchangeError)?.column, 25)
        }
    }

    func testByteOrderMarkCRLFAndBlankLinesAreAccepted() throws {
        var reader = InterchangeReader(file: "g.jsonl")
        try reader.consume([0xEF, 0xBB, 0xBF] + Array((kz + "\r\n\r\n" + csto + "\r\n").utf8))
        XCTAssertEqual(reader.graph.entities.count, 2)
    }

    func testEscapesAndSurrogatePairs() throws {
        let (graph, _) = try read([#"{"kind":"entity","id":"x","label":"a\"b\\c\u0007\ud83d\ude80","type":"Place"}"#])
        XCTAssertEqual(graph.entities["x"]?.label, "a\"b\\c\u{7}🚀")
        XCTAssertNotNil(error([#"{"kind":"entity","id":"x","label":"\ud83d","type":"Place"}"#]))
    }

    // MARK: field errors: FILE:LINE:COLUMN at the field's value

    func testShareOutOfRangeIsAtItsValue() {
        let e = error([kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"holds-share-in","object":"csto","share":150}"#])
        XCTAssertEqual(e?.description, "g.jsonl:3:95: field 'share': 150 is outside 0 to 100; give the share in percent")
    }

    func testImpossibleDateIsAtItsValue() {
        let e = error([kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"csto","date":"2008-02-30"}"#])
        XCTAssertEqual(e?.description, "g.jsonl:3:89: field 'date': \"2008-02-30\" is not a valid date; use YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD (a real calendar day)")
    }

    func testWrongTypeIsAtItsValue() {
        XCTAssertEqual(error([#"{"kind":"entity","id":7,"type":"Place"}"#])?.description,
                       "g.jsonl:1:23: field 'id': expected a string, found the number 7")
    }

    func testUnknownRelationAndTypeAreAtTheirValues() {
        XCTAssertEqual(error([kz, csto, #"{"kind":"relation","subject":"kazakhstan","relation":"likes","object":"csto"}"#])?.description,
                       "g.jsonl:3:54: field 'relation': unknown relation \"likes\"; allowed: member-of, met-with, holds-share-in")
        XCTAssertEqual(error([#"{"kind":"entity","id":"x","type":"Planet"}"#])?.description,
                       "g.jsonl:1:34: field 'type': unknown type \"Planet\"; allowed: Person, Country, Organization, Company, Facility, Place")
    }

    func testUnknownEntityIsAtTheReference() {
        XCTAssertEqual(error([kz, #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"nato"}"#])?.description,
                       "g.jsonl:2:75: field 'object': names entity \"nato\", which no earlier line declares; add an entity line for it before this line")
    }

    func testDuplicateIdIsAtTheValueOfId() {
        XCTAssertEqual(error([kz, #"{"kind":"entity", "id": "kazakhstan","type":"Country"}"#])?.description,
                       "g.jsonl:2:25: field 'id': duplicate entity id \"kazakhstan\"; declare each entity once and put its other names in \"aliases\"")
    }

    func testMissingFieldIsAtTheObjectThatLacksIt() {
        XCTAssertEqual(error([#"  {"kind":"entity","id":"x"}"#])?.description, "g.jsonl:1:3: field 'type': missing; it is required")
        XCTAssertEqual(error([#"{"id":"x","type":"Place"}"#])?.description,
                       "g.jsonl:1:1: field 'kind': missing; use \"entity\", \"relation\" or \"document\"")
    }

    func testColumnsCountUnicodeScalarsNotBytes() {
        // "Пётр 𠮷 met" is 11 scalars and 22 bytes; the value of share is at scalar 119, byte 130.
        let line = #"{"kind":"relation","evidence":"Пётр 𠮷 met","subject":"kazakhstan","relation":"holds-share-in","object":"csto","share":"half"}"#
        XCTAssertEqual(error([kz, csto, line])?.description,
                       "g.jsonl:3:119: field 'share': expected a number (percent, 0 to 100), found the string \"half\"")
    }

    func testUnknownFieldWarningIsAtItsName() throws {
        let (_, warnings) = try read([#"{"kind":"entity","id":"x","label":"Łódź €","type":"Place","wikidata":"Q1"}"#])
        XCTAssertEqual(warnings.map(\.description), ["g.jsonl:1:59: field 'wikidata': unknown field, ignored"])
    }

    // MARK: warnings and messages of the defects users met

    private func warnings(_ bytes: [UInt8]) throws -> [String] {
        var reader = InterchangeReader(file: "g.jsonl")
        try reader.consume(bytes)
        return reader.warnings.map(\.description)
    }

    /// An empty file is more often a truncated download than an empty graph: a warning, not silence.
    func testAFileWithNoLinesIsAWarning() throws {
        XCTAssertEqual(try warnings([]), ["g.jsonl: no lines; the graph is empty"])
        XCTAssertEqual(try warnings([0xEF, 0xBB, 0xBF]), ["g.jsonl: no lines; the graph is empty"])
        XCTAssertEqual(try warnings(Array("\n  \r\n\t\n".utf8)), ["g.jsonl: only blank lines; the graph is empty"])
        XCTAssertEqual(try warnings(Array((kz + "\n").utf8)), [])
        var reader = InterchangeReader(file: "g.jsonl")
        try reader.consume([])
        XCTAssertEqual(reader.warnings.first?.strictError.description,
                       "g.jsonl: no lines; check that the file was saved or downloaded completely, or run without --strict")
    }

    /// A relation's `source` naming no document line is a warning at its value, when the file has
    /// document lines (they are optional: without any, a source is not checked).
    func testASourceThatNamesNoDocumentLineIsAWarning() throws {
        let document = #"{"kind":"document","id":"a.txt"}"#
        let relation = #"{"kind":"relation","subject":"kazakhstan","relation":"member-of","object":"csto","source":"b.txt"}"#
        let (graph, found) = try read([document, kz, csto, relation, relation.replacingOccurrences(of: "b.txt", with: "a.txt")])
        XCTAssertEqual(graph.relations.count, 2)
        XCTAssertEqual(found.map(\.description),
                       ["g.jsonl:4:91: field 'source': names no document line; add a document line with that id"])
        XCTAssertEqual(found.first?.strictError.description,
                       "g.jsonl:4:91: field 'source': names no document line; add a document line with that id, or run without --strict")
        XCTAssertEqual(try read([kz, csto, relation]).1, [])
    }

    func testUnknownFieldWarningBecomesTheStrictError() throws {
        let (_, found) = try read([#"{"kind":"entity","id":"x","type":"Place","wikidata":"Q1"}"#])
        XCTAssertEqual(found.first?.strictError.description, "g.jsonl:1:42: field 'wikidata': unknown field; remove it, or run without --strict")
    }

    /// A file with CR-only line ends is one line of several records: said as such, at the first CR.
    func testCROnlyLineEndsAreNamed() {
        var reader = InterchangeReader(file: "cr.jsonl")
        XCTAssertThrowsError(try reader.consume(Array((kz + "\r" + csto + "\r").utf8))) { e in
            XCTAssertEqual((e as? InterchangeError)?.description,
                           "cr.jsonl:1:95: line ends are CR only (old Mac style); convert them to LF (e.g. tr '\\r' '\\n')")
        }
        // A CR between the tokens of one record is white space.
        XCTAssertEqual(try read([#"{"kind":"entity",\#r"id":"x",\#r "type":"Place"}"#]).0.entities.count, 1)
        // A line broken for another reason keeps its own message.
        XCTAssertEqual(error([#"{"kind":"entity","id":"x",}"#])?.message, "malformed JSON: expected a member name in double quotes")
    }

    /// Messages show at most 40 characters of a value.
    func testLongValuesAreAbbreviatedInMessages() {
        let digits = String(repeating: "1", count: 5_000)
        let base = #"{"kind":"relation","subject":"kazakhstan","relation":"holds-share-in","object":"csto","share":"#
        XCTAssertEqual(error([kz, csto, base + digits + "}"])?.message,
                       "malformed JSON: number \(digits.prefix(40))… is out of range")
        XCTAssertEqual(error([kz, csto, base + "-1." + digits + "}"])?.message,
                       "-1.\(digits.prefix(37))… is outside 0 to 100; give the share in percent")
        let long = String(repeating: "x", count: 300)
        XCTAssertEqual(error([#"{"kind":"entity","id":"x","type":"\#(long)"}"#])?.message,
                       "unknown type \"\(long.prefix(40))…\"; allowed: Person, Country, Organization, Company, Facility, Place")
    }
}
