import AgoraDomain
import Foundation
import SQLKit

/// What support does to an account besides keeping it out, each change audited with its reason in its own
/// transaction: correcting its details, requiring a new password, confirming an address by hand. Staff accounts are
/// left to the staff routes (409).
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
            _ = try await Self.verifyAddresses(of: [userID], by: actor, now: now, in: transaction, store: store)
        }
    }

    /// Confirms the addresses of those of the accounts still pending, each audited, in the caller's transaction;
    /// returns the ids confirmed.
    static func verifyAddresses(
        of userIDs: [Int64], bulkOperationID: Int64? = nil, by actor: AuditActor, now: Date, in transaction: StoreTransaction, store: Store
    ) async throws -> [Int64] {
        guard !userIDs.isEmpty else { return [] }
        let verified = try await transaction.sql.raw("""
            UPDATE users SET verification_status = \(state: VerificationStatus.verified), email_verified_at = \(bind: now), updated_at = \(bind: now)
            WHERE id IN (\(binds: userIDs)) AND verification_status = \(state: VerificationStatus.pending)
            RETURNING id
            """).all().map { try $0.decode(column: "id", as: Int64.self) }.sorted()
        var after = ["status": VerificationStatus.verified.rawValue]
        if let bulkOperationID { after["bulk_operation"] = String(bulkOperationID) }
        try await AuditLog(store: store, in: transaction).append(contentsOf: verified.map { id in
            actor.entry(.addressVerified, on: .user, id: id, before: ["status": VerificationStatus.pending.rawValue], after: after, at: now)
        })
        return verified
    }

    /// Corrects the account's names or phone number: only what changes is written and audited (before and after),
    /// and a provider's public page is queued when its name changed. Returns the account as it is now.
    public func edit(_ userID: Int64, _ edit: AccountEdit, by actor: AuditActor, now: Date) async throws -> UserAccount {
        try await store.inTransaction { [store] transaction in
            let user = try await Self.customer(userID, in: transaction, store: store)
            let before = ["first_name": user.firstName, "last_name": user.lastName, "phone": user.phone ?? "", "country": user.countryCode ?? ""]
            var after = before
            if let first = edit.firstName { after["first_name"] = first }
            if let last = edit.lastName { after["last_name"] = last }
            if let phone = edit.phone {
                after["phone"] = phone.e164
                after["country"] = phone.countryCode
            }
            let changes = AuditEntry.changes(from: before, to: after)
            guard !changes.after.isEmpty else { return user }
            try await transaction.sql.raw("""
                UPDATE users SET first_name = \(bind: after["first_name"] ?? user.firstName), last_name = \(bind: after["last_name"] ?? user.lastName),
                    phone = \(bind: edit.phone?.e164 ?? user.phone), country_code = \(bind: edit.phone?.countryCode ?? user.countryCode),
                    updated_at = \(bind: now)
                WHERE id = \(bind: userID)
                """).run()
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .userEdited, on: .user, id: userID, before: changes.before, after: changes.after, at: now
            ))
            if changes.after["first_name"] != nil || changes.after["last_name"] != nil {
                try await SiteChangeQueue.enqueueProviderPage(of: userID, reason: "provider \(userID) renamed", now: now, in: transaction, store: store)
            }
            guard let edited = try await UserRepository(store: store, in: transaction).find(id: userID) else { throw StoreError.notFound("the account") }
            return edited
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
