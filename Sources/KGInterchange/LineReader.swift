#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in large blocks, without copying them: each line is a view
/// into the reader's buffer, valid until the next call.
///
/// Lines end at a line feed; the line feed, and a carriage return before it, are not part of the
/// line. A byte-order mark at the very start of the input is skipped. A last line without a line
/// feed is still a line. Memory: the block size, or the longest line if that is longer.
final class LineReader {
    private let descriptor: Int32
    private let closeWhenDone: Bool
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The unread bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var atStart = true
    /// Bytes handed out so far, line breaks and a byte-order mark included.
    private(set) var consumed = 0

    /// Reads from `descriptor`; closes it on deinit when `closeWhenDone`.
    init(descriptor: Int32, closeWhenDone: Bool, blockSize: Int = 1 << 20) {
        self.descriptor = descriptor
        self.closeWhenDone = closeWhenDone
        self.capacity = max(blockSize, 16)
        self.buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
        if closeWhenDone { close(descriptor) }
    }

    /// The next line, or nil at the end of the input.
    /// - Throws: the `errno` of a failed `read(2)`.
    func nextLine() throws(LineReaderError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            if start < end, let newline = memchr(buffer + start, 0x0A, end - start) {
                let lineEnd = buffer.distance(to: newline.assumingMemoryBound(to: UInt8.self))
                return take(upTo: lineEnd, next: lineEnd + 1)
            }
            if atEOF {
                guard start < end else { return nil }
                return take(upTo: end, next: end)
            }
            try fill()
        }
    }

    private func take(upTo lineEnd: Int, next: Int) -> UnsafeBufferPointer<UInt8> {
        var stop = lineEnd
        if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
        let line = UnsafeBufferPointer(start: buffer + start, count: stop - start)
        consumed += next - start
        start = next
        return line
    }

    /// Moves the unread bytes to the front (growing the buffer when they fill it) and reads more.
    private func fill() throws(LineReaderError) {
        if start > 0 {
            let pending = end - start
            if pending > 0 { memmove(buffer, buffer + start, pending) }
            start = 0
            end = pending
        }
        if end == capacity {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity *= 2
        }
        while true {
            let n = read(descriptor, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                throw LineReaderError(code: errno)
            }
            if n == 0 { atEOF = true } else { end += n }
            if atStart {
                // Nothing is handed out before the first three bytes are known.
                if end < 3, !atEOF { continue }
                atStart = false
                if end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
                    start = 3
                    consumed = 3
                }
            }
            return
        }
    }
}

/// A failed `read(2)`, with its `errno`.
struct LineReaderError: Error {
    let code: Int32

    /// The system's text for the error, in lower case.
    var reason: String {
        guard let text = strerror(code) else { return "error \(code)" }
        let s = String(cString: text)
        return (s.first.map { $0.lowercased() } ?? "") + s.dropFirst()
    }
}
