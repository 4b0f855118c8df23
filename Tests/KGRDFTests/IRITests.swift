import XCTest
@testable import KGRDF

final class IRITests: XCTestCase {
    func testAcceptsAbsoluteIRIs() throws {
        for text in [
            "https://w3id.org/kgexport/id/entity/kazakhstan",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "urn:isbn:0451450523",
            "https://example.org/entity/%D0%9D%20x",
            "https://example.org/entity/Назарбаев",
            "mailto:a@example.org",
        ] {
            XCTAssertEqual(try IRI(text).string, text)
        }
    }

    func testRejectsWithReasonNamingTheRule() {
        let cases: [(String, String)] = [
            ("", "empty"),
            ("entity/kazakhstan", "not absolute (no scheme followed by a colon)"),
            ("1http://x", "no scheme (must start with a letter, e.g. https:)"),
            ("ht tp://x", "no scheme (character U+0020 before the first colon)"),
            ("https://example.org/Acme Corp", "contains a space"),
            ("https://example.org/a\"b", "contains a quotation mark"),
            ("https://example.org/<b>", "contains an angle bracket"),
            ("https://example.org/a\u{7}", "contains control character U+0007"),
            ("https://example.org/a\u{85}", "contains control character U+0085"),
            ("https://example.org/a{b}", "contains '{', which IRIs forbid"),
            ("https://example.org/a\\b", "contains '\\', which IRIs forbid"),
            ("https://example.org/50%", "contains % not followed by two hex digits"),
            ("https://example.org/%G0", "contains % not followed by two hex digits"),
            ("https://example.org/a#b#c", "contains more than one #"),
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try IRI(text), text) { error in
                XCTAssertEqual(error as? RDFTermError, .invalidIRI(text, reason: reason))
            }
            XCTAssertFalse(IRI.isValid(text), text)
        }
    }

    func testErrorMessageNamesTheValue() {
        XCTAssertEqual(RDFTermError.invalidIRI("https://x.org/a b", reason: "contains a space").description,
                       "invalid IRI \"https://x.org/a b\": contains a space")
    }

    func testOrderIsCodePointOrder() throws {
        let a = try IRI("https://x.org/Z")
        let b = try IRI("https://x.org/a")
        let c = try IRI("https://x.org/é")
        XCTAssertEqual([c, b, a].sorted(), [a, b, c])
    }

    func testNamespaceTermsMustBeNCNames() throws {
        let kg = Vocabulary.kg
        XCTAssertEqual(try kg.iri(localName: "memberOf").string, "https://w3id.org/kgexport/ontology#memberOf")
        for bad in ["2023", "p q", "a:b", ""] {
            XCTAssertThrowsError(try kg.iri(localName: bad)) { error in
                XCTAssertEqual(error as? RDFTermError, .invalidLocalName(bad, namespace: kg.iri.string))
            }
        }
        XCTAssertThrowsError(try Namespace(prefix: "1kg", iri: kg.iri))
    }

    func testNCName() {
        for name in ["memberOf", "Q5", "P463", "_x", "a-b.c", "Назарбаев", "中国"] {
            XCTAssertTrue(XMLName.isNCName(name), name)
        }
        for name in ["2023", "-a", ".a", "p q", "a:b", "", "a%20b", "a/b"] {
            XCTAssertFalse(XMLName.isNCName(name), name)
        }
    }
}
