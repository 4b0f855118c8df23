/// Reads values from the bytes of one fuzz input, front to back; past the end every read gives 0
/// or empty, so any input decodes to something.
public struct FuzzInput {
    private let bytes: [UInt8]
    private var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte has been read.
    public var isAtEnd: Bool { position >= bytes.count }

    /// The next byte (0 past the end).
    public mutating func byte() -> UInt8 {
        guard position < bytes.count else { return 0 }
        defer { position += 1 }
        return bytes[position]
    }

    /// A number in `0..<bound` (bound > 0).
    public mutating func index(_ bound: Int) -> Int { Int(byte()) % max(bound, 1) }

    /// True for an odd byte.
    public mutating func flag() -> Bool { byte() & 1 == 1 }

    /// Eight bytes as a Double's bit pattern (any value: NaN, infinities, subnormals).
    public mutating func rawDouble() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return Double(bitPattern: bits)
    }

    /// A string of up to `maximum` Unicode scalars. A byte below 0x80 is that ASCII character
    /// (controls, quotes, `<`, `&`, `]`, `\` included); a byte from 0x80 starts a scalar taken from
    /// it and the next two bytes, anywhere in U+0080...U+10FFFF (surrogates become U+FFFD), so
    /// U+FFFE, U+FFFF, U+2028, U+FEFF and astral characters all occur.
    public mutating func string(maximum: Int = 24) -> String {
        let length = index(maximum + 1)
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            if isAtEnd { break }
            let b = byte()
            if b < 0x80 {
                scalars.append(Unicode.Scalar(b))
            } else {
                let value = (UInt32(b & 0x7F) << 16 | UInt32(byte()) << 8 | UInt32(byte())) % 0x110000
                scalars.append(Unicode.Scalar(max(value, 0x80)) ?? "\u{FFFD}")
            }
        }
        return String(scalars)
    }
}
