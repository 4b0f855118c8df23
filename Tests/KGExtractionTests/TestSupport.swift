import Foundation
import KGModel
import XCTest
@testable import KGExtraction

/// Shared lexicon and helpers for the extraction tests.
enum TestSupport {
    static let lexicon: Lexicon = {
        do { return try Lexicon.bundled() } catch { preconditionFailure("bundled lexicon: \(error)") }
    }()

    static let extractor = Extractor(lexicon: lexicon)

    /// The package root, from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// An article from body text, with a `Date:` header when `date` is given.
    static func article(_ body: String, date: String? = "2008-09-10", id: String = "case.txt") -> Article {
        let text = date.map { "Title: Case\nDate: \($0)\n\n" + body } ?? body
        return ArticleReader.parse(text, id: id)
    }

    static func analysis(_ body: String, date: String? = "2008-09-10") -> Analysis {
        extractor.analyze(article(body, date: date))
    }

    /// Relations of a text as "Subject label relation Object label" lines.
    static func relations(_ body: String, date: String? = "2008-09-10") -> [String] {
        let g = extractor.extract(article(body, date: date))
        return g.sortedRelations.map { r in
            "\(g.entities[r.subject]?.label ?? r.subject) \(r.kind.rawValue) \(g.entities[r.object]?.label ?? r.object)"
        }
    }

    /// The relation of a text between two labels (either order for met-with).
    static func relation(_ body: String, _ a: String, _ kind: RelationKind, _ b: String, date: String? = "2008-09-10") -> Relation? {
        let g = extractor.extract(article(body, date: date))
        return g.sortedRelations.first { r in
            let s = g.entities[r.subject]?.label
            let o = g.entities[r.object]?.label
            return r.kind == kind && ((s == a && o == b) || (kind == .metWith && s == b && o == a))
        }
    }

    /// Rejected candidates of a text as "Subject label relation Object label: reason".
    static func rejections(_ body: String, date: String? = "2008-09-10") -> [String] {
        let a = analysis(body, date: date)
        return a.candidates.compactMap { c in
            guard let r = c.rejection else { return nil }
            return "\(a.entities[c.subject]?.label ?? c.subject) \(c.kind.rawValue) \(a.entities[c.object]?.label ?? c.object): \(r)"
        }
    }

    /// Entities of a text as "label:Type".
    static func entities(_ body: String, date: String? = "2008-09-10") -> [String] {
        extractor.extract(article(body, date: date)).sortedEntities.map { "\($0.label):\($0.type.rawValue)" }
    }
}

/// A sentence beside the relations it must and must not give, as "Subject relation Object" with
/// entity labels (met-with matches either order).
struct RuleCase {
    var text: String
    var must: [String] = []
    var mustNot: [String] = []
    var line: UInt

    init(_ text: String, must: [String] = [], mustNot: [String] = [], line: UInt = #line) {
        self.text = text
        self.must = must
        self.mustNot = mustNot
        self.line = line
    }

    static func has(_ relations: [String], _ expected: String) -> Bool {
        if relations.contains(expected) { return true }
        let parts = expected.components(separatedBy: " met-with ")
        return parts.count == 2 && relations.contains("\(parts[1]) met-with \(parts[0])")
    }

    /// Checks every case, reporting failures at the case's line.
    static func check(_ cases: [RuleCase], date: String? = "2008-09-10", file: StaticString = #filePath) {
        for c in cases {
            let r = TestSupport.relations(c.text, date: date)
            for m in c.must { XCTAssertTrue(has(r, m), "missing \(m) in \(r)", file: file, line: c.line) }
            for m in c.mustNot { XCTAssertFalse(has(r, m), "unexpected \(m)", file: file, line: c.line) }
        }
    }
}
