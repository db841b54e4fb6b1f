@testable import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Bulk operations on accounts")
struct BulkOperationTests {
    static let suspendForAWeek = #"{"action": "suspend", "kind": "suspend", "days": 7, "reason": "Spam wave from one network"}"#

    @Test("a preview counts the accounts; the operation suspends each with its email and audit entry; the undo lets each back in", arguments: TestDatabase.engines)
    func suspendAndUndo(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let ada = try await harness.signedUp("ada@example.com", type: "provider")
            _ = try await harness.signedUp("bob@example.com", type: "provider")
            _ = try await harness.register("pending@example.com", type: "provider")
            _ = try await harness.signedUp("cy@example.com")
            let worker = BulkOperationWorker(store: harness.store, composer: harness.composer, clock: harness.clock)

            let preview = try await harness.send(.post, "/api/admin/bulk/preview?type=provider", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(try preview.json()["matching"] as? Int == 3)
            #expect(try preview.json()["applicable"] as? Int == 3)
            #expect(try preview.json()["undoable"] as? Bool == true)
            #expect((try preview.json()["sample"] as? [[String: Any]])?.compactMap { $0["email"] as? String } == [
                "ada@example.com", "bob@example.com", "pending@example.com",
            ])
            #expect(try await harness.send(.get, "/api/auth/me", bearer: ada.accessToken).status == .ok, "a preview changes nothing")

            let started = try await harness.send(.post, "/api/admin/bulk?type=provider", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(started.status == .accepted, "\(started.text)")
            let id = try #require(try started.json()["id"] as? Int)
            #expect(try started.json()["status"] as? String == "running")
            #expect(try started.json()["total"] as? Int == 3)
            #expect(try started.json()["filter"] as? String == "type=provider")

            #expect(try await worker.drainOnce() > 0)
            #expect(try await worker.drainOnce() == 0, "nothing is left to do")
            let done = try await harness.send(.get, "/api/admin/bulk/\(id)", bearer: support.accessToken)
            #expect(try done.json()["status"] as? String == "completed")
            #expect(try done.json()["changed"] as? Int == 3)
            #expect(try done.json()["can_be_undone"] as? Bool == true)
            #expect(try await harness.send(.get, "/api/auth/me", bearer: ada.accessToken).status == .unauthorized, "signed out at once")
            let queued = try await SiteChangeQueue(store: harness.store).recent().map(\.change)
            #expect(queued.filter { $0 == .site }.count == 1, "one build of the site publishes every page it changed")
            #expect(!queued.contains { if case .provider = $0 { true } else { false } }, "not a page per account")
            let told = try #require(try await harness.emails(to: "bob@example.com").first { $0.template == "account-suspended" })
            #expect(told.textBody.contains("Spam wave from one network"))
            #expect(try await harness.emails(to: "cy@example.com").allSatisfy { $0.template != "account-suspended" }, "a client is not in the filter")
            var suspended = AuditLogQuery()
            suspended.action = .userSuspended
            let entries = try await AuditLog(store: harness.store).search(suspended, limit: 10)
            #expect(entries.count == 3, "one entry per account")
            #expect(entries.allSatisfy { $0.entry.after.contains(#""bulk_operation":"\#(id)""#) && $0.entry.actorID == support.userID })
            var startedEntry = AuditLogQuery()
            startedEntry.action = .bulkOperationStarted
            #expect(try await AuditLog(store: harness.store).search(startedEntry, limit: 10).count == 1)

            // Bob's suspension is lifted by hand before the undo: the undo leaves him alone.
            let bobID = try #require(try await UserRepository(store: harness.store).find(email: Email("bob@example.com"))?.id)
            let liftBob = try await harness.send(.post, "/api/admin/suspensions/\(bobID)/lift", json: #"{"reason": "Verified by phone"}"#, bearer: support.accessToken)
            #expect(liftBob.status == .ok)
            let undo = try await harness.send(.post, "/api/admin/bulk/\(id)/undo", json: #"{"reason": "Wrong network"}"#, bearer: support.accessToken)
            #expect(undo.status == .accepted, "\(undo.text)")
            #expect(try undo.json()["status"] as? String == "undoing")
            #expect(try await harness.send(.post, "/api/admin/bulk/\(id)/undo", json: #"{"reason": "again"}"#, bearer: support.accessToken).status == .conflict)
            #expect(try await worker.drainOnce() > 0)
            let undone = try await harness.send(.get, "/api/admin/bulk/\(id)", bearer: support.accessToken)
            #expect(try undone.json()["status"] as? String == "undone")
            #expect(try undone.json()["reverted"] as? Int == 2)
            #expect(try undone.json()["revert_skipped"] as? Int == 1, "Bob was back already")
            let statuses = try await UserRepository(store: harness.store).find(ids: [ada.userID, bobID]).map(\.verificationStatus)
            #expect(statuses == [.verified, .verified])
            let pending = try #require(try await UserRepository(store: harness.store).find(email: Email("pending@example.com")))
            #expect(pending.verificationStatus == .pending, "each account returns to the status it had")
            #expect(try await harness.emails(to: "ada@example.com").contains { $0.template == "account-restored" })
            #expect(try await harness.emails(to: "bob@example.com").filter { $0.template == "account-restored" }.count == 1, "told once, by the hand lift")
            var lifted = AuditLogQuery()
            lifted.action = .suspensionLifted
            let liftEntries = try await AuditLog(store: harness.store).search(lifted, limit: 10)
            #expect(liftEntries.count == 3)
            #expect(liftEntries.filter { $0.entry.reason == "Wrong network" }.count == 2)
            #expect(try await AuditLog(store: harness.store).verify() == .intact(entries: try await Self.auditEntries(harness.store)))

            let list = try await harness.send(.get, "/api/admin/bulk", bearer: support.accessToken)
            #expect((try list.json()["operations"] as? [[String: Any]])?.first?["id"] as? Int == id)
        }
    }

    @Test("lifting suspensions and confirming addresses in bulk change only the accounts they apply to, and cannot be undone", arguments: TestDatabase.engines)
    func liftAndVerify(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            _ = try await harness.register("p1@example.com")
            _ = try await harness.register("p2@example.com")
            _ = try await harness.signedUp("done@example.com")
            let worker = BulkOperationWorker(store: harness.store, composer: harness.composer, clock: harness.clock)
            let verify = try await harness.send(
                .post, "/api/admin/bulk?type=client", json: #"{"action": "verify-address", "reason": "Imported from the partner list"}"#, bearer: support.accessToken
            )
            #expect(verify.status == .accepted, "\(verify.text)")
            #expect(try verify.json()["total"] as? Int == 2, "the confirmed account is not chosen")
            try await worker.drainOnce()
            let ids = try await UserRepository(store: harness.store).find(email: Email("p1@example.com")).map { [$0.id] } ?? []
            #expect(try await UserRepository(store: harness.store).find(ids: ids).first?.verificationStatus == .verified)
            let verifyID = try #require(try verify.json()["id"] as? Int)
            let refused = try await harness.send(.post, "/api/admin/bulk/\(verifyID)/undo", json: #"{"reason": "oops"}"#, bearer: support.accessToken)
            #expect(refused.status == .conflict)

            let suspend = try await harness.send(.post, "/api/admin/bulk?type=client", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(try suspend.json()["total"] as? Int == 3)
            try await worker.drainOnce()
            let lift = try await harness.send(.post, "/api/admin/bulk?status=suspended", json: #"{"action": "lift-suspension", "reason": "Cleared"}"#, bearer: support.accessToken)
            #expect(lift.status == .accepted)
            #expect(try lift.json()["total"] as? Int == 3)
            try await worker.drainOnce()
            let lifted = try await harness.send(.get, "/api/admin/bulk/\(try #require(try lift.json()["id"] as? Int))", bearer: support.accessToken)
            #expect(try lifted.json()["changed"] as? Int == 3)
            #expect(try lifted.json()["can_be_undone"] as? Bool == false)
            #expect(try await harness.emails(to: "p2@example.com").contains { $0.template == "account-restored" })
            #expect(try await UserRepository(store: harness.store).find(ids: ids).first?.verificationStatus == .verified)
        }
    }

    @Test("an interrupted operation goes on where it stopped: every account changed once, never half", arguments: TestDatabase.engines)
    func interrupted(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            try await Self.insertProviders(1_234, into: harness.store, at: harness.clock.now)
            let started = try await harness.send(.post, "/api/admin/bulk?q=bulk-", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(try started.json()["total"] as? Int == 1_234)
            let id = Int64(try #require(try started.json()["id"] as? Int))
            let operations = BulkOperationRepository(store: harness.store)

            // A worker claims it, handles one chunk, and dies holding its claim.
            #expect(try await operations.claimNext(now: harness.clock.now) == id)
            let notices = AccountNotices(composer: harness.composer)
            #expect(try await operations.runChunk(of: id, now: harness.clock.now) { try notices.email($1, to: $0) })
            let halfway = try await operations.find(id)
            #expect(halfway.status == .running)
            #expect(halfway.changed == 500, "whole chunks only")
            #expect(try await Self.count("user_suspensions", harness.store) == 500)
            #expect(try await Self.count("email_outbox WHERE template = 'account-suspended'", harness.store) == 500)
            let second = BulkOperationWorker(store: harness.store, composer: harness.composer, clock: harness.clock)
            #expect(try await second.drainOnce() == 0, "the claim holds until it runs out")

            harness.clock.advance(by: BulkOperationRepository.lease + 1)
            #expect(try await second.drainOnce() > 0)
            let finished = try await operations.find(id)
            #expect(finished.status == .completed)
            #expect(finished.changed == 1_234)
            #expect(finished.skipped == 0)
            #expect(try await Self.count("user_suspensions", harness.store) == 1_234, "one suspension per account")
            #expect(try await Self.count("admin_actions WHERE action = 'user.suspend'", harness.store) == 1_234, "one audit entry per account")
            #expect(try await Self.count("email_outbox WHERE template = 'account-suspended'", harness.store) == 1_234)
            #expect(try await Self.count("users WHERE verification_status = 'suspended'", harness.store) == 1_234)
            #expect(try await AuditLog(store: harness.store).verify() == .intact(entries: try await Self.auditEntries(harness.store)))
        }
    }

    @Test("a chunk that fails changes nothing and is tried again; a released operation goes on at once", arguments: TestDatabase.engines)
    func failedChunk(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            try await Self.insertProviders(700, into: harness.store, at: harness.clock.now)
            let started = try await harness.send(.post, "/api/admin/bulk?q=bulk-", json: Self.suspendForAWeek, bearer: support.accessToken)
            let id = Int64(try #require(try started.json()["id"] as? Int))
            let operations = BulkOperationRepository(store: harness.store)
            struct MailDown: Error {}
            let failing: BulkOperationRepository.Notify = { _, _ in throw MailDown() }
            await #expect(throws: MailDown.self) { try await operations.runChunk(of: id, now: harness.clock.now, notify: failing) }
            #expect(try await operations.find(id).changed == 0)
            #expect(try await Self.count("user_suspensions", harness.store) == 0, "the chunk's accounts are untouched")
            #expect(try await Self.count("admin_actions WHERE action = 'user.suspend'", harness.store) == 0)
            #expect(try await Self.count("user_sessions WHERE revoked_reason = 'suspended'", harness.store) == 0)

            let worker = BulkOperationWorker(store: harness.store, composer: harness.composer, clock: harness.clock)
            #expect(try await worker.drainOnce(chunkLimit: 1) == 1, "stopping between chunks releases the operation")
            #expect(try await worker.drainOnce() > 0, "so the next pass goes on at once")
            #expect(try await operations.find(id).changed == 700)
        }
    }

    @Test("bad filters and requests are named; what cannot be done is refused; roles without the permission are kept out", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            _ = try await harness.signedUp("ada@example.com", type: "provider")
            let filter = try await harness.send(.post, "/api/admin/bulk/preview?type=martian&colour=red", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(filter.status == .badRequest)
            #expect(Set(filter.fieldErrors) == ["type", "colour"])
            let unknown = try await harness.send(.post, "/api/admin/bulk/preview", json: #"{"action": "delete"}"#, bearer: support.accessToken)
            #expect(unknown.fieldErrors == ["action"])
            let nothing = try await harness.send(.post, "/api/admin/bulk", json: #"{}"#, bearer: support.accessToken)
            #expect(Set(nothing.fieldErrors) == ["action", "reason"])
            let noDays = try await harness.send(.post, "/api/admin/bulk", json: #"{"action": "suspend", "kind": "suspend", "reason": "x"}"#, bearer: support.accessToken)
            #expect(noDays.fieldErrors == ["days"])
            let liftWithDays = try await harness.send(
                .post, "/api/admin/bulk", json: #"{"action": "lift-suspension", "days": 3, "kind": "ban", "reason": ""}"#, bearer: support.accessToken
            )
            #expect(Set(liftWithDays.fieldErrors) == ["days", "kind", "reason"])
            let nobody = try await harness.send(.post, "/api/admin/bulk?q=nobody-at-all", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(nobody.fieldErrors == ["filter"])
            #expect(try await Self.count("bulk_operations", harness.store) == 0, "a refused operation leaves nothing behind")
            let staffOnly = try await harness.send(.post, "/api/admin/bulk?type=admin", json: Self.suspendForAWeek, bearer: support.accessToken)
            #expect(staffOnly.fieldErrors == ["filter"], "staff are never chosen")

            #expect(try await harness.send(.get, "/api/admin/bulk/999", bearer: support.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/admin/bulk/abc", bearer: support.accessToken).status == .notFound)
            #expect(try await harness.send(.post, "/api/admin/bulk/999/undo", json: #"{"reason": "x"}"#, bearer: support.accessToken).status == .notFound)
            let started = try await harness.send(.post, "/api/admin/bulk?type=provider", json: Self.suspendForAWeek, bearer: support.accessToken)
            let id = try #require(try started.json()["id"] as? Int)
            let early = try await harness.send(.post, "/api/admin/bulk/\(id)/undo", json: #"{"reason": "x"}"#, bearer: support.accessToken)
            #expect(early.status == .conflict, "an operation still running is not undone")
            let noReason = try await harness.send(.post, "/api/admin/bulk/\(id)/undo", json: #"{}"#, bearer: support.accessToken)
            #expect(noReason.fieldErrors == ["reason"])

            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.get, "/api/admin/bulk", bearer: moderator.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, "/api/admin/bulk?type=provider", json: Self.suspendForAWeek, bearer: moderator.accessToken).status == .forbidden)
            let ada = try await harness.login("ada@example.com")
            #expect(try await harness.send(.get, "/api/admin/bulk/\(id)", bearer: try SignIn(ada).accessToken).status == .forbidden)

            // Confirming addresses needs `users.edit` too: without it, support may suspend in bulk but not confirm.
            let owner = try await harness.signedInAdministrator()
            let narrowed = try await harness.send(
                .put, "/api/admin/staff/roles/support/permissions", json: #"{"permissions": ["users.read", "users.suspend"]}"#, bearer: owner.accessToken
            )
            #expect(narrowed.status == .ok, "\(narrowed.text)")
            let verify = try await harness.send(.post, "/api/admin/bulk/preview", json: #"{"action": "verify-address"}"#, bearer: support.accessToken)
            #expect(verify.status == .forbidden)
            #expect(try await harness.send(.post, "/api/admin/bulk/preview", json: #"{"action": "suspend"}"#, bearer: support.accessToken).status == .ok)
        }
    }

    /// Providers made straight in the database (`bulk-N@example.com`), verified, each with a session.
    static func insertProviders(_ count: Int, into store: Store, at now: Date) async throws {
        for start in stride(from: 0, to: count, by: 400) {
            let rows = (start..<min(start + 400, count)).map { index -> SQLQueryString in
                "('Bulk', \(bind: "Provider \(index)"), \(bind: "bulk-\(index)@example.com"), 'provider', 'verified', \(bind: now), \(bind: now))"
            }
            try await store.sql.raw("""
                INSERT INTO users (first_name, last_name, email, user_type, verification_status, created_at, updated_at)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }
    }

    static func count(_ table: String, _ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    static func auditEntries(_ store: Store) async throws -> Int {
        try await count("admin_actions", store)
    }
}
