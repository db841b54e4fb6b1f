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
        let db = transaction.sql
        let users = UserRepository(store: store, in: transaction)
        guard let user = try await users.find(id: userID) else { throw StoreError.notFound("no account has this id") }
        guard try await StaffRepository(store: store, in: transaction).role(of: userID) == nil else {
            throw StoreError.conflict("a staff account is taken out of the staff, not suspended")
        }
        guard user.verificationStatus != .suspended else { throw StoreError.conflict("this account is already kept out; lift that first") }
        try await db.raw("""
            UPDATE users SET verification_status = \(state: VerificationStatus.suspended), updated_at = \(bind: now) WHERE id = \(bind: userID)
            """).run()
        let endsAt = decision.end(from: now)
        guard let id = try await db.raw("""
            INSERT INTO user_suspensions (user_id, kind, reason, starts_at, ends_at, decided_by, previous_status)
            VALUES (\(bind: userID), \(bind: decision.kind.rawValue), \(bind: decision.reason), \(bind: now), \(bind: endsAt),
                    \(bind: actor.userID), \(bind: user.verificationStatus.rawValue))
            RETURNING id
            """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the suspension was not recorded") }
        _ = try await SessionRepository(store: store, in: transaction).revokeAll(userID: userID, reason: .suspended, now: now)
        try await ProposalRepository.withdrawLive(of: userID, because: "provider \(decision.kind == .ban ? "banned" : "suspended")", now: now, on: db)
        try await SiteChangeQueue.enqueueProviderPage(of: userID, reason: "provider \(userID) kept out", now: now, in: transaction, store: store)
        var after = ["status": VerificationStatus.suspended.rawValue, "kind": decision.kind.rawValue]
        if let endsAt { after["ends_at"] = ISO8601DateFormatter().string(from: endsAt) }
        try await AuditLog(store: store, in: transaction).append(actor.because(decision.reason).entry(
            decision.auditedAction, on: .user, id: userID, before: ["status": user.verificationStatus.rawValue], after: after, at: now
        ))
        guard let suspension = try await Self.find(id, on: db) else { throw StoreError.conflict("the suspension was not recorded") }
        try await tell(user, suspension, transaction)
        return suspension
    }

    /// Lifts the suspension in force by hand, audited with the reason. 404 when none is in force.
    public func lift(_ userID: Int64, reason: String, by actor: AuditActor, now: Date, tell: @escaping Tell) async throws -> UserSuspension {
        try await store.inTransaction { [store] transaction in
            guard let current = try await Self.inForce(userID, on: transaction.sql) else {
                throw StoreError.notFound("this account is not suspended")
            }
            let lifted = try await Self.lift(current, by: actor.userID, reason: reason, now: now, in: transaction, store: store)
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                .suspensionLifted, on: .user, id: userID, before: ["status": VerificationStatus.suspended.rawValue],
                after: ["status": try await Self.status(of: userID, on: transaction.sql)], at: now
            ))
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
                _ = try await Self.lift(suspension, by: nil, reason: "ran out", now: now, in: transaction, store: store)
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

    static let columns: SQLQueryString = "id, user_id, kind, reason, starts_at, ends_at, decided_by, lifted_at, lifted_by, lift_reason"

    static func find(_ id: Int64, on db: any SQLDatabase) async throws -> UserSuspension? {
        try await db.raw("SELECT \(columns) FROM user_suspensions WHERE id = \(bind: id)").first().map(suspension(from:))
    }

    static func inForce(_ userID: Int64, on db: any SQLDatabase) async throws -> UserSuspension? {
        try await db.raw("""
            SELECT \(columns) FROM user_suspensions WHERE user_id = \(bind: userID) AND lifted_at IS NULL ORDER BY id DESC LIMIT 1
            """).first().map(suspension(from:))
    }

    static func status(of userID: Int64, on db: any SQLDatabase) async throws -> String {
        try await db.raw("SELECT verification_status FROM users WHERE id = \(bind: userID)").first()?
            .decode(column: "verification_status", as: String.self) ?? ""
    }

    /// Ends a suspension: the account returns to the status it had, and a provider's page is queued to come back.
    /// Only a suspension still open is lifted, so two lifts racing change the account once.
    private static func lift(
        _ suspension: UserSuspension, by liftedBy: Int64?, reason: String, now: Date, in transaction: StoreTransaction, store: Store
    ) async throws -> UserSuspension {
        let db = transaction.sql
        guard let row = try await db.raw("""
            UPDATE user_suspensions SET lifted_at = \(bind: now), lifted_by = \(bind: liftedBy), lift_reason = \(bind: reason)
            WHERE id = \(bind: suspension.id) AND lifted_at IS NULL RETURNING previous_status
            """).first() else { throw StoreError.conflict("this suspension was already lifted") }
        let previous = try row.decode(column: "previous_status", as: String.self)
        try await db.raw("""
            UPDATE users SET verification_status = \(bind: previous), updated_at = \(bind: now)
            WHERE id = \(bind: suspension.userID) AND verification_status = \(state: VerificationStatus.suspended)
            """).run()
        try await SiteChangeQueue.enqueueProviderPage(of: suspension.userID, reason: "provider \(suspension.userID) back", now: now, in: transaction, store: store)
        guard let lifted = try await find(suspension.id, on: db) else { throw StoreError.conflict("the suspension vanished") }
        return lifted
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
            liftReason: try row.decode(column: "lift_reason", as: String.self)
        )
    }
}
