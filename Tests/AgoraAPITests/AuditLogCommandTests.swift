import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// `agora audit-log verify`: exit 0 and the count for an intact log; non-zero and the entry's id for a tampered one.
@Suite("agora audit-log verify")
struct AuditLogCommandTests {
    func verify(_ database: String, in scratch: TemporaryDirectory) async throws -> (status: Int32, output: String) {
        try await AgoraExecutable.run(["audit-log", "verify", "--database", database], in: scratch)
    }

    @Test("an intact log passes; a row edited behind the service's back fails and is named")
    func verifies() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let database = scratch.path + "/agora.sqlite"
        _ = await (try AgoraExecutable.start(["migrate", "--database", database])).exited()
        let store = try await Store.open(.sqlite(path: database), connectionWait: TestDatabase.connectionWait)
        let actor = AuditActor(userID: 1, role: "admin", ipAddress: "192.0.2.1", userAgent: "test", requestID: "r")
        for id in 1...2 {
            try await store.inTransaction { transaction in
                try await AuditLog(store: store, in: transaction).append(actor.entry(
                    .testimonialRejected, on: .testimonial, id: Int64(id), before: ["status": "pending"], after: ["status": "rejected"], at: Date()
                ))
            }
        }
        let intact = try await verify(database, in: scratch)
        #expect(intact.status == 0)
        #expect(intact.output.contains("audit log intact: 2 entries"))

        try await store.sql.raw("DROP TRIGGER admin_actions_no_update").run()
        try await store.sql.raw("UPDATE admin_actions SET after_fields = '{\"status\":\"approved\"}' WHERE target_id = 2").run()
        await store.close()
        let tampered = try await verify(database, in: scratch)
        #expect(tampered.status != 0)
        #expect(tampered.output.contains("audit log entry 2 its fields do not match its hash"))
    }
}
