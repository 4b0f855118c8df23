import Foundation

/// What a store answered: status code, header fields and body.
public struct HTTPResponse: Sendable, Hashable {
    /// The status code (RFC 9110 §15), e.g. 201.
    public let status: Int
    /// Header fields, names lower-cased (`content-type`, `www-authenticate`); a field sent several
    /// times has its values joined with `, ` (RFC 9110 §5.3).
    public let headers: [String: String]
    /// The body, as received.
    public let body: Data
    /// The URLs the request was sent on to, in order, when it was answered with 307 or 308
    /// redirects (set by ``GraphStoreClient``); empty when the first URL answered. The last one
    /// gave this response.
    public internal(set) var redirects: [URL] = []

    /// A response with `status`, `headers` (names compared case-insensitively) and `body`.
    public init(status: Int, headers: [String: String] = [:], body: Data = Data()) {
        self.status = status
        var fields: [String: String] = [:]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            let key = name.lowercased()
            if let earlier = fields[key] {
                fields[key] = earlier + ", " + value
            } else {
                fields[key] = value
            }
        }
        self.headers = fields
        self.body = body
    }

    /// The value of header field `name` (any case), or nil.
    public func header(_ name: String) -> String? { headers[name.lowercased()] }

    /// Whether the status is 2xx (RFC 9110 §15.3).
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The status code and its standard reason in lower case: `403 forbidden`, `201 created`.
    public var statusText: String {
        let reason = Self.reasons[status] ?? "status \(status / 100)xx"
        return "\(status) \(reason)"
    }

    /// The server's own words: the body as text, with an HTML page reduced to its visible text
    /// (tags, the `<head>` and a repeated status line removed, entities decoded, white space
    /// collapsed), cut after 1,000 characters. Empty when the body is.
    public var message: String {
        var text = String(decoding: body, as: UTF8.self)
        let type = header("content-type")?.lowercased() ?? ""
        if type.contains("html") || text.range(of: "<html", options: .caseInsensitive) != nil {
            text = Self.visibleText(ofHTML: text)
        }
        text = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        if let statusLine = text.range(of: #"^HTTP/\d(\.\d)? \d{3}( [A-Za-z][A-Za-z -]*?)?(?= |$)"#, options: .regularExpression) {
            text = String(text[statusLine.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        return text.count > 1000 ? String(text.prefix(1000)) + "…" : text
    }

    /// The text of an HTML page outside its tags, without `<head>`, `<script>` and `<style>`.
    private static func visibleText(ofHTML html: String) -> String {
        var text = html
        for element in ["head", "script", "style"] {
            text = text.replacingOccurrences(of: "(?s)<\(element)[^>]*>.*?</\(element)\\s*>", with: " ",
                                             options: [.regularExpression, .caseInsensitive])
        }
        text = text.replacingOccurrences(of: "(?s)<!--.*?-->", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"), ("&nbsp;", " "), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// Reason phrases of the status codes a Graph Store answers with (RFC 9110 §15).
    private static let reasons: [Int: String] = [
        200: "ok", 201: "created", 202: "accepted", 204: "no content",
        301: "moved permanently", 302: "found", 303: "see other", 307: "temporary redirect", 308: "permanent redirect",
        400: "bad request", 401: "unauthorized", 403: "forbidden", 404: "not found", 405: "method not allowed",
        406: "not acceptable", 409: "conflict", 411: "length required", 413: "content too large",
        415: "unsupported media type", 422: "unprocessable content", 429: "too many requests",
        500: "internal server error", 501: "not implemented", 502: "bad gateway", 503: "service unavailable",
        504: "gateway timeout",
    ]
}
