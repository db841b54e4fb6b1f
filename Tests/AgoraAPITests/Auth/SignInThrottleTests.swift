import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Failed sign-ins never lock an account: after five for an address the next attempts need a CAPTCHA (a proof of
/// work here, 4 bits so that tests solve it at once), harder with each further failure, and the owner is emailed a
/// one-time sign-in link. An address without an account is answered the same way.
@Suite("Sign-in throttle")
struct SignInThrottleTests {
    static let bits = 4

    static func with(_ engine: TestDatabase = .sqlite, _ body: @escaping @Sendable (AuthHarness) async throws -> Void) async throws {
        try await AuthHarness.with(engine, captcha: .proofOfWork(difficulty: bits), body)
    }

    /// Registers and verifies `email`, solving the registration's CAPTCHA.
    static func signedUp(_ auth: AuthHarness, _ email: String) async throws {
        let form = try await auth.send(.get, "/api/auth/registration-form").json()
        let challenge = try #require((form["captcha"] as? [String: Any])?["challenge"] as? String)
        let answer = #", "captcha_challenge": "\#(challenge)", "captcha_solution": "\#(AuthBadInputTests.solve(challenge, bits: bits))""#
        try #require(try await auth.send(.post, "/api/auth/register", json: AuthHarness.registration(email: email, extra: answer)).status == .accepted)
        let token = try #require(try await auth.latestLinkToken(to: email, template: "verification"))
        try #require(try await auth.send(.get, "/api/auth/verify-email/\(token)").status == .ok)
    }

    static func fail(_ auth: AuthHarness, _ email: String, times: Int) async throws {
        for attempt in 1...times {
            #expect(try await auth.login(email, password: "Wrong-Password-\(attempt)").status == .unauthorized)
            auth.clock.advance(by: 10)
        }
    }

    /// The challenge of a `captcha-required` answer, and its difficulty.
    static func challenge(of response: TestResponse) throws -> (text: String, difficulty: Int) {
        let captcha = try #require(try response.json()["captcha"] as? [String: Any])
        return (try #require(captcha["challenge"] as? String), try #require(captcha["difficulty"] as? Int))
    }

    static func login(_ auth: AuthHarness, _ email: String, password: String = AuthHarness.password, solving challenge: String, bits: Int) async throws -> TestResponse {
        let solution = AuthBadInputTests.solve(challenge, bits: bits)
        return try await auth.send(.post, "/api/auth/login", json: #"""
            {"email": "\#(email)", "password": "\#(password)", "captcha_challenge": "\#(challenge)", "captcha_solution": "\#(solution)"}
            """#)
    }

    @Test("five failures lock nothing: the next attempt needs a CAPTCHA, and the right password with it gets in", arguments: TestDatabase.engines)
    func captchaInsteadOfLock(engine: TestDatabase) async throws {
        try await Self.with(engine) { auth in
            try await Self.signedUp(auth, "ada@example.com")
            try await Self.fail(auth, "ada@example.com", times: 5)
            let asked = try await auth.login("ada@example.com")
            #expect(asked.status == .tooManyRequests)
            #expect(asked.problemType == "urn:agora:problem:captcha-required")
            #expect(asked.headers[.retryAfter] == nil)
            let challenge = try Self.challenge(of: asked)
            #expect(challenge.difficulty == Self.bits)
            let signedIn = try await Self.login(auth, "ada@example.com", solving: challenge.text, bits: challenge.difficulty)
            #expect(signedIn.status == .ok)
            #expect(try await auth.login("ada@example.com", password: "Wrong-Password-9").status == .unauthorized, "a sign-in starts the count again")
        }
    }

    @Test("an address without an account is counted and answered exactly like one with an account")
    func unknownAddressesAlike() async throws {
        try await Self.with { auth in
            try await Self.signedUp(auth, "ada@example.com")
            try await Self.fail(auth, "ada@example.com", times: 5)
            try await Self.fail(auth, "nobody@example.com", times: 5)
            let known = try await auth.login("ada@example.com", password: "Wrong-Password-6")
            let unknown = try await auth.login("nobody@example.com", password: "Wrong-Password-6")
            #expect(known.status == unknown.status && known.problemType == unknown.problemType)
            #expect(try known.json()["detail"] as? String == (try unknown.json()["detail"] as? String))
            #expect(try Self.challenge(of: known).difficulty == (try Self.challenge(of: unknown).difficulty))
            #expect(try await auth.emails(to: "nobody@example.com").isEmpty)
            #expect(try await auth.login(" Nobody@Example.com ", password: "x").problemType == "urn:agora:problem:captcha-required",
                    "the address is counted as typed, trimmed and in any case")
        }
    }

    @Test("each further failure doubles the work, up to a cap; an easier or reused solution is refused")
    func growingWork() async throws {
        try await Self.with { auth in
            try await Self.signedUp(auth, "ada@example.com")
            try await Self.fail(auth, "ada@example.com", times: 5)
            let first = try Self.challenge(of: try await auth.login("ada@example.com"))
            let wrong = try await Self.login(auth, "ada@example.com", password: "Wrong-Password-6", solving: first.text, bits: first.difficulty)
            #expect(wrong.status == .unauthorized)
            let replayed = try await Self.login(auth, "ada@example.com", solving: first.text, bits: first.difficulty)
            #expect(replayed.problemType == "urn:agora:problem:captcha-required", "a challenge is answered once")
            #expect(try Self.challenge(of: replayed).difficulty == Self.bits + 1)
            let form = try await auth.send(.get, "/api/auth/registration-form").json()
            let registrationChallenge = try #require((form["captcha"] as? [String: Any])?["challenge"] as? String)
            let tooEasy = try await Self.login(auth, "ada@example.com", solving: registrationChallenge, bits: Self.bits + 1)
            #expect(tooEasy.problemType == "urn:agora:problem:captcha-required", "a challenge of the base difficulty does not answer a harder one")
            for attempt in 7...10 {
                let challenge = try Self.challenge(of: try await auth.login("ada@example.com"))
                _ = try await Self.login(auth, "ada@example.com", password: "Wrong-Password-\(attempt)", solving: challenge.text, bits: challenge.difficulty)
            }
            let capped = try Self.challenge(of: try await auth.login("ada@example.com"))
            #expect(capped.difficulty == Self.bits + SignInThrottle().maximumExtraBits)
            #expect(try await Self.login(auth, "ada@example.com", solving: capped.text, bits: capped.difficulty).status == .ok,
                    "the right password still gets in after any number of failures")
        }
    }

    @Test("the owner is emailed one sign-in link, which signs in once and starts the count again", arguments: TestDatabase.engines)
    func signInLink(engine: TestDatabase) async throws {
        try await Self.with(engine) { auth in
            try await Self.signedUp(auth, "ada@example.com")
            try await Self.fail(auth, "ada@example.com", times: 4)
            #expect(try await auth.emails(to: "ada@example.com").filter { $0.template == "sign-in-attempts" }.isEmpty)
            try await Self.fail(auth, "ada@example.com", times: 1)
            let challenge = try Self.challenge(of: try await auth.login("ada@example.com"))
            _ = try await Self.login(auth, "ada@example.com", password: "Wrong-Password-6", solving: challenge.text, bits: challenge.difficulty)
            let notices = try await auth.emails(to: "ada@example.com").filter { $0.template == "sign-in-attempts" }
            #expect(notices.count == 1)
            let token = try #require(try await auth.latestLinkToken(to: "ada@example.com", template: "sign-in-attempts"))
            #expect(notices.first?.textBody.contains(PagePaths.signInLink) == true)
            let used = try await auth.send(.post, "/api/auth/sign-in-link", json: #"{"token": "\#(token)"}"#)
            #expect(used.status == .ok)
            #expect(try SignIn(used).userID > 0)
            #expect(try await auth.send(.post, "/api/auth/sign-in-link", json: #"{"token": "\#(token)"}"#).problemType == "urn:agora:problem:invalid-token")
            #expect(try await auth.login("ada@example.com").status == .ok, "no CAPTCHA once the link signed in")
        }
    }

    @Test("a sign-in link expires, and a made-up one is refused")
    func signInLinkLimits() async throws {
        try await Self.with { auth in
            try await Self.signedUp(auth, "ada@example.com")
            try await Self.fail(auth, "ada@example.com", times: 5)
            let token = try #require(try await auth.latestLinkToken(to: "ada@example.com", template: "sign-in-attempts"))
            auth.clock.advance(by: SignInThrottle().linkLifetime + 1)
            #expect(try await auth.send(.post, "/api/auth/sign-in-link", json: #"{"token": "\#(token)"}"#).status == .gone)
            #expect(try await auth.send(.post, "/api/auth/sign-in-link", json: #"{"token": "not-a-token"}"#).status == .badRequest)
            #expect(try await auth.send(.post, "/api/auth/sign-in-link", json: #"{}"#).status == .unprocessableContent)
        }
    }
}
