import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import KGRDF

/// Sends RDF to one graph of a triple store with the SPARQL 1.1 Graph Store HTTP Protocol
/// (W3C Recommendation, 21 March 2013).
///
/// - ``Operation/replace`` is HTTP PUT (§5.3): the graph afterwards holds exactly the payload's
///   triples (created when absent).
/// - ``Operation/add`` is HTTP POST (§5.5): the payload's triples are added to the graph.
///
/// The graph is named by indirect identification (§4.2): the request goes to
/// `endpoint?graph=<IRI>` (the IRI percent-encoded as a query value, RFC 3986 §3.4), or to
/// `endpoint?default` for the default graph. Graph Store endpoints of common stores:
///
/// | store | endpoint |
/// |---|---|
/// | Apache Jena Fuseki | `http://localhost:3030/DATASET/data` |
/// | Virtuoso | `http://localhost:8890/sparql-graph-crud-auth` (Digest), `…/sparql-graph-crud` (no authentication, needs `SPARQL_UPDATE` granted to user `SPARQL`) |
/// | GraphDB | `http://localhost:7200/repositories/REPOSITORY/rdf-graphs/service` |
/// | Oxigraph server | `http://localhost:7878/store` |
///
/// **Authentication.** The request is sent without credentials first; when the store answers
/// 401 with a `WWW-Authenticate` challenge and ``credentials`` are set, it is sent once more with
/// the answer of the first supported challenge, Digest preferred over Basic (see
/// ``AuthenticationChallenge``). A second 401 is a ``GraphStoreError/rejected(method:url:status:message:)``.
///
/// Calls block the calling thread until the store answers or stays silent for ``timeout`` seconds.
///
/// ```swift
/// let client = try GraphStoreClient(endpoint: "http://localhost:3030/news/data")
/// let response = try client.send(Data(ntriples.utf8), mediaType: "application/n-triples",
///                                to: try IRI("https://example.org/graph/news"), operation: .replace)
/// response.statusText   // "201 created" or "204 no content"
/// ```
public struct GraphStoreClient: Sendable {
    /// How the payload meets the graph's triples.
    public enum Operation: String, Sendable, CaseIterable {
        /// HTTP PUT: replace the graph (§5.3).
        case replace
        /// HTTP POST: merge into the graph (§5.5).
        case add

        /// `PUT` or `POST`.
        public var httpMethod: String { self == .replace ? "PUT" : "POST" }
    }

    /// A user name and password for HTTP Basic or Digest authentication.
    public struct Credentials: Sendable, Hashable {
        /// The user name, as the store knows it (Virtuoso: `dba`).
        public let user: String
        /// The password, sent only inside the answer to a challenge (Basic: base64, not encrypted;
        /// use https for stores beyond loopback).
        public let password: String

        /// Credentials of `user` with `password`.
        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    /// The Graph Store endpoint, e.g. `http://localhost:3030/news/data`.
    public let endpoint: URL
    /// Sent only when the store asks for them.
    public let credentials: Credentials?
    /// Seconds the store may stay silent (neither taking the request nor sending its answer)
    /// before a request fails.
    public let timeout: TimeInterval
    private let transport: any HTTPTransport
    private let clientNonce: @Sendable () -> String

    /// A client of the store at `endpoint`.
    ///
    /// - Parameters:
    ///   - endpoint: an absolute `http` or `https` URL with a host and no fragment; it may have a
    ///     query of its own (the graph parameter is appended with `&`).
    ///   - credentials: for stores that answer 401.
    ///   - timeout: seconds to wait for each response (60 by default).
    ///   - transport: how requests are sent (``URLSessionTransport`` by default).
    ///   - clientNonce: the Digest `cnonce` for a request; 16 random hexadecimal digits by default.
    /// - Throws: ``GraphStoreError/invalidEndpoint(_:)``.
    public init(endpoint: String, credentials: Credentials? = nil, timeout: TimeInterval = 60,
                transport: any HTTPTransport = URLSessionTransport(),
                clientNonce: @escaping @Sendable () -> String = GraphStoreClient.randomNonce) throws(GraphStoreError) {
        guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = url.host, !host.isEmpty, url.fragment == nil
        else { throw .invalidEndpoint(endpoint) }
        self.endpoint = url
        self.credentials = credentials
        self.timeout = timeout
        self.transport = transport
        self.clientNonce = clientNonce
    }

    /// The URL a request about `graph` goes to: the endpoint with `graph=<percent-encoded IRI>`
    /// added to its query, or `default` when `graph` is nil (§4.2, §4.1).
    public func requestURL(for graph: IRI?) -> URL {
        let parameter = graph.map { "graph=" + Self.percentEncoded($0.string) } ?? "default"
        var text = endpoint.absoluteString
        if let query = endpoint.query, !query.isEmpty {
            text += "&" + parameter
        } else {
            if text.hasSuffix("?") { text.removeLast() }
            text += "?" + parameter
        }
        // Only unreserved characters and `%XX` were added, so the text is still a URL.
        return URL(string: text) ?? endpoint
    }

    /// Sends `payload` to `graph` (nil: the default graph) and returns the store's 2xx response.
    ///
    /// - Parameters:
    ///   - payload: the serialized triples.
    ///   - mediaType: their media type (`application/n-triples`, `application/rdf+xml`, `text/turtle`);
    ///     sent as `Content-Type` with `charset=utf-8`.
    ///   - graph: the graph's IRI.
    ///   - operation: replace (PUT) or add (POST).
    /// - Throws: ``GraphStoreError/unreachable(url:reason:)`` when no answer came,
    ///   ``GraphStoreError/timedOut(url:seconds:)`` when the store stayed silent for ``timeout`` seconds,
    ///   ``GraphStoreError/rejected(method:url:status:message:)`` for a status other than 2xx,
    ///   ``GraphStoreError/authenticationRequired(url:challenge:)`` or
    ///   ``GraphStoreError/unsupportedAuthentication(url:challenge:)`` for a 401 that cannot be answered.
    @discardableResult
    public func send(_ payload: Data, mediaType: String, to graph: IRI?, operation: Operation) throws(GraphStoreError) -> HTTPResponse {
        let url = requestURL(for: graph)
        let method = operation.httpMethod
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpBody = payload
        request.setValue("\(mediaType); charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("*/*", forHTTPHeaderField: "Accept")

        var response = try transport.send(request)
        if response.status == 401 {
            let challenge = response.header("www-authenticate") ?? ""
            guard let credentials else {
                throw .authenticationRequired(url: url.absoluteString, challenge: challenge)
            }
            let challenges = AuthenticationChallenge.parse(challenge).filter(\.isSupported)
            guard let chosen = challenges.first(where: { $0.scheme == "digest" }) ?? challenges.first,
                  let authorization = chosen.authorization(user: credentials.user, password: credentials.password, method: method,
                                                           uri: Self.requestTarget(of: url), clientNonce: clientNonce())
            else {
                throw .unsupportedAuthentication(url: url.absoluteString, challenge: challenge)
            }
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
            response = try transport.send(request)
            if response.status == 401 {
                throw .rejected(method: method, url: url.absoluteString, status: response.statusText,
                                message: "the store refused the credentials of user '\(credentials.user)'")
            }
        }
        guard response.isSuccess else {
            throw .rejected(method: method, url: url.absoluteString, status: response.statusText, message: response.message)
        }
        return response
    }

    /// 16 random hexadecimal digits (64 bits from the system's generator).
    @Sendable public static func randomNonce() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The request target of `url` as sent on the request line: percent-encoded path and query.
    static func requestTarget(of url: URL) -> String {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.path }
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        return components.percentEncodedQuery.map { path + "?" + $0 } ?? path
    }

    /// `text` with every byte of its UTF-8 outside RFC 3986's unreserved set as `%XX`.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
