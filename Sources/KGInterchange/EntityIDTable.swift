/// The entity ids an interchange file has declared, looked up by their UTF-8 bytes straight from a
/// line, so that checking a relation's subject and object makes no string and no SipHash.
///
/// An open-addressing table (linear probing, at most half full) of indexes into the list of ids;
/// the hash is FNV-1a over the bytes. A lookup returns the stored string, which the relation then
/// shares. Memory: the ids plus 8 to 16 bytes each.
struct EntityIDTable {
    private(set) var ids: [String] = []
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = Array(repeating: -1, count: 256)
        mask = 255
    }

    var count: Int { ids.count }

    /// Whether `id` is in the table.
    func contains(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { lookup($0) != nil }
    }

    /// The stored id whose UTF-8 is `bytes`, or nil.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var i = Self.hash(bytes) & mask
        while true {
            let index = Int(slots[i])
            if index < 0 { return nil }
            if Self.equal(ids[index], bytes) { return ids[index] }
            i = (i + 1) & mask
        }
    }

    /// Adds `id`; returns false when it was there already.
    mutating func insert(_ id: String) -> Bool {
        var id = id
        if id.withUTF8({ lookup($0) }) != nil { return false }
        if (ids.count + 1) * 2 > slots.count { grow() }
        let hash = id.withUTF8 { Self.hash($0) }
        var i = hash & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = Int32(ids.count)
        ids.append(id)
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        mask = slots.count - 1
        for (index, id) in ids.enumerated() {
            var id = id
            var i = id.withUTF8 { Self.hash($0) } & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(index)
        }
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        // Mix the high bits in, since the table uses the low ones.
        return Int(truncatingIfNeeded: h ^ (h >> 29))
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
