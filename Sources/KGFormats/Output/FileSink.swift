#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A sink that writes a file atomically: readers of the destination see either the old file or
/// the complete new one, never a partial write.
///
/// The bytes go, buffered, into a temporary file in the destination's directory named
/// `.<name>.tmp-<pid>-<n>` (created exclusively, so two writers never share one).
/// ``commit()`` flushes the buffer, `fsync`s the file, renames it onto the destination (POSIX
/// `rename(2)`, atomic within one file system) and syncs the directory. ``discard()``, or
/// releasing the sink without a commit, removes the temporary file. While it exists the temporary
/// file is listed in ``TemporaryFiles``, so an interrupted process can remove it.
///
/// The new file gets mode 0666 minus the umask. When the destination is a symbolic link, the
/// link itself is replaced by the new file (as `rename(2)` does); the file it pointed to is left alone.
///
/// Not thread-safe: one writer at a time.
public final class FileSink: CommittableSink {
    /// The destination path.
    public let path: String
    /// The temporary file the bytes go to until ``commit()``.
    public let temporaryPath: String

    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private let capacity: Int
    private var state: State = .open

    private enum State { case open, prepared, committed, discarded }

    /// Creates the temporary file for `path`.
    ///
    /// - Parameters:
    ///   - path: the destination file; its directory must exist. An existing file is replaced on commit.
    ///   - bufferSize: bytes buffered before a `write(2)`; 64 KiB by default.
    /// - Throws: ``OutputError`` when `path` is empty or a directory, or the temporary file cannot be created.
    public init(path: String, bufferSize: Int = 1 << 16) throws {
        guard !path.isEmpty, !path.hasSuffix("/") else {
            throw OutputError(operation: "cannot write", path: path, reason: "not a file path")
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw OutputError(operation: "cannot write", path: path, reason: "is a directory")
        }
        let (directory, name) = FileSink.split(path)
        self.path = path
        self.capacity = max(bufferSize, 1)
        var attempt = 0
        while true {
            let candidate = directory + "." + name + ".tmp-\(getpid())-\(TemporaryCounter.next())"
            let (fd, code) = TemporaryFiles.create(candidate)
            if fd >= 0 {
                self.descriptor = fd
                self.temporaryPath = candidate
                break
            }
            attempt += 1
            if code == EEXIST && attempt < 100 { continue }
            throw OutputError.errno("cannot create temporary file", path: candidate, code: code)
        }
        buffer.reserveCapacity(capacity)
    }

    deinit {
        if state == .open || state == .prepared {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
        }
    }

    /// Appends bytes to the temporary file (through the buffer).
    /// - Throws: ``OutputError`` after a commit or discard, or when `write(2)` fails (e.g. disk full).
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard state == .open else {
            throw OutputError(operation: "cannot write", path: path, reason: "output already closed")
        }
        if buffer.count + bytes.count > capacity {
            try flushBuffer()
        }
        if bytes.count >= capacity {
            try writeAll(descriptor, bytes, path: temporaryPath)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Flushes, syncs and renames the temporary file onto ``path``. Calling it twice is an error.
    /// - Throws: ``OutputError`` naming the path that failed; the temporary file is removed then.
    public func commit() throws {
        try prepare()
        let code = TemporaryFiles.rename(temporaryPath, to: path)
        if code != 0 {
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
            state = .discarded
            throw OutputError.errno("cannot rename \(temporaryPath) to", path: path, code: code)
        }
        renamed()
    }

    /// The first half of a commit: flushes the buffer, `fsync`s and closes the temporary file, so
    /// that only the rename is left (``OutputBatch`` renames every file of a batch at once).
    /// - Throws: ``OutputError`` naming the temporary file; the temporary file is removed then.
    func prepare() throws {
        guard state == .open else {
            throw OutputError(operation: "cannot commit", path: path, reason: "output already closed")
        }
        do {
            try flushBuffer()
            if fsync(descriptor) != 0 {
                throw OutputError.errno("cannot sync", path: temporaryPath, code: errno)
            }
            let fd = descriptor
            descriptor = -1
            if close(fd) != 0 {
                throw OutputError.errno("cannot close", path: temporaryPath, code: errno)
            }
        } catch {
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
            unlink(temporaryPath)
            TemporaryFiles.unregister(temporaryPath)
            state = .discarded
            throw error
        }
        state = .prepared
    }

    /// Records that the temporary file was renamed onto ``path`` and makes the rename durable.
    func renamed() {
        state = .committed
        syncDirectory()
    }

    /// Removes the temporary file; the destination is left as it was. Does nothing after a commit.
    public func discard() {
        guard state == .open || state == .prepared else { return }
        state = .discarded
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        TemporaryFiles.unregister(temporaryPath)
    }

    private func flushBuffer() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll(descriptor, $0, path: temporaryPath) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Makes the rename durable (best effort: some file systems refuse `fsync` on a directory).
    private func syncDirectory() {
        let (directory, _) = FileSink.split(path)
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Splits a path into its directory (with trailing `/`, or empty) and its last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }
}

/// Writes every byte to a file descriptor, retrying on `EINTR` and after partial writes.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    guard var base = bytes.baseAddress else { return }
    var remaining = bytes.count
    while remaining > 0 {
        let n = Glibc_or_Darwin_write(fd, base, remaining)
        if n < 0 {
            if errno == EINTR { continue }
            throw OutputError.errno("cannot write", path: path, code: errno)
        }
        remaining -= n
        base = base.advanced(by: n)
    }
}

@inline(__always)
private func Glibc_or_Darwin_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, pointer, count)
}

/// Process-wide counter for unique temporary file names.
enum TemporaryCounter {
    private static let lock = CounterLock()

    static func next() -> Int { lock.increment() }
}

private final class CounterLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var value = 0

    init() { pthread_mutex_init(&mutex, nil) }

    func increment() -> Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        let current = value
        value += 1
        return current
    }
}
