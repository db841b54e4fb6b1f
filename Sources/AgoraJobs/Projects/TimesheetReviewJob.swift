import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Keeps hourly work moving: stops timers forgotten past their week or past `HourlyRules.entryMinutes`, and
/// approves the weeks of time whose review window (`projects.timesheet-review-days` after the week ends) closed
/// without the client's answer, each in its own transaction, announced once.
public struct TimesheetReviewJob: PeriodicJob {
    let store: Store
    let settings: LivePlatformSettings
    let announcer: ProjectAnnouncer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "timesheet reviews"

    /// Weeks approved per pass at most.
    static let batchSize = 200

    public init(
        store: Store, settings: LivePlatformSettings, announcer: ProjectAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(600), logger: Logger = Logger(label: "agora.jobs.timesheet-reviews")
    ) {
        self.store = store
        self.settings = settings
        self.announcer = announcer
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let timersStopped: Int
        public let approved: Int

        public init(timersStopped: Int, approved: Int) {
            self.timersStopped = timersStopped
            self.approved = approved
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let stopped = try await TimeEntryRepository(store: store).stopForgotten(now: now)
        let approved = try await TimesheetRepository(store: store).approveUnanswered(
            windowDays: settings.current.number(.projectsTimesheetReviewDays), now: now, limit: Self.batchSize, announce: announcer.timesheet
        )
        if stopped + approved > 0 { logger.info("timesheet reviews", metadata: ["timers_stopped": "\(stopped)", "approved": "\(approved)"]) }
        return Pass(timersStopped: stopped, approved: approved)
    }
}
