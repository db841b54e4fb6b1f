import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Keeps inboxes to what is current and the table to what is kept: read notifications older than
/// `notifications.archive-after-days` move to the archive, and notifications older than
/// `notifications.delete-after-days` are deleted (`NotificationRepository.tidy`), a batch of each per pass.
public struct NotificationRetentionJob: PeriodicJob {
    let store: Store
    let settings: LivePlatformSettings
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "notification retention"

    /// Notifications archived and deleted per pass at most, each.
    static let batchSize = 5_000

    public init(
        store: Store, settings: LivePlatformSettings, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600),
        logger: Logger = Logger(label: "agora.jobs.notification-retention")
    ) {
        self.store = store
        self.settings = settings
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let archived: Int
        public let deleted: Int

        public init(archived: Int, deleted: Int) {
            self.archived = archived
            self.deleted = deleted
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let (archived, deleted) = try await NotificationRepository(store: store).tidy(
            settings.current.notificationRetention, now: clock.now, limit: Self.batchSize
        )
        if archived + deleted > 0 {
            logger.info("notification retention", metadata: ["archived": "\(archived)", "deleted": "\(deleted)"])
        }
        return Pass(archived: archived, deleted: deleted)
    }
}
