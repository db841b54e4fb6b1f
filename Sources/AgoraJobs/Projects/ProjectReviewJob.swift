import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Keeps a client's silence from stalling a project. Fixed-price work: a submission waiting for review is reminded to
/// the client `MilestoneRules.reminderLead` before the review window (`projects.review-window-days`) closes, and
/// approved automatically once it has, as the window itself. Hourly work: timers forgotten past their week or past
/// `HourlyRules.entryMinutes` are stopped, and weeks of time whose review window (`projects.timesheet-review-days`
/// after the week ends) closed without the client's answer are approved. Each in its own transaction, announced once.
public struct ProjectReviewJob: PeriodicJob {
    let store: Store
    let settings: LivePlatformSettings
    let announcer: ProjectAnnouncer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "project reviews"

    /// Milestones reminded, milestones approved, and weeks approved, per pass at most, each.
    static let batchSize = 200

    public init(
        store: Store, settings: LivePlatformSettings, announcer: ProjectAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(600), logger: Logger = Logger(label: "agora.jobs.project-reviews")
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
        public let reminded: Int
        public let approved: Int
        public let timersStopped: Int
        public let weeksApproved: Int

        public init(reminded: Int = 0, approved: Int = 0, timersStopped: Int = 0, weeksApproved: Int = 0) {
            self.reminded = reminded
            self.approved = approved
            self.timersStopped = timersStopped
            self.weeksApproved = weeksApproved
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let current = settings.current
        let window = TimeInterval(current.number(.projectsReviewWindowDays)) * 86_400
        let milestones = MilestoneRepository(store: store)
        let reminded = try await milestones.remind(
            submittedBefore: now.addingTimeInterval(-(window - MilestoneRules.reminderLead)), now: now, limit: Self.batchSize, announce: announcer.milestone
        )
        let cutoff = now.addingTimeInterval(-window)
        var approved = 0
        for id in try await milestones.unanswered(submittedBefore: cutoff, limit: Self.batchSize) {
            if try await milestones.approveUnanswered(id, submittedBefore: cutoff, now: now, announce: announcer.milestone) != nil { approved += 1 }
        }
        let stopped = try await TimeEntryRepository(store: store).stopForgotten(now: now)
        let weeks = try await TimesheetRepository(store: store).approveUnanswered(
            windowDays: current.number(.projectsTimesheetReviewDays), now: now, limit: Self.batchSize, announce: announcer.timesheet
        )
        let pass = Pass(reminded: reminded, approved: approved, timersStopped: stopped, weeksApproved: weeks)
        if pass != Pass() {
            logger.info("project reviews", metadata: [
                "reminded": "\(reminded)", "approved": "\(approved)", "timers_stopped": "\(stopped)", "weeks_approved": "\(weeks)",
            ])
        }
        return pass
    }
}
