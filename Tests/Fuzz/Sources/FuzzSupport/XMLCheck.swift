import CFuzzSupport

/// libxml2's verdict on a document: well-formed (with element counts) or the first error.
public enum XMLCheck {
    /// Parses `bytes` (network access off) and counts the elements named in `names` (local names).
    /// - Returns: the counts, in `names` order.
    /// - Throws: ``FuzzFailure`` with libxml2's first message when the document is not well-formed.
    public static func check(_ bytes: [UInt8], counting names: [String] = []) throws -> [Int] {
        var counts = [Int](repeating: 0, count: names.count)
        var message = [CChar](repeating: 0, count: 512)
        let cNames = names.map { strdupOrNil($0) }
        defer { for p in cNames { p?.deallocate() } }
        let ok: Int32 = bytes.withUnsafeBufferPointer { buffer in
            var pointers: [UnsafePointer<CChar>?] = cNames.map { UnsafePointer($0) }
            var longs = [Int](repeating: 0, count: max(names.count, 1))
            let rc = pointers.withUnsafeMutableBufferPointer { namesBuffer in
                longs.withUnsafeMutableBufferPointer { countsBuffer in
                    message.withUnsafeMutableBufferPointer { messageBuffer in
                        kgfuzz_xml_check(buffer.baseAddress, buffer.count, namesBuffer.baseAddress,
                                         countsBuffer.baseAddress, Int32(names.count),
                                         messageBuffer.baseAddress, messageBuffer.count)
                    }
                }
            }
            for i in 0..<names.count { counts[i] = longs[i] }
            return rc
        }
        guard ok == 1 else {
            let text = String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw FuzzFailure("ill-formed XML: " + text)
        }
        return counts
    }

    private static func strdupOrNil(_ s: String) -> UnsafeMutablePointer<CChar>? {
        let utf8 = Array(s.utf8CString)
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: utf8.count)
        p.initialize(from: utf8, count: utf8.count)
        return p
    }
}

/// A broken property of the output: the fuzz target reports it and stops.
public struct FuzzFailure: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
