import AgoraDomain
import Foundation
import SQLKit

/// Keeping accounts out and letting them back in. A suspension, in one transaction: the account is marked
/// suspended, every session ends, a provider's live proposals are withdrawn (each in its order's history) and its
/// public page is queued to go offline, the decision is audited, and `tell` queues the owner's email. Lifting one,
/// by hand or when it runs out, undoes what can be undone: the status, the page.
public struct SuspensionRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Queues the email to the account's owner inside the change's transaction.
    public typealias Tell = @Sendable (UserAccount, UserSuspension, StoreTransaction) async throws -> Void

    /// Suspends or bans an account. 404 for no such account; staff accounts are taken out of the staff first, and an
    /// account already kept out is lifted first (both 409).
    public func suspend(_ userID: Int64, _ decision: SuspensionDecision, by actor: AuditActor, now: Date, tell: @escaping Tell) async throws -> UserSuspension {
        try await store.inTransaction { [store] transaction in
            try await Self.suspend(userID, decision, by: actor, now: now, tell: tell, store: store, in: transaction)
        }
    }

    /// `suspend` inside a transaction of the caller's, with the rest of a change (a moderation decision).
    static func suspend(
        _ userID: Int64, _ decision: SuspensionDecision, by actor: AuditActor, now: Date, tell: @escaping Tell, store: Store,
        in transaction: StoreTransaction
    ) async throws -> UserSuspension {
        let users = UserRepository(store: store, in: transaction)
        guard let user = try await users.find(id: userID) else { throw StoreError.notFound("no account has this id") }
        guard try await StaffRepository(store: store, in: transaction).role(of: userID) == nil else {
            throw StoreError.conflict("a staff account is taken out of the staff, not suspended")
        }
        guard user.verificationStatus != .suspended else { throw StoreError.conflict("this account is already kept out; lift that first") }
        guard let suspension = try await keepOut([user], decision, by: actor, now: now, in: transaction, store: store).first else {
            throw StoreError.conflict("the suspension was not recorded")
        }
        try await tell(user, suspension, transaction)
        return suspension
    }

    /// Keeps out every account of `users` with one decision, in the caller's transaction: a few statements for the
    /// lot, whether one account or a bulk operation's chunk. The caller has checked that each is a customer not kept
    /// out already. Returns the suspensions opened, one per account.
    static func keepOut(
        _ users: [UserAccount], _ decision: SuspensionDecision, bulkOperationID: Int64? = nil, by actor: AuditActor, now: Date,
        in transaction: StoreTransaction, store: Store
    ) async throws -> [UserSuspension] {
        guard !users.isEmpty else { return [] }
        let db = transaction.sql
        let ids = users.map(\.id)
        try await db.raw("""
            UPDATE users SET verification_status = \(state: VerificationStatus.suspended), updated_at = \(bind: now) WHERE id IN (\(binds: ids))
            """).run()
        let endsAt = decision.end(from: now)
        let rows = users.map { user -> SQLQueryString in
            """
            (\(bind: user.id), \(bind: decision.kind.rawValue), \(bind: decision.reason), \(bind: now), \(bind: endsAt), \(bind: actor.userID),
             \(bind: user.verificationStatus.rawValue), \(bind: bulkOperationID))
            """
        }
        let suspensions = try await db.raw("""
            INSERT INTO user_suspensions (user_id, kind, reason, starts_at, ends_at, decided_by, previous_status, bulk_operation_id)
            VALUES \(rows.joined(separator: ", "))
            RETURNING \(Self.columns)
            """).all().map(Self.suspension(from:))
        _ = try await SessionRepository(store: store, in: transaction).revokeAll(userIDs: ids, reason: .suspended, now: now)
        try await ProposalRepository.withdrawLive(of: ids, because: "provider \(decision.kind == .ban ? "banned" : "suspended")", now: now, on: db)
        try await RatingPriorRecord.follow(now: now, on: db)
        // A bulk operation queues one build of the site when it finishes rather than one per chunk.
        if bulkOperationID == nil {
            try await SiteChangeQueue.enqueueProviderPages(of: ids, reason: "\(Self.accounts(ids)) kept out", now: now, in: transaction, store: store)
        }
        var after = ["status": VerificationStatus.suspended.rawValue, "kind": decision.kind.rawValue]
        if let endsAt { after["ends_at"] = ISO8601DateFormatter().string(from: endsAt) }
        if let bulkOperationID { after["bulk_operation"] = String(bulkOperationID) }
        let auditor = actor.because(decision.reason)
        try await AuditLog(store: store, in: transaction).append(contentsOf: users.map { user in
            auditor.entry(decision.auditedAction, on: .user, id: user.id, before: ["status": user.verificationStatus.rawValue], after: after, at: now)
        })
        return suspensions
    }

    /// Lifts the suspension in force by hand, audited with the reason. 404 when none is in force.
    public func lift(_ userID: Int64, reason: String, by actor: AuditActor, now: Date, tell: @escaping Tell) async throws -> UserSuspension {
        try await store.inTransaction { [store] transaction in
            guard let current = try await Self.inForce(userID, on: transaction.sql) else {
                throw StoreError.notFound("this account is not suspended")
            }
            guard let lifted = try await Self.lift([current], reason: reason, by: actor, now: now, in: transaction, store: store).first else {
                throw StoreError.conflict("this suspension was already lifted")
            }
            if let user = try await UserRepository(store: store, in: transaction).find(id: userID) { try await tell(user, lifted, transaction) }
            return lifted
        }
    }

    /// Lets back in every account whose suspension ran out; returns their ids. Run by the hourly clean-up, and for
    /// one account when it tries to sign in, so nobody waits for the hour.
    @discardableResult
    public func liftExpired(now: Date, userID: Int64? = nil) async throws -> [Int64] {
        let only: SQLQueryString = userID.map { "AND user_id = \(bind: $0)" } ?? ""
        let due = try await store.sql.raw("""
            SELECT \(Self.columns) FROM user_suspensions WHERE lifted_at IS NULL AND ends_at <= \(bind: now) \(only)
            """).all().map(Self.suspension(from:))
        for suspension in due {
            try await store.inTransaction { [store] transaction in
                _ = try await Self.letBackIn([suspension], by: nil, reason: "ran out", now: now, in: transaction, store: store)
            }
        }
        return due.map(\.userID)
    }

    /// The account's suspensions, newest first.
    public func history(of userID: Int64) async throws -> [UserSuspension] {
        try await store.sql.raw("""
            SELECT \(Self.columns) FROM user_suspensions WHERE user_id = \(bind: userID) ORDER BY starts_at DESC, id DESC
            """).all().map(Self.suspension(from:))
    }

    // MARK: Rows

    static let columns: SQLQueryString = "id, user_id, kind, reason, starts_at, ends_at, decided_by, lifted_at, lifted_by, lift_reason, bulk_operation_id"

    static func inForce(_ userID: Int64, on db: any SQLDatabase) async throws -> UserSuspension? {
        try await db.raw("""
            SELECT \(columns) FROM user_suspensions WHERE user_id = \(bind: userID) AND lifted_at IS NULL ORDER BY id DESC LIMIT 1
            """).first().map(suspension(from:))
    }

    /// The suspensions still open of the accounts; only those a bulk operation opened when it is given.
    static func open(of userIDs: [Int64], openedBy bulkOperationID: Int64? = nil, on db: any SQLDatabase) async throws -> [UserSuspension] {
        guard !userIDs.isEmpty else { return [] }
        let opened: SQLQueryString = bulkOperationID.map { "AND bulk_operation_id = \(bind: $0)" } ?? ""
        return try await db.raw("""
            SELECT \(columns) FROM user_suspensions WHERE user_id IN (\(binds: userIDs)) AND lifted_at IS NULL \(opened) ORDER BY user_id
            """).all().map(suspension(from:))
    }

    /// Lifts suspensions by a staff member's decision, each account's audited with the reason and the status it
    /// returned to, in the caller's transaction; returns those lifted.
    static func lift(
        _ suspensions: [UserSuspension], reason: String, bulkOperationID: Int64? = nil, by actor: AuditActor, now: Date,
        in transaction: StoreTransaction, store: Store
    ) async throws -> [UserSuspension] {
        let lifted = try await letBackIn(
            suspensions, by: actor.userID, reason: reason, queuesPages: bulkOperationID == nil, now: now, in: transaction, store: store
        )
        let statuses = Dictionary(
            try await UserRepository(store: store, in: transaction).find(ids: lifted.map(\.userID)).map { ($0.id, $0.verificationStatus.rawValue) },
            uniquingKeysWith: { first, _ in first }
        )
        let auditor = actor.because(reason)
        try await AuditLog(store: store, in: transaction).append(contentsOf: lifted.map { suspension in
            var after = ["status": statuses[suspension.userID] ?? ""]
            if let bulkOperationID { after["bulk_operation"] = String(bulkOperationID) }
            return auditor.entry(
                .suspensionLifted, on: .user, id: suspension.userID, before: ["status": VerificationStatus.suspended.rawValue], after: after, at: now
            )
        })
        return lifted
    }

    /// Ends suspensions: each account returns to the status it had, and providers' pages are queued to come back
    /// (unless the caller queues them, as a bulk operation does when it finishes).
    /// Only suspensions still open are lifted, so two lifts racing change an account once; returns those lifted.
    static func letBackIn(
        _ suspensions: [UserSuspension], by liftedBy: Int64?, reason: String, queuesPages: Bool = true, now: Date,
        in transaction: StoreTransaction, store: Store
    ) async throws -> [UserSuspension] {
        guard !suspensions.isEmpty else { return [] }
        let db = transaction.sql
        let lifted = try await db.raw("""
            UPDATE user_suspensions SET lifted_at = \(bind: now), lifted_by = \(bind: liftedBy), lift_reason = \(bind: reason)
            WHERE id IN (\(binds: suspensions.map(\.id))) AND lifted_at IS NULL RETURNING \(Self.columns)
            """).all().map(Self.suspension(from:))
        guard !lifted.isEmpty else { return [] }
        let userIDs = lifted.map(\.userID)
        try await db.raw("""
            UPDATE users SET updated_at = \(bind: now), verification_status = (
                SELECT s.previous_status FROM user_suspensions s WHERE s.id IN (\(binds: lifted.map(\.id))) AND s.user_id = users.id
            )
            WHERE id IN (\(binds: userIDs)) AND verification_status = \(state: VerificationStatus.suspended)
            """).run()
        try await RatingPriorRecord.follow(now: now, on: db)
        if queuesPages {
            try await SiteChangeQueue.enqueueProviderPages(of: userIDs, reason: "\(Self.accounts(userIDs)) back", now: now, in: transaction, store: store)
        }
        return lifted
    }

    /// How a site change's reason names the accounts: `provider 12`, or `40 providers`.
    static func accounts(_ ids: [Int64]) -> String {
        ids.count == 1 ? "provider \(ids[0])" : "\(ids.count) providers"
    }

    static func suspension(from row: any SQLRow) throws -> UserSuspension {
        UserSuspension(
            id: try row.decode(column: "id", as: Int64.self),
            userID: try row.decode(column: "user_id", as: Int64.self),
            kind: SuspensionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .suspension,
            reason: try row.decode(column: "reason", as: String.self),
            startsAt: try row.decode(column: "starts_at", as: Date.self),
            endsAt: try row.decodeIfPresent(column: "ends_at", as: Date.self),
            decidedBy: try row.decode(column: "decided_by", as: Int64.self),
            liftedAt: try row.decodeIfPresent(column: "lifted_at", as: Date.self),
            liftedBy: try row.decodeIfPresent(column: "lifted_by", as: Int64.self),
            liftReason: try row.decode(column: "lift_reason", as: String.self),
            bulkOperationID: try row.decodeIfPresent(column: "bulk_operation_id", as: Int64.self)
        )
    }
}
