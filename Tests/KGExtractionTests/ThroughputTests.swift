import Foundation
import KGModel
import XCTest
import KGExtraction

/// Extraction speed on the example article repeated to about 200,000 words. Prints words per
/// second; skipped unless env `KGEXPORT_BENCH` is set (meaningful in a release build:
/// `swift test -c release -Xswiftc -enable-testing --filter ThroughputTests`).
final class ThroughputTests: XCTestCase {
    func testWordsPerSecond() throws {
        guard ProcessInfo.processInfo.environment["KGEXPORT_BENCH"] != nil else {
            throw XCTSkip("set KGEXPORT_BENCH=1 to measure throughput")
        }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt")
        let example = try ArticleReader.read(contentsOf: url)
        let body = String(String.UnicodeScalarView(Array(example.text.unicodeScalars)[example.bodyStart...]))
        let copies = 220
        let text = "Date: 2008-09\n\n" + Array(repeating: body, count: copies).joined(separator: "\n\n")
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
        let extractor = Extractor(lexicon: try Lexicon.bundled())
        let article = ArticleReader.parse(text, id: "bench.txt")
        let start = Date()
        let graph = extractor.extract(article)
        let seconds = Date().timeIntervalSince(start)
        print("throughput: \(words) words in \(String(format: "%.3f", seconds)) s = \(Int(Double(words) / seconds)) words/s, \(graph.relations.count) relations")
        XCTAssertGreaterThan(graph.relations.count, copies * 5)
    }
}
