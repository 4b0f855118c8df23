import KGRDF

/// The bytes of one canonical N-Triples or N-Quads line, built without intermediate strings: the
/// same text as ``KGRDF/Triple/description`` and ``KGRDF/Quad/description`` followed by a line feed.
///
/// IRIs are written between `<` and `>` as they are; a literal's lexical form is quoted with the
/// escapes of ``KGRDF/NTriplesString`` (every character it changes is ASCII, or U+FFFE or U+FFFF,
/// so the work is done on UTF-8 bytes), then `@tag`, `^^<datatype>`, or nothing for `xsd:string`.
enum NTriplesLine {
    /// Replaces `line` with the line of `triple` in `graph` (nil: the default graph, no fourth term).
    static func build(_ triple: Triple, graph: IRI?, into line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        appendIRI(triple.subject, to: &line)
        line.append(UInt8(ascii: " "))
        appendIRI(triple.predicate, to: &line)
        line.append(UInt8(ascii: " "))
        switch triple.object {
        case let .iri(iri):
            appendIRI(iri, to: &line)
        case let .literal(literal):
            appendQuoted(literal.lexicalForm, to: &line)
            if let language = literal.language {
                line.append(UInt8(ascii: "@"))
                line.append(contentsOf: language.utf8)
            } else if literal.datatype != Vocabulary.XSD.string {
                line.append(contentsOf: "^^".utf8)
                appendIRI(literal.datatype, to: &line)
            }
        }
        if let graph {
            line.append(UInt8(ascii: " "))
            appendIRI(graph, to: &line)
        }
        line.append(contentsOf: " .\n".utf8)
    }

    private static func appendIRI(_ iri: IRI, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "<"))
        line.append(contentsOf: iri.string.utf8)
        line.append(UInt8(ascii: ">"))
    }

    /// ``KGRDF/NTriplesString/quoted(_:)`` on UTF-8 bytes.
    static func appendQuoted(_ text: String, to line: inout [UInt8]) {
        line.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            while i < n {
                let b = bytes[i]
                switch b {
                case 0x08: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "b"))
                case 0x09: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "t"))
                case 0x0A: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "n"))
                case 0x0C: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "f"))
                case 0x0D: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "r"))
                case 0x22: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "\""))
                case 0x5C: line.append(UInt8(ascii: "\\")); line.append(UInt8(ascii: "\\"))
                case 0x00...0x1F, 0x7F: appendUCHAR(UInt16(b), to: &line)
                case 0xEF where i + 2 < n && bytes[i + 1] == 0xBF && bytes[i + 2] >= 0xBE:
                    appendUCHAR(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &line)
                    i += 2
                default: line.append(b)
                }
                i += 1
            }
        }
        line.append(UInt8(ascii: "\""))
    }

    /// `\uXXXX`, upper-case hex.
    private static func appendUCHAR(_ value: UInt16, to line: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        line.append(UInt8(ascii: "\\"))
        line.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            line.append(hex.utf8Start[Int((value >> UInt16(shift)) & 0xF)])
        }
    }
}
