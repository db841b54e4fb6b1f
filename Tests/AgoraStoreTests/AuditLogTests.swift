import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Audit log")
struct AuditLogTests {
    static let actor = AuditActor(userID: 7, role: "admin", reason: "spam", ipAddress: "192.0.2.1", userAgent: "test", requestID: "r1")

    func append(_ store: Store, count: Int) async throws {
        for index in 1...count {
            try await store.inTransaction { transaction in
                try await AuditLog(store: store, in: transaction).append(Self.actor.entry(
                    .testimonialApproved, on: .testimonial, id: Int64(index), before: ["status": "pending"], after: ["status": "approved"],
                    at: Fixtures.now.addingTimeInterval(Double(index) + 0.123_456)
                ))
            }
        }
    }

    /// Drops the append-only triggers, as someone with the database's password could.
    func dropTriggers(_ store: Store) async throws {
        switch store.engine {
        case .sqlite:
            try await store.sql.raw("DROP TRIGGER admin_actions_no_update").run()
            try await store.sql.raw("DROP TRIGGER admin_actions_no_delete").run()
        case .postgresql:
            try await store.sql.raw("DROP TRIGGER admin_actions_append_only ON admin_actions").run()
        }
    }

    @Test("entries chain to one another and read back as written, times to the millisecond", arguments: TestDatabase.engines)
    func chain(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            #expect(try await AuditLog(store: store).verify() == .intact(entries: 0))
            try await append(store, count: 3)
            #expect(try await AuditLog(store: store).verify() == .intact(entries: 3))
            let entry = try #require(try await AuditLog(store: store).entries(about: .testimonial, id: 2).first)
            #expect(entry.actorID == 7 && entry.reason == "spam" && entry.ipAddress == "192.0.2.1" && entry.requestID == "r1")
            #expect(entry.before == #"{"status":"pending"}"# && entry.after == #"{"status":"approved"}"#)
            #expect(entry.createdAtMilliseconds == Int64((Fixtures.now.timeIntervalSince1970 + 2.123) * 1_000))
        }
    }

    @Test("the log refuses UPDATE and DELETE on both engines", arguments: TestDatabase.engines)
    func appendOnly(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await append(store, count: 2)
            await #expect(throws: (any Error).self) { try await store.sql.raw("UPDATE admin_actions SET reason = 'none'").run() }
            await #expect(throws: (any Error).self) { try await store.sql.raw("DELETE FROM admin_actions").run() }
            #expect(try await AuditLog(store: store).verify() == .intact(entries: 2))
        }
    }

    @Test("an entry edited behind the service's back is named by verify", arguments: TestDatabase.engines)
    func edited(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await append(store, count: 3)
            try await dropTriggers(store)
            try await store.sql.raw("UPDATE admin_actions SET reason = 'nothing to see' WHERE target_id = 2").run()
            guard case .broken(let id, let reason) = try await AuditLog(store: store).verify() else {
                Issue.record("an edited entry passed")
                return
            }
            #expect(id == 2 && reason.contains("edited"))
        }
    }

    @Test("an entry removed behind the service's back breaks the chain at the next one", arguments: TestDatabase.engines)
    func removed(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await append(store, count: 3)
            try await dropTriggers(store)
            try await store.sql.raw("DELETE FROM admin_actions WHERE target_id = 2").run()
            guard case .broken(let id, let reason) = try await AuditLog(store: store).verify() else {
                Issue.record("a removed entry passed")
                return
            }
            #expect(id == 3 && reason.contains("removed"))
        }
    }
}
