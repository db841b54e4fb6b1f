import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Drains the email outbox: claims due messages, hands them to the transport, and records the outcome — sent, or
/// back in the queue with a backoff, or failed for good. Optional mail whose recipient stopped what its unsubscribe
/// link names (all optional mail, its category, the digest) by the time it would leave is not sent. Runs inside `agora serve` and `agora jobs`, stops on
/// graceful shutdown after the message in hand.
public struct EmailWorker: QueueWorker {
    let store: Store
    let transport: any MailTransport
    /// The `From` header, e.g. `Agora <no-reply@agora.example>`.
    let sender: String
    let clock: any AgoraClock
    let retry: RetryPolicy
    public let pollInterval: Duration
    public let logger: Logger
    public let name = "email outbox"

    /// How long a claimed message is reserved for this worker; after it, another worker may try.
    static let lease: TimeInterval = 300
    static let batchSize = 20

    public init(
        store: Store, transport: any MailTransport, sender: String, clock: any AgoraClock = SystemClock(),
        retry: RetryPolicy = .standard, pollInterval: Duration = .seconds(1), logger: Logger = Logger(label: "agora.email")
    ) {
        self.store = store
        self.transport = transport
        self.sender = sender
        self.clock = clock
        self.retry = retry
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Delivers one batch of due messages; returns how many it handled.
    @discardableResult
    public func drainOnce() async throws -> Int {
        let outbox = EmailOutbox(store: store)
        let due = try await outbox.claimDue(now: clock.now, limit: Self.batchSize, lease: Self.lease)
        let unsubscribes = EmailUnsubscribeRepository(store: store)
        for email in due {
            if let scope = email.unsubscribeScope, try await unsubscribes.isUnsubscribed(email.recipient, from: scope) {
                try await outbox.markSuppressed(id: email.id, reason: "the recipient unsubscribed from \(scope.label)", now: clock.now)
                continue
            }
            do {
                try await transport.deliver(MIMEMessage(from: sender, email: email, date: clock.now))
                try await outbox.markSent(id: email.id, now: clock.now)
                logger.info("email sent", metadata: ["template": "\(email.template)", "message_id": "\(email.messageID)"])
            } catch {
                let retryAt = retry.nextAttempt(after: email.attempts, now: clock.now)
                try await outbox.markUndelivered(id: email.id, error: "\(error)", retryAt: retryAt, now: clock.now)
                logger.warning(
                    retryAt == nil ? "email failed for good" : "email not delivered, will retry",
                    metadata: ["template": "\(email.template)", "message_id": "\(email.messageID)",
                               "attempt": "\(email.attempts)", "error": "\(error)"]
                )
            }
        }
        return due.count
    }
}
