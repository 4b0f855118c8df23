import Foundation
import KGModel
import XCTest
@testable import KGExtraction

/// Writes each evaluation article's graph as JSON (and a mention trace) into the directory named by
/// env `KGEXPORT_DEV_DUMP` (articles from `KGEXPORT_DEV_CORPUS`, default `../shared/corpus/dev`), for scoring outside the test suite. Skipped when the variable is unset.
final class DevCorpusDumpTests: XCTestCase {
    func testDumpEvaluationCorpus() throws {
        guard let out = ProcessInfo.processInfo.environment["KGEXPORT_DEV_DUMP"] else {
            throw XCTSkip("set KGEXPORT_DEV_DUMP to a directory to dump the evaluation corpus")
        }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = ProcessInfo.processInfo.environment["KGEXPORT_DEV_CORPUS"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }.sorted()
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let extractor = Extractor(lexicon: try Lexicon.bundled())
        for f in files {
            let article = try ArticleReader.read(contentsOf: corpus.appendingPathComponent(f))
            let analysis = extractor.analyze(article)
            let g = analysis.graph()
            var entities: [[String: Any]] = []
            for e in g.sortedEntities {
                entities.append(["id": e.id, "label": e.label, "type": e.type.rawValue, "aliases": e.aliases])
            }
            var relations: [[String: Any]] = []
            for r in g.sortedRelations {
                var d: [String: Any] = ["subject": r.subject, "relation": r.kind.rawValue, "object": r.object,
                                        "modality": r.modality.rawValue, "sentence": r.evidence.sentence ?? ""]
                if let s = r.share { d["share"] = s }
                if let dt = r.date { d["date"] = dt.description }
                if let c = r.evidence.citedSource { d["cited"] = c }
                relations.append(d)
            }
            let json: [String: Any] = ["entities": entities, "relations": relations]
            let data = try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys])
            let stem = String(f.dropLast(4))
            try data.write(to: URL(fileURLWithPath: out).appendingPathComponent(stem + ".json"))
            var trace = ""
            for (i, ms) in analysis.mentions.enumerated() {
                trace += "S\(i) [\(analysis.citedSources[i] ?? "-")] \(analysis.sentenceText(i))\n"
                for m in ms {
                    let label = m.entity.flatMap { analysis.entities[$0]?.label } ?? "?"
                    trace += "   \(m.kind) '\(m.surface)' -> \(label) type=\(m.type?.rawValue ?? "nil") by=\(m.typedBy ?? "-")"
                        + (m.title.map { " title=\($0)" } ?? "") + (m.isSubject ? " SUBJ" : "") + (m.isModifier ? " MOD" : "")
                        + (m.isGovernment ? " GOV" : "") + (m.acronym.map { " acr=\($0)" } ?? "") + "\n"
                }
            }
            for c in analysis.candidates {
                trace += "CAND \(c.rule) \(c.subject) \(c.kind.rawValue) \(c.object) s\(c.sentence) \(c.modality.rawValue) share=\(c.share.map { "\($0)" } ?? "-") date=\(c.date?.description ?? "-") place=\(c.place ?? "-") rej=\(c.rejection ?? "-")\n"
            }
            try trace.write(to: URL(fileURLWithPath: out).appendingPathComponent(stem + ".trace.txt"), atomically: true, encoding: .utf8)
        }
    }
}
