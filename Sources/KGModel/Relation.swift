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
        let share = self.share.map { Identifier.formatDecimal($0) } ?? ""
        let offsets = evidence.offsets.map { "\($0.lowerBound)-\($0.upperBound)" } ?? ""
        let key = [kind.rawValue, subject, object, date?.description ?? "", place ?? "", share,
                   modality.rawValue, evidence.source ?? "", offsets, evidence.sentence ?? "",
                   evidence.citedSource ?? ""].joined(separator: "\u{1F}")
        return "r" + Identifier.fnv1a64Hex(key)
    }
}
