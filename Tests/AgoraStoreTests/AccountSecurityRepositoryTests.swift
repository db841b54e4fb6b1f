import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Sessions, one-time tokens, the auth log and the outbox")
struct AccountSecurityRepositoryTests {
    func user(_ store: Store) async throws -> Int64 {
        try await UserRepository(store: store).insert(
            NewUser(firstName: "Grace", lastName: "Hopper", email: try Email("grace@example.com"), passwordHash: "$2b$04$x",
                    phone: "+14155550100", countryCode: "US", userType: .client, verificationStatus: .pending,
                    legal: LegalVersions(terms: "t1", privacy: "p1")),
            now: Fixtures.now
        )
    }

    func newSession(_ userID: Int64, _ family: String, hash: String, minutes: Double = 60) -> NewSession {
        NewSession(userID: userID, family: family, refreshTokenHash: hash, deviceInfo: "Firefox", ipAddress: "127.0.0.1",
                   rememberMe: false, expiresAt: Fixtures.now.addingTimeInterval(minutes * 60), secondFactor: false)
    }

    @Test("a rotated refresh token is recognised as retired, and only one of two racing rotations wins", arguments: TestDatabase.engines)
    func rotation(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let sessions = SessionRepository(store: store)
            let userID = try await user(store)
            let session = try await sessions.insert(newSession(userID, "fam-1", hash: "h1"), now: Fixtures.now)
            let later = Fixtures.now.addingTimeInterval(5)
            #expect(try await sessions.rotate(sessionID: session.id, from: "h1", to: "h2", successorSealed: "sealed-h2", now: later))
            #expect(try await !sessions.rotate(sessionID: session.id, from: "h1", to: "h3", successorSealed: "x", now: later))
            #expect(try await sessions.find(refreshTokenHash: "h2")?.family == "fam-1")
            #expect(try await sessions.find(refreshTokenHash: "h1") == nil)
            let retired = try #require(try await sessions.findRetired(tokenHash: "h1"))
            #expect(retired.session.id == session.id)
            #expect(retired.successorSealed == "sealed-h2")
            #expect(retired.retiredAt == later)
            try await sessions.dropSuccessors(retiredBefore: later.addingTimeInterval(1))
            #expect(try await sessions.findRetired(tokenHash: "h1")?.successorSealed == nil)
        }
    }

    @Test("revoking, the session cap and the clean-up of finished sessions", arguments: TestDatabase.engines)
    func revocation(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let sessions = SessionRepository(store: store)
            let userID = try await user(store)
            var made: [UserSession] = []
            for index in 0..<4 {
                made.append(try await sessions.insert(
                    newSession(userID, "fam-\(index)", hash: "h\(index)"), now: Fixtures.now.addingTimeInterval(Double(index))
                ))
            }
            #expect(try await sessions.enforceCap(3, userID: userID, now: Fixtures.now.addingTimeInterval(10)) == 1)
            let live = try await sessions.active(userID: userID, now: Fixtures.now.addingTimeInterval(10))
            #expect(live.map(\.family) == ["fam-3", "fam-2", "fam-1"])
            #expect(try await sessions.revokeAll(userID: userID, keeping: made[3].id, reason: .passwordChanged, now: Fixtures.now) == 2)
            #expect(try await sessions.active(userID: userID, now: Fixtures.now.addingTimeInterval(10)).map(\.family) == ["fam-3"])
            #expect(try await sessions.active(userID: userID, now: Fixtures.now.addingTimeInterval(3_601)).isEmpty)
            #expect(try await sessions.deleteFinished(before: Fixtures.now.addingTimeInterval(3_700)) == 4)
        }
    }

    @Test("a one-time token is redeemed once, and an expired one says so", arguments: TestDatabase.engines)
    func oneTimeTokens(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let userID = try await user(store)
            for purpose in [OneTimeTokenPurpose.emailVerification, .passwordReset] {
                let tokens = OneTimeTokenRepository(purpose, store: store)
                try await tokens.insert(userID: userID, tokenHash: "fresh", expiresAt: Fixtures.now.addingTimeInterval(60), now: Fixtures.now)
                try await tokens.insert(userID: userID, tokenHash: "stale", expiresAt: Fixtures.now.addingTimeInterval(-1), now: Fixtures.now)
                #expect(try await tokens.count(userID: userID, since: Fixtures.now) == 2)
                #expect(try await tokens.redeem(tokenHash: "fresh", now: Fixtures.now) == .redeemed(userID: userID))
                #expect(try await tokens.redeem(tokenHash: "fresh", now: Fixtures.now) == .unknown)
                #expect(try await tokens.redeem(tokenHash: "stale", now: Fixtures.now) == .expired(userID: userID))
                try await tokens.insert(userID: userID, tokenHash: "old", expiresAt: Fixtures.now, now: Fixtures.now)
                #expect(try await tokens.deleteExpired(now: Fixtures.now) == 1)
            }
        }
    }

    @Test("failed logins count per address since its last success only, whether it has an account or not", arguments: TestDatabase.engines)
    func failedLogins(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let events = AuthEventRepository(store: store)
            let userID = try await user(store)
            func log(_ outcome: AuthEvent.Outcome, at seconds: Double, ip: String = "10.0.0.1", subject: String = "ada",
                     kind: AuthEvent.Kind = .login, user: Int64? = nil) async throws {
                try await events.record(AuthEvent(userID: user ?? userID, kind: kind, outcome: outcome, ipAddress: ip,
                                                  userAgent: "test", subject: subject, createdAt: Fixtures.now.addingTimeInterval(seconds)))
            }
            try await log(.failure, at: 1)
            try await log(.failure, at: 2)
            try await log(.success, at: 3)
            try await log(.failure, at: 4)
            try await log(.failure, at: 5, ip: "10.0.0.2")
            try await log(.failure, at: 6, subject: "nobody")
            let since = Fixtures.now
            #expect(try await events.failedLogins(subject: "ada", since: since, limit: 10) == 2)
            #expect(try await events.failedLogins(subject: "ada", since: since, limit: 1) == 1)
            #expect(try await events.failedLogins(subject: "ada", since: Fixtures.now.addingTimeInterval(4.5), limit: 10) == 1)
            #expect(try await events.failedLogins(subject: "nobody", since: since, limit: 10) == 1)
            try await log(.success, at: 7, kind: .signInLink)
            #expect(try await events.failedLogins(subject: "ada", since: since, limit: 10) == 0)
            #expect(try await events.failedLogins(network: "10.0.0.1", since: since, limit: 10).count == 4)
            #expect(try await events.events(userID: userID).first { $0.outcome == .failure }?.subject == "nobody")
            try await UserRepository(store: store).delete(id: userID)
            #expect(try await events.failedLogins(network: "10.0.0.1", since: since, limit: 10).count == 4)
        }
    }

    @Test("the outbox hands a message to one claimer, retries it, and keeps its final state", arguments: TestDatabase.engines)
    func outbox(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let outbox = EmailOutbox(store: store)
            try await outbox.enqueue(NewOutboxEmail(
                messageID: "<m1@agora>", recipient: "a@example.com", subject: "Hi", template: "welcome",
                textBody: "text", htmlBody: "<p>html</p>", headers: ["List-Unsubscribe": "<https://x/u>"]
            ), now: Fixtures.now)
            let first = try await outbox.claimDue(now: Fixtures.now, limit: 10, lease: 60)
            #expect(first.map(\.messageID) == ["<m1@agora>"])
            #expect(first.first?.headers == ["List-Unsubscribe": "<https://x/u>"])
            #expect(first.first?.attempts == 1)
            #expect(try await outbox.claimDue(now: Fixtures.now.addingTimeInterval(30), limit: 10, lease: 60).isEmpty)
            let retry = Fixtures.now.addingTimeInterval(120)
            try await outbox.markUndelivered(id: first[0].id, error: "connection refused", retryAt: retry, now: Fixtures.now)
            #expect(try await outbox.claimDue(now: retry.addingTimeInterval(-1), limit: 10, lease: 60).isEmpty)
            let second = try await outbox.claimDue(now: retry, limit: 10, lease: 60)
            #expect(second.first?.attempts == 2)
            #expect(second.first?.lastError == "connection refused")
            let leaseOver = retry.addingTimeInterval(61)
            #expect(try await outbox.claimDue(now: leaseOver, limit: 10, lease: 60).first?.attempts == 3)
            try await outbox.markSent(id: first[0].id, now: leaseOver)
            let sent = try #require(try await outbox.find(messageID: "<m1@agora>"))
            #expect(sent.status == .sent)
            #expect(sent.sentAt == leaseOver)
            #expect(try await outbox.claimDue(now: leaseOver.addingTimeInterval(3_600), limit: 10, lease: 60).isEmpty)
        }
    }
}
