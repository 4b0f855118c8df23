import CLibXML2
import Foundation

/// An XML element as libxml2 parsed it: local name, attributes (by qualified name as written,
/// e.g. `id`, `xml:lang`), the text of its text children, and its child elements.
struct XMLElementNode {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [XMLElementNode]

    /// Child elements with local name `name`.
    func children(named name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// Every descendant element (depth first) with local name `name`.
    func descendants(named name: String) -> [XMLElementNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
    }
}

/// Parses a document with libxml2 (network off, no entity substitution, no recovery).
enum XMLDocumentTree {
    struct IllFormed: Error, CustomStringConvertible {
        var description: String
    }

    /// - Throws: ``IllFormed`` when the bytes are not a well-formed, namespace-well-formed document.
    static func parse(_ bytes: [UInt8]) throws -> XMLElementNode {
        guard let context = xmlNewParserCtxt() else { throw IllFormed(description: "no parser context") }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_NOERROR.rawValue) | Int32(XML_PARSE_NOWARNING.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlCtxtReadMemory(context, $0, Int32(buffer.count), "generated.xml", "UTF-8", options)
                }
            }
        }
        guard let document else { throw IllFormed(description: lastError(context)) }
        defer { xmlFreeDoc(document) }
        guard context.pointee.wellFormed != 0, context.pointee.nsWellFormed != 0, let root = xmlDocGetRootElement(document) else {
            throw IllFormed(description: lastError(context))
        }
        return element(root, document)
    }

    private static func lastError(_ context: xmlParserCtxtPtr) -> String {
        guard let message = context.pointee.lastError.message else { return "not well-formed" }
        return "line \(context.pointee.lastError.line): " + String(cString: message)
    }

    private static func string(_ pointer: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }  // libxml2 allocates with malloc unless told otherwise
        return String(cString: pointer)
    }

    private static func element(_ node: xmlNodePtr, _ document: xmlDocPtr) -> XMLElementNode {
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let a = attribute {
            var name = String(cString: a.pointee.name)
            if let prefix = a.pointee.ns?.pointee.prefix { name = String(cString: prefix) + ":" + name }
            attributes[name] = string(xmlNodeListGetString(document, a.pointee.children, 1))
            attribute = a.pointee.next
        }
        var text = ""
        var children: [XMLElementNode] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE: children.append(element(c, document))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: text += string(xmlNodeGetContent(c))
            default: break
            }
            child = c.pointee.next
        }
        return XMLElementNode(name: String(cString: node.pointee.name), attributes: attributes, text: text, children: children)
    }
}
