import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Sign-in: registration, verification, login, refresh and logout")
struct SignInFlowTests {
    @Test("register → email → verify → login → refresh → replayed token ends the session → logout refuses the token", arguments: TestDatabase.engines)
    func wholeFlow(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { auth in
            let registered = try await auth.register("Ada@Example.com")
            #expect(registered.status == .accepted)
            let body = try registered.json()
            #expect(body["email"] as? String == "ada@example.com")
            #expect(body["status"] as? String == "pending_verification")
            #expect(!registered.text.contains("$2"))

            let verification = try #require(try await auth.emails(to: "ada@example.com").first)
            #expect(verification.template == "verification")
            #expect(verification.subject == "Confirm your email address for Agora")
            #expect(verification.textBody.contains("http://agora.test/verify-email/?token="))
            #expect(try await auth.login("ada@example.com").problemType == "urn:agora:problem:email-not-verified")

            let verified = try await auth.signedUpVerification(verification)
            #expect(verified.status == .ok)
            let first = try SignIn(verified)
            #expect(first.setCookie.contains("HttpOnly"))
            #expect(first.setCookie.contains("SameSite=Strict"))
            #expect(first.setCookie.contains("Path=/api/auth"))
            #expect(try await auth.emails(to: "ada@example.com").first?.template == "welcome")
            let me = try await auth.send(.get, "/api/auth/me", bearer: first.accessToken)
            #expect(me.status == .ok)
            #expect(try me.json()["verification_status"] as? String == "verified")

            let loggedIn = try await auth.login("ADA@example.com", rememberMe: true)
            #expect(loggedIn.status == .ok)
            let second = try SignIn(loggedIn)
            #expect(second.setCookie.contains("Max-Age=\(30 * 24 * 3_600)"))

            let refreshed = try await auth.send(.post, "/api/auth/refresh", cookie: second.refreshCookie)
            #expect(refreshed.status == .ok)
            let third = try SignIn(refreshed)
            #expect(third.refreshCookie != second.refreshCookie)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: third.accessToken).status == .ok)

            auth.clock.advance(by: 60)
            let replayed = try await auth.send(.post, "/api/auth/refresh", cookie: second.refreshCookie)
            #expect(replayed.status == .unauthorized)
            #expect(replayed.problemType == "urn:agora:problem:refresh-token-reused")
            #expect(replayed.headers[.setCookie]?.contains("Max-Age=0") == true)
            #expect(try await auth.send(.post, "/api/auth/refresh", cookie: third.refreshCookie).status == .unauthorized)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: third.accessToken).status == .unauthorized)
            let events = try await AuthEventRepository(store: auth.store).events(userID: third.userID)
            #expect(events.contains { $0.kind == .refresh && $0.outcome == .reuse })

            #expect(try await auth.send(.get, "/api/auth/me", bearer: first.accessToken).status == .ok)
            let logout = try await auth.send(.post, "/api/auth/logout", bearer: first.accessToken)
            #expect(logout.status == .noContent)
            let refused = try await auth.send(.get, "/api/auth/me", bearer: first.accessToken)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[HTTPField.Name("WWW-Authenticate")!]?.hasPrefix("Bearer") == true)
            #expect(try await auth.send(.post, "/api/auth/refresh", cookie: first.refreshCookie).status == .unauthorized)
        }
    }

    @Test("two tabs refreshing with the same token within the grace window both get the same new token")
    func graceWindow() async throws {
        try await AuthHarness.with { auth in
            let session = try await auth.signedUp("tabs@example.com")
            let one = try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie))
            auth.clock.advance(by: 5)
            let two = try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie))
            #expect(one.refreshCookie == two.refreshCookie)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: two.accessToken).status == .ok)
            auth.clock.advance(by: 30)
            #expect(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie).problemType
                == "urn:agora:problem:refresh-token-reused")
        }
    }

    @Test("an address already registered gets the same answer, and its owner an email; no second account")
    func noEnumeration() async throws {
        try await AuthHarness.with { auth in
            let first = try await auth.register("known@example.com")
            let second = try await auth.register("KNOWN@example.com")
            #expect(first.status == second.status)
            #expect(first.text == second.text)
            #expect(try await auth.emails(to: "known@example.com").map(\.template) == ["signup-attempt", "verification"])
            #expect(try await UserRepository(store: auth.store).count() == 1)
        }
    }

    @Test("an unknown email and a wrong password get the same problem")
    func sameErrorForUnknownAndWrong() async throws {
        try await AuthHarness.with { auth in
            _ = try await auth.signedUp("ada@example.com")
            let unknown = try await auth.login("nobody@example.com")
            let wrong = try await auth.login("ada@example.com", password: "Wrong-Password-99")
            #expect(unknown.status == .unauthorized)
            #expect(wrong.status == .unauthorized)
            #expect(try unknown.json()["detail"] as? String == (try wrong.json()["detail"] as? String))
            #expect(unknown.problemType == "urn:agora:problem:invalid-credentials")
        }
    }

    @Test("an expired verification link says so, a used one is invalid, and a new one can be asked for")
    func verificationLinks() async throws {
        try await AuthHarness.with { auth in
            _ = try await auth.register("late@example.com")
            let token = try #require(try await auth.latestLinkToken(to: "late@example.com", template: "verification"))
            auth.clock.advance(by: 24 * 3_600 + 1)
            #expect(try await auth.send(.get, "/api/auth/verify-email/\(token)").status == .gone)
            #expect(try await auth.send(.get, "/api/auth/verify-email/\(token)").problemType == "urn:agora:problem:invalid-token")
            #expect(try await auth.send(.get, "/api/auth/verify-email/not-a-token").status == .badRequest)
            let resent = try await auth.send(.post, "/api/auth/resend-verification", json: #"{"email": "late@example.com"}"#)
            #expect(resent.status == .accepted)
            let unknown = try await auth.send(.post, "/api/auth/resend-verification", json: #"{"email": "nobody@example.com"}"#)
            #expect(unknown.status == .accepted)
            #expect(unknown.text == resent.text)
            let fresh = try #require(try await auth.latestLinkToken(to: "late@example.com", template: "verification"))
            #expect(fresh != token)
            #expect(try await auth.send(.get, "/api/auth/verify-email/\(fresh)").status == .ok)
        }
    }
}

extension AuthHarness {
    func signedUpVerification(_ email: OutboxEmail) async throws -> TestResponse {
        let token = try #require(Self.token(inLinkOf: email.textBody))
        return try await send(.get, "/api/auth/verify-email/\(token)")
    }
}
