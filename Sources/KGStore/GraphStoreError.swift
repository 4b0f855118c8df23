/// Why a graph could not be sent to a store. Messages are lower-case and name the URL, the
/// HTTP status and the store's own message.
public enum GraphStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint is not an absolute `http` or `https` URL with a host and no fragment.
    case invalidEndpoint(String)
    /// No HTTP response arrived (name resolution, connection refused or broken).
    case unreachable(url: String, reason: String)
    /// The store sent nothing and did not finish its answer for `seconds` (the request's timeout).
    case timedOut(url: String, seconds: Double)
    /// The store answered with a status other than 2xx; `message` is ``HTTPResponse/message``.
    case rejected(method: String, url: String, status: String, message: String)
    /// The store answered 401 and no credentials were given; `challenge` is its
    /// `WWW-Authenticate` header (empty when it sent none).
    case authenticationRequired(url: String, challenge: String)
    /// The store answered 401 with no challenge that ``AuthenticationChallenge`` can answer.
    case unsupportedAuthentication(url: String, challenge: String)
    /// `url` answered 301, 302 or 303 (`status`) with `Location` `location`: following it would
    /// turn the request into a GET or drop its body, so it was not followed. `endpoint` is
    /// `location` without the graph parameter: what to use as the endpoint instead.
    case redirectRefused(url: String, location: String, status: Int, endpoint: String)
    /// The request was redirected (307, 308) `count` times, from `url` to `location` at last,
    /// and `location` answered `status`, another redirect: a loop, or a longer chain than
    /// ``GraphStoreClient/maximumRedirects``.
    case tooManyRedirects(url: String, location: String, status: Int, count: Int)
    /// `url`, reached by a redirect to another origin (scheme, host and port) than the endpoint's,
    /// answered 401; the credentials are sent only to the endpoint's `origin`. `endpoint` is
    /// `url` without the graph parameter.
    case credentialsWithheld(url: String, origin: String, endpoint: String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let text):
            return "endpoint '\(text)' is not an http or https URL"
        case .unreachable(let url, let reason):
            return "cannot reach \(url): \(reason); check the endpoint URL and that the store is running"
        case .timedOut(let url, let seconds):
            return "\(url) did not answer within \(Self.format(seconds)) s; check that the store is running"
        case .rejected(let method, let url, let status, let message):
            let said = message.isEmpty ? "with an empty body" : message
            return "\(method) \(url) failed with HTTP status \(status): \(said)"
        case .authenticationRequired(let url, let challenge):
            let scheme = challenge.split(separator: " ").first.map { " (\($0))" } ?? ""
            return "\(url) asks for a user name and password\(scheme), and none were given"
        case .unsupportedAuthentication(let url, let challenge) where challenge.isEmpty:
            return "\(url) answered 401 unauthorized without a WWW-Authenticate challenge, so no credentials can be sent"
        case .unsupportedAuthentication(let url, let challenge):
            return "\(url) asks for authentication this client cannot answer (it answers Basic, and Digest with MD5): \(challenge)"
        case .redirectRefused(let url, let location, let status, _):
            return "\(url) redirected to \(location) (HTTP \(status)), which would drop the graph"
        case .tooManyRedirects(let url, let location, let status, let count):
            return "\(url) was redirected \(count) times, the last time to \(location), which redirects again (HTTP \(status)); stopped there, as this looks like a redirect loop"
        case .credentialsWithheld(let url, let origin, _):
            return "\(url), reached by a redirect, asks for a user name and password, which are sent only to \(origin), the endpoint's origin"
        }
    }

    /// `seconds` as written: `60`, `1.5`.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int64(seconds)) : String(seconds)
    }
}
