@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Bad input to /api/auth answers clear 4xx problems and changes nothing")
struct AuthBadInputTests {
    static let fields = [
        "first_name", "last_name", "email", "password", "phone", "country", "user_type",
        "accepted_terms_version", "accepted_privacy_version",
    ]

    static var valid: [String: Any] { [
        "first_name": "Ada", "last_name": "Lovelace", "email": "ada@example.com", "password": AuthHarness.password,
        "phone": "+33612345678", "country": "FR", "user_type": "client",
        "accepted_terms_version": "2026-11-01", "accepted_privacy_version": "2026-11-01",
    ] }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    func expectProblem(_ response: TestResponse, _ status: Int, fields: [String]? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(response.status.code == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        if let fields { #expect(Set(response.fieldErrors) == Set(fields), sourceLocation: sourceLocation) }
    }

    @Test("each missing, too long, mistyped or hostile registration field is named; no account appears")
    func registrationFields() async throws {
        try await AuthHarness.with { auth in
            for field in Self.fields {
                var missing = Self.valid
                missing[field] = nil
                expectProblem(try await auth.send(.post, "/api/auth/register", json: Self.json(missing)), 422, fields: [field])
                var long = Self.valid
                long[field] = String(repeating: "a", count: 1_000)
                expectProblem(try await auth.send(.post, "/api/auth/register", json: Self.json(long)), 422, fields: [field])
                var mistyped = Self.valid
                mistyped[field] = 42
                let answer = try await auth.send(.post, "/api/auth/register", json: Self.json(mistyped))
                expectProblem(answer, 422, fields: [field])
                #expect(try answer.json().description.contains("must be a string, not a number"))
                for hostile in ["'; DROP TABLE users; --", "<script>alert(1)</script>", "Robert\"); DELETE FROM users;--"] {
                    var bad = Self.valid
                    bad[field] = hostile
                    let response = try await auth.send(.post, "/api/auth/register", json: Self.json(bad))
                    #expect(response.status.code == 422, "\(field) = \(hostile)")
                    #expect(!response.text.contains("<script>"))
                }
            }
            #expect(try await UserRepository(store: auth.store).count() == 0)
            #expect(try await auth.emails(to: "ada@example.com").isEmpty)
        }
    }

    @Test("malformed JSON, other media types, extra fields, arrays and huge bodies are refused before any work")
    func malformedBodies() async throws {
        try await AuthHarness.with { auth in
            expectProblem(try await auth.send(.post, "/api/auth/login", json: #"{"email": "a@b.co", "password": "#), 400)
            expectProblem(try await auth.send(.post, "/api/auth/login", json: "[1, 2]"), 400)
            expectProblem(try await auth.send(.post, "/api/auth/login", json: "null"), 400)
            expectProblem(try await auth.send(.post, "/api/auth/login", json: #"{"email": "a@b.co"}"#, contentType: "text/plain"), 415)
            expectProblem(try await auth.send(.post, "/api/auth/login"), 415)
            expectProblem(try await auth.send(.post, "/api/auth/login", json: #"{"email": "a@b.co", "password": "x", "admin": true}"#), 422, fields: ["admin"])
            expectProblem(try await auth.send(.post, "/api/auth/login", json: #"{"email": "a@b.co", "password": "x", "remember_me": "yes"}"#), 422, fields: ["remember_me"])
            expectProblem(try await auth.send(.post, "/api/auth/login", json: "{}"), 422, fields: ["email", "password"])
            let huge = #"{"email": ""# + String(repeating: "a", count: 70_000) + #""}"#
            expectProblem(try await auth.send(.post, "/api/auth/forgot-password", json: huge), 413)
            expectProblem(try await auth.send(.post, "/api/auth/forgot-password", json: #"{"email": "not an address"}"#), 422, fields: ["email"])
            expectProblem(try await auth.send(.post, "/api/auth/login", json: #"{"email": "a\u0000@b.co", "password": "x"}"#), 422, fields: ["email"])
            expectProblem(try await auth.send(.get, "/api/auth/email-available"), 422, fields: ["email"])
        }
    }

    @Test("forged, foreign, expired and orphaned access tokens are refused with 401", arguments: TestDatabase.engines)
    func forgedTokens(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { auth in
            let session = try await auth.signedUp("ada@example.com")
            let parts = session.accessToken.split(separator: ".").map(String.init)
            let claims = try #require(Self.decode(parts[1]))
            let none = Self.encode(#"{"alg":"none","typ":"JWT"}"#) + "." + parts[1] + "."
            let otherKey = Self.sign(claims: claims, key: Array("another-key-that-is-long-enough-32b".utf8))
            var elevated = try #require(try JSONSerialization.jsonObject(with: Data(claims.utf8)) as? [String: Any])
            elevated["role"] = "admin"
            let tampered = parts[0] + "." + Self.encode(Self.json(elevated)) + "." + parts[2]
            for token in [none, otherKey, tampered, "garbage", "", parts[0] + "." + parts[1], String(repeating: "a", count: 5_000)] {
                let response = try await auth.send(.get, "/api/auth/me", bearer: token)
                expectProblem(response, 401)
            }
            let wrongScheme = try await auth.client.execute(
                uri: "/api/auth/me", method: .get, headers: [.authorization: "Basic YWRhOnNlY3JldA=="]
            )
            expectProblem(wrongScheme, 401)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: session.accessToken).status == .ok)
            try await UserRepository(store: auth.store).delete(id: session.userID)
            expectProblem(try await auth.send(.get, "/api/auth/me", bearer: session.accessToken), 401)
            expectProblem(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie), 401)
        }
    }

    @Test("registrations and email checks are rate-limited per address with Retry-After")
    func rateLimits() async throws {
        try await AuthHarness.with { auth in
            for index in 1...5 {
                #expect(try await auth.register("person\(index)@example.com").status == .accepted)
            }
            let sixth = try await auth.register("person6@example.com")
            expectProblem(sixth, 429)
            #expect(Int(sixth.headers[.retryAfter] ?? "") == 3_600)
            for _ in 1...10 {
                #expect(try await auth.send(.get, "/api/auth/email-available?email=someone%40example.com").status == .ok)
            }
            expectProblem(try await auth.send(.get, "/api/auth/email-available?email=someone%40example.com"), 429)
            auth.clock.advance(by: 61)
            let answer = try await auth.send(.get, "/api/auth/email-available?email=PERSON1%40example.com")
            #expect(try answer.json()["available"] as? Bool == false)
        }
    }

    @Test("with the proof-of-work CAPTCHA, a registration needs a fresh solved challenge")
    func proofOfWork() async throws {
        try await AuthHarness.with(captcha: .proofOfWork(difficulty: 8)) { auth in
            let form = try await auth.send(.get, "/api/auth/registration-form").json()
            let captcha = try #require(form["captcha"] as? [String: Any])
            #expect(captcha["mode"] as? String == "proof-of-work")
            let challenge = try #require(captcha["challenge"] as? String)
            #expect((form["password"] as? [String: Any])?["minimum_characters"] as? Int == PasswordPolicy.minimumCharacters)
            expectProblem(try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "a@example.com")), 422, fields: ["captcha"])
            let wrong = #", "captcha_challenge": "\#(challenge)", "captcha_solution": "\#(Self.unsolved(challenge, bits: 8))""#
            expectProblem(try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "a@example.com", extra: wrong)), 422, fields: ["captcha"])
            let solved = #", "captcha_challenge": "\#(challenge)", "captcha_solution": "\#(Self.solve(challenge, bits: 8))""#
            #expect(try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "a@example.com", extra: solved)).status == .accepted)
            let reused = try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "b@example.com", extra: solved))
            expectProblem(reused, 422, fields: ["captcha"])
            let forged = #", "captcha_challenge": "1.99999999999.abc.def", "captcha_solution": "1""#
            expectProblem(try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "c@example.com", extra: forged)), 422, fields: ["captcha"])
        }
    }

    // MARK: Helpers

    static func zeroBits(_ text: String) -> Int {
        var bits = 0
        for byte in SHA256.hash(data: Data(text.utf8)) {
            if byte == 0 { bits += 8; continue }
            bits += byte.leadingZeroBitCount
            break
        }
        return bits
    }

    static func solve(_ challenge: String, bits: Int) -> String {
        var nonce = 0
        while zeroBits("\(challenge):\(nonce)") < bits { nonce += 1 }
        return String(nonce)
    }

    static func unsolved(_ challenge: String, bits: Int) -> String {
        var nonce = 0
        while zeroBits("\(challenge):\(nonce)") >= bits { nonce += 1 }
        return String(nonce)
    }

    static func encode(_ text: String) -> String {
        Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ part: String) -> String? {
        var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map { String(decoding: $0, as: UTF8.self) }
    }

    static func sign(claims: String, key: [UInt8]) -> String {
        let input = encode(#"{"alg":"HS256","typ":"JWT"}"#) + "." + encode(claims)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(input.utf8), using: SymmetricKey(data: key))
        return input + "." + Data(mac).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }
}

@Suite("Hosted CAPTCHA (hCaptcha, Turnstile)")
struct HostedCaptchaTests {
    @Test("the siteverify form carries the secret, the token and the IP, encoded; only success true passes")
    func siteVerify() {
        #expect(SiteVerify.formBody(secret: "0x00&=", response: "tok en+", remoteIP: "203.0.113.9")
            == "secret=0x00%26%3D&response=tok%20en%2B&remoteip=203.0.113.9")
        #expect(SiteVerify.accepted(Data(#"{"success": true, "hostname": "agora.example"}"#.utf8)))
        #expect(!SiteVerify.accepted(Data(#"{"success": false, "error-codes": ["invalid-input-response"]}"#.utf8)))
        #expect(!SiteVerify.accepted(Data("<html>".utf8)))
    }

    @Test("the form names the widget, a missing token is a field error, and an unreachable service is a 503, never a pass")
    func hosted() async throws {
        let port = try FreePort.next()
        var hosted = HostedCaptcha(service: .turnstile, siteKey: "site-key", secret: "secret")
        hosted.verifyURL = "http://127.0.0.1:\(port)/siteverify"
        try await AuthHarness.with(captcha: .hosted(hosted)) { auth in
            let form = try await auth.send(.get, "/api/auth/registration-form").json()
            let captcha = try #require(form["captcha"] as? [String: Any])
            #expect(captcha["mode"] as? String == "turnstile")
            #expect(captcha["site_key"] as? String == "site-key")
            let missing = try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: "a@example.com"))
            #expect(missing.fieldErrors == ["captcha"])
            let down = try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(
                email: "a@example.com", extra: #", "captcha_solution": "XXXX.DUMMY.TOKEN""#
            ))
            #expect(down.status == .serviceUnavailable)
            #expect(down.problemType == "urn:agora:problem:captcha-unavailable")
            #expect(try await UserRepository(store: auth.store).count() == 0)
        }
    }
}
