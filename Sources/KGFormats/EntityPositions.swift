#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each entity id is in the list a writer was begun with: an open-addressing table (linear
/// probing, at most half full) whose slots hold the id itself (short ids inline in a Swift string),
/// its hash and its position, so a lookup touches one slot and compares strings only when the
/// hashes agree. The hash is FNV-1a over the UTF-8 bytes, spread by a Fibonacci multiply. Cheaper
/// than a `Dictionary<String, Int>` for the millions of lookups a large graph makes (no SipHash,
/// one cache line per probe). Memory: 64 to 128 bytes per id.
struct EntityPositions {
    private struct Slot {
        /// The id's hash with the lowest bit set; 0 marks an empty slot.
        var tag: UInt64
        var position: Int
        var id: String
    }

    private var slots: [Slot]
    private let shift: UInt64

    /// Indexes `ids`; returns the first id that is there twice, if any, in `duplicate`.
    init(_ ids: [String], duplicate: inout String?) {
        var bits: UInt64 = 8
        while (1 << bits) < ids.count * 2 { bits += 1 }
        slots = Array(repeating: Slot(tag: 0, position: 0, id: ""), count: 1 << bits)
        shift = 64 - bits
        for (position, id) in ids.enumerated() {
            if self.position(of: id) != nil {
                if duplicate == nil { duplicate = id }
                continue
            }
            var id = id
            let tag = id.withUTF8 { Self.hash($0) } | 1
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: tag >> shift)
            while slots[i].tag != 0 { i = (i + 1) & mask }
            slots[i] = Slot(tag: tag, position: position, id: id)
        }
    }

    /// The position of `id`, or nil.
    func position(of id: String) -> Int? {
        var id = id
        return id.withUTF8 { bytes in
            let tag = Self.hash(bytes) | 1
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: tag >> shift)
            return slots.withUnsafeBufferPointer { slots in
                while true {
                    let slot = slots[i]
                    if slot.tag == 0 { return nil }
                    if slot.tag == tag, Self.equal(slot.id, bytes) { return slot.position }
                    i = (i + 1) & mask
                }
            }
        }
    }

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
