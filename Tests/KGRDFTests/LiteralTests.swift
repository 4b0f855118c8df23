import KGModel
import XCTest
@testable import KGRDF

final class LiteralTests: XCTestCase {
    private let xsd = "http://www.w3.org/2001/XMLSchema#"

    func testDateDatatypeMatchesEachShape() throws {
        let cases: [(String, String)] = [
            ("2008-09-22", "date"), ("2008-09", "gYearMonth"), ("2008", "gYear"), ("--09-05", "gMonthDay"),
        ]
        for (text, type) in cases {
            let date = try XCTUnwrap(PartialDate(iso: text))
            let literal = Literal(date)
            XCTAssertEqual(literal.lexicalForm, text)
            XCTAssertEqual(literal.datatype.string, xsd + type)
            XCTAssertNil(literal.language)
            // The typed initializer agrees: the form is in the datatype's lexical space.
            XCTAssertEqual(try Literal(text, datatype: literal.datatype), literal)
        }
    }

    func testLexicalSpacesRejectMismatchedForms() throws {
        let cases: [(String, IRI)] = [
            ("2008-09", Vocabulary.XSD.date),
            ("2008-02-30", Vocabulary.XSD.date),
            ("2008-13-01", Vocabulary.XSD.date),
            ("08-09-22", Vocabulary.XSD.date),
            ("2008-09-22", Vocabulary.XSD.gYearMonth),
            ("2008-9", Vocabulary.XSD.gYearMonth),
            ("02008", Vocabulary.XSD.gYear),
            ("--02-30", Vocabulary.XSD.gMonthDay),
            ("09-05", Vocabulary.XSD.gMonthDay),
            ("12.5%", Vocabulary.XSD.decimal),
            ("1,000", Vocabulary.XSD.decimal),
            ("1e3", Vocabulary.XSD.decimal),
            (".", Vocabulary.XSD.decimal),
            ("", Vocabulary.XSD.decimal),
            ("12.5", Vocabulary.XSD.integer),
            ("yes", Vocabulary.XSD.boolean),
            ("x", Vocabulary.RDF.langString),
        ]
        for (text, datatype) in cases {
            XCTAssertThrowsError(try Literal(text, datatype: datatype), "\(text) \(datatype)") { error in
                XCTAssertEqual(error as? RDFTermError, .invalidLexicalForm(text, datatype: datatype.string))
            }
        }
    }

    func testLexicalSpacesAcceptValidForms() throws {
        let cases: [(String, IRI)] = [
            ("2008-02-29", Vocabulary.XSD.date),
            ("2008-09-22Z", Vocabulary.XSD.date),
            ("2008-09-22+05:00", Vocabulary.XSD.date),
            ("--02-29", Vocabulary.XSD.gMonthDay),
            ("12.5", Vocabulary.XSD.decimal),
            ("-0.5", Vocabulary.XSD.decimal),
            ("50", Vocabulary.XSD.decimal),
            (".5", Vocabulary.XSD.decimal),
            ("+7", Vocabulary.XSD.integer),
            ("true", Vocabulary.XSD.boolean),
            ("anything at all", try IRI("https://example.org/datatype")),
        ]
        for (text, datatype) in cases {
            XCTAssertEqual(try Literal(text, datatype: datatype).lexicalForm, text)
        }
    }

    func testDecimalFromDouble() throws {
        XCTAssertEqual(Literal(decimal: 50)?.description, "\"50\"^^<\(xsd)decimal>")
        XCTAssertEqual(Literal(decimal: 12.5)?.lexicalForm, "12.5")
        XCTAssertEqual(Literal(decimal: 0.5)?.lexicalForm, "0.5")
        XCTAssertNil(Literal(decimal: .nan))
        XCTAssertNil(Literal(decimal: .infinity))
        XCTAssertNil(Literal(decimal: 1e13 + 0.5))
    }

    func testLanguageTags() throws {
        XCTAssertEqual(try Literal("Kazakhstan", language: "en").description, "\"Kazakhstan\"@en")
        let tagged = try Literal("colour", language: "en-GB")
        XCTAssertEqual(tagged.datatype, Vocabulary.RDF.langString)
        XCTAssertEqual(tagged.language, "en-GB")
        for bad in ["en_US", "en_GB", "e", "", "en-", "-en", "en--US", "x", "en-a", "1en"] {
            XCTAssertThrowsError(try Literal("x", language: bad), bad) { error in
                XCTAssertEqual(error as? RDFTermError, .invalidLanguageTag(bad))
            }
        }
    }

    func testBCP47WellFormedness() {
        for good in ["en", "EN-us", "de-CH-1901", "zh-Hant-TW", "sr-Latn-RS", "es-419", "zh-yue-HK",
                     "en-a-bbb-x-ccc", "x-private", "i-klingon", "en-GB-oed", "sl-rozaj-biske", "art-lojban"] {
            XCTAssertTrue(LanguageTag.isWellFormed(good), good)
        }
        XCTAssertTrue(LanguageTag.isWellFormed("english-language"))  // a 5-8 letter language and a variant
        for bad in ["en_US", "abcdefghi", "en-US-u", "en-x", "12", "de-419-DE", "a-DE", "ar-a-aaa-b-bbb-a-ccc-"] {
            XCTAssertFalse(LanguageTag.isWellFormed(bad), bad)
        }
    }

    func testControlCharactersAreKeptAndEscapedInNTriplesForm() {
        let literal = Literal("Bell\u{7} Corp\u{C} \"q\" \\")
        XCTAssertEqual(literal.lexicalForm, "Bell\u{7} Corp\u{C} \"q\" \\")
        XCTAssertEqual(literal.description, #""Bell\u0007 Corp\f \"q\" \\""#)
        XCTAssertEqual(literal.datatype.string, xsd + "string")
    }
}
