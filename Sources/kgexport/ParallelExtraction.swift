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
    ///   - ids: the document id of each article (``ArticleInput/ids(for:)``); default the file names.
    ///   - lenient: replace bytes that are not UTF-8 with U+FFFD instead of failing (see ``ArticleInput``).
    ///   - quiet: no warnings.
    ///   - warn: given the articles' warnings (without `warning: `) in input order once every
    ///     article is done, also those of the articles before one that failed; default: printed
    ///     on standard error.
    ///   - progress: told of each article done, from the thread that did it (calls are serialized).
    /// - Returns: one graph per path, `graphs[i]` for `paths[i]`.
    /// - Throws: ``CommandFailure`` naming the first article in input order that cannot be read (`.io`) or decoded (`.data`).
    static func extract(_ paths: [String], ids: [String]? = nil, jobs: Int, documentDate: PartialDate?, extractor: Extractor,
                        lenient: Bool = false, quiet: Bool = true,
                        warn: (String) -> Void = { note("warning: \($0)") },
                        progress: (@Sendable (_ done: Int) -> Void)? = nil) throws(CommandFailure) -> [KnowledgeGraph] {
        let results = try inOrder(count: paths.count, jobs: jobs, progress: progress) { index -> Result<(KnowledgeGraph, [String]), CommandFailure> in
            do {
                let (article, warnings) = try ArticleInput.load(paths[index], id: ids?[index], lenient: lenient)
                return .success((extractor.extract(article, documentDate: documentDate), warnings))
            } catch {
                return .failure(error as? CommandFailure ?? CommandFailure.data("\(error)"))
            }
        } completed: { done in
            // Warnings in input order, whatever the number of threads.
            guard !quiet else { return }
            for (_, warnings) in done { warnings.forEach(warn) }
        }
        return results.map(\.0)
    }

    /// The graph of each article already in memory, in order, with its own publication date
    /// (`documentDates[i]` for `articles[i]`, nil for none), on up to `jobs` threads.
    static func extract(_ articles: [Article], jobs: Int, documentDates: [PartialDate?], extractor: Extractor) -> [KnowledgeGraph] {
        inOrder(count: articles.count, jobs: jobs, progress: nil) { index -> Result<KnowledgeGraph, Never> in
            .success(extractor.extract(articles[index], documentDate: index < documentDates.count ? documentDates[index] : nil))
        }
    }

    /// `body(0)`, `body(1)`, … on up to `jobs` threads, the results in index order; the failure of
    /// the lowest failing index (indexes after a failed one are not started). `completed` is
    /// given the results before that index (all of them when none failed), before the failure is thrown.
    private static func inOrder<T: Sendable, Failure: Error>(
        count: Int, jobs: Int, progress: (@Sendable (Int) -> Void)?,
        _ body: @escaping @Sendable (Int) -> Result<T, Failure>,
        completed: ([T]) -> Void = { _ in }
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
        let (done, failure) = work.results()
        completed(done)
        if let failure { throw failure }
        return done
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

        /// The results in order up to the first index that failed, and its failure (nil when none did).
        func results() -> ([T], Failure?) {
            lock.lock()
            defer { lock.unlock() }
            var out: [T] = []
            out.reserveCapacity(count)
            for slot in slots {
                switch slot {
                case let .success(value)?: out.append(value)
                case let .failure(error)?: return (out, error)
                case nil: break  // not started: an earlier index failed, and its failure was returned above
                }
            }
            return (out, nil)
        }
    }
}
