import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Every 15 seconds: carries the queued meeting changes to people's CalDAV calendars (`CalDAVSync`), a claimed batch
/// at a time, each push leased so that two workers never send the same one.
public struct CalDAVPushJob: PeriodicJob {
    let store: Store
    let sync: CalDAVSync
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "caldav push"

    static let batchSize = 20
    /// Longer than a pass's pushes can take to one calendar.
    static let lease: TimeInterval = 120

    public init(
        store: Store, sync: CalDAVSync, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(15),
        logger: Logger = Logger(label: "agora.jobs.caldav-push")
    ) {
        self.store = store
        self.sync = sync
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let written: Int
        public let failed: Int

        public init(written: Int, failed: Int) {
            self.written = written
            self.failed = failed
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        var written = 0
        var failed = 0
        // A calendar that failed once in a pass is not tried again in it: its other pushes wait for their lease.
        var failing: Set<Int64> = []
        for push in try await CalDAVRepository(store: store).claimDue(now: now, limit: Self.batchSize, lease: Self.lease) where !failing.contains(push.userID) {
            if try await sync.push(push, now: now) {
                written += 1
            } else {
                failed += 1
                failing.insert(push.userID)
            }
        }
        if written + failed > 0 { logger.info("caldav push", metadata: ["written": "\(written)", "failed": "\(failed)"]) }
        return Pass(written: written, failed: failed)
    }
}
