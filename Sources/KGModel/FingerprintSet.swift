/// A set of 64-bit fingerprints (hashes such as the number in a ``Relation/id``) in 8 to 16
/// bytes per element: an open-addressing table (linear probing, Fibonacci hashing), at most half
/// full, doubled when it would be more.
///
/// For streams that must remember what they have written without keeping it: a writer that
/// gives each relation once (`RelationIDSet`), a mapping that gives each direct triple once.
public struct FingerprintSet: Sendable {
    private var slots: [UInt64]
    private var mask: Int
    private var containsZero = false
    /// Elements other than 0, stored in `slots` (0 marks an empty slot).
    private var stored = 0

    /// The number of fingerprints in the set.
    public var count: Int { stored + (containsZero ? 1 : 0) }

    /// An empty set (a table of 1,024 slots, 8 KiB).
    public init() {
        slots = Array(repeating: 0, count: 1024)
        mask = 1023
    }

    /// Adds `value`; returns true when it was not in the set yet.
    /// - Complexity: O(1) on average.
    public mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { containsZero = true }
            return !containsZero
        }
        if (stored + 1) * 2 > slots.count { grow() }
        var i = FingerprintSet.slot(value, mask)
        while true {
            let current = slots[i]
            if current == value { return false }
            if current == 0 {
                slots[i] = value
                stored += 1
                return true
            }
            i = (i + 1) & mask
        }
    }

    private static func slot(_ value: UInt64, _ mask: Int) -> Int {
        // Fibonacci hashing: the high bits of the product are well mixed.
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for value in old where value != 0 {
            var i = FingerprintSet.slot(value, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = value
        }
    }
}
