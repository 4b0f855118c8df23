import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XCTest

/// `kgexport push` reads articles as `extract` does: `--lenient` replaces bytes that are not UTF-8
/// with U+FFFD and says how many. The store is a one-request Graph Store on loopback
/// (``LoopbackGraphStore``), or nothing at all (a closed port); the interop tests push to real
/// stores (Virtuoso, Oxigraph).
final class PushCommandTests: XCTestCase {
    private typealias K = KGExportProcess
    private let graph = "https://example.org/graph/lenient"

    /// The example article with one byte that is not UTF-8 (0xFF) inside a word of an evidence
    /// sentence: "a prio\u{FFFD}rity area" when read leniently.
    private func articleWithAnInvalidByte() throws -> URL {
        var bytes = [UInt8](try Data(contentsOf: K.exampleArticle))
        let word = Array("a priority area".utf8)
        let start = try XCTUnwrap((0...(bytes.count - word.count)).first { Array(bytes[$0..<($0 + word.count)]) == word })
        bytes.insert(0xFF, at: start + "a prio".utf8.count)
        let url = try K.temporaryDirectory(for: self).appendingPathComponent("invalid-byte.txt")
        try Data(bytes).write(to: url)
        return url
    }

    private func warning(_ article: URL) -> String {
        "kgexport: warning: \(article.path): replaced 1 invalid UTF-8 byte sequence with U+FFFD"
    }

    func testWithoutLenientAnInvalidByteStopsThePushBeforeAnythingIsSent() throws {
        let article = try articleWithAnInvalidByte()
        let port = try LoopbackGraphStore.closedPort()
        let result = try K.run(["push", article.path, "--endpoint", "http://127.0.0.1:\(port)/store", "--graph", graph])
        XCTAssertEqual(result.status, 65, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("kgexport: \(article.path):"), result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix(": invalid UTF-8 (byte offset \(try byteOffset(article))); save the file as UTF-8, or pass --lenient to replace each bad byte sequence with U+FFFD\n"),
                      result.stderr)
    }

    /// An interchange file that cannot be read is an input/output error (74), as in `convert`;
    /// nothing is sent.
    func testAMissingInterchangeFileIsAnInputOutputError() throws {
        let missing = try K.temporaryDirectory(for: self).appendingPathComponent("missing.jsonl")
        let port = try LoopbackGraphStore.closedPort()
        let result = try K.run(["push", "--input", missing.path, "--endpoint", "http://127.0.0.1:\(port)/store", "--graph", graph])
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: \(missing.path): cannot read the file (no such file or directory); check the path and permissions\n")
    }

    /// Pushing to nothing: the article is read (with the warning) before the store is tried.
    func testLenientReadsTheArticleThenTriesTheStore() throws {
        let article = try articleWithAnInvalidByte()
        let port = try LoopbackGraphStore.closedPort()
        let endpoint = "http://127.0.0.1:\(port)/store"
        let result = try K.run(["push", article.path, "--lenient", "--endpoint", endpoint, "--graph", graph, "--timeout", "10"])
        XCTAssertEqual(result.status, 74, result.stderr)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertEqual(lines.first, warning(article))
        XCTAssertTrue(lines.last?.hasPrefix("kgexport: cannot reach \(endpoint)?graph=") == true, result.stderr)
    }

    func testLenientSendsTheGraphWithTheReplacementCharacter() throws {
        let article = try articleWithAnInvalidByte()
        let store = try LoopbackGraphStore()
        let result = try K.run(["push", article.path, "--lenient", "--endpoint", store.endpoint, "--graph", graph, "--timeout", "10"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 2, result.stderr)
        XCTAssertEqual(lines.first, warning(article))
        XCTAssertTrue(lines.last?.hasPrefix("kgexport: 23 entities, 6 relations; replaced <\(graph)> with ") == true, result.stderr)
        XCTAssertTrue(lines.last?.hasSuffix(" triples at \(store.endpoint) (HTTP 201 created)") == true, result.stderr)

        let request = try XCTUnwrap(store.request(), "the store got no request")
        XCTAssertTrue(request.head.hasPrefix("PUT /store?graph=https%3A%2F%2Fexample.org%2Fgraph%2Flenient HTTP/1.1\r\n"), request.head)
        let body = String(decoding: request.body, as: UTF8.self)
        XCTAssertTrue(body.contains("a prio\u{FFFD}rity area"), "the evidence keeps U+FFFD where the bad byte was")
        XCTAssertEqual(body.filter { $0 == "\u{FFFD}" }.count, body.components(separatedBy: "a prio\u{FFFD}rity area").count - 1,
                       "U+FFFD only where the bad byte was")
    }

    func testHelpListsLenient() throws {
        let result = try K.run(["push", "--help"])
        XCTAssertEqual(result.status, 0)
        let text = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(text.contains("--lenient Replace bytes that are not UTF-8 with U+FFFD (and say how many) instead of stopping with an error."), text)
    }

    private func byteOffset(_ article: URL) throws -> Int {
        try XCTUnwrap([UInt8](try Data(contentsOf: article)).firstIndex(of: 0xFF))
    }
}

/// A Graph Store on 127.0.0.1 that takes one request, keeps it, and answers 201 Created.
final class LoopbackGraphStore: @unchecked Sendable {
    let port: UInt16
    var endpoint: String { "http://127.0.0.1:\(port)/store" }

    private let listener: Int32
    private let received = DispatchSemaphore(value: 0)
    private var head = ""
    private var body = Data()

    init() throws {
        (listener, port) = try Self.openListener()
        DispatchQueue.global().async { [self] in serve() }
    }

    deinit { close(listener) }

    /// A loopback port nothing listens on (bound, then closed).
    static func closedPort() throws -> UInt16 {
        let (fd, port) = try openListener()
        close(fd)
        return port
    }

    /// The request line and headers, and the body, of the request; nil when none came within 30 s.
    func request() -> (head: String, body: Data)? {
        guard received.wait(timeout: .now() + 30) == .success else { return nil }
        return (head, body)
    }

    /// A socket listening on 127.0.0.1, on a port the system chose.
    private static func openListener() throws -> (Int32, UInt16) {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func serve() {
        defer { received.signal() }
        let connection = accept(listener, nil, nil)
        guard connection >= 0 else { return }
        defer { close(connection) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        func readMore() -> Bool {
            let count = read(connection, &buffer, buffer.count)
            guard count > 0 else { return false }
            data.append(contentsOf: buffer[0..<count])
            return true
        }
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard readMore() else { return }
            headEnd = data.range(of: separator)
        }
        guard let headEnd else { return }
        head = String(decoding: data[..<headEnd.upperBound], as: UTF8.self)
        let headers = head.lowercased()
        if headers.contains("\r\nexpect: 100-continue") { reply("HTTP/1.1 100 Continue\r\n\r\n", on: connection) }
        let length = headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        while data.count - headEnd.upperBound < length {
            guard readMore() else { break }
        }
        body = data[headEnd.upperBound...]
        reply("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", on: connection)
    }

    private func reply(_ text: String, on connection: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}
