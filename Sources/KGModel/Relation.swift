/// One attested relation between two entities: an edge of the graph and a qualified node of the ontology.
///
/// Two relations with the same subject, kind and object but other dates or evidence are separate
/// attestations and stay separate (parallel edges).
public struct Relation: Sendable, Hashable {
    /// ``Entity/id`` of the subject (member, participant, shareholder).
    public var subject: String
    public var kind: RelationKind
    /// ``Entity/id`` of the object (organization, other participant, company or asset).
    public var object: String
    /// When the relation held or the meeting took place, as precise as the text says.
    public var date: PartialDate?
    /// ``Entity/id`` of the place where a meeting took place.
    public var place: String?
    /// Share held, percent, 0...100 (only for `holds-share-in`).
    public var share: Double?
    public var modality: Modality
    public var evidence: Evidence

    public init(subject: String, kind: RelationKind, object: String, date: PartialDate? = nil,
                place: String? = nil, share: Double? = nil, modality: Modality = .asserted,
                evidence: Evidence = Evidence()) {
        self.subject = subject
        self.kind = kind
        self.object = object
        self.date = date
        self.place = place
        self.share = share
        self.modality = modality
        self.evidence = evidence
    }

    /// A deterministic identifier of this attestation: `r` followed by 16 hex digits of the
    /// FNV-1a 64-bit hash of its content (kind, subject, object, date, place, share, modality,
    /// source, offsets, sentence). The same relation read from the same article gets the same id
    /// on any machine; used for GraphML edge ids and qualified-node IRIs.
    public var id: String {
        // FNV-1a over the UTF-8 of the fields joined by U+001F, computed field by field.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func add(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        func add(_ text: String) {
            let done: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                var h = hash
                for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                hash = h
            }
            if done == nil {
                for byte in text.utf8 { add(byte) }
            }
        }
        func add(_ value: Int) {
            if value < 0 { add(UInt8(ascii: "-")) }
            var magnitude = value.magnitude
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                          UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(truncatingIfNeeded: 48 + magnitude % 10)
                    magnitude /= 10
                    count += 1
                } while magnitude > 0
                while count > 0 {
                    count -= 1
                    add(buffer[count])
                }
            }
        }
        let separator: UInt8 = 0x1F
        add(kind.rawValue); add(separator)
        add(subject); add(separator)
        add(object); add(separator)
        date?.forEachUTF8 { add($0) }; add(separator)
        add(place ?? ""); add(separator)
        if let share { add(Identifier.formatDecimal(share)) }; add(separator)
        add(modality.rawValue); add(separator)
        add(evidence.source ?? ""); add(separator)
        if let offsets = evidence.offsets {
            add(offsets.lowerBound); add(UInt8(ascii: "-")); add(offsets.upperBound)
        }
        add(separator)
        add(evidence.sentence ?? ""); add(separator)
        add(evidence.citedSource ?? "")
        return String(unsafeUninitializedCapacity: 17) { buffer in
            let hex: StaticString = "0123456789abcdef"
            buffer[0] = UInt8(ascii: "r")
            for i in 0..<16 {
                buffer[1 + i] = hex.utf8Start[Int(truncatingIfNeeded: (hash >> (60 - 4 * UInt64(i))) & 0xF)]
            }
            return 17
        }
    }
}
