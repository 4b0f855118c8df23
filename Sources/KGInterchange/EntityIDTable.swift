#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The entity ids an interchange file has declared, looked up by their UTF-8 bytes straight from a
/// line, so that checking a relation's subject and object makes no string and no SipHash.
///
/// An open-addressing table (linear probing, at most half full) whose slots hold the id itself
/// (short ids are stored inline in a Swift string) and its hash, so a lookup touches one slot and
/// compares strings only when the hashes agree. The hash is FNV-1a over the bytes, spread by a
/// Fibonacci multiply. A lookup returns the stored string, which the relation then shares.
/// Memory: 48 to 96 bytes per id, plus the bytes of ids longer than 15.
struct EntityIDTable {
    private struct Slot {
        /// The id's hash with the lowest bit set; 0 marks an empty slot.
        var tag: UInt64
        var id: String
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init() {
        slots = Array(repeating: Slot(tag: 0, id: ""), count: 256)
        shift = 64 - 8
    }

    /// Whether `id` is in the table.
    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { lookup($0) != nil }
    }

    /// The stored id whose UTF-8 is `bytes`, or nil.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let tag = Self.hash(bytes) | 1
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: tag >> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.tag == 0 { return nil }
                if slot.tag == tag, Self.equal(slot.id, bytes) { return slot.id }
                i = (i + 1) & mask
            }
        }
    }

    /// Adds `id`; returns false when it was there already.
    mutating func insert(_ id: String) -> Bool {
        var id = id
        if id.withUTF8({ lookup($0) }) != nil { return false }
        if (count + 1) * 2 > slots.count { grow() }
        place(Slot(tag: id.withUTF8 { Self.hash($0) } | 1, id: id))
        count += 1
        return true
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: slot.tag >> shift)
        while slots[i].tag != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(tag: 0, id: ""), count: old.count * 2)
        shift -= 1
        for slot in old where slot.tag != 0 { place(slot) }
    }

    /// FNV-1a of the bytes, multiplied by 2^64 / φ so that the top bits (the slot) depend on every byte.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h &* 0x9E37_79B9_7F4A_7C15
    }

    private static func equal(_ id: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var id = id
        return id.withUTF8 { stored in
            guard stored.count == bytes.count else { return false }
            guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, stored.count) == 0
        }
    }
}
