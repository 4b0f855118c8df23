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
/// **Redirects.** A 307 or 308 answer is followed: the same method, header fields and body go
/// to its `Location` (resolved against the request URL), at most ``maximumRedirects`` times
/// (``GraphStoreError/tooManyRedirects(url:location:status:count:)``). A 401 from the new URL is
/// answered as above when it has the endpoint's origin (scheme, host and port), and is
/// ``GraphStoreError/credentialsWithheld(url:origin:endpoint:)`` otherwise. 301, 302 and 303 are
/// not followed (``GraphStoreError/redirectRefused(url:location:status:endpoint:)``): clients
/// resend those as a GET or without the body, and a store taking an empty PUT empties the graph.
/// ``HTTPResponse/redirects`` lists the URLs the request was sent on to.
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
        let parameter = Self.graphParameter(graph)
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
    ///   ``GraphStoreError/unsupportedAuthentication(url:challenge:)`` or
    ///   ``GraphStoreError/credentialsWithheld(url:origin:endpoint:)`` for a 401 that cannot be answered,
    ///   ``GraphStoreError/redirectRefused(url:location:status:endpoint:)`` for 301, 302, 303,
    ///   ``GraphStoreError/tooManyRedirects(url:location:status:count:)``.
    @discardableResult
    public func send(_ payload: Data, mediaType: String, to graph: IRI?, operation: Operation) throws(GraphStoreError) -> HTTPResponse {
        let first = requestURL(for: graph)
        let method = operation.httpMethod
        var url = first
        var redirects: [URL] = []
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.httpBody = payload
        request.setValue("\(mediaType); charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue("*/*", forHTTPHeaderField: "Accept")

        while true {
            var response = try transport.send(request)
            if response.status == 401 {
                response = try authenticate(&request, after: response, method: method, graph: graph)
            }
            switch response.status {
            case 307, 308:
                // The same method, header fields and body, to the new URL (RFC 9110 §15.4.8, §15.4.9).
                let location = try self.location(of: response, request: url, method: method)
                guard redirects.count < Self.maximumRedirects else {
                    throw .tooManyRedirects(url: first.absoluteString, location: url.absoluteString, status: response.status,
                                            count: redirects.count)
                }
                redirects.append(location)
                url = location
                request.url = location
                // An answer to the old URL's challenge is not sent on; the new URL asks for its own.
                request.setValue(nil, forHTTPHeaderField: "Authorization")
            case 301, 302, 303:
                // Clients (Foundation, curl, browsers) resend these as a GET or without the body;
                // a store that then took an empty PUT would empty the graph.
                let location = try self.location(of: response, request: url, method: method)
                throw .redirectRefused(url: url.absoluteString, location: location.absoluteString, status: response.status,
                                       endpoint: Self.endpoint(of: location, without: Self.graphParameter(graph)))
            default:
                guard response.isSuccess else {
                    throw .rejected(method: method, url: url.absoluteString, status: response.statusText, message: response.message)
                }
                response.redirects = redirects
                return response
            }
        }
    }

    /// How many 307 or 308 redirects one request follows.
    public static let maximumRedirects = 5

    /// Answers the 401 `response` to `request` with ``credentials`` and sends the request again,
    /// with its `Authorization` (kept in `request`). Credentials go only to the endpoint's origin:
    /// a redirect may lead elsewhere.
    private func authenticate(_ request: inout URLRequest, after response: HTTPResponse, method: String,
                              graph: IRI?) throws(GraphStoreError) -> HTTPResponse {
        let url = request.url ?? endpoint
        let challenge = response.header("www-authenticate") ?? ""
        guard let credentials else {
            throw .authenticationRequired(url: url.absoluteString, challenge: challenge)
        }
        guard Self.origin(of: url) == Self.origin(of: endpoint) else {
            throw .credentialsWithheld(url: url.absoluteString, origin: Self.origin(of: endpoint),
                                       endpoint: Self.endpoint(of: url, without: Self.graphParameter(graph)))
        }
        let challenges = AuthenticationChallenge.parse(challenge).filter(\.isSupported)
        guard let chosen = challenges.first(where: { $0.scheme == "digest" }) ?? challenges.first,
              let authorization = chosen.authorization(user: credentials.user, password: credentials.password, method: method,
                                                       uri: Self.requestTarget(of: url), clientNonce: clientNonce())
        else {
            throw .unsupportedAuthentication(url: url.absoluteString, challenge: challenge)
        }
        request.setValue(authorization, forHTTPHeaderField: "Authorization")
        let answer = try transport.send(request)
        if answer.status == 401 {
            throw .rejected(method: method, url: url.absoluteString, status: answer.statusText,
                            message: "the store refused the credentials of user '\(credentials.user)'")
        }
        return answer
    }

    /// The `Location` of redirect `response` to a request for `url`, resolved against `url`
    /// (RFC 9110 §10.2.2); it must be an http or https URL.
    private func location(of response: HTTPResponse, request url: URL, method: String) throws(GraphStoreError) -> URL {
        let text = (response.header("location") ?? "").trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else {
            throw .rejected(method: method, url: url.absoluteString, status: response.statusText,
                            message: "the redirect has no Location header to follow")
        }
        guard let resolved = URL(string: text, relativeTo: url)?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = resolved.host, !host.isEmpty
        else {
            throw .rejected(method: method, url: url.absoluteString, status: response.statusText,
                            message: "the redirect's Location '\(text)' is not an http or https URL")
        }
        return resolved
    }

    /// The query parameter that names `graph`: `graph=<percent-encoded IRI>`, or `default`.
    static func graphParameter(_ graph: IRI?) -> String {
        graph.map { "graph=" + percentEncoded($0.string) } ?? "default"
    }

    /// `url` without the query parameter `parameter` (the graph's, which the client adds to
    /// the endpoint itself): what to pass as the endpoint to reach `url`.
    static func endpoint(of url: URL, without parameter: String) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true),
              let query = components.percentEncodedQuery else { return url.absoluteString }
        let kept = query.split(separator: "&", omittingEmptySubsequences: false).filter { $0 != parameter }
        components.percentEncodedQuery = kept.isEmpty ? nil : kept.joined(separator: "&")
        return components.url?.absoluteString ?? url.absoluteString
    }

    /// `scheme://host:port` of `url`, lower-cased, with the scheme's default port when it names none.
    static func origin(of url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
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
