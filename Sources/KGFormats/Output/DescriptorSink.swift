#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered sink on an open file descriptor: standard output for the output path `-`, or a
/// destination that is not a regular file (a character device such as `/dev/null` or
/// `/dev/stdout`, a FIFO, a socket), which is written in place: renaming a temporary file onto it
/// would replace the device or pipe with a regular file.
///
/// Bytes are buffered and written on ``commit()`` or when the buffer fills; ``discard()`` drops
/// what is still buffered (bytes already written cannot be taken back).
public final class DescriptorSink: CommittableSink {
    private var buffer: [UInt8] = []
    private let capacity: Int
    private let descriptor: Int32
    /// How errors name the destination: `-` for standard output, else its path.
    private let path: String
    private let closesDescriptor: Bool

    /// A sink on standard output (file descriptor 1).
    /// - Parameter bufferSize: bytes buffered before a `write(2)`; 64 KiB by default.
    public init(bufferSize: Int = 1 << 16) {
        capacity = max(bufferSize, 1)
        buffer.reserveCapacity(capacity)
        descriptor = STDOUT_FILENO
        path = "-"
        closesDescriptor = false
    }

    /// A sink that opens `path` for writing in place (`open(2)` with `O_WRONLY`, no temporary
    /// file), for a destination that exists and is not a regular file or a directory.
    /// - Throws: ``OutputError`` when `open(2)` fails.
    public init(openingInPlace path: String, bufferSize: Int = 1 << 16) throws {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.errno("cannot write", path: path, code: errno) }
        capacity = max(bufferSize, 1)
        buffer.reserveCapacity(capacity)
        descriptor = fd
        self.path = path
        closesDescriptor = true
    }

    deinit {
        if closesDescriptor { close(descriptor) }
    }

    /// Whether `path` names something that exists and is neither a regular file nor a directory
    /// (`stat(2)`, following symbolic links), so that it is written in place.
    public static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFREG && type != S_IFDIR
    }

    /// Appends bytes.
    /// - Throws: ``OutputError`` when `write(2)` fails, e.g. a closed pipe.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(descriptor, bytes, path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out the buffer.
    /// - Throws: ``OutputError`` when `write(2)` fails.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll(descriptor, $0, path: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Same as ``flush()``.
    public func commit() throws { try flush() }

    /// Drops the bytes still buffered.
    public func discard() { buffer.removeAll() }
}
