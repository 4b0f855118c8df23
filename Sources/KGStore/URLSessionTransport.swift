import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The ``HTTPTransport`` over Foundation's `URLSession` (FoundationNetworking on Linux):
/// an ephemeral session per request (no cookies, caches or stored credentials), blocking the
/// calling thread until the response or the request's `timeoutInterval`.
public struct URLSessionTransport: HTTPTransport {
    /// A transport; it holds no state between requests.
    public init() {}

    /// Sends `request` and waits for the whole response (see ``HTTPTransport/send(_:)``).
    /// - Throws: ``GraphStoreError/unreachable(url:reason:)`` with Foundation's (on Linux, libcurl's) reason.
    public func send(_ request: URLRequest) throws(GraphStoreError) -> HTTPResponse {
        let session = URLSession(configuration: .ephemeral)
        defer { session.finishTasksAndInvalidate() }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            outcome.set(data: data, response: response, error: error)
            done.signal()
        }
        task.resume()
        done.wait()

        let url = request.url?.absoluteString ?? "(no URL)"
        let (data, response, error) = outcome.get()
        if let error {
            throw .unreachable(url: url, reason: Self.reason(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw .unreachable(url: url, reason: "the answer is not an HTTP response")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data ?? Data())
    }

    /// The most specific description Foundation gives (on Linux the underlying libcurl message,
    /// e.g. "Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server").
    private static func reason(_ error: Error) -> String {
        let error = error as NSError
        for candidate in [error.userInfo[NSLocalizedDescriptionKey] as? String,
                          (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription,
                          error.localizedDescription] {
            if let candidate, !candidate.isEmpty, candidate != "(null)" { return candidate }
        }
        return "\(error.domain) error \(error.code)"
    }

    /// The completion handler's results, handed from URLSession's queue to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var data: Data?
        private var response: URLResponse?
        private var error: Error?

        func set(data: Data?, response: URLResponse?, error: Error?) {
            lock.lock()
            defer { lock.unlock() }
            (self.data, self.response, self.error) = (data, response, error)
        }

        func get() -> (Data?, URLResponse?, Error?) {
            lock.lock()
            defer { lock.unlock() }
            return (data, response, error)
        }
    }
}
