import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Answers kept by idempotency key")
struct IdempotentRequestLogTests {
    /// The person the answers are kept for (user 1).
    static func addClient(to store: Store, now: Date) async throws {
        try await store.sql.raw("""
            INSERT INTO users (id, first_name, last_name, email, user_type, created_at, updated_at)
            VALUES (1, 'Ada', 'Lovelace', 'ada@example.com', 'client', \(bind: now), \(bind: now))
            """).run()
    }

    @Test("a key is claimed once: the same request waits for its answer, then gets it; another request is refused; a failure gives the key back", arguments: TestDatabase.engines)
    func claims(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let now = Fixtures.now
            try await Self.addClient(to: store, now: now)
            let log = IdempotentRequestLog(store: store)
            #expect(try await log.claim(userID: 1, key: "k-1", operation: "fund:7", requestHash: "h", now: now) == .claimed)
            guard case .conflict(let waiting) = try await log.claim(userID: 1, key: "k-1", operation: "fund:7", requestHash: "h", now: now) else {
                Issue.record("a request still being answered is not answered twice")
                return
            }
            #expect(waiting.contains("still being answered"))
            try await log.answer(userID: 1, key: "k-1", status: 201, body: #"{"id":3}"#)
            #expect(try await log.claim(userID: 1, key: "k-1", operation: "fund:7", requestHash: "h", now: now) == .answered(status: 201, body: #"{"id":3}"#))
            guard case .conflict(let other) = try await log.claim(userID: 1, key: "k-1", operation: "fund:8", requestHash: "h", now: now) else {
                Issue.record("another request with the key is refused")
                return
            }
            #expect(other.contains("another request"))
            try await log.release(userID: 1, key: "k-1")
            #expect(try await log.claim(userID: 1, key: "k-1", operation: "fund:7", requestHash: "h", now: now) == .answered(status: 201, body: #"{"id":3}"#), "an answered key is kept")

            #expect(try await log.claim(userID: 1, key: "k-2", operation: "fund:7", requestHash: "h", now: now) == .claimed)
            try await log.release(userID: 1, key: "k-2")
            #expect(try await log.claim(userID: 1, key: "k-2", operation: "fund:7", requestHash: "other", now: now) == .claimed, "a failed request gave its key back")
            #expect(try await log.prune(now: now.addingTimeInterval(IdempotentRequestLog.retention + 1)) == 2)
        }
    }

    @Test("a claim left unanswered past the abandonment window (a killed service) is taken over; within it, it is not", arguments: TestDatabase.engines)
    func abandoned(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let now = Fixtures.now
            try await Self.addClient(to: store, now: now)
            let log = IdempotentRequestLog(store: store)
            #expect(try await log.claim(userID: 1, key: "k-1", operation: "release:7", requestHash: "h", now: now) == .claimed)
            let soon = now.addingTimeInterval(IdempotentRequestLog.abandonedAfter - 1)
            guard case .conflict = try await log.claim(userID: 1, key: "k-1", operation: "release:7", requestHash: "h", now: soon) else {
                Issue.record("a claim still within the window is being answered")
                return
            }
            let later = now.addingTimeInterval(IdempotentRequestLog.abandonedAfter + 1)
            guard case .conflict = try await log.claim(userID: 1, key: "k-1", operation: "release:8", requestHash: "h", now: later) else {
                Issue.record("an abandoned claim is taken over by the same request only")
                return
            }
            #expect(try await log.claim(userID: 1, key: "k-1", operation: "release:7", requestHash: "h", now: later) == .claimed)
            guard case .conflict = try await log.claim(userID: 1, key: "k-1", operation: "release:7", requestHash: "h", now: later) else {
                Issue.record("the new claim stands for its own window")
                return
            }
        }
    }
}
