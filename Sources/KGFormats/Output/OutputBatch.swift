/// The outputs of one run, made visible all together or not at all.
///
/// A run that writes several files (one per format) opens a sink for each with ``open(_:)``,
/// writes them all, then calls ``commit()``: every file is first flushed, synced and closed (so a
/// full disk shows up before any destination changes), then every temporary file is renamed onto
/// its destination at once (``TemporaryFiles`` excludes an interrupt during the renames, and a
/// rename that fails undoes the ones before it). A run that fails calls ``discard()``: every
/// destination keeps its previous content and no temporary file is left.
///
/// Standard output (`-`) is flushed after the files are in place; bytes already written to it
/// cannot be taken back.
///
/// Not thread-safe.
public final class OutputBatch {
    /// The destination of each sink opened, in order.
    public private(set) var paths: [String] = []
    private var sinks: [any CommittableSink] = []

    public init() {}

    /// Opens the sink for `path` (`-` is standard output).
    /// - Throws: ``OutputError`` (with `path` the destination) when its temporary file cannot be created.
    public func open(_ path: String) throws -> any CommittableSink {
        let sink: any CommittableSink
        do {
            sink = try makeOutputSink(path: path)
        } catch let error as OutputError {
            throw OutputError(operation: error.operation, path: path, reason: error.reason)
        }
        sinks.append(sink)
        paths.append(path)
        return sink
    }

    /// The destination whose temporary file is `path`, or `path` itself when it is none of this
    /// batch's temporary files: errors of a ``FileSink`` name its temporary file, users know the destination.
    public func destination(of path: String) -> String {
        for (sink, destination) in zip(sinks, paths) {
            if let file = sink as? FileSink, file.temporaryPath == path { return destination }
        }
        return path
    }

    /// Makes every output complete and visible, all or none.
    /// - Throws: ``OutputError`` naming the destination that failed; every destination is then as
    ///   it was and no temporary file is left.
    public func commit() throws {
        var index = 0
        do {
            for (i, sink) in sinks.enumerated() {
                index = i
                if let file = sink as? FileSink { try file.prepare() }
            }
        } catch let error as OutputError {
            discard()
            throw OutputError(operation: error.operation.hasPrefix("cannot commit") ? error.operation : "cannot write",
                              path: paths[index], reason: error.reason)
        }
        let files = zip(sinks, paths).compactMap { sink, path in (sink as? FileSink).map { ($0, path) } }
        if let failure = TemporaryFiles.renameAll(files.map { (temporary: $0.0.temporaryPath, destination: $0.1) }) {
            discard()
            throw OutputError.errno("cannot write", path: files[failure.index].1, code: failure.code)
        }
        for (file, _) in files { file.renamed() }
        for (i, sink) in sinks.enumerated() where !(sink is FileSink) {
            do {
                try sink.commit()
            } catch let error as OutputError {
                throw OutputError(operation: error.operation, path: paths[i], reason: error.reason)
            }
        }
    }

    /// Abandons every output: temporary files are removed, destinations keep their previous content.
    public func discard() {
        for sink in sinks { sink.discard() }
    }
}
