import KGModel

/// The set of ``KGModel/Relation/id``s a stream has written, in 8 bytes per relation or less, so
/// that a relation given twice (the same attestation) is written once without keeping the
/// relations or their id strings.
///
/// A relation id is `r` and 16 hex digits (a 64-bit hash); the set keeps that number in a
/// ``KGModel/FingerprintSet``. Two ids are the same element exactly when their strings are equal.
/// Memory: 8 to 16 bytes per element.
public struct RelationIDSet: Sendable {
    private var numbers = FingerprintSet()
    /// Ids not of the usual shape (never made by ``KGModel/Relation/id``; kept as strings).
    private var others: Set<String> = []

    /// The number of ids in the set.
    public var count: Int { numbers.count + others.count }

    /// An empty set.
    public init() {}

    /// Adds `id`; returns true when it was not in the set yet.
    /// - Complexity: O(1) on average.
    public mutating func insert(_ id: String) -> Bool {
        guard let value = RelationIDSet.number(id) else { return others.insert(id).inserted }
        return numbers.insert(value)
    }

    /// The 64-bit number of `r` followed by exactly 16 lower-case hex digits, else nil.
    static func number(_ id: String) -> UInt64? {
        guard id.utf8.count == 17 else { return nil }
        if let value = id.utf8.withContiguousStorageIfAvailable({ number(hex: $0) }) { return value }
        return number(hex: Array(id.utf8))
    }

    private static func number(hex bytes: some Collection<UInt8>) -> UInt64? {
        var value: UInt64 = 0
        var first = true
        for b in bytes {
            if first {
                guard b == UInt8(ascii: "r") else { return nil }
                first = false
                continue
            }
            let digit: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = b &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = b &- UInt8(ascii: "a") &+ 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }
}
