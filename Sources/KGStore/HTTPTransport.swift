import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and waits for the answer. ``GraphStoreClient`` talks to a store
/// through it; ``URLSessionTransport`` is the real one, and tests substitute their own.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (method, URL, header fields and body already set) and returns the
    /// response, whatever its status. Neither answers authentication challenges nor follows
    /// redirects: a 401 or a 3xx (with its `Location`) is returned like any other response.
    /// - Throws: ``GraphStoreError/unreachable(url:reason:)`` when no response arrives: the host
    ///   cannot be resolved or reached, or the connection breaks;
    ///   ``GraphStoreError/timedOut(url:seconds:)`` when the store stays silent for the request's
    ///   `timeoutInterval`.
    func send(_ request: URLRequest) throws(GraphStoreError) -> HTTPResponse
}
