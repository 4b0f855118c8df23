import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KGRDF
import KGStore
import XCTest

/// The Graph Store client against a scripted transport: request URLs, methods and headers,
/// the authentication round trip, and the errors a user reads.
final class GraphStoreClientTests: XCTestCase {
    /// Answers requests from a script, in order, and records them.
    private final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
        private let lock = NSLock()
        private var script: [Result<HTTPResponse, GraphStoreError>]
        private(set) var requests: [URLRequest] = []

        init(_ script: [Result<HTTPResponse, GraphStoreError>]) { self.script = script }

        func send(_ request: URLRequest) throws(GraphStoreError) -> HTTPResponse {
            lock.lock()
            defer { lock.unlock() }
            requests.append(request)
            guard !script.isEmpty else { return HTTPResponse(status: 599) }
            return try script.removeFirst().get()
        }
    }

    private let graph = try? IRI("https://example.org/graphs/news?v=1#all")
    private let payload = Data("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n".utf8)

    /// Virtuoso 7.2's answer to a PUT on /sparql-graph-crud when SPARQL_UPDATE is not granted.
    private let virtuoso403 = HTTPResponse(status: 403, headers: ["Content-Type": "text/html; charset=UTF-8"], body: Data("""
        <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
        <html>
          <head>
            <title>SPARQL Graph Protocol request failed</title>
          </head>
          <body>
            <h1>HTTP/1.1 403 Forbidden</h1>
            <h3>Error 42000</h3>
        <xmp>SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)</xmp></body></html>
        """.utf8))

    private func client(_ transport: ScriptedTransport, endpoint: String = "http://127.0.0.1:8890/sparql-graph-crud-auth",
                        credentials: GraphStoreClient.Credentials? = nil) throws -> GraphStoreClient {
        try GraphStoreClient(endpoint: endpoint, credentials: credentials, timeout: 5, transport: transport, clientNonce: { "0a4f113b" })
    }

    func testRequestURLNamesTheGraphByIndirectIdentification() throws {
        let transport = ScriptedTransport([])
        let c = try client(transport, endpoint: "http://localhost:3030/news/data")
        XCTAssertEqual(c.requestURL(for: graph).absoluteString,
                       "http://localhost:3030/news/data?graph=https%3A%2F%2Fexample.org%2Fgraphs%2Fnews%3Fv%3D1%23all")
        XCTAssertEqual(c.requestURL(for: nil).absoluteString, "http://localhost:3030/news/data?default")
        let withQuery = try client(transport, endpoint: "http://localhost:7200/service?infer=false")
        XCTAssertEqual(withQuery.requestURL(for: try IRI("urn:x:é")).absoluteString,
                       "http://localhost:7200/service?infer=false&graph=urn%3Ax%3A%C3%A9")
    }

    func testReplaceIsAPutAndAddIsAPostWithTheMediaType() throws {
        let transport = ScriptedTransport([.success(HTTPResponse(status: 201)), .success(HTTPResponse(status: 204))])
        let c = try client(transport)
        XCTAssertEqual(try c.send(payload, mediaType: "application/n-triples", to: graph, operation: .replace).statusText, "201 created")
        XCTAssertEqual(try c.send(payload, mediaType: "application/rdf+xml", to: graph, operation: .add).statusText, "204 no content")
        XCTAssertEqual(transport.requests.map(\.httpMethod), ["PUT", "POST"])
        XCTAssertEqual(transport.requests.map { $0.value(forHTTPHeaderField: "Content-Type") },
                       ["application/n-triples; charset=utf-8", "application/rdf+xml; charset=utf-8"])
        XCTAssertEqual(transport.requests.first?.httpBody, payload)
        XCTAssertNil(transport.requests.first?.value(forHTTPHeaderField: "Authorization"))
    }

    func testDigestChallengeIsAnsweredOnce() throws {
        let challenge = #"Digest realm="SPARQL", nonce="5e65cac3", opaque="5ebe2294", qop="auth", algorithm="MD5""#
        let transport = ScriptedTransport([.success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": challenge])),
                                           .success(HTTPResponse(status: 201))])
        let c = try client(transport, credentials: .init(user: "dba", password: "dba"))
        let response = try c.send(payload, mediaType: "application/n-triples", to: try IRI("http://example.org/g"), operation: .replace)
        XCTAssertEqual(response.status, 201)
        XCTAssertEqual(transport.requests.count, 2)
        let authorization = try XCTUnwrap(transport.requests.last?.value(forHTTPHeaderField: "Authorization"))
        // The uri hashed is the request target exactly as sent.
        let uri = "/sparql-graph-crud-auth?graph=http%3A%2F%2Fexample.org%2Fg"
        XCTAssertTrue(authorization.hasPrefix(#"Digest username="dba", realm="SPARQL", nonce="5e65cac3", uri="\#(uri)", response=""#), authorization)
        XCTAssertTrue(authorization.hasSuffix(#"algorithm=MD5, qop=auth, nc=00000001, cnonce="0a4f113b", opaque="5ebe2294""#), authorization)
        XCTAssertEqual(transport.requests.last?.httpBody, payload, "the payload is sent again with the credentials")
    }

    func testBasicIsUsedWhenItIsTheOnlyChallenge() throws {
        let transport = ScriptedTransport([.success(HTTPResponse(status: 401, headers: ["www-authenticate": #"Basic realm="fuseki""#])),
                                           .success(HTTPResponse(status: 200))])
        let c = try client(transport, credentials: .init(user: "admin", password: "pw"))
        try c.send(payload, mediaType: "text/turtle", to: nil, operation: .add)
        XCTAssertEqual(transport.requests.last?.value(forHTTPHeaderField: "Authorization"), "Basic YWRtaW46cHc=")
    }

    func testStoreRefusalCarriesStatusAndTheServersMessage() throws {
        let c = try client(ScriptedTransport([.success(virtuoso403)]), endpoint: "http://127.0.0.1:8890/sparql-graph-crud")
        XCTAssertThrowsError(try c.send(payload, mediaType: "application/n-triples", to: try IRI("http://example.org/g"), operation: .replace)) { error in
            XCTAssertEqual("\(error)", "PUT http://127.0.0.1:8890/sparql-graph-crud?graph=http%3A%2F%2Fexample.org%2Fg failed with HTTP status 403 forbidden: Error 42000 SQ110:SECURITY: Permission denied for delete from DB.DBA.RDF_QUAD (user ID = 107)")
        }
    }

    func testUnauthorizedWithoutCredentialsAndWithWrongOnes() throws {
        let challenge = #"Digest realm="SPARQL", nonce="n", qop="auth""#
        let unauthorized = HTTPResponse(status: 401, headers: ["WWW-Authenticate": challenge])
        let anonymous = try client(ScriptedTransport([.success(unauthorized)]))
        XCTAssertThrowsError(try anonymous.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual(error as? GraphStoreError, .authenticationRequired(url: "http://127.0.0.1:8890/sparql-graph-crud-auth?default", challenge: challenge))
            XCTAssertEqual("\(error)", "http://127.0.0.1:8890/sparql-graph-crud-auth?default asks for a user name and password (Digest), and none were given")
        }
        let wrong = try client(ScriptedTransport([.success(unauthorized), .success(unauthorized)]), credentials: .init(user: "dba", password: "nope"))
        XCTAssertThrowsError(try wrong.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual("\(error)", "PUT http://127.0.0.1:8890/sparql-graph-crud-auth?default failed with HTTP status 401 unauthorized: the store refused the credentials of user 'dba'")
        }
        let bearer = try client(ScriptedTransport([.success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": "Bearer realm=\"x\""]))]),
                                credentials: .init(user: "u", password: "p"))
        XCTAssertThrowsError(try bearer.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual(error as? GraphStoreError, .unsupportedAuthentication(url: "http://127.0.0.1:8890/sparql-graph-crud-auth?default", challenge: "Bearer realm=\"x\""))
            XCTAssertEqual("\(error)", #"http://127.0.0.1:8890/sparql-graph-crud-auth?default asks for authentication this client cannot answer (it answers Basic, and Digest with MD5): Bearer realm="x""#)
        }
        let silent = try client(ScriptedTransport([.success(HTTPResponse(status: 401))]), credentials: .init(user: "u", password: "p"))
        XCTAssertThrowsError(try silent.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual("\(error)", "http://127.0.0.1:8890/sparql-graph-crud-auth?default answered 401 unauthorized without a WWW-Authenticate challenge, so no credentials can be sent")
        }
    }

    // MARK: Redirects

    private func redirect(_ status: Int, to location: String?) -> Result<HTTPResponse, GraphStoreError> {
        .success(HTTPResponse(status: status, headers: location.map { ["Location": $0] } ?? [:], body: Data("moved".utf8)))
    }

    func testA307Or308IsFollowedWithTheSameMethodHeadersAndBody() throws {
        for (status, operation) in [(307, GraphStoreClient.Operation.replace), (308, .add)] {
            let transport = ScriptedTransport([redirect(status, to: "/moved/data?graph=x"), .success(HTTPResponse(status: 204))])
            let response = try client(transport, endpoint: "http://127.0.0.1:3030/news/data")
                .send(payload, mediaType: "text/turtle", to: graph, operation: operation)
            XCTAssertEqual(response.status, 204)
            XCTAssertEqual(response.redirects.map(\.absoluteString), ["http://127.0.0.1:3030/moved/data?graph=x"])
            XCTAssertEqual(transport.requests.count, 2)
            let (first, second) = (transport.requests[0], transport.requests[1])
            XCTAssertEqual(second.url?.absoluteString, "http://127.0.0.1:3030/moved/data?graph=x", "Location resolved against the request URL")
            XCTAssertEqual(second.httpMethod, operation.httpMethod)
            XCTAssertEqual(second.httpBody, payload, "the whole payload goes to the new URL")
            XCTAssertEqual(second.value(forHTTPHeaderField: "Content-Type"), "text/turtle; charset=utf-8")
            XCTAssertEqual(second.value(forHTTPHeaderField: "Accept"), first.value(forHTTPHeaderField: "Accept"))
        }
    }

    /// A challenge at the new URL (same origin) is answered for that URL; an answer to the old
    /// URL's challenge is not sent on.
    func testAuthenticationAcrossARedirect() throws {
        let challenge = #"Digest realm="SPARQL", nonce="n1", qop="auth", algorithm="MD5""#
        let unauthorized = Result<HTTPResponse, GraphStoreError>.success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": challenge]))
        let transport = ScriptedTransport([unauthorized, redirect(308, to: "http://127.0.0.1:8890/new-crud?graph=g"),
                                           unauthorized, .success(HTTPResponse(status: 201))])
        let response = try client(transport, credentials: .init(user: "dba", password: "dba"))
            .send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)
        XCTAssertEqual(response.status, 201)
        let authorizations = transport.requests.map { $0.value(forHTTPHeaderField: "Authorization") }
        XCTAssertEqual(transport.requests.count, 4)
        XCTAssertNil(authorizations[0])
        XCTAssertTrue(authorizations[1]?.contains(#"uri="/sparql-graph-crud-auth?default""#) == true, "\(authorizations)")
        XCTAssertNil(authorizations[2], "the old URL's answer is not sent to the new one")
        XCTAssertTrue(authorizations[3]?.contains(#"uri="/new-crud?graph=g""#) == true, "\(authorizations)")
        XCTAssertEqual(transport.requests[3].httpBody, payload)
    }

    /// Credentials go only to the endpoint's origin, even when a redirect leads elsewhere.
    func testCredentialsAreNotSentToAnotherOrigin() throws {
        let transport = ScriptedTransport([redirect(307, to: "https://other.example/crud?default"),
                                           .success(HTTPResponse(status: 401, headers: ["WWW-Authenticate": #"Basic realm="x""#]))])
        XCTAssertThrowsError(try client(transport, credentials: .init(user: "dba", password: "dba"))
            .send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual(error as? GraphStoreError, .credentialsWithheld(url: "https://other.example/crud?default",
                                                                          origin: "http://127.0.0.1:8890", endpoint: "https://other.example/crud"))
            XCTAssertEqual("\(error)", "https://other.example/crud?default, reached by a redirect, asks for a user name and password, which are sent only to http://127.0.0.1:8890, the endpoint's origin")
        }
        XCTAssertEqual(transport.requests.count, 2)
        XCTAssertNil(transport.requests[1].value(forHTTPHeaderField: "Authorization"))
    }

    func testA301302Or303IsRefused() throws {
        for status in [301, 302, 303] {
            let transport = ScriptedTransport([redirect(status, to: "https://store.example/data?infer=false&graph=http%3A%2F%2Fexample.org%2Fg")])
            XCTAssertThrowsError(try client(transport).send(payload, mediaType: "application/n-triples", to: try IRI("http://example.org/g"), operation: .replace)) { error in
                XCTAssertEqual(error as? GraphStoreError, .redirectRefused(
                    url: "http://127.0.0.1:8890/sparql-graph-crud-auth?graph=http%3A%2F%2Fexample.org%2Fg",
                    location: "https://store.example/data?infer=false&graph=http%3A%2F%2Fexample.org%2Fg", status: status,
                    endpoint: "https://store.example/data?infer=false"))
                XCTAssertEqual("\(error)", "http://127.0.0.1:8890/sparql-graph-crud-auth?graph=http%3A%2F%2Fexample.org%2Fg redirected to https://store.example/data?infer=false&graph=http%3A%2F%2Fexample.org%2Fg (HTTP \(status)), which would drop the graph")
            }
            XCTAssertEqual(transport.requests.count, 1, "nothing is sent after the redirect")
        }
    }

    func testARedirectLoopStopsAfterFiveRedirects() throws {
        let transport = ScriptedTransport(Array(repeating: redirect(307, to: "/loop"), count: 10))
        XCTAssertThrowsError(try client(transport).send(payload, mediaType: "application/n-triples", to: nil, operation: .add)) { error in
            XCTAssertEqual(error as? GraphStoreError, .tooManyRedirects(url: "http://127.0.0.1:8890/sparql-graph-crud-auth?default",
                                                                        location: "http://127.0.0.1:8890/loop", status: 307, count: 5))
            XCTAssertEqual("\(error)", "http://127.0.0.1:8890/sparql-graph-crud-auth?default was redirected 5 times, the last time to http://127.0.0.1:8890/loop, which redirects again (HTTP 307); stopped there, as this looks like a redirect loop")
        }
        XCTAssertEqual(transport.requests.count, 1 + GraphStoreClient.maximumRedirects)
    }

    func testARedirectWithoutAUsableLocationIsRejected() throws {
        for (location, said) in [(nil, "the redirect has no Location header to follow"),
                                 ("ftp://example.org/x", "the redirect's Location 'ftp://example.org/x' is not an http or https URL")] {
            let transport = ScriptedTransport([redirect(307, to: location)])
            XCTAssertThrowsError(try client(transport).send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
                XCTAssertEqual("\(error)", "PUT http://127.0.0.1:8890/sparql-graph-crud-auth?default failed with HTTP status 307 temporary redirect: \(said)")
            }
            XCTAssertEqual(transport.requests.count, 1)
        }
    }

    func testNetworkFailureIsUnreachable() throws {
        let failure = GraphStoreError.unreachable(url: "http://127.0.0.1:9/x?default", reason: "Couldn't connect to server")
        let c = try client(ScriptedTransport([.failure(failure)]), endpoint: "http://127.0.0.1:9/x")
        XCTAssertThrowsError(try c.send(payload, mediaType: "application/n-triples", to: nil, operation: .add)) { error in
            XCTAssertEqual(error as? GraphStoreError, failure)
            XCTAssertEqual("\(error)", "cannot reach http://127.0.0.1:9/x?default: Couldn't connect to server; check the endpoint URL and that the store is running")
        }
    }

    func testTimeoutSaysHowLongTheStoreWasSilent() throws {
        for (seconds, text) in [(60.0, "60"), (1.5, "1.5"), (0.25, "0.25")] {
            let failure = GraphStoreError.timedOut(url: "http://127.0.0.1:7878/store?default", seconds: seconds)
            XCTAssertEqual("\(failure)", "http://127.0.0.1:7878/store?default did not answer within \(text) s; check that the store is running")
        }
    }

    /// The real transport, against a socket that completes connections (the kernel does) but
    /// never reads or answers: a `timedOut` error once the timeout has passed, and no later.
    func testURLSessionTransportGivesUpOnASilentStore() throws {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        XCTAssertTrue(listening)
        let endpoint = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))/store"

        let c = try GraphStoreClient(endpoint: endpoint, timeout: 1)
        let start = Date()
        XCTAssertThrowsError(try c.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            XCTAssertEqual(error as? GraphStoreError, .timedOut(url: endpoint + "?default", seconds: 1))
        }
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThanOrEqual(elapsed, 0.9)
        XCTAssertLessThan(elapsed, 5)
    }

    /// The real transport, against a port nothing listens on: an `unreachable` error, no hang.
    func testURLSessionTransportReportsARefusedConnection() throws {
        let c = try GraphStoreClient(endpoint: "http://127.0.0.1:9/store", timeout: 10)
        XCTAssertThrowsError(try c.send(payload, mediaType: "application/n-triples", to: nil, operation: .replace)) { error in
            guard case .unreachable(let url, let reason)? = error as? GraphStoreError else {
                return XCTFail("expected unreachable, got \(error)")
            }
            XCTAssertEqual(url, "http://127.0.0.1:9/store?default")
            XCTAssertFalse(reason.isEmpty)
            XCTAssertTrue("\(error)".hasSuffix("; check the endpoint URL and that the store is running"), "\(error)")
        }
    }

    func testInvalidEndpoints() {
        for text in ["ftp://example.org/data", "localhost:3030/data", "http://", "not a url", "http://h/data#frag"] {
            XCTAssertThrowsError(try GraphStoreClient(endpoint: text), text) { error in
                XCTAssertEqual("\(error)", "endpoint '\(text)' is not an http or https URL")
            }
        }
    }

    func testServerMessageFromPlainTextAndLongBodies() {
        XCTAssertEqual(HTTPResponse(status: 400, headers: ["Content-Type": "text/plain"],
                                    body: Data("Error 400: Parse error:\n  [line: 1, col: 3 ] Bad IRI\n".utf8)).message,
                       "Error 400: Parse error: [line: 1, col: 3 ] Bad IRI")
        XCTAssertEqual(HTTPResponse(status: 500, body: Data(String(repeating: "x", count: 1500).utf8)).message.count, 1001)
        XCTAssertEqual(HTTPResponse(status: 204).message, "")
        XCTAssertEqual(HTTPResponse(status: 418).statusText, "418 status 4xx")
        XCTAssertEqual(HTTPResponse(status: 200, headers: ["X-A": "1", "x-a": "2"]).header("X-a"), "1, 2")
    }
}
