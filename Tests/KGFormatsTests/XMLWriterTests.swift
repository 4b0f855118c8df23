import XCTest
@testable import KGFormats

final class XMLWriterTests: XCTestCase {
    func testXMLSafeDropsForbiddenCharactersAndTurnsVerticalTabAndFormFeedIntoSpaces() {
        XCTAssertEqual(XMLWriter.xmlSafe("a\u{0}b\u{7}c\u{B}d\u{C}e\tf\ng\rh\u{FFFE}i\u{FFFF}j\u{1F}"), "abc d e\tf\ng\rhij")
        XCTAssertEqual(XMLWriter.xmlSafe("Назарбаев 中国石油 🚀 \u{7F}\u{85}\u{FFFD}"), "Назарбаев 中国石油 🚀 \u{7F}\u{85}\u{FFFD}")
        XCTAssertEqual(XMLWriter.xmlSafe(""), "")
    }

    func testLibxml2EscapesAndIndentsAndNothingForbiddenReachesTheSink() throws {
        let sink = MemorySink()
        let writer = try XMLWriter(sink: sink)
        try writer.startDocument()
        try writer.startElement(prefix: "rdf", name: "RDF", namespace: "http://www.w3.org/1999/02/22-rdf-syntax-ns#")
        try writer.startElement("a")
        try writer.attribute("t", "q\"<&>\u{7}\u{B}\n\t")
        try writer.attribute(prefix: "xml", name: "lang", namespace: nil, value: "en")
        try writer.element("b", text: "x]]>\u{0}y & <z>")
        try writer.comment("a--b-")
        try writer.startElement("empty")
        try writer.endElement()
        try writer.endDocument()
        XCTAssertEqual(sink.text, """
        <?xml version="1.0" encoding="UTF-8"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <a t="q&quot;&lt;&amp;&gt; &#10;&#9;" xml:lang="en">
            <b>x]]&gt;y &amp; &lt;z&gt;</b>
            <!--a- -b- -->
            <empty/>
          </a>
        </rdf:RDF>

        """)
    }

    func testNoIndentation() throws {
        let sink = MemorySink()
        let writer = try XMLWriter(sink: sink, indent: false)
        try writer.startDocument()
        try writer.startElement("a")
        try writer.element("b", text: "1")
        try writer.endDocument()
        XCTAssertEqual(sink.text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a><b>1</b></a>\n")
    }

    func testTheSinksErrorIsThrownAndLaterBytesAreDropped() throws {
        final class FailingSink: ByteSink {
            var calls = 0
            func write(_ bytes: UnsafeRawBufferPointer) throws {
                calls += 1
                throw OutputError(operation: "cannot write", path: "/dev/full", reason: "no space left on device")
            }
        }
        let sink = FailingSink()
        let writer = try XMLWriter(sink: sink)
        try writer.startDocument()
        try writer.startElement("a")
        XCTAssertThrowsError(try writer.endDocument()) {
            XCTAssertEqual($0 as? OutputError, OutputError(operation: "cannot write", path: "/dev/full", reason: "no space left on device"))
        }
        XCTAssertThrowsError(try writer.flush())
        XCTAssertEqual(sink.calls, 1)
    }

    func testAnAbandonedDocumentWritesNothingMore() throws {
        let sink = MemorySink()
        do {
            let writer = try XMLWriter(sink: sink)
            try writer.startDocument()
            try writer.startElement("a")
            try writer.text("unfinished")
        }
        XCTAssertEqual(sink.bytes.count, 0, "libxml2's buffer is dropped, not flushed, when the writer goes away")
    }
}
