import KGModel
import KGRDF

/// What a property-graph reader should find for a graph, worked out from the model (not from the
/// writers): node and edge attributes by name, values as text, with the documented change of
/// every XML format applied (``xmlLegal(_:)``).
struct ExpectedAttributes {
    /// Node attributes (`label`, `type`, `iri`) by entity id; aliases apart.
    var nodes: [String: [String: String]] = [:]
    var aliases: [String: [String]] = [:]
    /// Edge attributes by relation id, with `source_node` and `target_node` (entity ids).
    var edges: [String: [String: String]] = [:]

    init(_ graph: KnowledgeGraph, clean: (String) -> String = xmlLegal) {
        let iris = IRIMinter()
        for entity in graph.entities.values {
            nodes[entity.id] = ["label": clean(entity.label), "type": entity.type.rawValue,
                                "iri": iris.entityIRI(for: entity).string]
            aliases[entity.id] = entity.aliases
        }
        for relation in graph.sortedRelations {  // one per id, the first attestation given
            var e: [String: String] = [
                "source_node": relation.subject, "target_node": relation.object,
                "relation": relation.kind.rawValue, "relation_iri": iris.relationIRI(for: relation).string,
                "modality": relation.modality.rawValue,
            ]
            e["date"] = relation.date?.description
            if let place = relation.place, let entity = graph.entities[place] {
                e["place"] = clean(entity.label)
                e["place_iri"] = iris.entityIRI(for: entity).string
            }
            e["share"] = relation.share.map(Identifier.formatDecimal)
            e["evidence"] = relation.evidence.sentence.map(clean)
            e["cited_source"] = relation.evidence.citedSource.map(clean)
            if let source = relation.evidence.source {
                e["source"] = clean(source)
                if let document = graph.documents[source] {
                    e["source_title"] = document.title.map(clean)
                    e["source_url"] = document.url.map(clean)
                    e["source_date"] = document.date?.description
                    e["source_publication"] = document.publication.map(clean)
                }
            }
            if let offsets = relation.evidence.offsets {
                e["offset_start"] = String(offsets.lowerBound)
                e["offset_end"] = String(offsets.upperBound)
            }
            edges[relation.id] = e
        }
    }
}

/// The documented change of text in every XML format (XML 1.0 §2.2): U+000B and U+000C become a
/// space; other C0 controls except tab, LF and CR, and U+FFFE and U+FFFF, are removed.
func xmlLegal(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        let v = scalar.value
        if (v >= 0x20 || v == 0x09 || v == 0x0A || v == 0x0D) && v != 0xFFFE && v != 0xFFFF {
            out.append(scalar)
        } else if v == 0x0B || v == 0x0C {
            out.append(" ")
        }
    }
    return String(out)
}

/// Inverse of ``KGModel/Identifier/nmtoken(_:)``: `_XX` is the byte 0xXX, other characters stand
/// for themselves; nil for text nmtoken never writes.
func entityID(fromNMTOKEN token: String) -> String? {
    var bytes: [UInt8] = []
    var scalars = Array(token.utf8)[...]
    if token == "_" { return "" }
    while let b = scalars.first {
        scalars = scalars.dropFirst()
        if b == UInt8(ascii: "_") {
            guard scalars.count >= 2, let value = UInt8(String(decoding: scalars.prefix(2), as: UTF8.self), radix: 16) else { return nil }
            bytes.append(value)
            scalars = scalars.dropFirst(2)
        } else {
            bytes.append(b)
        }
    }
    return String(validating: bytes, as: UTF8.self)
}
