import Foundation
import KGFormats
import KGInterchange
import KGModel
import KGRDF

/// Converts interchange files to several formats in one pass, streaming: the documents and
/// entities of every input are read and held (they are needed for nodes, labels and article
/// titles), then each relation line goes straight to every format's writer. Memory does not grow
/// with the number of relations, except for the set of relation ids written (8 to 16 bytes per
/// relation), which keeps a relation given twice from being written twice, and for pictures (SVG,
/// PNG), which Graphviz lays out from the whole graph.
///
/// Output order: entities and documents in id order (code-point order, as in every kgexport
/// output), relations in input order (file by file), each written once. For an interchange file
/// kgexport wrote itself, whose relations are already in graph order, GraphML, DOT and JSON Lines
/// are byte for byte what `kgexport extract` writes; RDF syntaxes hold the same triples, with each
/// relation's direct triple next to its qualified node instead of in its subject's description
/// (``KGRDF/StreamingMapping``).
///
/// Several inputs merge as ``KGModel/KnowledgeGraph/merge(_:)`` does: an entity declared in
/// several files gets one node, its names united.
///
/// All or nothing: every output goes to a temporary file renamed only when every format is
/// complete; a bad line stops the run with nothing written.
struct StreamingExport {
    /// The interchange files (`-` for standard input), in order.
    let inputs: [String]
    let baseIRI: String
    /// Pictures group nodes in one box per entity type.
    var clusterByType = false
    /// Called with each warning as it is read.
    let warn: (InterchangeWarning) throws -> Void
    /// Told of the progress of the relations.
    let progress: ProgressReporter
    /// Leave out the entities that take part in no relation (as subject, object or place). The
    /// inputs are then read twice, the first time for the ids of the entities the relations name;
    /// standard input and every input that is not a regular file (`/dev/stdin`, a process
    /// substitution, a FIFO) are first copied to a temporary file (``InputCopy``), read once.
    var dropIsolated = false

    /// What a run read and wrote.
    struct Summary {
        var entities = 0
        var relations = 0
        var duplicates = 0
        /// Entities left out by ``StreamingExport/dropIsolated``.
        var isolated = 0
        var written: [String] = []
    }

    /// Reads the inputs and writes every destination of `plan`.
    /// - Throws: ``CommandFailure`` (`.data` for a bad line or a graph a format cannot hold, `.io`
    ///   for files).
    func run(_ plan: [(OutputFormat, String)], files: OutputFiles) throws -> Summary {
        try Self.refuseToOverwriteInputs(plan, inputs: inputs)
        let iris: IRIMinter
        do {
            iris = try IRIMinter(base: baseIRI)
        } catch {
            throw CommandFailure.data("--base-iri \(baseIRI): \(error)")
        }
        // 0. With dropIsolated, a first pass for the ids of the entities that take part in a
        //    relation; it reports the warnings and stops at a bad line, so the second does not.
        var sources = inputs.map { (path: $0, name: $0) }
        var copies: [InputCopy] = []
        defer { copies.forEach { $0.remove() } }
        let pending = WarningQueue()
        var participating: Set<String>?
        if dropIsolated {
            // Read twice: what cannot be read twice (a pipe) is copied first, read once.
            for (i, input) in inputs.enumerated() {
                if let copy = try InputCopy.ifNeeded(input) {
                    copies.append(copy)
                    sources[i].path = copy.path
                }
            }
            participating = try participatingEntityIDs(sources, pending: pending)
        }

        // 1. Every input's documents and entities, up to its first relation.
        var readers: [(reader: InterchangeStreamReader, first: Relation?)] = []
        var entities = EntityTable()
        var documentTable = KnowledgeGraph()
        var isolated = Set<String>()
        for source in sources {
            let reader = try open(source.path, name: source.name)
            if participating == nil { reader.warningHandler = { pending.warnings.append($0) } }
            var first: Relation?
            while first == nil, let record = try next(reader) {
                try flush(pending)
                switch record {
                case let .document(document): documentTable.add(document)
                case let .entity(entity):
                    if let participating, !participating.contains(entity.id) {
                        isolated.insert(entity.id)
                    } else {
                        entities.add(entity, merging: inputs.count > 1)
                    }
                case let .relation(relation): first = relation
                }
            }
            try flush(pending)
            readers.append((reader, first))
        }
        let documents = Self.sorted(documentTable.documents.values, by: \.id)
        documentTable = KnowledgeGraph()
        let sortedEntities = entities.sorted()
        entities = EntityTable()

        // 2. The writers, all begun before any relation.
        var summary = Summary(entities: sortedEntities.count, isolated: isolated.count)
        do {
            var writers: [(format: OutputFormat, path: String, writer: any RelationWriter)] = []
            for (format, path) in plan {
                let sink = try files.open(path)
                try guarding(format, path, files) {
                    let writer = try makeRelationWriter(format, sink: sink, iris: iris, clusterByType: clusterByType)
                    try writer.begin(entities: sortedEntities, documents: documents)
                    writers.append((format, path, writer))
                }
            }

            // 3. The relations, straight from each input to every writer.
            var written = RelationIDSet()
            let totalBytes = sources.reduce(0) { $0 + (Self.size(of: $1.path) ?? 0) }
            var doneBytes = 0
            progress.start(files: inputs.count, bytes: totalBytes)
            for (index, (reader, first)) in readers.enumerated() {
                var relation = first
                while let current = relation {
                    try flush(pending)
                    let identified = IdentifiedRelation(current)
                    if written.insert(identified.id) {
                        for entry in writers {
                            try guarding(entry.format, entry.path, files) { try entry.writer.write(identified) }
                        }
                        summary.relations += 1
                    } else {
                        summary.duplicates += 1
                    }
                    if summary.relations & 0x3FF == 0 {
                        progress.update(filesDone: index, relations: summary.relations, bytes: doneBytes + reader.bytesRead)
                    }
                    guard let record = try next(reader) else { break }
                    guard case let .relation(next) = record else { break }  // the reader throws first
                    relation = next
                }
                try flush(pending)
                doneBytes += reader.bytesRead
                progress.update(filesDone: index + 1, relations: summary.relations, bytes: doneBytes)
            }
            for entry in writers {
                try guarding(entry.format, entry.path, files) { try entry.writer.finish() }
            }
            try files.commit()
            progress.finish(relations: summary.relations)
        } catch {
            progress.finish(relations: nil)
            files.discard()
            throw error
        }
        summary.written = plan.map(\.1)
        return summary
    }

    /// The ids of the entities that the relations of the inputs name (subject, object, place).
    /// Hands the warnings to ``warn`` as it reads.
    /// - Throws: ``CommandFailure`` for the first bad line or unreadable input.
    private func participatingEntityIDs(_ sources: [(path: String, name: String)], pending: WarningQueue) throws -> Set<String> {
        var ids = Set<String>()
        for source in sources {
            let reader = try open(source.path, name: source.name)
            reader.warningHandler = { pending.warnings.append($0) }
            while let record = try next(reader) {
                try flush(pending)
                guard case let .relation(relation) = record else { continue }
                ids.insert(relation.subject)
                ids.insert(relation.object)
                if let place = relation.place { ids.insert(place) }
            }
            try flush(pending)
        }
        return ids
    }

    /// Opens `path`, named `name` in messages.
    private func open(_ path: String, name: String) throws -> InterchangeStreamReader {
        do {
            return try InterchangeStreamReader(path: path, name: name)
        } catch where error.line == 0 {
            throw Self.unreadable(error)
        } catch {
            throw CommandFailure.data("\(error)")
        }
    }

    private func next(_ reader: InterchangeStreamReader) throws -> InterchangeRecord? {
        do {
            return try reader.next()
        } catch where error.line == 0 {
            throw Self.unreadable(error)  // a folder opens, and fails at the first read
        } catch {
            throw CommandFailure.data("\(error)")
        }
    }

    /// The file itself cannot be read: an input/output error, not bad data, saying what to do
    /// (`d/sub: cannot read the file (is a directory); check the path and permissions`).
    static func unreadable(_ error: InterchangeError) -> CommandFailure {
        let advice = "; check the path and permissions"
        return .io("\(error.file): \(error.message)" + (error.message.hasSuffix(advice) ? "" : advice))
    }

    /// Warnings the readers reported and ``warn`` has not been given yet.
    private final class WarningQueue {
        var warnings: [InterchangeWarning] = []
    }

    /// Hands the warnings the readers reported to ``warn``, in order.
    private func flush(_ pending: WarningQueue) throws {
        guard !pending.warnings.isEmpty else { return }
        let warnings = pending.warnings
        pending.warnings.removeAll(keepingCapacity: true)
        for warning in warnings { try warn(warning) }
    }

    /// Refuses a plan that would replace one of the inputs.
    /// - Throws: ``CommandFailure`` (`.io`) naming the path.
    static func refuseToOverwriteInputs(_ plan: [(OutputFormat, String)], inputs: [String]) throws {
        let inputPaths = Set(inputs.filter { $0 != "-" }.map {
            URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath().path
        })
        for (_, path) in plan where path != "-" {
            let resolved = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
            if inputPaths.contains(resolved) {
                throw CommandFailure.io("refusing to overwrite the input \(path); choose another output path")
            }
        }
    }

    /// Runs `body`, turning a writer's error into a ``CommandFailure`` naming the format and path.
    private func guarding(_ format: OutputFormat, _ path: String, _ files: OutputFiles, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw files.failure(error, format: format, path: path)
        }
    }

    /// The entities of the inputs, in the order read; an entity declared in several inputs is one
    /// entry, merged as ``KGModel/KnowledgeGraph/add(_:)-(Entity)`` merges (the first label stays, other
    /// names become aliases). Holds one array, and an index by id only when merging.
    struct EntityTable {
        private var entities: [Entity] = []
        private var positions: [String: Int] = [:]

        /// Adds `entity`; with `merging`, into the entry of the same id if there is one (within
        /// one input the reader has already refused a repeated id).
        mutating func add(_ entity: Entity, merging: Bool) {
            guard merging else {
                entities.append(entity)
                return
            }
            guard let i = positions[entity.id] else {
                positions[entity.id] = entities.count
                entities.append(entity)
                return
            }
            var old = entities[i]
            for name in [entity.label] + entity.aliases where name != old.label && !old.aliases.contains(name) {
                old.aliases.append(name)
            }
            entities[i] = old
        }

        /// The entities ordered by id (code-point order).
        func sorted() -> [Entity] {
            var out = entities
            out.sort { StreamingExport.precedes($0.id, $1.id) }
            return out
        }
    }

    /// Code-point order of two strings (the order of their UTF-8 bytes).
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let common = min(x.count, y.count)
                if common > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let order = memcmp(p, q, common)
                    if order != 0 { return order < 0 }
                }
                return x.count < y.count
            }
        }
    }

    /// `values` ordered by the code points of `key` (UTF-8 byte order is the same order).
    static func sorted<T>(_ values: some Collection<T>, by key: (T) -> String) -> [T] {
        values.map { (key($0), $0) }
            .sorted { precedes($0.0, $1.0) }
            .map(\.1)
    }

    /// The size of a regular file, nil for standard input or what cannot be read.
    static func size(of path: String) -> Int? {
        guard path != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }
}

/// An input copied to a temporary file (`kgexport-stdin-XXXXXX` in `TMPDIR`, else `/tmp`), so
/// that it can be read twice: standard input (`-`), and any input that is not a regular file
/// (`/dev/stdin`, a process substitution `<(…)`, a FIFO), whose second reading would be empty or
/// would wait forever. The input is opened once. Removed at the end of the run, and on SIGINT or SIGTERM.
struct InputCopy {
    let path: String

    /// A copy of `input` when it cannot be read twice, nil for a regular file (read in place).
    /// - Throws: ``CommandFailure`` (`.io`): the input cannot be opened or read (a folder: `is a
    ///   directory`), or the copy cannot be made or written.
    static func ifNeeded(_ input: String) throws -> InputCopy? {
        if input == "-" { return try make(from: STDIN_FILENO, name: "standard input") }
        let fd = open(input, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ArticleInput.unreadable(input, code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ArticleInput.unreadable(input, code: errno) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: throw ArticleInput.unreadable(input, code: EISDIR)
        default: return try make(from: fd, name: input)
        }
    }

    /// Copies everything that can be read from `fd`, named `name` in messages.
    /// - Throws: ``CommandFailure`` (`.io`) when the file cannot be made or written, or `fd`
    ///   cannot be read.
    static func make(from fd: Int32, name: String) throws -> InputCopy {
        let standardInput = fd == STDIN_FILENO && name == "standard input"
        var directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? ""
        if directory.isEmpty { directory = "/tmp" }
        while directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        var template = Array((directory + "/kgexport-stdin-XXXXXX").utf8CString)
        let copyFD = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard copyFD >= 0 else {
            throw CommandFailure.io("cannot create a temporary file in \(directory) for a copy of \(name) (\(systemReason(errno))); set TMPDIR to a directory you can write to")
        }
        let copy = InputCopy(path: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        SignalHandling.removeOnInterrupt(copy.path)
        defer { close(copyFD) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                let code = errno
                copy.remove()
                throw standardInput ? CommandFailure.io("cannot read standard input (\(systemReason(code)))")
                                    : ArticleInput.unreadable(name, code: code)
            }
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBytes { write(copyFD, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    let reason = systemReason(errno)
                    copy.remove()
                    throw CommandFailure.io("cannot copy \(name) to \(copy.path) (\(reason)); set TMPDIR to a directory with room")
                }
                offset += written
            }
        }
        return copy
    }

    func remove() {
        unlink(path)
        SignalHandling.forget(path)
    }
}
