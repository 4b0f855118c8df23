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

    /// Entities of a text as "label:Type".
    static func entities(_ body: String, date: String? = "2008-09-10") -> [String] {
        extractor.extract(article(body, date: date)).sortedEntities.map { "\($0.label):\($0.type.rawValue)" }
    }
}
