import AgoraDomain
import Foundation

/// Messages staff send to accounts: one email per recipient queued in the outbox and one audit entry per recipient,
/// all in one transaction, so a message reaches the whole segment or nobody.
public struct StaffMessages: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Emails written to each row of the outbox at once.
    static let batchSize = 500

    /// Queues `compose(recipient)` for every recipient, audited with the subject.
    public func send(
        to recipients: [UserAccount], subject: String, by actor: AuditActor, now: Date,
        compose: @escaping @Sendable (UserAccount) throws -> NewOutboxEmail
    ) async throws {
        try await store.inTransaction { [store] transaction in
            let outbox = EmailOutbox(store: store, in: transaction)
            let log = AuditLog(store: store, in: transaction)
            for batch in stride(from: 0, to: recipients.count, by: Self.batchSize) {
                let slice = recipients[batch..<min(batch + Self.batchSize, recipients.count)]
                try await outbox.enqueue(try slice.map(compose), now: now)
                for recipient in slice {
                    try await log.append(actor.entry(.userMessaged, on: .user, id: recipient.id, before: [:], after: ["subject": subject], at: now))
                }
            }
        }
    }
}
