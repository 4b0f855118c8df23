import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XCTest

/// `kgexport push` reads articles as `extract` does: `--lenient` replaces bytes that are not UTF-8
/// with U+FFFD and says how many. It follows 307 and 308 redirects with the whole graph. It ends,
/// with exit status 74 and what to do, when the store asks for credentials (HTTP Basic) it was
/// not given or refuses them, redirects with 301, 302 or 303 or in a loop, stays silent past
/// `--timeout`, or is not there. The store is a Graph Store on loopback (``LoopbackGraphStore``),
/// or nothing at all (a closed port); the interop tests push to real stores (Virtuoso, Oxigraph).
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

    /// Push reads articles as extract does: two of the same file name in different folders
    /// are two documents, each named by its path (``ArticleInput/ids(for:)``).
    func testArticlesOfTheSameFileNameStayTwoDocuments() throws {
        let dir = try K.temporaryDirectory(for: self)
        var paths: [String] = []
        for (folder, title) in [("a", "First"), ("b", "Second")] {
            let url = dir.appendingPathComponent(folder).appendingPathComponent("x.txt")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("Title: \(title)\n\nArmenia is a member of the CSTO.\n".utf8).write(to: url)
            paths.append("\(folder)/x.txt")
        }
        let store = try LoopbackGraphStore()
        let result = try K.run(["push"] + paths + ["--endpoint", store.endpoint, "--graph", graph, "--timeout", "10", "--format", "ntriples"],
                               in: dir)
        XCTAssertEqual(result.status, 0, result.stderr)
        let body = String(decoding: try XCTUnwrap(store.request(), "the store got no request").body, as: UTF8.self)
        let headline = "<http://schema.org/headline>"
        let headlines = body.split(separator: "\n").filter { $0.contains(headline) }.map { String($0) }.sorted()
        XCTAssertEqual(headlines, [
            "<https://w3id.org/kgexport/id/article/a%2Fx.txt> \(headline) \"First\"@en .",
            "<https://w3id.org/kgexport/id/article/b%2Fx.txt> \(headline) \"Second\"@en .",
        ])
    }

    // MARK: Stores that ask for a password, stay silent, or are not there

    /// The request's `Authorization` header field, nil when it has none.
    private func authorization(_ head: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("authorization:") }
            .map { $0.dropFirst("authorization:".count).trimmingCharacters(in: .whitespaces) }
    }

    private var graphURL: String { "graph=https%3A%2F%2Fexample.org%2Fgraph%2Flenient" }

    /// A Basic challenge and no credentials: exit 74 at once, saying how to give them
    /// (swift-corelibs-foundation used to leave such a request waiting for ever).
    func testABasicChallengeWithoutCredentialsSaysHowToGiveThem() throws {
        let store = try LoopbackGraphStore(.basic(user: "kg", password: "s3cret"))
        let start = Date()
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph, "--timeout", "20"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 15, "the 401 ends the run; it does not wait for the timeout")
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: \(store.endpoint)?\(graphURL) asks for a user name and password (Basic), and none were given; pass --user and --password (or KGEXPORT_PASSWORD)\n")
        let requests = try XCTUnwrap(store.requests(1))
        XCTAssertNil(authorization(requests[0].head), requests[0].head)
        XCTAssertEqual(store.allRequests.count, 1, "nothing is sent again without credentials")
    }

    func testABasicChallengeWithWrongCredentialsNamesTheUser() throws {
        let store = try LoopbackGraphStore(.basic(user: "kg", password: "s3cret"))
        let start = Date()
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph,
                                "--user", "kg", "--password", "wrong", "--timeout", "20"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 15, "the second 401 ends the run; it does not wait for the timeout")
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: PUT \(store.endpoint)?\(graphURL) failed with HTTP status 401 unauthorized: the store refused the credentials of user 'kg'; check --user and --password (or KGEXPORT_PASSWORD)\n")
        let requests = try XCTUnwrap(store.requests(2))
        XCTAssertNil(authorization(requests[0].head))
        XCTAssertEqual(authorization(requests[1].head), "Basic " + Data("kg:wrong".utf8).base64EncodedString())
        XCTAssertEqual(store.allRequests.count, 2, "the credentials are tried once")
    }

    func testABasicChallengeIsAnsweredWithTheCredentials() throws {
        let store = try LoopbackGraphStore(.basic(user: "kg", password: "s3cret"))
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph,
                                "--user", "kg", "--password", "s3cret", "--timeout", "20"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stderr.hasSuffix(" triples at \(store.endpoint) (HTTP 201 created)\n"), result.stderr)
        let requests = try XCTUnwrap(store.requests(2))
        XCTAssertNil(authorization(requests[0].head), "credentials go only in the answer to the challenge")
        XCTAssertTrue(requests[1].head.hasPrefix("PUT /store?\(graphURL) HTTP/1.1\r\n"), requests[1].head)
        XCTAssertEqual(authorization(requests[1].head), "Basic a2c6czNjcmV0")   // base64 of kg:s3cret
        XCTAssertEqual(requests[1].body, requests[0].body, "the graph is sent again with the credentials")
        XCTAssertTrue(String(decoding: requests[1].body, as: UTF8.self).contains("Collective Security Treaty Organization"))
    }

    /// A store that takes the connection and never answers: exit 74 after --timeout, not 60 s.
    func testASilentStoreEndsTheRunAfterTheTimeout() throws {
        let store = try LoopbackGraphStore(.silent)
        let start = Date()
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph, "--timeout", "1"])
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: \(store.endpoint)?\(graphURL) did not answer within 1 s; check that the store is running, or raise --timeout\n")
        XCTAssertGreaterThanOrEqual(elapsed, 1)
        XCTAssertLessThan(elapsed, 6, "--timeout 1 gives up after about a second")
        XCTAssertEqual(store.requests(1)?.count, 1, "the store was connected to")
    }

    /// Nothing listens: libcurl's reason, then what to check.
    func testAClosedPortSaysWhatToCheck() throws {
        let port = try LoopbackGraphStore.closedPort()
        let endpoint = "http://127.0.0.1:\(port)/store"
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", endpoint, "--graph", graph, "--timeout", "10"])
        XCTAssertEqual(result.status, 74, result.stderr)
        let expected = "^kgexport: cannot reach " + NSRegularExpression.escapedPattern(for: "\(endpoint)?\(graphURL)")
            + ": Failed to connect to 127\\.0\\.0\\.1 port \(port) after [0-9]+ ms: Could(n't| not) connect to server"
            + "; check the endpoint URL and that the store is running\n$"
        XCTAssertNotNil(result.stderr.range(of: expected, options: .regularExpression), result.stderr)
    }

    // MARK: Redirects

    /// The value of header field `name` in a request head, nil when absent.
    private func field(_ name: String, _ head: String) -> String? {
        head.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name + ":") }
            .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
    }

    /// 307 and 308 are followed with the same method, media type and the whole body (Foundation
    /// would resend an empty body, and the store would empty the graph); the success line says
    /// where the graph went.
    func testA307Or308RedirectGetsTheWholeGraph() throws {
        let cases: [(status: Int, options: [String], method: String, mediaType: String)] = [
            (307, [], "PUT", "application/n-triples"),
            (308, [], "PUT", "application/n-triples"),
            (307, ["--append"], "POST", "application/n-triples"),
            (308, ["--format", "turtle"], "PUT", "text/turtle"),
        ]
        for (status, options, method, mediaType) in cases {
            let store = try LoopbackGraphStore(.redirect(status: status, location: "/ok"))
            let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph, "--timeout", "20"] + options)
            let label = "\(status) \(options)"
            XCTAssertEqual(result.status, 0, "\(label): \(result.stderr)")
            let requests = try XCTUnwrap(store.requests(2), label)
            XCTAssertEqual(store.allRequests.count, 2, label)
            XCTAssertTrue(requests[0].head.hasPrefix("\(method) /store?\(graphURL) HTTP/1.1\r\n"), requests[0].head)
            XCTAssertTrue(requests[1].head.hasPrefix("\(method) /ok HTTP/1.1\r\n"), requests[1].head)
            XCTAssertEqual(field("content-type", requests[1].head), "\(mediaType); charset=utf-8", label)
            XCTAssertGreaterThan(requests[0].body.count, 1000, label)
            XCTAssertEqual(requests[1].body, requests[0].body, "\(label): the redirected request carries every byte of the graph")
            XCTAssertEqual(field("content-length", requests[1].head), String(requests[0].body.count), label)
            XCTAssertTrue(String(decoding: requests[1].body, as: UTF8.self).contains("Collective Security Treaty Organization"), label)
            let place = "http://127.0.0.1:\(store.port)/ok, redirected from \(store.endpoint) (HTTP 204 no content)\n"
            if options.contains("--append") {
                XCTAssertTrue(result.stderr.hasSuffix(" triples to <\(graph)> at \(place)"), result.stderr)
            } else {
                XCTAssertTrue(result.stderr.contains("; replaced <\(graph)> with "), result.stderr)
                XCTAssertTrue(result.stderr.hasSuffix(" triples at \(place)"), result.stderr)
            }
        }
    }

    /// 301, 302 and 303 are not followed (they would turn the PUT into a GET or drop its body):
    /// exit 74, nothing sent after the redirect, and the endpoint to use instead.
    func testA301302Or303RedirectIsRefused() throws {
        for status in [301, 302, 303] {
            let store = try LoopbackGraphStore(.redirect(status: status, location: "/ok?\(graphURL)"))
            let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph, "--timeout", "20"])
            XCTAssertEqual(result.status, 74, result.stderr)
            let location = "http://127.0.0.1:\(store.port)/ok"
            XCTAssertEqual(result.stderr, "kgexport: \(store.endpoint)?\(graphURL) redirected to \(location)?\(graphURL) (HTTP \(status)), "
                           + "which would drop the graph; pass --endpoint \(location)\n")
            XCTAssertNotNil(store.request())
            XCTAssertEqual(store.allRequests.count, 1, "\(status): nothing is sent after the redirect")
        }
    }

    /// A store that redirects to itself: five redirects are followed, then the run stops.
    func testARedirectLoopStopsAfterFiveRedirects() throws {
        let store = try LoopbackGraphStore(.redirect(status: 307, location: "/store"))
        let start = Date()
        let result = try K.run(["push", K.exampleArticle.path, "--endpoint", store.endpoint, "--graph", graph, "--timeout", "20"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
        XCTAssertEqual(result.status, 74, result.stderr)
        XCTAssertEqual(result.stderr, "kgexport: \(store.endpoint)?\(graphURL) was redirected 5 times, the last time to \(store.endpoint), "
                       + "which redirects again (HTTP 307); stopped there, as this looks like a redirect loop; pass the store's own URL as --endpoint\n")
        let requests = try XCTUnwrap(store.requests(6))
        XCTAssertEqual(store.allRequests.count, 6, "the first request and five redirects")
        XCTAssertTrue(requests.dropFirst().allSatisfy { $0.head.hasPrefix("PUT /store HTTP/1.1\r\n") && $0.body == requests[0].body })
    }

    func testHelpListsTimeout() throws {
        let result = try K.run(["push", "--help"])
        XCTAssertEqual(result.status, 0)
        let text = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        XCTAssertTrue(text.contains("--timeout <seconds> Seconds the store may stay silent before the push gives up. (default: 60"), text)
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

/// A Graph Store on 127.0.0.1 that keeps every request and answers as told: 201 Created; or
/// 401 with a Basic challenge unless the request carries the right credentials; or a redirect
/// from /store, and 204 No Content elsewhere; or nothing at all (it accepts the connection and
/// never reads or answers). One connection at a time, each
/// closed after its answer.
final class LoopbackGraphStore: @unchecked Sendable {
    enum Behaviour: Sendable {
        /// 201 Created to every request.
        case created
        /// `401 Unauthorized` with `WWW-Authenticate: Basic realm="kgexport-test"` and a short
        /// body, unless `Authorization` is Basic with this user and password; then 201 Created.
        case basic(user: String, password: String)
        /// Never answers: the connection stays open, unread, until the store is dropped.
        case silent
        /// `status` (a 3xx) with `Location: location` and a short body to requests for the path
        /// /store (any query); 204 No Content to requests for any other path.
        case redirect(status: Int, location: String)
    }

    let port: UInt16
    var endpoint: String { "http://127.0.0.1:\(port)/store" }

    private let listener: Int32
    private let state = State()

    init(_ behaviour: Behaviour = .created) throws {
        (listener, port) = try Self.openListener()
        let (listener, state) = (self.listener, self.state)
        DispatchQueue.global().async { Self.serve(listener, behaviour, state) }
    }

    deinit {
        _ = shutdown(listener, Int32(SHUT_RDWR))   // wakes the accept that waits for the next connection
        close(listener)
        state.closeHeldConnections()
    }

    /// A loopback port nothing listens on (bound, then closed).
    static func closedPort() throws -> UInt16 {
        let (fd, port) = try openListener()
        close(fd)
        return port
    }

    /// The request line and headers, and the body, of the first request; nil when none came within 30 s.
    func request() -> (head: String, body: Data)? {
        requests(1)?.first
    }

    /// The first `count` requests; nil when fewer came within 30 s.
    func requests(_ count: Int) -> [(head: String, body: Data)]? {
        var arrived = 0
        defer { for _ in 0..<arrived { state.received.signal() } }   // a later call sees them again
        for _ in 0..<count {
            guard state.received.wait(timeout: .now() + 30) == .success else { return nil }
            arrived += 1
        }
        return Array(state.requests.prefix(count))
    }

    /// Every request received so far.
    var allRequests: [(head: String, body: Data)] { state.requests }

    /// The requests, and the connections a silent store holds, shared with the serving thread.
    private final class State: @unchecked Sendable {
        let received = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var kept: [(head: String, body: Data)] = []
        private var held: [Int32] = []

        var requests: [(head: String, body: Data)] {
            lock.lock()
            defer { lock.unlock() }
            return kept
        }

        func keep(_ request: (head: String, body: Data)) {
            lock.lock()
            kept.append(request)
            lock.unlock()
            received.signal()
        }

        func hold(_ connection: Int32) {
            lock.lock()
            defer { lock.unlock() }
            held.append(connection)
        }

        func closeHeldConnections() {
            lock.lock()
            defer { lock.unlock() }
            for connection in held { close(connection) }
            held.removeAll()
        }
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
                bind(fd, pointer, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else {
            close(fd)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// Accepts connections until the listener is shut down.
    private static func serve(_ listener: Int32, _ behaviour: Behaviour, _ state: State) {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            if case .silent = behaviour {
                state.hold(connection)
                state.keep((head: "", body: Data()))
                continue
            }
            answer(connection, behaviour, state)
            close(connection)
        }
    }

    /// Reads one request from `connection`, keeps it, and answers it.
    private static func answer(_ connection: Int32, _ behaviour: Behaviour, _ state: State) {
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
        let head = String(decoding: data[..<headEnd.upperBound], as: UTF8.self)
        let fields = head.split(separator: "\r\n").dropFirst()
        func field(_ name: String) -> String? {
            fields.first { $0.lowercased().hasPrefix(name + ":") }
                .map { $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        if field("expect")?.lowercased() == "100-continue" { reply("HTTP/1.1 100 Continue\r\n\r\n", on: connection) }
        let length = field("content-length").flatMap { Int($0) } ?? 0
        while data.count - headEnd.upperBound < length {
            guard readMore() else { break }
        }
        state.keep((head: head, body: Data(data[headEnd.upperBound...])))

        if case .redirect(let status, let location) = behaviour {
            let path = head.split(separator: " ").dropFirst().first?.split(separator: "?", omittingEmptySubsequences: false).first
            if path == "/store" {
                let body = "moved\n"
                reply("HTTP/1.1 \(status) Redirect\r\nLocation: \(location)\r\nContent-Type: text/plain\r\n"
                      + "Content-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body, on: connection)
            } else {
                reply("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n", on: connection)
            }
        } else if case .basic(let user, let password) = behaviour,
           field("authorization") != "Basic " + Data("\(user):\(password)".utf8).base64EncodedString() {
            let body = "credentials required\n"
            reply("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"kgexport-test\"\r\n"
                  + "Content-Type: text/plain\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n" + body, on: connection)
        } else {
            reply("HTTP/1.1 201 Created\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", on: connection)
        }
    }

    private static func reply(_ text: String, on connection: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(connection, $0.baseAddress, $0.count) }
    }
}
