/// XML names as RDF syntaxes need them: namespace prefixes and the local part of a qualified name.
///
/// Follows Namespaces in XML 1.0 §3 (`NCName`: an XML 1.0 Fifth Edition §2.3 `Name` without `:`).
/// RDF/XML can only write a predicate or a typed node whose IRI ends in an NCName
/// (RDF 1.1 XML Syntax §2.3), so ontology local names are NCNames.
public enum XMLName {
    /// Whether `name` is an NCName: a `NameStartChar` other than `:`, then `NameChar`s other than `:`.
    /// `memberOf`, `Q5`, `P463`, `_x` pass; `2023`, `p q`, `a:b`, `` (empty) fail.
    public static func isNCName(_ name: String) -> Bool {
        var scalars = name.unicodeScalars.makeIterator()
        guard let first = scalars.next(), isNameStartChar(first) else { return false }
        while let s = scalars.next() {
            guard isNameChar(s) else { return false }
        }
        return true
    }

    /// XML 1.0 Fifth Edition §2.3 production [4] `NameStartChar`, without `:`.
    public static func isNameStartChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF:
            return true
        default:
            return false
        }
    }

    /// XML 1.0 Fifth Edition §2.3 production [4a] `NameChar`, without `:`.
    public static func isNameChar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: return true
        default: return isNameStartChar(s)
        }
    }
}
