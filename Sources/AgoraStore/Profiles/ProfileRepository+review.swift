import AgoraDomain
import Foundation
import SQLKit

/// Administrators' review of profiles: first publications, and changes to published profiles that `ProfileReview`
/// held. Each decision is audited with its reason, and `tell` queues the owner's email in its transaction.
extension ProfileRepository {
    /// Queues the owner's email about a decision (approved or not, and why).
    public typealias TellDecision = @Sendable (UserAccount, _ approved: Bool, _ reason: String, StoreTransaction) async throws -> Void

    /// What waits for review, oldest first.
    public func awaitingReview(limit: Int) async throws -> [ProfileAwaitingReview] {
        let rows = try await store.sql.raw("""
            SELECT p.user_id, p.slug, p.status, u.first_name, u.last_name FROM user_profiles p JOIN users u ON u.id = p.user_id
            WHERE p.status = \(state: ProfileStatus.pending)
               OR EXISTS (SELECT 1 FROM profile_versions v WHERE v.user_id = p.user_id AND v.state = \(state: ProfileVersion.State.held))
            ORDER BY p.updated_at, p.user_id LIMIT \(bind: limit)
            """).all()
        let ids = try rows.map { try $0.decode(column: "user_id", as: Int64.self) }
        var newest: [Int64: ProfileVersion] = [:]
        if !ids.isEmpty {
            for row in try await store.sql.raw("""
                SELECT user_id, \(Self.versionColumns) FROM profile_versions v WHERE user_id IN (\(binds: ids))
                AND number = (SELECT MAX(number) FROM profile_versions w WHERE w.user_id = v.user_id)
                """).all() {
                newest[try row.decode(column: "user_id", as: Int64.self)] = try Self.version(from: row)
            }
        }
        var awaiting: [ProfileAwaitingReview] = []
        for (row, userID) in zip(rows, ids) {
            guard let version = newest[userID] else { throw StoreError.conflict("a profile awaits review without a version") }
            awaiting.append(ProfileAwaitingReview(
                userID: userID, slug: try Slug(try row.decode(column: "slug", as: String.self)),
                name: try row.decode(column: "first_name", as: String.self) + " " + (try row.decode(column: "last_name", as: String.self)),
                firstPublication: try row.decode(column: "status", as: String.self) == ProfileStatus.pending.rawValue, version: version
            ))
        }
        return awaiting
    }

    /// Approves what waits: the first publication goes public, or the held version goes live. 404 when nothing
    /// of this account's waits.
    public func approve(_ userID: Int64, reason: String, by actor: AuditActor, now: Date, tell: @escaping TellDecision) async throws {
        try await decide(userID, approved: true, reason: reason, by: actor, now: now, tell: tell) { current, transaction in
            let db = transaction.sql
            if current.status == .pending {
                try await Self.setStatus(userID, .published, now: now, on: db)
                try await db.raw("""
                    UPDATE profile_versions SET state = \(state: ProfileVersion.State.live), decided_by = \(bind: actor.userID), decided_at = \(bind: now)
                    WHERE user_id = \(bind: userID) AND number = \(bind: current.version)
                    """).run()
                try await Self.publishChange(of: userID, categories: current.content.categorySlugs, reason: "approved", now: now, in: transaction, store: store)
            } else {
                let before = try await Self.live(userID, on: db)
                let ids = try await Self.categoryIDs(current.content.categorySlugs, on: db)
                try await Self.writeLive(userID, current.content, categoryIDs: ids, now: now, on: db)
                try await Self.markHeld(userID, .live, by: actor.userID, reason: reason, now: now, on: db)
                try await Self.publishChange(
                    of: userID, categories: before.categorySlugs + current.content.categorySlugs, reason: "change approved", now: now,
                    in: transaction, store: store
                )
            }
        }
    }

    /// Refuses what waits, with the reason the owner is told: a first publication is refused (publishing again asks
    /// for another review), or the held version is set aside and the public keeps the version before.
    public func reject(_ userID: Int64, reason: String, by actor: AuditActor, now: Date, tell: @escaping TellDecision) async throws {
        try await decide(userID, approved: false, reason: reason, by: actor, now: now, tell: tell) { current, transaction in
            if current.status == .pending {
                try await Self.setStatus(userID, .rejected, reasons: reason, now: now, on: transaction.sql)
            } else {
                try await Self.markHeld(userID, .rejected, by: actor.userID, reason: reason, now: now, on: transaction.sql)
            }
        }
    }

    private func decide(
        _ userID: Int64, approved: Bool, reason: String, by actor: AuditActor, now: Date, tell: @escaping TellDecision,
        apply: @escaping @Sendable (OwnProfile, StoreTransaction) async throws -> Void
    ) async throws {
        try await store.inTransaction { [store] transaction in
            let current = try await Self.lockedOwn(userID, on: transaction.sql, engine: store.engine)
            guard current.status == .pending || !current.heldFor.isEmpty else { throw StoreError.notFound("nothing of this profile waits for review") }
            try await apply(current, transaction)
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                approved ? .profileApproved : .profileRejected, on: .user, id: userID,
                before: ["status": current.status.rawValue, "version": String(current.version)],
                after: ["decision": approved ? "approved" : "rejected", "first_publication": String(current.status == .pending)], at: now
            ))
            guard let owner = try await UserRepository(store: store, in: transaction).find(id: userID) else { return }
            try await tell(owner, approved, reason, transaction)
        }
    }

    private static func markHeld(
        _ userID: Int64, _ state: ProfileVersion.State, by staffID: Int64, reason: String, now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            UPDATE profile_versions SET state = \(bind: state.rawValue), decided_by = \(bind: staffID), decided_at = \(bind: now),
                decision_reason = \(bind: reason)
            WHERE user_id = \(bind: userID) AND state = \(state: ProfileVersion.State.held)
            """).run()
    }
}
