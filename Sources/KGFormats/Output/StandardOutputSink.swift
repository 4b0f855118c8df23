#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered sink on standard output (file descriptor 1), for the output path `-`.
///
/// Bytes are buffered and written on ``commit()`` or when the buffer fills; ``discard()`` drops
/// what is still buffered (bytes already written cannot be taken back).
public final class StandardOutputSink: CommittableSink {
    private var buffer: [UInt8] = []
    private let capacity: Int

    /// - Parameter bufferSize: bytes buffered before a `write(2)`; 64 KiB by default.
    public init(bufferSize: Int = 1 << 16) {
        capacity = max(bufferSize, 1)
        buffer.reserveCapacity(capacity)
    }

    /// Appends bytes.
    /// - Throws: ``OutputError`` (path `-`) when `write(2)` fails, e.g. a closed pipe.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > capacity { try flush() }
        if bytes.count >= capacity {
            try writeAll(STDOUT_FILENO, bytes, path: "-")
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Writes out the buffer.
    /// - Throws: ``OutputError`` (path `-`) when `write(2)` fails.
    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll(STDOUT_FILENO, $0, path: "-") }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Same as ``flush()``.
    public func commit() throws { try flush() }

    /// Drops the bytes still buffered.
    public func discard() { buffer.removeAll() }
}
