import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("The email worker")
struct EmailWorkerTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    func queue(_ store: Store, id: String) async throws {
        try await EmailOutbox(store: store).enqueue(NewOutboxEmail(
            messageID: "<\(id)@agora.test>", recipient: "ada@example.com", subject: "Hello", template: "welcome",
            textBody: "Hello Ada", htmlBody: "<p>Hello Ada</p>"
        ), now: Self.start)
    }

    @Test("due messages become .eml files and are marked sent", arguments: TestDatabase.engines)
    func delivers(engine: TestDatabase) async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await engine.withStore { store async throws in
            try await queue(store, id: "one")
            try await queue(store, id: "two")
            let mail = scratch.url.appendingPathComponent("mail")
            let worker = EmailWorker(store: store, transport: FileMailTransport(directory: mail), sender: "Agora <no-reply@agora.test>", clock: FixedClock(Self.start))
            #expect(try await worker.drainOnce() == 2)
            #expect(try await worker.drainOnce() == 0)
            let files = try FileManager.default.contentsOfDirectory(atPath: mail.path).filter { $0.hasSuffix(".eml") }
            #expect(files.count == 2)
            let text = try String(contentsOf: mail.appendingPathComponent(files[0]), encoding: .utf8)
            #expect(text.contains("From: Agora <no-reply@agora.test>") && text.contains("Hello Ada"))
            for file in files {
                let mode = try FileManager.default.attributesOfItem(atPath: mail.appendingPathComponent(file).path)[.posixPermissions] as? Int
                #expect(mode == 0o600, "messages hold single-use links: only the service's user reads them")
            }
            let sent = try #require(try await EmailOutbox(store: store).find(messageID: "<one@agora.test>"))
            #expect(sent.status == .sent && sent.sentAt != nil)
            #expect(sent.textBody.isEmpty && sent.htmlBody.isEmpty, "no usable link stays at rest once the message is sent")
            #expect(sent.subject == "Hello" && sent.template == "welcome")
        }
    }

    @Test("a transport that fails puts the message back with backoff, then marks it failed after the last attempt")
    func retries() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("a file where the mail directory should be", to: "mail")
        try await TestDatabase.sqlite.withStore { store async throws in
            try await queue(store, id: "stuck")
            let clock = ManualClock(Self.start)
            let policy = RetryPolicy(maximumAttempts: 3, firstDelay: 30, longestDelay: 3_600)
            let broken = EmailWorker(store: store, transport: FileMailTransport(directory: scratch.url.appendingPathComponent("mail")),
                                     sender: "a@agora.test", clock: clock, retry: policy)
            #expect(try await broken.drainOnce() == 1)
            let afterFirst = try #require(try await EmailOutbox(store: store).find(messageID: "<stuck@agora.test>"))
            #expect(afterFirst.status == .pending)
            #expect(afterFirst.lastError != nil)
            clock.advance(by: 29)
            #expect(try await broken.drainOnce() == 0)
            clock.advance(by: 1)
            #expect(try await broken.drainOnce() == 1)
            clock.advance(by: 59)
            #expect(try await broken.drainOnce() == 0)
            clock.advance(by: 1)
            #expect(try await broken.drainOnce() == 1)
            let final = try #require(try await EmailOutbox(store: store).find(messageID: "<stuck@agora.test>"))
            #expect(final.status == .failed)
            #expect(final.attempts == 3)
            #expect(final.textBody.isEmpty && afterFirst.textBody == "Hello Ada", "kept while it may still be sent, dropped after")
            clock.advance(by: 86_400)
            #expect(try await broken.drainOnce() == 0)
        }
    }

    @Test("optional mail to an address that unsubscribed is not sent; transactional mail still is")
    func unsubscribed() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try await TestDatabase.sqlite.withStore { store async throws in
            try await EmailUnsubscribeRepository(store: store).unsubscribe(try Email("ada@example.com"), from: .allOptionalMail, now: Self.start)
            var optional = NewOutboxEmail(
                messageID: "<digest@agora.test>", recipient: "ada@example.com", subject: "New providers", template: "digest",
                textBody: "t", htmlBody: "<p>t</p>", headers: ["List-Unsubscribe": "<https://agora.test/u>"]
            )
            optional.unsubscribeScope = .allOptionalMail
            try await EmailOutbox(store: store).enqueue(optional, now: Self.start)
            try await queue(store, id: "transactional")
            let mail = scratch.url.appendingPathComponent("mail")
            let worker = EmailWorker(store: store, transport: FileMailTransport(directory: mail), sender: "a@agora.test", clock: FixedClock(Self.start))
            #expect(try await worker.drainOnce() == 2)
            let digest = try #require(try await EmailOutbox(store: store).find(messageID: "<digest@agora.test>"))
            #expect(digest.status == .failed)
            #expect(digest.lastError?.contains("unsubscribed") == true)
            #expect(try await EmailOutbox(store: store).find(messageID: "<transactional@agora.test>")?.status == .sent)
            #expect(try FileManager.default.contentsOfDirectory(atPath: mail.path).filter { $0.hasSuffix(".eml") }.count == 1)
        }
    }

    @Test("backoff doubles from the first delay up to the longest, and ends after the last attempt")
    func retryPolicy() {
        let policy = RetryPolicy.standard
        let delays = (1...7).map { policy.nextAttempt(after: $0, now: Self.start)!.timeIntervalSince(Self.start) }
        #expect(delays == [30, 60, 120, 240, 480, 960, 1_920])
        #expect(policy.nextAttempt(after: 8, now: Self.start) == nil)
        #expect(RetryPolicy(maximumAttempts: 20, firstDelay: 30, longestDelay: 100).nextAttempt(after: 10, now: Self.start) == Self.start.addingTimeInterval(100))
    }

    @Test("the clean-up job removes expired tokens, long-finished sessions and mail that left the queue long ago")
    func cleanup() async throws {
        try await TestDatabase.sqlite.withStore { store async throws in
            let userID = try await UserRepository(store: store).insert(NewUser(
                firstName: "Ada", lastName: "L", email: try Email("ada@example.com"), passwordHash: nil, phone: nil,
                countryCode: nil, userType: .client, verificationStatus: .pending
            ), now: Self.start)
            try await OneTimeTokenRepository(.emailVerification, store: store).insert(userID: userID, tokenHash: "a", expiresAt: Self.start, now: Self.start)
            try await OneTimeTokenRepository(.passwordReset, store: store).insert(userID: userID, tokenHash: "b", expiresAt: Self.start.addingTimeInterval(3_600), now: Self.start)
            try await SessionRepository(store: store).insert(NewSession(
                userID: userID, family: "f", refreshTokenHash: "h", deviceInfo: "", ipAddress: "", rememberMe: false,
                expiresAt: Self.start.addingTimeInterval(60), secondFactor: false
            ), now: Self.start)
            try await queue(store, id: "old")
            try await queue(store, id: "waiting")
            let outbox = EmailOutbox(store: store)
            let old = try #require(try await outbox.find(messageID: "<old@agora.test>"))
            try await outbox.markSent(id: old.id, now: Self.start)
            let job = AccountCleanupJob(store: store, clock: FixedClock(Self.start.addingTimeInterval(31 * 86_400)))
            let removed = try await job.runOnce()
            #expect(removed.tokens == 2)
            #expect(removed.sessions == 1)
            #expect(removed.emails == 1, "sent mail past the retention goes; mail still waiting stays")
            #expect(try await outbox.find(messageID: "<old@agora.test>") == nil)
            #expect(try await outbox.find(messageID: "<waiting@agora.test>")?.status == .pending)
        }
    }
}
