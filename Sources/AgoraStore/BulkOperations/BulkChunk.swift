import AgoraDomain
import Foundation
import SQLKit

/// One chunk of a bulk operation's accounts inside its transaction: the action applied to those it still applies
/// to, through the same set-based changes the one-account routes use, or the undo of what it did.
struct BulkChunk {
    let operation: BulkOperation
    let userIDs: [Int64]
    let now: Date
    let notify: BulkOperationRepository.Notify
    let store: Store
    let transaction: StoreTransaction

    /// Applies the action; returns the accounts changed (the rest are skipped).
    func apply() async throws -> [Int64] {
        let db = transaction.sql
        let staff = Set(try await db.raw("SELECT user_id FROM staff_members WHERE user_id IN (\(binds: userIDs))").all()
            .map { try $0.decode(column: "user_id", as: Int64.self) })
        let users = try await UserRepository(store: store, in: transaction).find(ids: userIDs).filter { !staff.contains($0.id) }
        let actor = operation.startedBy.because(operation.request.reason)
        switch operation.request.action {
        case .suspend:
            guard let decision = operation.request.suspension else { throw StoreError.conflict("a suspension without its decision") }
            let eligible = users.filter { $0.verificationStatus != .suspended }
            let opened = try await SuspensionRepository.keepOut(
                eligible, decision, bulkOperationID: operation.id, by: actor, now: now, in: transaction, store: store
            )
            try await tell(eligible, opened.map { ($0.userID, AccountNotice.keptOut($0)) })
            return opened.map(\.userID).sorted()
        case .liftSuspension:
            let open = try await SuspensionRepository.open(of: users.map(\.id), on: db)
            let lifted = try await SuspensionRepository.lift(
                open, reason: operation.request.reason, bulkOperationID: operation.id, by: actor, now: now, in: transaction, store: store
            )
            try await tell(users, lifted.map { ($0.userID, AccountNotice.letBackIn) })
            return lifted.map(\.userID).sorted()
        case .verifyAddress:
            return try await AccountInterventions.verifyAddresses(
                of: users.map(\.id), bulkOperationID: operation.id, by: actor, now: now, in: transaction, store: store
            )
        }
    }

    /// Lifts the suspensions the operation opened that are still in force; returns the accounts let back in.
    func putBack() async throws -> [Int64] {
        guard let undoneBy = operation.undoneBy else { throw StoreError.conflict("an undo without its author") }
        let open = try await SuspensionRepository.open(of: userIDs, openedBy: operation.id, on: transaction.sql)
        let lifted = try await SuspensionRepository.lift(
            open, reason: undoneBy.reason, bulkOperationID: operation.id, by: undoneBy, now: now, in: transaction, store: store
        )
        let users = try await UserRepository(store: store, in: transaction).find(ids: lifted.map(\.userID))
        try await tell(users, lifted.map { ($0.userID, AccountNotice.letBackIn) })
        return lifted.map(\.userID).sorted()
    }

    /// Queues each notice's email to its account's owner in the chunk's transaction.
    private func tell(_ users: [UserAccount], _ notices: [(Int64, AccountNotice)]) async throws {
        let byID = Dictionary(users.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let emails = try notices.compactMap { id, notice in try byID[id].map { try notify($0, notice) } }
        try await EmailOutbox(store: store, in: transaction).enqueue(emails, now: now)
    }
}
