import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The ``HTTPTransport`` over Foundation's `URLSession` (FoundationNetworking on Linux):
/// an ephemeral session per request (no cookies, caches or stored credentials), blocking the
/// calling thread until the response arrives or the store stays silent for the request's
/// `timeoutInterval`.
///
/// Authentication and redirects are ``GraphStoreClient``'s business, not Foundation's: a 401
/// challenge is never answered and a 3xx redirect never followed here; both are handed back as
/// the response. (Foundation would follow a 307 or 308 with an empty body, so a PUT would
/// replace the graph with nothing.) Without that, swift-corelibs-foundation
/// (Linux) leaves a task that met a Basic challenge suspended for ever when nobody answers it
/// (swiftlang/swift-corelibs-foundation#5456). The wait is bounded on every path: when neither
/// a byte is sent or received nor the task ends within `timeoutInterval`, the task is cancelled
/// and the request fails with ``GraphStoreError/timedOut(url:seconds:)``.
public struct URLSessionTransport: HTTPTransport {
    /// A transport; it holds no state between requests.
    public init() {}

    /// Sends `request` and waits for the whole response (see ``HTTPTransport/send(_:)``).
    /// - Throws: ``GraphStoreError/timedOut(url:seconds:)`` when the store stays silent for the
    ///   request's `timeoutInterval`; ``GraphStoreError/unreachable(url:reason:)`` with
    ///   Foundation's (on Linux, libcurl's) reason for other failures.
    public func send(_ request: URLRequest) throws(GraphStoreError) -> HTTPResponse {
        let url = request.url?.absoluteString ?? "(no URL)"
        let seconds = request.timeoutInterval > 0 && request.timeoutInterval.isFinite ? request.timeoutInterval : 60
        var request = request
        // Foundation's own idle timer, a second later than ours so that ours decides and the
        // message gives the seconds asked for (FoundationNetworking truncates it to whole
        // seconds, and traps beyond Int's range: a week at most).
        request.timeoutInterval = min(seconds.rounded(.up) + 1, 7 * 86_400)

        let exchange = Exchange()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCredentialStorage = nil
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        let task = session.dataTask(with: request)
        task.resume()

        // One blocking wait until the deadline; it is re-armed only when the delegate saw bytes
        // move since. (While a Linux store is silent, a CPU core is busy all the same: inside
        // FoundationNetworking, the libdispatch write source made for libcurl's connect stays
        // armed after libcurl asks for read readiness only, so the always-writable socket wakes
        // libcurl again and again. A bare dataTask with a completion handler does the same.)
        var deadline = exchange.lastActivity + seconds
        while exchange.done.wait(timeout: .now() + min(max(0, deadline.timeIntervalSinceNow), 3600)) == .timedOut {
            let next = exchange.lastActivity + seconds
            if next.timeIntervalSinceNow <= 0 {
                session.invalidateAndCancel()
                throw .timedOut(url: url, seconds: seconds)
            }
            deadline = next
        }
        session.invalidateAndCancel()   // nothing is left to do but a declined challenge's cancellation

        let (data, response, error) = exchange.outcome()
        if let error {
            let error = error as NSError
            if error.domain == NSURLErrorDomain && error.code == NSURLErrorTimedOut {
                throw .timedOut(url: url, seconds: seconds)
            }
            throw .unreachable(url: url, reason: Self.reason(error))
        }
        guard let http = response as? HTTPURLResponse else {
            throw .unreachable(url: url, reason: "the answer is not an HTTP response")
        }
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { headers[name] = value }
        }
        return HTTPResponse(status: http.statusCode, headers: headers, body: data)
    }

    /// The most specific description Foundation gives (on Linux the underlying libcurl message,
    /// e.g. "Failed to connect to 127.0.0.1 port 1 after 0 ms: Couldn't connect to server").
    private static func reason(_ error: NSError) -> String {
        for candidate in [error.userInfo[NSLocalizedDescriptionKey] as? String,
                          (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription,
                          error.localizedDescription] {
            if let candidate, !candidate.isEmpty, candidate != "(null)" { return candidate }
        }
        return "\(error.domain) error \(error.code)"
    }

    /// The session's delegate for one request: collects the response and its body, notes when
    /// bytes last moved, turns an HTTP authentication challenge back into its 401 response, and
    /// signals ``done`` when the task ends. Callbacks come on the session's queue; the sending
    /// thread reads under the lock.
    private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
        let done = DispatchSemaphore(value: 0)
        private let lock = NSLock()
        private var activity = Date()
        private var body = Data()
        private var response: URLResponse?
        private var challengeResponse: URLResponse?
        private var error: Error?

        /// When a byte was last sent or received (or the request started).
        var lastActivity: Date {
            lock.lock()
            defer { lock.unlock() }
            return activity
        }

        /// The response and body; the 401 of a declined challenge wins over the cancellation
        /// that declining it causes.
        func outcome() -> (Data, URLResponse?, Error?) {
            lock.lock()
            defer { lock.unlock() }
            if let challengeResponse { return (body, challengeResponse, nil) }
            return (body, response, error)
        }

        private func locked(_ change: () -> Void) {
            lock.lock()
            defer { lock.unlock() }
            change()
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didSendBodyData bytesSent: Int64,
                        totalBytesSent: Int64, totalBytesExpectedToSend: Int64) {
            locked { activity = Date() }
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
            locked {
                activity = Date()
                self.response = response
            }
            completionHandler(.allow)
        }

        func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
            locked {
                activity = Date()
                body.append(data)
            }
        }

        /// HTTP authentication (Basic, Digest, …: a challenge that comes with a 401 or 407
        /// response) is declined and its response kept for ``GraphStoreClient``, which answers it
        /// itself; TLS challenges (server trust, client certificates) get Foundation's default handling.
        func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                        completionHandler: @escaping @Sendable (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
            guard let failure = challenge.failureResponse as? HTTPURLResponse, [401, 407].contains(failure.statusCode) else {
                completionHandler(.performDefaultHandling, nil)
                return
            }
            locked {
                activity = Date()
                challengeResponse = failure
            }
            // Cancelling ends the task on every platform (FoundationNetworking treats
            // .rejectProtectionSpace as a cancellation too, and .performDefaultHandling may wait
            // for ever); the 401 is complete, so the sender need not wait for the cancellation.
            completionHandler(.cancelAuthenticationChallenge, nil)
            done.signal()
        }

        /// A redirect is not followed: the 3xx response, with its `Location`, ends the task and
        /// goes back to ``GraphStoreClient``, which decides whether to resend the request.
        func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
            locked {
                activity = Date()
                self.response = response
            }
            completionHandler(nil)
        }

        func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
            locked {
                self.error = error
                if response == nil { response = task.response }
            }
            done.signal()
        }
    }
}
