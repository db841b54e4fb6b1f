import AgoraDomain
import Foundation
import SQLKit

/// What support does to an account besides keeping it out, each change audited with its reason in its own
/// transaction: requiring a new password, confirming an address by hand. Staff accounts are left to the staff
/// routes (409).
public struct AccountInterventions: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The password stops working and every session ends; a reset link (`tokenHash`, good until `expiresAt`) is
    /// stored and `tell` queues the email that carries it.
    public func requirePasswordReset(
        _ userID: Int64, tokenHash: String, expiresAt: Date, by actor: AuditActor, now: Date,
        tell: @escaping @Sendable (UserAccount, StoreTransaction) async throws -> Void
    ) async throws {
        try await store.inTransaction { [store] transaction in
            let user = try await Self.customer(userID, in: transaction, store: store)
            try await transaction.sql.raw("UPDATE users SET password_hash = NULL, updated_at = \(bind: now) WHERE id = \(bind: userID)").run()
            _ = try await SessionRepository(store: store, in: transaction).revokeAll(userID: userID, reason: .passwordReset, now: now)
            let resets = OneTimeTokenRepository(.passwordReset, store: store, in: transaction)
            try await resets.deleteAll(userID: userID)
            try await resets.insert(userID: userID, tokenHash: tokenHash, expiresAt: expiresAt, now: now)
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .passwordResetForced, on: .user, id: userID, before: [:], after: ["password": "reset required"], at: now
            ))
            try await tell(user, transaction)
        }
    }

    /// Confirms a pending account's address without its link. 409 when it is not pending.
    public func verifyAddress(_ userID: Int64, by actor: AuditActor, now: Date) async throws {
        try await store.inTransaction { [store] transaction in
            let user = try await Self.customer(userID, in: transaction, store: store)
            guard user.verificationStatus == .pending else { throw StoreError.conflict("this address is not waiting for confirmation") }
            try await UserRepository(store: store, in: transaction).markVerified(userID: userID, now: now)
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .addressVerified, on: .user, id: userID, before: ["status": VerificationStatus.pending.rawValue],
                after: ["status": VerificationStatus.verified.rawValue], at: now
            ))
        }
    }

    /// The account, if it exists and is not staff.
    private static func customer(_ userID: Int64, in transaction: StoreTransaction, store: Store) async throws -> UserAccount {
        guard let user = try await UserRepository(store: store, in: transaction).find(id: userID) else {
            throw StoreError.notFound("no account has this id")
        }
        guard try await StaffRepository(store: store, in: transaction).role(of: userID) == nil else {
            throw StoreError.conflict("staff accounts are managed from the staff page")
        }
        return user
    }
}
