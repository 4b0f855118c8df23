import ArgumentParser
import Foundation
import KGExtraction
import KGFormats
import KGInterchange
import KGModel
import KGRDF

/// `kgexport stream --to nquads|jsonl`: articles in on standard input, one graph per article out on
/// standard output, as they come; the mapper of a distributed engine (Spark's `RDD.pipe`, Hadoop
/// streaming, `xargs`/`parallel` over shards).
struct StreamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stream",
        abstract: "Extract articles read from standard input (JSON Lines) and write each one's graph to standard output.",
        discussion: """
        Each input line is one article as a JSON object: {"id": "a.txt", "text": "…", "date": "2008-09"} \
        ("date" optional: the publication date for an article whose text has no Date: header). Blank \
        lines are skipped. Articles are extracted on --jobs threads and written in input order, \
        each as soon as the articles before it are done.

        Warnings, and the record goes on: a member other than id, text and date is ignored; a \
        record whose text is empty or only header lines is skipped; a record whose id an earlier \
        record used is written, and the two articles' graphs merge. A bad record (not JSON, a \
        missing id or text, a bad date) stops the run with exit status 65.

        --to nquads writes RDF 1.1 N-Quads: each article's relations in the named graph of the \
        article, its entities and its description in the default graph. Entity, relation and article \
        IRIs depend only on the content, so outputs made on separate machines merge by union: \
        concatenating the shards (or loading them all into one store) gives the output of one run \
        over all the articles.

        --to jsonl writes, per article, an interchange graph: its document line, its entity lines, \
        its relation lines. An entity named in several articles comes once per article; each \
        article's lines are a complete interchange file (split on "kind":"document" lines).

        Unlike extract, entities are not linked across articles (a mapper sees one article at a \
        time); `kgexport extract` over all the articles links them.
        """
    )

    @Option(name: .long, help: ArgumentHelp("Output: nquads or jsonl.", valueName: "format"))
    var to: String = "nquads"

    @Option(name: .long, help: ArgumentHelp("Namespace for the IRIs of entities, relations and articles.", valueName: "iri"))
    var baseIRI: String = "https://w3id.org/kgexport/id/"

    @Option(name: .long, help: ArgumentHelp("Threads that extract at once (default: the number of cores).", valueName: "n"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Print nothing but errors (no warnings or summary).")
    var quiet = false

    @Flag(name: .long, help: "Print every warning (by default the first three of each field, then a count).")
    var verbose = false

    /// The two syntaxes a stream can write.
    enum Syntax { case nquads, jsonl }

    func validate() throws {
        _ = try syntax()
        if quiet && verbose { throw ValidationError("give either --quiet or --verbose, not both") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1, not \(jobs)") }
        do {
            _ = try IRIMinter(base: baseIRI)
        } catch {
            throw ValidationError("--base-iri '\(baseIRI)' cannot be used: \(error)")
        }
    }

    private func syntax() throws -> Syntax {
        switch try? OutputFormat.parseList(to) {
        case [.nquads]: return .nquads
        case [.jsonl]: return .jsonl
        default: throw ValidationError("--to for stream takes nquads or jsonl, not '\(to)'")
        }
    }

    mutating func run() throws {
        ignoreBrokenPipe()
        let syntax = try syntax()
        do {
            let lexicon: Lexicon
            do { lexicon = try Lexicon.bundled() } catch { throw CommandFailure.io("cannot load the lexicon: \(error)") }
            let mapping: OntologyMapping
            do { mapping = try OntologyMapping(iris: try IRIMinter(base: baseIRI)) } catch {
                throw CommandFailure.data("--base-iri \(baseIRI): \(error)")
            }
            let warnings = WarningReport(strict: false, quiet: quiet, verbose: verbose)
            let stream = ArticleStream(extractor: Extractor(lexicon: lexicon), mapping: mapping, syntax: syntax, jobs: jobs,
                                       warn: warnings.report)
            let counts = try stream.run()
            warnings.finish()
            if !quiet {
                let skipped = counts.skipped == 0 ? "" : " (\(counts.skipped) empty \(counts.skipped == 1 ? "record" : "records") skipped)"
                note("\(counts.articles) \(counts.articles == 1 ? "article" : "articles"), "
                     + "\(counts.relations) \(counts.relations == 1 ? "relation" : "relations")\(skipped)")
            }
        } catch let failure as CommandFailure {
            throw report(failure)
        }
    }
}

/// The work of `kgexport stream`: reads article records from standard input in batches, extracts
/// a batch on several threads, writes the graphs in input order, flushes, and goes on.
struct ArticleStream {
    let extractor: Extractor
    let mapping: OntologyMapping
    let syntax: StreamCommand.Syntax
    let jobs: Int
    /// Called with each warning, in input order (convert's ``WarningReport``).
    var warn: (InterchangeWarning) throws -> Void = { _ in }

    /// The members a record may have; others are warned about and ignored.
    static let fields: Set<String> = ["id", "text", "date"]

    /// One input line: `{"id": …, "text": …, "date": …}` (`date` optional; other members ignored).
    struct Record {
        let id: String
        let text: String
        let date: String?
        /// The columns of the values of `id`, `text` and `date`, for their messages.
        var idColumn = 1
        var textColumn = 1
        var dateColumn = 1
    }

    /// What a run wrote.
    struct Counts {
        var articles = 0
        var relations = 0
        /// Records skipped because their text is empty or a header only.
        var skipped = 0
    }

    /// Reads everything, writes everything.
    ///
    /// A record whose text is empty, or holds header lines only, is skipped with a warning (one
    /// bad record should not stop a long pipeline; `extract` refuses such a file). A record that
    /// reuses an earlier record's id is written, with a warning: the two articles' graphs share
    /// one named graph.
    /// - Returns: articles and relations written, records skipped.
    /// - Throws: ``CommandFailure``: `.data` naming the input line of a bad record, `.io` when
    ///   standard output fails; what ``warn`` throws.
    func run(input: FileHandle = .standardInput) throws -> Counts {
        let sink = DescriptorSink()
        let batchSize = max(1, jobs) * 8
        var batch: [(article: Article, date: PartialDate?)] = []
        var lineNumber = 0
        var counts = Counts()
        /// The line of the first record with each id.
        var firstLine: [String: Int] = [:]
        var pending = Data()
        var atEnd = false
        while !atEnd {
            let chunk = input.readData(ofLength: 1 << 20)
            if chunk.isEmpty { atEnd = true } else { pending.append(chunk) }
            while let newline = pending.firstIndex(of: 0x0A) ?? (atEnd && !pending.isEmpty ? pending.endIndex : nil) {
                var line = pending[pending.startIndex..<newline]
                pending = newline < pending.endIndex ? pending[pending.index(after: newline)...] : Data()
                lineNumber += 1
                if line.last == 0x0D { line = line.dropLast() }
                guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { continue }
                let record = try Self.decode(Data(line), line: lineNumber, warn: warn)
                let date = try Self.date(of: record, line: lineNumber)
                let article = ArticleReader.parse(record.text, id: record.id)
                if let problem = Self.emptiness(of: article) {
                    try warn(InterchangeWarning(file: "-", line: lineNumber, column: record.textColumn, field: "text",
                                                message: "\(problem), skipped"))
                    counts.skipped += 1
                    continue
                }
                // A header value the reader could not use (a `Date:` that is not a date), at the
                // record's text, naming the line of the text it is on.
                for problem in article.warnings {
                    try warn(InterchangeWarning(file: "-", line: lineNumber, column: record.textColumn, field: "text",
                                                message: "line \(problem.line) of the article: \(problem.message)"))
                }
                if let earlier = firstLine[record.id] {
                    try warn(InterchangeWarning(file: "-", line: lineNumber, column: record.idColumn, field: "id",
                                                message: "\(JSONValue.quoted(record.id)) was used on line \(earlier); the articles' graphs will merge"))
                } else {
                    firstLine[record.id] = lineNumber
                }
                batch.append((article, date))
                if batch.count == batchSize {
                    try write(batch, to: sink, counts: &counts)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try write(batch, to: sink, counts: &counts)
        return counts
    }

    /// Why `article` gives no graph, as `extract` says it (`empty article`, `header lines but no
    /// body`), or nil when it has a body.
    static func emptiness(of article: Article) -> String? {
        let scalars = article.text.unicodeScalars
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        if scalars.allSatisfy(isSpace) { return "empty article" }
        if article.bodyStart > 0, scalars.dropFirst(article.bodyStart).allSatisfy(isSpace) { return "header lines but no body" }
        return nil
    }

    /// The publication date of `record`, nil without one.
    /// - Throws: ``CommandFailure/data(_:)`` for a `date` that is not a date with a year.
    static func date(of record: Record, line: Int) throws -> PartialDate? {
        guard let text = record.date else { return nil }
        guard let date = PartialDate(iso: text), date.year != nil else {
            throw CommandFailure.data("-:\(line):\(record.dateColumn): field 'date': \(JSONValue.quoted(text)) is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
        }
        return date
    }

    /// The record on line `number` of standard input; members other than `id`, `text` and `date`
    /// go to `warn` (`unknown field, ignored`, at the member's name).
    /// - Throws: ``CommandFailure/data(_:)`` `-:LINE:COLUMN: …` for a line that is not UTF-8 (at
    ///   the first bad byte), not JSON (with CR-only line ends: at the first CR), not an object, or
    ///   lacks `id` or `text` or has a member of the wrong type (the column of the value at fault,
    ///   or of the object's `{` for a missing member); what `warn` throws.
    static func decode(_ line: Data, line number: Int, warn: (InterchangeWarning) throws -> Void = { _ in }) throws -> Record {
        let shape = "each line is {\"id\": …, \"text\": …, \"date\": …}"
        let bytes = [UInt8](line)
        return try bytes.withUnsafeBufferPointer { buffer throws -> Record in
            func column(_ offset: Int) -> Int { JSONPositions.column(ofByte: offset, in: buffer) }
            if let bad = LineChecks.firstInvalidUTF8(buffer) {
                throw CommandFailure.data("-:\(number):\(column(bad)): \(LineChecks.invalidUTF8(byteOffset: bad)); encode the input as UTF-8")
            }
            let parsed: (value: JSONValue, positions: JSONPositions)
            do {
                parsed = try JSONParser.parseWithPositions(buffer)
            } catch let error as JSONSyntaxError {
                if let cr = LineChecks.crOnlyLineEnd(buffer) {
                    throw CommandFailure.data("-:\(number):\(column(cr)): \(LineChecks.crOnlyLineEnds)")
                }
                throw CommandFailure.data("-:\(number):\(column(error.offset)): not JSON (\(error.message)); \(shape)")
            }
            guard case let .object(members) = parsed.value else {
                throw CommandFailure.data("-:\(number):\(column(parsed.positions.start)): \(parsed.value.summary) is not a JSON object; \(shape)")
            }
            func string(_ key: String, required: Bool) throws -> (String, Int)? {
                guard let index = members.firstIndex(where: { $0.0 == key }) else {
                    guard !required else {
                        throw CommandFailure.data("-:\(number):\(column(parsed.positions.start)): field '\(key)': missing; \(shape)")
                    }
                    return nil
                }
                let at = column(parsed.positions.values[index])
                switch members[index].1 {
                case let .string(value): return (value, at)
                case .null where !required: return nil
                case let other:
                    throw CommandFailure.data("-:\(number):\(at): field '\(key)': expected a string, found \(other.summary)")
                }
            }
            guard let id = try string("id", required: true), let text = try string("text", required: true) else {
                throw CommandFailure.data("-:\(number): \(shape)")
            }
            let date = try string("date", required: false)
            for (index, (key, _)) in members.enumerated() where !fields.contains(key) {
                try warn(.unknownField(file: "-", line: number, column: column(parsed.positions.names[index]), name: key))
            }
            return Record(id: id.0, text: text.0, date: date?.0, idColumn: id.1, textColumn: text.1, dateColumn: date?.1 ?? 1)
        }
    }

    /// Extracts `batch` (on up to ``jobs`` threads), then writes its graphs in order and flushes.
    private func write(_ batch: [(article: Article, date: PartialDate?)], to sink: DescriptorSink,
                       counts: inout Counts) throws {
        guard !batch.isEmpty else { return }
        let articles = batch.map(\.article), dates = batch.map(\.date)
        let graphs = ParallelExtraction.extract(articles, jobs: jobs, documentDates: dates, extractor: extractor)
        do {
            for graph in graphs {
                switch syntax {
                case .nquads:
                    let writer = NQuadsWriter(sink: sink)
                    try mapping.forEachQuad(in: graph) { try writer.write($0) }
                    try writer.finish()
                case .jsonl:
                    try JSONLinesWriter.write(graph, to: sink)
                }
                counts.articles += 1
                counts.relations += graph.sortedRelations.count
            }
            try sink.flush()
        } catch let error as OutputError {
            // Standard output is the only output: `cannot write to standard output (REASON)`,
            // and a reader that went away ends the run quietly.
            throw error.path == "-" ? CommandFailure.standardOutput(reason: error.reason) : CommandFailure.io("\(error)")
        } catch {
            throw CommandFailure.data("cannot write: \(error)")
        }
    }
}
