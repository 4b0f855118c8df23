import Foundation

/// One challenge of an HTTP `WWW-Authenticate` header (RFC 9110 §11.6.1): an authentication
/// scheme and its parameters, and the `Authorization` value that answers it.
///
/// Answered schemes: `Basic` (RFC 7617) and `Digest` (RFC 7616) with the algorithm `MD5` or
/// `MD5-sess` and quality of protection `auth` or none (RFC 2069 style). `SHA-256` digests,
/// `auth-int`, `userhash` and other schemes (Bearer, Negotiate) are not answered.
///
/// ```swift
/// let challenges = AuthenticationChallenge.parse(#"Digest realm="SPARQL", nonce="5e65", qop="auth""#)
/// challenges[0].scheme            // "digest"
/// challenges[0].parameters["realm"] // "SPARQL"
/// ```
public struct AuthenticationChallenge: Sendable, Hashable {
    /// The scheme, lower-cased: `basic`, `digest`, `bearer`, …
    public let scheme: String
    /// The auth-params, names lower-cased, quoted values unquoted (`\"` → `"`).
    public let parameters: [String: String]

    /// A challenge with `scheme` (compared case-insensitively) and `parameters`.
    public init(scheme: String, parameters: [String: String] = [:]) {
        self.scheme = scheme.lowercased()
        self.parameters = Dictionary(parameters.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether this challenge can be answered (see the type's discussion).
    public var isSupported: Bool {
        switch scheme {
        case "basic":
            return true
        case "digest":
            return parameters["nonce"] != nil && digestAlgorithm != nil && (qopOptions.isEmpty || qopOptions.contains("auth"))
        default:
            return false
        }
    }

    /// The `Authorization` header value answering this challenge for a request, or nil when
    /// ``isSupported`` is false.
    ///
    /// - Parameters:
    ///   - user: the user name (sent as is; for Basic it must not contain `:`).
    ///   - password: the password.
    ///   - method: the request's method, `PUT` or `POST` (Digest hashes it).
    ///   - uri: the request target as sent: path and query, percent-encoded (`/data?graph=…`).
    ///   - clientNonce: the Digest `cnonce`: fresh random hex digits for each request.
    public func authorization(user: String, password: String, method: String, uri: String, clientNonce: String) -> String? {
        guard isSupported else { return nil }
        if scheme == "basic" {
            return "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
        guard let nonce = parameters["nonce"], let algorithm = digestAlgorithm else { return nil }
        let realm = parameters["realm"] ?? ""
        var secret = MD5.hex("\(user):\(realm):\(password)")
        if algorithm == "MD5-sess" {
            secret = MD5.hex("\(secret):\(nonce):\(clientNonce)")
        }
        let request = MD5.hex("\(method):\(uri)")
        let count = "00000001"
        let qop = qopOptions.isEmpty ? nil : "auth"
        let response = qop.map { MD5.hex("\(secret):\(nonce):\(count):\(clientNonce):\($0):\(request)") }
            ?? MD5.hex("\(secret):\(nonce):\(request)")

        var fields = [
            "username=\(Self.quoted(user))",
            "realm=\(Self.quoted(realm))",
            "nonce=\(Self.quoted(nonce))",
            "uri=\(Self.quoted(uri))",
            "response=\"\(response)\"",
        ]
        if parameters["algorithm"] != nil { fields.append("algorithm=\(algorithm)") }
        if let qop { fields += ["qop=\(qop)", "nc=\(count)", "cnonce=\(Self.quoted(clientNonce))"] }
        if let opaque = parameters["opaque"] { fields.append("opaque=\(Self.quoted(opaque))") }
        return "Digest " + fields.joined(separator: ", ")
    }

    /// `MD5` or `MD5-sess` (absent means `MD5`, RFC 7616 §3.3), nil for any other algorithm.
    private var digestAlgorithm: String? {
        switch (parameters["algorithm"] ?? "MD5").lowercased() {
        case "md5": "MD5"
        case "md5-sess": "MD5-sess"
        default: nil
        }
    }

    /// The `qop` options offered, lower-cased (`["auth", "auth-int"]`), empty when absent.
    private var qopOptions: [String] {
        (parameters["qop"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
    }

    /// `text` as an RFC 9110 quoted-string (`"` and `\` escaped with `\`).
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: Parsing

    /// The challenges in a `WWW-Authenticate` header value, in order. Tolerant: a part that is
    /// not a challenge is skipped, never an error. Several headers can be joined with `,`.
    ///
    /// `Digest realm="SPARQL", qop="auth", Basic realm="x"` gives two challenges.
    public static func parse(_ header: String) -> [AuthenticationChallenge] {
        var scanner = Scanner(Array(header.unicodeScalars))
        var challenges: [AuthenticationChallenge] = []
        var scheme: String?
        var parameters: [String: String] = [:]
        func close() {
            if let scheme { challenges.append(AuthenticationChallenge(scheme: scheme, parameters: parameters)) }
            scheme = nil
            parameters = [:]
        }
        while true {
            scanner.skip { $0 == " " || $0 == "\t" || $0 == "," }
            guard !scanner.atEnd else { break }
            guard let token = scanner.token() else {
                scanner.advance()   // not a token: skip the character
                continue
            }
            scanner.skip { $0 == " " || $0 == "\t" }
            if scanner.peek == "=", scheme != nil {
                scanner.advance()
                scanner.skip { $0 == " " || $0 == "\t" }
                let value = scanner.peek == "\"" ? scanner.quotedString() : (scanner.token() ?? "")
                parameters[token.lowercased()] = value
            } else if scanner.peek == "=" {
                scanner.skip { $0 == "=" }   // token68 without a scheme: ignore
            } else {
                close()
                scheme = token
                // A token68 credential-like value after the scheme (`Bearer abc==`) is not an auth-param.
            }
        }
        close()
        return challenges
    }

    /// A cursor over the header's Unicode scalars.
    private struct Scanner {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var atEnd: Bool { index >= scalars.count }
        var peek: Unicode.Scalar? { atEnd ? nil : scalars[index] }

        mutating func advance() { index += 1 }

        mutating func skip(while predicate: (Unicode.Scalar) -> Bool) {
            while let c = peek, predicate(c) { index += 1 }
        }

        /// An RFC 9110 token (tchar+), or nil when none starts here.
        mutating func token() -> String? {
            let start = index
            skip { c in
                c.isASCII && (CharacterSet.alphanumerics.contains(c) || "!#$%&'*+-.^_`|~".unicodeScalars.contains(c))
            }
            guard index > start else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<index]))
        }

        /// A quoted-string starting at `"`, unescaped; an unterminated one runs to the end.
        mutating func quotedString() -> String {
            advance()
            var out = String.UnicodeScalarView()
            while let c = peek {
                advance()
                if c == "\"" { break }
                if c == "\\", let next = peek {
                    advance()
                    out.append(next)
                } else {
                    out.append(c)
                }
            }
            return String(out)
        }
    }
}
