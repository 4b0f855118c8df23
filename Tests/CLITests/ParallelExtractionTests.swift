import Foundation
import KGExtraction
import KGModel
import XCTest
@testable import kgexport

/// Extracting on several threads gives the graphs of extracting on one, in input order.
final class ParallelExtractionTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The dev corpus and the example article, each several times (so threads overlap).
    private func articles() throws -> [String] {
        let corpus = Self.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev")
        var paths = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path))?
            .filter { $0.hasSuffix(".txt") }.sorted().map { corpus.appendingPathComponent($0).path } ?? []
        paths.append(Self.packageRoot.appendingPathComponent("Examples/articles/edm-2008-kazakhstan-csto.txt").path)
        return Array(repeating: paths, count: 4).flatMap { $0 }
    }

    func testFourThreadsGiveTheGraphsOfOneInInputOrder() throws {
        let paths = try articles()
        let extractor = Extractor(lexicon: try Lexicon.bundled())
        let date = PartialDate(iso: "2008-09")
        let one = try ParallelExtraction.extract(paths, jobs: 1, documentDate: date, extractor: extractor)
        let four = try ParallelExtraction.extract(paths, jobs: 4, documentDate: date, extractor: extractor)
        XCTAssertEqual(one.count, paths.count)
        XCTAssertEqual(four, one)
        // In input order: graph i is the extraction of article i.
        for (i, path) in paths.enumerated() where i % 5 == 0 {
            let article = try ArticleReader.read(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(one[i], extractor.extract(article, documentDate: date), path)
        }
        XCTAssertGreaterThan(one.reduce(0) { $0 + $1.relations.count }, 0)
    }

    func testProgressCountsEveryArticle() throws {
        let paths = try articles()
        final class Count: @unchecked Sendable { var values: [Int] = [] }
        let count = Count()
        _ = try ParallelExtraction.extract(paths, jobs: 3, documentDate: nil, extractor: Extractor(lexicon: try Lexicon.bundled()),
                                           progress: { count.values.append($0) })
        XCTAssertEqual(count.values, Array(1...paths.count), "calls are serialized and count up")
    }

    /// With missing files among the articles, the error names the first of them, for any number of threads.
    func testTheErrorNamesTheFirstUnreadableArticleForAnyNumberOfThreads() throws {
        var paths = try articles()
        paths.insert("/nonexistent/first.txt", at: 9)
        paths.insert("/nonexistent/second.txt", at: 3)
        let extractor = Extractor(lexicon: try Lexicon.bundled())
        for jobs in [1, 2, 4, 16] {
            XCTAssertThrowsError(try ParallelExtraction.extract(paths, jobs: jobs, documentDate: nil, extractor: extractor)) { error in
                let message = (error as? CommandFailure)?.message ?? ""
                XCTAssertTrue(message.contains("/nonexistent/second.txt"), "jobs \(jobs): \(message)")
            }
        }
    }

    func testNoArticlesGiveNoGraphs() throws {
        XCTAssertEqual(try ParallelExtraction.extract([], jobs: 4, documentDate: nil, extractor: Extractor(lexicon: try Lexicon.bundled())), [])
    }
}
