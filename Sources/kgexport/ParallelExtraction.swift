import Dispatch
import Foundation
import KGExtraction
import KGModel

/// Extracts the graphs of many articles on several threads, with a result that does not depend on
/// the number of threads.
///
/// Each article is read and extracted on its own (``KGExtraction/Extractor`` is a pure function
/// of the article, the date and the lexicon), so the articles can be shared among `jobs` threads
/// in any order; the graphs come back in the order of the paths. Threads take the next article as
/// they finish one, so a long article does not hold up the others. With `jobs` 1 everything runs
/// on the calling thread.
///
/// Errors are deterministic too: when articles cannot be read, the error reported is that of the
/// first of them in input order, whatever the number of threads (articles after a failed one are
/// not started; those before it are all extracted, since they were handed out first).
enum ParallelExtraction {
    /// The graph of each article, in the order of `paths`.
    ///
    /// - Parameters:
    ///   - paths: article files (UTF-8 text).
    ///   - jobs: how many threads extract at once (at least 1; more than the number of articles
    ///     starts one per article).
    ///   - documentDate: the publication date for articles whose header has none.
    ///   - extractor: the extractor (one lexicon shared by every thread).
    ///   - lenient: replace bytes that are not UTF-8 with U+FFFD instead of failing (see ``ArticleInput``).
    ///   - quiet: no warnings on standard error.
    ///   - progress: told of each article done, from the thread that did it (calls are serialized).
    /// - Returns: one graph per path, `graphs[i]` for `paths[i]`.
    /// - Throws: ``CommandFailure`` naming the first article in input order that cannot be read (`.io`) or decoded (`.data`).
    static func extract(_ paths: [String], jobs: Int, documentDate: PartialDate?, extractor: Extractor,
                        lenient: Bool = false, quiet: Bool = true,
                        progress: (@Sendable (_ done: Int) -> Void)? = nil) throws(CommandFailure) -> [KnowledgeGraph] {
        try inOrder(count: paths.count, jobs: jobs, progress: progress) { index -> Result<KnowledgeGraph, CommandFailure> in
            do {
                let article = try ArticleInput.read(paths[index], lenient: lenient, quiet: quiet)
                return .success(extractor.extract(article, documentDate: documentDate))
            } catch {
                return .failure(error as? CommandFailure ?? CommandFailure.data("\(error)"))
            }
        }
    }

    /// The graph of each article already in memory, in order, with its own publication date
    /// (`documentDates[i]` for `articles[i]`, nil for none), on up to `jobs` threads.
    static func extract(_ articles: [Article], jobs: Int, documentDates: [PartialDate?], extractor: Extractor) -> [KnowledgeGraph] {
        inOrder(count: articles.count, jobs: jobs, progress: nil) { index -> Result<KnowledgeGraph, Never> in
            .success(extractor.extract(articles[index], documentDate: index < documentDates.count ? documentDates[index] : nil))
        }
    }

    /// `body(0)`, `body(1)`, … on up to `jobs` threads, the results in index order; the failure of
    /// the lowest failing index (indexes after a failed one are not started).
    private static func inOrder<T: Sendable, Failure: Error>(
        count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)?,
        _ body: @escaping @Sendable (Int) -> Result<T, Failure>
    ) throws(Failure) -> [T] {
        let work = Work<T, Failure>(count: count)
        let threads = max(1, min(jobs, count))
        if threads == 1 {
            while let index = work.next() { work.finish(index, body(index), progress) }
        } else {
            let group = DispatchGroup()
            let queue = DispatchQueue(label: "kgexport.extraction", attributes: .concurrent)
            for _ in 0..<threads {
                queue.async(group: group) {
                    while let index = work.next() { work.finish(index, body(index), progress) }
                }
            }
            group.wait()
        }
        return try work.results()
    }

    /// The shared state of one run: the next index to hand out and the results so far.
    private final class Work<T: Sendable, Failure: Error>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private let count: Int
        private var slots: [Result<T, Failure>?]
        private var done = 0
        /// The lowest index that failed; no index after it is handed out.
        private var firstFailure = Int.max

        init(count: Int) {
            self.count = count
            slots = Array(repeating: nil, count: count)
        }

        /// The next index to work on, or nil when none is left (or one before it failed).
        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count, nextIndex < firstFailure else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func finish(_ index: Int, _ result: Result<T, Failure>, _ progress: (@Sendable (Int) -> Void)?) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = result
            if case .failure = result { firstFailure = min(firstFailure, index) }
            done += 1
            progress?(done)
        }

        /// Every result in order, or the failure of the first index that failed.
        func results() throws(Failure) -> [T] {
            lock.lock()
            defer { lock.unlock() }
            var out: [T] = []
            out.reserveCapacity(count)
            for slot in slots {
                switch slot {
                case let .success(value)?: out.append(value)
                case let .failure(error)?: throw error
                case nil: break  // not started: an earlier index failed, and its failure was thrown above
                }
            }
            return out
        }
    }
}
