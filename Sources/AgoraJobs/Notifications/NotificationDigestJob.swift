import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Sends digests: for each person whose digest is due (`DigestFrequency`, in their zone), one email gathering what
/// they left unread in the categories they chose it for (`EmailComposer.digest`), or nothing when there is nothing —
/// either way the next digest counts from now. Optional mail: it carries a one-click unsubscribe, and it is additive:
/// the notifications' own emails follow the email channel as before.
public struct NotificationDigestJob: PeriodicJob {
    let store: Store
    let composer: EmailComposer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "notification digests"

    /// People handled per pass at most.
    static let batchSize = 200
    /// Notifications listed in one digest at most; the email says how many there are in all.
    static let shownPerDigest = 50

    public init(
        store: Store, composer: EmailComposer,
        clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(600),
        logger: Logger = Logger(label: "agora.jobs.notification-digests")
    ) {
        self.store = store
        self.composer = composer
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// One pass over the people whose digest is due; returns how many digest emails it queued.
    @discardableResult
    public func runOnce() async throws -> Int {
        let digests = NotificationDigestRepository(store: store)
        let now = clock.now
        var sent = 0
        for recipient in try await digests.due(now: now, limit: Self.batchSize) {
            let (gathered, total) = try await digests.unread(for: recipient, limit: Self.shownPerDigest)
            var email: NewOutboxEmail?
            if total > 0 {
                email = try composer.digest(
                    gathered, total: total, frequency: recipient.preferences.digest, to: recipient.person
                )
            }
            try await digests.record(recipient, gathered: gathered, email: email, now: now)
            if email != nil { sent += 1 }
        }
        if sent > 0 { logger.info("notification digests", metadata: ["sent": "\(sent)"]) }
        return sent
    }
}
