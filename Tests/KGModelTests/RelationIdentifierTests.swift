import Foundation
import XCTest
import KGModel

/// ``Relation/id`` is the FNV-1a hash of the documented fields joined by U+001F.
final class RelationIdentifierTests: XCTestCase {
    /// The definition, spelled out as the documentation states it.
    private func reference(_ r: Relation) -> String {
        let share = r.share.map { Identifier.formatDecimal($0) } ?? ""
        let offsets = r.evidence.offsets.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""
        let key = [r.kind.rawValue, r.subject, r.object, r.date?.description ?? "", r.place ?? "", share,
                   r.modality.rawValue, r.evidence.source ?? "", offsets, r.evidence.sentence ?? "",
                   r.evidence.citedSource ?? ""].joined(separator: "\u{1F}")
        return "r" + Identifier.fnv1a64Hex(key)
    }

    func testIdsFollowTheDefinition() throws {
        let relations = [
            Relation(subject: "a", kind: .memberOf, object: "b"),
            Relation(subject: "kazakhstan", kind: .memberOf, object: "csto", date: PartialDate(iso: "2008-09"),
                     evidence: Evidence(sentence: "Kazakhstan — «ОДКБ» 𠮷", source: "edm.txt", citedSource: "Liter", offsets: 0..<1_234_567)),
            Relation(subject: "x", kind: .metWith, object: "y", date: PartialDate(iso: "--02-29"), place: "astana",
                     modality: .planned, evidence: Evidence(offsets: 5..<5)),
            Relation(subject: "x", kind: .holdsShareIn, object: "y", date: PartialDate(iso: "0001"), share: 12.5, modality: .negated),
            Relation(subject: "x", kind: .holdsShareIn, object: "y", date: PartialDate(iso: "9999-12-31"), share: 100),
            Relation(subject: "", kind: .holdsShareIn, object: "", share: 0.000001),
        ]
        for relation in relations {
            XCTAssertEqual(relation.id, reference(relation))
        }
        XCTAssertEqual(Relation(subject: "a", kind: .memberOf, object: "b").id, "r" + Identifier.fnv1a64Hex("member-of\u{1F}a\u{1F}b\u{1F}\u{1F}\u{1F}\u{1F}asserted\u{1F}\u{1F}\u{1F}\u{1F}"))
    }

    func testDateDescriptions() {
        XCTAssertEqual(PartialDate(iso: "2008-09-22")?.description, "2008-09-22")
        XCTAssertEqual(PartialDate(iso: "0008-09")?.description, "0008-09")
        XCTAssertEqual(PartialDate(iso: "0042")?.description, "0042")
        XCTAssertEqual(PartialDate(iso: "--09-05")?.description, "--09-05")
        XCTAssertEqual(PartialDate(year: 1999, month: 12, day: 31)?.description, "1999-12-31")
    }
}

/// ``Identifier/formatDecimal(_:)`` rounds to six fraction digits, as `%.6f` does, then trims zeros.
final class DecimalFormatTests: XCTestCase {
    private func reference(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    func testAgreesWithSixDigitRounding() {
        var values: [Double] = [12.5, 25.01, 0.1, 0.000001, 0.0000005, 0.0000015, 1e-7, 99.9999995, 33.333333333,
                                -0.5, -1e-7, 8_589_934_591.5, 8_589_934_592.25, 123_456_789.123456, 1e11 + 0.3, 0.30000000000000004]
        var state: UInt64 = 42
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let unit = Double(state >> 11) / Double(1 << 53)
            values.append((unit * 100 * 10).rounded() / 10)          // shares with one decimal
            values.append(unit * 100)                                // any share
            values.append(unit * pow(10, Double(state % 24)) - 1e6)  // other magnitudes
        }
        for value in values {
            XCTAssertEqual(Identifier.formatDecimal(value), reference(value), "\(value)")
        }
    }
}

/// ``Identifier/slug(_:)`` follows its definition, scalar by scalar, for ASCII and other scripts alike.
final class SlugTests: XCTestCase {
    private func reference(_ name: String) -> String {
        func fold(_ s: Unicode.Scalar) -> String {
            switch s {
            case "ß": return "ss"
            case "æ", "Æ": return "ae"
            case "ø", "Ø": return "o"
            case "đ", "Đ": return "d"
            case "ł", "Ł": return "l"
            case "ı": return "i"
            default: return String(s).decomposedStringWithCanonicalMapping
            }
        }
        var out = ""
        var pendingDash = false
        for scalar in name.unicodeScalars {
            for f in fold(scalar).unicodeScalars {
                if f.properties.isAlphabetic || ("0"..."9").contains(f) {
                    if pendingDash && !out.isEmpty { out.append("-") }
                    pendingDash = false
                    out.unicodeScalars.append(contentsOf: String(f).lowercased().unicodeScalars)
                } else if f.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    pendingDash = true
                }
            }
        }
        return out.isEmpty ? "x" + Identifier.fnv1a64Hex(name) : out
    }

    func testSlugsFollowTheDefinition() {
        var names = ["Nursultan Nazarbayev", "Société Générale", "AT&T", "  --  ", "", "Ørsted A/S", "Владимир Путин",
                     "習近平", "Łukasz Żółć", "ǅemal", "İstanbul", "ﬁnance", "Ⅻ Legion", "X-ray 2", "café\u{301}", "\u{1}\u{7F}~"]
        let pieces = Array("aZ09 -_.,/&'’éÉßæØđłıİǅﬁⅫ习Жَ\u{301}\t𠮷".unicodeScalars)
        var state: UInt64 = 3
        for _ in 0..<4000 {
            var name = String.UnicodeScalarView()
            state = state &* 6_364_136_223_846_793_005 &+ 1
            for k in 0..<Int(state >> 60) {
                name.append(pieces[Int((state >> UInt64(k * 5 % 59)) % UInt64(pieces.count))])
            }
            names.append(String(name))
        }
        for name in names {
            XCTAssertEqual(Identifier.slug(name), reference(name), name.debugDescription)
        }
    }
}
