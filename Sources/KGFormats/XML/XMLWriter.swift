import CLibXML2

/// A thin wrapper over libxml2's `xmlTextWriter` that writes XML 1.0 into a ``ByteSink``.
///
/// All XML this module produces goes through this type: element and attribute names are given
/// as names, text and attribute values as plain strings, and libxml2 does all escaping (`&`, `<`,
/// `>`, quotes, and tab, newline and carriage return in attributes as character references). No
/// markup is ever built by string concatenation.
///
/// **Characters XML 1.0 cannot carry.** XML 1.0 §2.2 (production [2] `Char`) forbids U+0000–U+001F
/// except tab (U+0009), line feed (U+000A) and carriage return (U+000D), and U+FFFE and U+FFFF;
/// not even a character reference may name them. libxml2's writer passes them through raw, which
/// makes the file ill-formed. So every text, attribute value and comment is cleaned first
/// (``xmlSafe(_:)``): vertical tab (U+000B) and form feed (U+000C) become a space, every other
/// forbidden character is dropped. Lone surrogates cannot occur in a Swift `String`.
///
/// Output is indented with two spaces per level (libxml2 indents only element-only content, so
/// text values are never altered). Every libxml2 return code is checked; a negative one throws.
///
/// Lifecycle: ``startDocument()``, then elements, then ``endDocument()`` (closes any open
/// element and flushes into the sink). The sink is not committed; that is the caller's decision.
final class XMLWriter {
    private let writer: OpaquePointer
    private let box: SinkBox

    /// Holds the sink for libxml2's C callbacks, and the first error the sink threw.
    private final class SinkBox {
        let sink: ByteSink
        var error: (any Error)?
        var closed = false
        init(sink: ByteSink) { self.sink = sink }
    }

    private static let libraryInitialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Creates a writer bound to `sink`.
    ///
    /// - Parameters:
    ///   - sink: where the bytes go (UTF-8).
    ///   - indent: whether to indent nested elements by two spaces (default true).
    /// - Throws: ``FormatError/xmlWriter(operation:)`` when libxml2 cannot create the writer.
    init(sink: ByteSink, indent: Bool = true) throws {
        _ = XMLWriter.libraryInitialized
        let box = SinkBox(sink: sink)
        let context = Unmanaged.passUnretained(box).toOpaque()
        let write: xmlOutputWriteCallback = { context, buffer, length in
            guard let context, let buffer, length >= 0 else { return -1 }
            let box = Unmanaged<SinkBox>.fromOpaque(context).takeUnretainedValue()
            // After a sink error, later bytes are dropped. The callback still reports success, so
            // libxml2 prints no I/O error of its own; the next verb throws the sink's error.
            if box.closed || box.error != nil { return length }
            do {
                try box.sink.write(UnsafeRawBufferPointer(start: buffer, count: Int(length)))
            } catch {
                box.error = error
            }
            return length
        }
        let close: xmlOutputCloseCallback = { _ in 0 }
        guard let output = xmlOutputBufferCreateIO(write, close, context, nil) else {
            throw FormatError.xmlWriter(operation: "create an output buffer")
        }
        guard let writer = xmlNewTextWriter(output) else {
            xmlOutputBufferClose(output)
            throw FormatError.xmlWriter(operation: "create a text writer")
        }
        self.writer = writer
        self.box = box
        if indent {
            try check(xmlTextWriterSetIndent(writer, 1), "turn on indentation")
            try check(XMLWriter.withXMLChars("  ") { xmlTextWriterSetIndentString(writer, $0) }, "set the indentation")
        }
    }

    deinit {
        // Whatever libxml2 still buffers is dropped, so an abandoned document never reaches the sink.
        box.closed = true
        xmlFreeTextWriter(writer)
    }

    /// Writes the XML declaration `<?xml version="1.0" encoding="UTF-8"?>`.
    func startDocument() throws {
        let rc = XMLWriter.withXMLChars("1.0") { version in
            XMLWriter.withXMLChars("UTF-8") { encoding in
                version.withMemoryRebound(to: CChar.self, capacity: 4) { v in
                    encoding.withMemoryRebound(to: CChar.self, capacity: 6) { e in
                        xmlTextWriterStartDocument(writer, v, e, nil)
                    }
                }
            }
        }
        try check(rc, "start the document")
    }

    /// Opens an element without a namespace prefix (it inherits the default namespace in scope).
    /// - Parameter name: an XML name (a constant of the format, never data), or a qualified name
    ///   `prefix:local` whose prefix is declared on an ancestor.
    func startElement(_ name: String) throws {
        try check(XMLWriter.withXMLChars(name) { xmlTextWriterStartElement(writer, $0) }, "start element '\(name)'")
    }

    /// Opens an element in a namespace.
    ///
    /// - Parameters:
    ///   - prefix: the prefix (`rdf`), or nil for the default namespace.
    ///   - name: the local name.
    ///   - namespace: the namespace IRI to declare on this element (`xmlns:prefix="…"`), or nil
    ///     when the prefix is already declared on an ancestor. libxml2 writes such a declaration
    ///     after the element's other attributes; to put declarations first, pass nil and write
    ///     them with ``attribute(_:_:)`` (`attribute("xmlns:rdf", "http://…")`).
    func startElement(prefix: String?, name: String, namespace: String?) throws {
        let rc = XMLWriter.withOptionalXMLChars(prefix) { p in
            XMLWriter.withXMLChars(name) { n in
                XMLWriter.withOptionalXMLChars(namespace) { ns in
                    xmlTextWriterStartElementNS(writer, p, n, ns)
                }
            }
        }
        try check(rc, "start element '\(prefix.map { $0 + ":" } ?? "")\(name)'")
    }

    /// Writes an attribute on the element just opened; the value is cleaned (``xmlSafe(_:)``) and escaped.
    /// - Parameter name: an XML name, or a qualified name whose prefix is in scope (`rdf:about`, `xml:lang`).
    func attribute(_ name: String, _ value: String) throws {
        let rc = XMLWriter.withXMLChars(name) { n in
            XMLWriter.withCleanXMLChars(value) { v in xmlTextWriterWriteAttribute(writer, n, v) }
        }
        try check(rc, "write attribute '\(name)'")
    }

    /// Writes a namespaced attribute (`rdf:about`, `xml:lang`) on the element just opened.
    ///
    /// - Parameters:
    ///   - prefix: the prefix.
    ///   - name: the local name.
    ///   - namespace: the namespace IRI to declare, or nil when the prefix is in scope (always nil for `xml`).
    ///   - value: the value; cleaned (``xmlSafe(_:)``) and escaped.
    func attribute(prefix: String, name: String, namespace: String?, value: String) throws {
        let rc = XMLWriter.withXMLChars(prefix) { p in
            XMLWriter.withXMLChars(name) { n in
                XMLWriter.withOptionalXMLChars(namespace) { ns in
                    XMLWriter.withCleanXMLChars(value) { v in
                        xmlTextWriterWriteAttributeNS(writer, p, n, ns, v)
                    }
                }
            }
        }
        try check(rc, "write attribute '\(prefix):\(name)'")
    }

    /// Writes character data; cleaned (``xmlSafe(_:)``) and escaped (`&`, `<`, `>`; so `]]>` is safe).
    func text(_ text: String) throws {
        try check(XMLWriter.withCleanXMLChars(text) { xmlTextWriterWriteString(writer, $0) }, "write text")
    }

    /// Closes the innermost open element (as `<x/>` when it has no content).
    func endElement() throws {
        try check(xmlTextWriterEndElement(writer), "end an element")
    }

    /// Writes `<name>text</name>` (cleaned and escaped).
    func element(_ name: String, text value: String) throws {
        try startElement(name)
        try text(value)
        try endElement()
    }

    /// Writes a comment. Besides ``xmlSafe(_:)``, `--` (forbidden in comments, XML 1.0 §2.5) becomes
    /// `- -`, and a trailing `-` gets a space after it.
    func comment(_ text: String) throws {
        var safe = String.UnicodeScalarView()
        for scalar in XMLWriter.xmlSafe(text).unicodeScalars {
            if scalar == "-" && safe.last == "-" { safe.append(" ") }
            safe.append(scalar)
        }
        if safe.last == "-" { safe.append(" ") }
        try check(XMLWriter.withXMLChars(String(safe)) { xmlTextWriterWriteComment(writer, $0) }, "write a comment")
    }

    /// Closes every open element, ends the document with a newline and flushes into the sink.
    func endDocument() throws {
        try check(xmlTextWriterEndDocument(writer), "end the document")
        try flush()
    }

    /// Hands everything libxml2 has buffered to the sink.
    func flush() throws {
        try check(xmlTextWriterFlush(writer), "flush")
    }

    /// `text` without the characters XML 1.0 forbids: U+000B and U+000C become a space; U+0000–U+001F
    /// other than tab, line feed and carriage return, and U+FFFE and U+FFFF, are dropped (XML 1.0 §2.2).
    /// Returns `text` itself when it has none (the common case costs one scan of its UTF-8).
    static func xmlSafe(_ text: String) -> String {
        guard !isXMLSafe(text) else { return text }
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

    /// Whether `text` holds only characters XML 1.0 allows: no byte below 0x20 but tab, line feed
    /// and carriage return, and no U+FFFE or U+FFFF (UTF-8 `EF BF BE`, `EF BF BF`).
    static func isXMLSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isXMLSafe($0) }
    }

    /// ``isXMLSafe(_:)-(String)`` of UTF-8 bytes.
    static func isXMLSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        while i < n {
            // Eight bytes at a time while they are all printable ASCII (0x20...0x7F) ...
            if i + 8 <= n {
                let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word & high
                if (word & high) | belowSpace == 0 {
                    i += 8
                    continue
                }
            }
            // ... else one byte.
            let b = bytes[i]
            if b < 0x20 {
                if b != 0x09 && b != 0x0A && b != 0x0D { return false }
            } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                return false
            }
            i += 1
        }
        return true
    }

    /// Throws the sink's error if it failed during the call, else a ``FormatError`` when `rc < 0`.
    /// (`operation` is only made when it is needed.)
    private func check(_ rc: Int32, _ operation: @autoclosure () -> String) throws {
        if let error = box.error { throw error }
        guard rc >= 0 else { throw FormatError.xmlWriter(operation: operation()) }
    }

    /// Calls `body` with a NUL-terminated UTF-8 form of ``xmlSafe(_:)`` of `s`: the string's own
    /// bytes, in place, when it needs no cleaning (the common case: one scan, no copy).
    private static func withCleanXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        try s.withCString { chars in
            let count = s.utf8.count
            let safe = chars.withMemoryRebound(to: UInt8.self, capacity: count + 1) {
                isXMLSafe(UnsafeBufferPointer(start: $0, count: count))
            }
            guard safe else { return try withXMLChars(xmlSafe(s), body) }
            return try chars.withMemoryRebound(to: xmlChar.self, capacity: count + 1) { try body($0) }
        }
    }

    /// Calls `body` with a NUL-terminated UTF-8 form of `s` (U+0000 must already be removed), in
    /// place when the string is stored as UTF-8.
    private static func withXMLChars<R>(_ s: String, _ body: (UnsafePointer<xmlChar>) throws -> R) rethrows -> R {
        try s.withCString { chars in
            try chars.withMemoryRebound(to: xmlChar.self, capacity: 1) { try body($0) }
        }
    }

    private static func withOptionalXMLChars<R>(_ s: String?, _ body: (UnsafePointer<xmlChar>?) throws -> R) rethrows -> R {
        guard let s else { return try body(nil) }
        return try withXMLChars(s) { try body($0) }
    }
}
