import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Passwords and sessions")
struct PasswordAndSessionTests {
    static let newPassword = "Quartz-Meadow-Kettle-42"

    @Test("a reset link sets a new password once, ends every session and tells the owner", arguments: TestDatabase.engines)
    func reset(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { auth in
            let session = try await auth.signedUp("ada@example.com")
            let other = try SignIn(try await auth.login("ada@example.com"))
            let unknown = try await auth.send(.post, "/api/auth/forgot-password", json: #"{"email": "nobody@example.com"}"#)
            let known = try await auth.send(.post, "/api/auth/forgot-password", json: #"{"email": "ada@example.com"}"#)
            #expect(unknown.status == .accepted)
            #expect(known.status == .accepted)
            #expect(unknown.text == known.text)
            let token = try #require(try await auth.latestLinkToken(to: "ada@example.com", template: "password-reset"))

            let weak = try await auth.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "password"}"#)
            #expect(weak.status == .unprocessableContent)
            #expect(weak.fieldErrors == ["password", "password"])
            let done = try await auth.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "\#(Self.newPassword)"}"#)
            #expect(done.status == .noContent)
            let again = try await auth.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "\#(Self.newPassword)"}"#)
            #expect(again.problemType == "urn:agora:problem:invalid-token")

            #expect(try await auth.send(.get, "/api/auth/me", bearer: session.accessToken).status == .unauthorized)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: other.accessToken).status == .unauthorized)
            #expect(try await auth.login("ada@example.com").status == .unauthorized)
            #expect(try await auth.login("ada@example.com", password: Self.newPassword).status == .ok)
            let changed = try #require(try await auth.emails(to: "ada@example.com").first)
            #expect(changed.template == "password-changed")
            #expect(changed.textBody.contains("was reset on"))
        }
    }

    @Test("at most three reset links an hour per address, and a reset link lasts one hour")
    func resetLimits() async throws {
        try await AuthHarness.with { auth in
            _ = try await auth.signedUp("ada@example.com")
            for _ in 1...4 {
                #expect(try await auth.send(.post, "/api/auth/forgot-password", json: #"{"email": "ada@example.com"}"#).status == .accepted)
            }
            #expect(try await auth.emails(to: "ada@example.com").filter { $0.template == "password-reset" }.count == 3)
            let token = try #require(try await auth.latestLinkToken(to: "ada@example.com", template: "password-reset"))
            auth.clock.advance(by: 3_601)
            let late = try await auth.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "\#(Self.newPassword)"}"#)
            #expect(late.status == .gone)
            #expect(try await auth.send(.post, "/api/auth/forgot-password", json: #"{"email": "ada@example.com"}"#).status == .accepted)
            #expect(try await auth.emails(to: "ada@example.com").filter { $0.template == "password-reset" }.count == 4)
        }
    }

    @Test("changing the password needs the current one and ends the other sessions only", arguments: TestDatabase.engines)
    func change(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { auth in
            let here = try await auth.signedUp("ada@example.com")
            let elsewhere = try SignIn(try await auth.login("ada@example.com"))
            let wrong = try await auth.send(.put, "/api/auth/change-password", json: """
                {"current_password": "Not-My-Password-1", "new_password": "\(Self.newPassword)"}
                """, bearer: here.accessToken)
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.fieldErrors == ["current_password"])
            let same = try await auth.send(.put, "/api/auth/change-password", json: """
                {"current_password": "\(AuthHarness.password)", "new_password": "\(AuthHarness.password)"}
                """, bearer: here.accessToken)
            #expect(same.fieldErrors == ["new_password"])
            let done = try await auth.send(.put, "/api/auth/change-password", json: """
                {"current_password": "\(AuthHarness.password)", "new_password": "\(Self.newPassword)"}
                """, bearer: here.accessToken)
            #expect(done.status == .noContent)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: here.accessToken).status == .ok)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: elsewhere.accessToken).status == .unauthorized)
            #expect(try await auth.emails(to: "ada@example.com").first?.template == "password-changed")
            let events = try await AuthEventRepository(store: auth.store).events(userID: here.userID)
            #expect(events.contains { $0.kind == .changePassword && $0.outcome == .failure })
            #expect(events.contains { $0.kind == .changePassword && $0.outcome == .success })
        }
    }

    @Test("the sessions list marks the current one; another account's session cannot be ended")
    func sessions() async throws {
        try await AuthHarness.with { auth in
            let ada = try await auth.signedUp("ada@example.com")
            let phone = try SignIn(try await auth.send(
                .post, "/api/auth/login", json: #"{"email": "ada@example.com", "password": "\#(AuthHarness.password)"}"#,
                userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1"
            ))
            let grace = try await auth.signedUp("grace@example.com")
            let listed = try await auth.send(.get, "/api/auth/sessions", bearer: ada.accessToken)
            let sessions = try #require(try listed.json()["sessions"] as? [[String: Any]])
            #expect(sessions.count == 2)
            #expect(sessions.filter { $0["current"] as? Bool == true }.count == 1)
            #expect(Set(sessions.compactMap { $0["device"] as? String }) == ["Firefox on Linux", "Safari on iOS"])
            let phoneID = try #require(sessions.first { $0["device"] as? String == "Safari on iOS" }?["id"] as? String)

            #expect(try await auth.send(.delete, "/api/auth/sessions/\(phoneID)", bearer: grace.accessToken).status == .notFound)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: phone.accessToken).status == .ok)
            #expect(try await auth.send(.delete, "/api/auth/sessions/\(phoneID)", bearer: ada.accessToken).status == .noContent)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: phone.accessToken).status == .unauthorized)

            #expect(try await auth.send(.post, "/api/auth/logout-all", bearer: ada.accessToken).status == .noContent)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: ada.accessToken).status == .unauthorized)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: grace.accessToken).status == .ok)
        }
    }

    @Test("signing in beyond the session cap ends the oldest session")
    func sessionCap() async throws {
        try await AuthHarness.with(adjust: { $0.sessionCap = 2 }) { auth in
            let oldest = try await auth.signedUp("ada@example.com")
            auth.clock.advance(by: 1)
            let middle = try SignIn(try await auth.login("ada@example.com"))
            auth.clock.advance(by: 1)
            let newest = try SignIn(try await auth.login("ada@example.com"))
            #expect(try await auth.send(.get, "/api/auth/me", bearer: oldest.accessToken).status == .unauthorized)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: middle.accessToken).status == .ok)
            #expect(try await auth.send(.get, "/api/auth/me", bearer: newest.accessToken).status == .ok)
        }
    }

    @Test("a refresh that fails half-way changes nothing: the same refresh cookie works once the fault is gone", arguments: TestDatabase.engines)
    func refreshIsAtomic(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { auth in
            let session = try await auth.signedUp("ada@example.com")
            // A fault the database raises on the second statement of a rotation, as a lost connection would.
            let (create, drop): ([SQLQueryString], [SQLQueryString]) = switch engine {
            case .sqlite:
                (["CREATE TRIGGER refuse_retirement BEFORE INSERT ON retired_refresh_tokens BEGIN SELECT RAISE(ABORT, 'refused'); END"],
                 ["DROP TRIGGER refuse_retirement"])
            case .postgresql:
                (["CREATE FUNCTION refuse_retirement() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$",
                  "CREATE TRIGGER refuse_retirement BEFORE INSERT ON retired_refresh_tokens FOR EACH ROW EXECUTE FUNCTION refuse_retirement()"],
                 ["DROP TRIGGER refuse_retirement ON retired_refresh_tokens", "DROP FUNCTION refuse_retirement()"])
            }
            for statement in create { try await auth.store.sql.raw(statement).run() }
            #expect(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie).status == .internalServerError)
            for statement in drop { try await auth.store.sql.raw(statement).run() }
            let refreshed = try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie)
            #expect(refreshed.status == .ok)
            #expect(try SignIn(refreshed).userID == session.userID)
        }
    }

    @Test("an access token stops working when it expires, and refreshing gives a fresh one")
    func accessTokenExpiry() async throws {
        try await AuthHarness.with { auth in
            let session = try await auth.signedUp("ada@example.com")
            auth.clock.advance(by: 15 * 60 + 1)
            let expired = try await auth.send(.get, "/api/auth/me", bearer: session.accessToken)
            #expect(expired.status == .unauthorized)
            #expect(expired.problemType == "urn:agora:problem:unauthenticated")
            let refreshed = try SignIn(try await auth.send(.post, "/api/auth/refresh", cookie: session.refreshCookie))
            #expect(try await auth.send(.get, "/api/auth/me", bearer: refreshed.accessToken).status == .ok)
            auth.clock.advance(by: 7 * 24 * 3_600)
            #expect(try await auth.send(.post, "/api/auth/refresh", cookie: refreshed.refreshCookie).problemType
                == "urn:agora:problem:session-ended")
        }
    }
}
