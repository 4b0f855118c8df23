@testable import KGStore
import XCTest

/// Parsing `WWW-Authenticate` and answering Basic and Digest challenges.
final class AuthenticationChallengeTests: XCTestCase {
    /// The header Virtuoso 7.2 sends from /sparql-graph-crud-auth.
    private let virtuoso = #"Digest realm="SPARQL", domain="/sparql-graph-crud-auth", nonce="5e65cac3de8ffb062b81aadef0c69cc3", opaque="5ebe2294ecd0e0f08eab7690d2a6ee69", stale="false", qop="auth", algorithm="MD5""#

    func testParsesVirtuososDigestChallenge() {
        let challenges = AuthenticationChallenge.parse(virtuoso)
        XCTAssertEqual(challenges.count, 1)
        XCTAssertEqual(challenges.first?.scheme, "digest")
        XCTAssertEqual(challenges.first?.parameters, [
            "realm": "SPARQL", "domain": "/sparql-graph-crud-auth", "nonce": "5e65cac3de8ffb062b81aadef0c69cc3",
            "opaque": "5ebe2294ecd0e0f08eab7690d2a6ee69", "stale": "false", "qop": "auth", "algorithm": "MD5",
        ])
        XCTAssertEqual(challenges.first?.isSupported, true)
    }

    func testParsesSeveralChallengesEscapesAndTokenValues() {
        let challenges = AuthenticationChallenge.parse(#"Bearer realm="api", Basic realm="say \"hi\"", charset=UTF-8 , NEWAUTH"#)
        XCTAssertEqual(challenges.map(\.scheme), ["bearer", "basic", "newauth"])
        XCTAssertEqual(challenges[1].parameters, ["realm": #"say "hi""#, "charset": "UTF-8"])
        XCTAssertEqual(challenges.map(\.isSupported), [false, true, false])
        XCTAssertEqual(AuthenticationChallenge.parse(""), [])
        XCTAssertEqual(AuthenticationChallenge.parse(" , ,"), [])
    }

    /// RFC 2617 §3.5: the worked example, whose response is 6629fae49393a05397450978507c4ef1.
    func testDigestAnswerOfRFC2617Example() throws {
        let challenge = AuthenticationChallenge(scheme: "Digest", parameters: [
            "realm": "testrealm@host.com", "qop": "auth,auth-int", "nonce": "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            "opaque": "5ccc069c403ebaf9f0171e9517f40e41",
        ])
        let answer = try XCTUnwrap(challenge.authorization(user: "Mufasa", password: "Circle Of Life", method: "GET",
                                                           uri: "/dir/index.html", clientNonce: "0a4f113b"))
        XCTAssertEqual(answer, #"Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", response="6629fae49393a05397450978507c4ef1", qop=auth, nc=00000001, cnonce="0a4f113b", opaque="5ccc069c403ebaf9f0171e9517f40e41""#)
    }

    /// RFC 2069 style (no qop): response = MD5(HA1:nonce:HA2); MD5-sess folds the nonces into HA1.
    func testDigestWithoutQopAndWithMD5Sess() throws {
        let plain = AuthenticationChallenge(scheme: "digest", parameters: ["realm": "r", "nonce": "n"])
        let ha1 = "44add22b6f3179b751eafd68ee370f7d" // MD5("u:r:p") from Python's hashlib
        let answer = try XCTUnwrap(plain.authorization(user: "u", password: "p", method: "PUT", uri: "/x", clientNonce: "c"))
        XCTAssertEqual(answer, #"Digest username="u", realm="r", nonce="n", uri="/x", response="\#(md5("\(ha1):n:\(md5("PUT:/x"))"))""#)

        let sess = AuthenticationChallenge(scheme: "digest", parameters: ["realm": "r", "nonce": "n", "qop": "auth", "algorithm": "MD5-sess"])
        let sessAnswer = try XCTUnwrap(sess.authorization(user: "u", password: "p", method: "POST", uri: "/x?graph=g", clientNonce: "c"))
        let sessHA1 = md5("\(ha1):n:c")
        XCTAssertTrue(sessAnswer.contains(#"response="\#(md5("\(sessHA1):n:00000001:c:auth:\(md5("POST:/x?graph=g"))"))""#), sessAnswer)
        XCTAssertTrue(sessAnswer.contains("algorithm=MD5-sess"), sessAnswer)
    }

    func testRefusesWhatItCannotAnswer() {
        let sha = AuthenticationChallenge(scheme: "Digest", parameters: ["nonce": "n", "algorithm": "SHA-256"])
        XCTAssertFalse(sha.isSupported)
        XCTAssertNil(sha.authorization(user: "u", password: "p", method: "PUT", uri: "/", clientNonce: "c"))
        XCTAssertFalse(AuthenticationChallenge(scheme: "Digest", parameters: ["nonce": "n", "qop": "auth-int"]).isSupported)
        XCTAssertFalse(AuthenticationChallenge(scheme: "Digest", parameters: ["realm": "no nonce"]).isSupported)
    }

    /// RFC 7617 §2: "Aladdin" and "open sesame" give QWxhZGRpbjpvcGVuIHNlc2FtZQ==.
    func testBasicAnswer() {
        let basic = AuthenticationChallenge(scheme: "Basic", parameters: ["realm": "WallyWorld"])
        XCTAssertEqual(basic.authorization(user: "Aladdin", password: "open sesame", method: "PUT", uri: "/", clientNonce: "c"),
                       "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    }

    func testQuotesInTheUserNameAreEscaped() throws {
        let challenge = AuthenticationChallenge(scheme: "Digest", parameters: ["realm": "r", "nonce": "n"])
        let answer = try XCTUnwrap(challenge.authorization(user: #"a"b\c"#, password: "p", method: "PUT", uri: "/", clientNonce: "c"))
        XCTAssertTrue(answer.hasPrefix(#"Digest username="a\"b\\c", realm="r""#), answer)
    }

    /// The module's MD5 (checked against RFC 1321 in MD5Tests).
    private func md5(_ text: String) -> String { MD5.hex(text) }
}
