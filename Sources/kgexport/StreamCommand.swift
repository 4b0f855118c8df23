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

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    /// The two syntaxes a stream can write.
    enum Syntax { case nquads, jsonl }

    func validate() throws {
        _ = try syntax()
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
            let stream = ArticleStream(extractor: Extractor(lexicon: lexicon), mapping: mapping, syntax: syntax, jobs: jobs)
            let counts = try stream.run()
            if !quiet {
                note("\(counts.articles) articles, \(counts.relations) relations")
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

    /// One input line: `{"id": …, "text": …, "date": …}` (`date` optional; other members ignored).
    struct Record {
        let id: String
        let text: String
        let date: String?
        /// The column of the `date` value, for its message.
        var dateColumn = 1
    }

    /// Reads everything, writes everything.
    /// - Returns: articles and relations written.
    /// - Throws: ``CommandFailure``: `.data` naming the input line of a bad record, `.io` when
    ///   standard output fails.
    func run(input: FileHandle = .standardInput) throws -> (articles: Int, relations: Int) {
        let sink = StandardOutputSink()
        let batchSize = max(1, jobs) * 8
        var batch: [(line: Int, record: Record)] = []
        var lineNumber = 0
        var counts = (articles: 0, relations: 0)
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
                batch.append((lineNumber, try Self.decode(Data(line), line: lineNumber)))
                if batch.count == batchSize {
                    try write(batch, to: sink, counts: &counts)
                    batch.removeAll(keepingCapacity: true)
                }
            }
        }
        try write(batch, to: sink, counts: &counts)
        return counts
    }

    /// The record on line `number` of standard input.
    /// - Throws: ``CommandFailure/data(_:)`` `-:LINE:COLUMN: …` for a line that is not JSON, not an
    ///   object, or lacks `id` or `text` or has a member of the wrong type (the column of the
    ///   value at fault, or of the object's `{` for a missing member).
    static func decode(_ line: Data, line number: Int) throws -> Record {
        let shape = "each line is {\"id\": …, \"text\": …, \"date\": …}"
        let bytes = [UInt8](line)
        return try bytes.withUnsafeBufferPointer { buffer throws -> Record in
            func column(_ offset: Int) -> Int { JSONPositions.column(ofByte: offset, in: buffer) }
            let parsed: (value: JSONValue, positions: JSONPositions)
            do {
                parsed = try JSONParser.parseWithPositions(buffer)
            } catch let error as JSONSyntaxError {
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
            return Record(id: id.0, text: text.0, date: date?.0, dateColumn: date?.1 ?? 1)
        }
    }

    /// Extracts `batch` (on up to ``jobs`` threads), then writes its graphs in order and flushes.
    private func write(_ batch: [(line: Int, record: Record)], to sink: StandardOutputSink,
                       counts: inout (articles: Int, relations: Int)) throws {
        guard !batch.isEmpty else { return }
        var dates: [PartialDate?] = []
        for (line, record) in batch {
            guard let text = record.date else { dates.append(nil); continue }
            guard let date = PartialDate(iso: text), date.year != nil else {
                throw CommandFailure.data("-:\(line):\(record.dateColumn): field 'date': \"\(text)\" is not a date; use YYYY-MM-DD, YYYY-MM or YYYY")
            }
            dates.append(date)
        }
        let articles = batch.map { ArticleReader.parse($0.record.text, id: $0.record.id) }
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
            throw CommandFailure.io("\(error)")
        } catch {
            throw CommandFailure.data("cannot write: \(error)")
        }
    }
}
