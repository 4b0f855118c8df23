/// Checks of one line of JSON Lines that explain what the JSON parser alone cannot: the byte that
/// is not UTF-8, and a file whose lines end with CR only. Shared by the interchange readers and
/// `kgexport stream`, so that they say the same thing about the same bytes.
public enum LineChecks {
    /// Byte offset (from 0) of the first byte of `bytes` that is not part of well-formed UTF-8, or nil.
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        InterchangeReader.firstInvalidUTF8(bytes)
    }

    /// `invalid UTF-8 (byte offset N in the line)`: the start of the message about a bad byte;
    /// the caller adds what to do.
    public static func invalidUTF8(byteOffset: Int) -> String {
        "invalid UTF-8 (byte offset \(byteOffset) in the line)"
    }

    /// The message for a line that holds several records because the file's lines end with CR only.
    public static let crOnlyLineEnds = "line ends are CR only (old Mac style); convert them to LF (e.g. tr '\\r' '\\n')"

    /// For a line that does not parse: the offset of the first carriage return that ends a record,
    /// one followed (after spaces, tabs and other carriage returns) by the `{` of the next record;
    /// nil when there is none. In a file whose lines end with CR only, a "line" is the whole file,
    /// its records separated by CR. (A CR between the tokens of one record is white space, RFC
    /// 8259, and such a line parses.)
    ///
    /// Call it on the error path only: it reads the line again.
    public static func crOnlyLineEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var i = 0
        while i < bytes.count {
            guard let found = memchr(base + i, 0x0D, bytes.count - i) else { return nil }
            let cr = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var next = cr + 1
            while next < bytes.count, bytes[next] == 0x0D || bytes[next] == 0x20 || bytes[next] == 0x09 { next += 1 }
            if next < bytes.count, bytes[next] == UInt8(ascii: "{") { return cr }
            i = next
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
