import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Keeps a client's silence from stalling a project: a submission waiting for review is reminded to the client
/// `MilestoneRules.reminderLead` before the review window (`projects.review-window-days`) closes, and approved
/// automatically once it has, as the window itself (each in its own transaction, announced once).
public struct MilestoneReviewJob: PeriodicJob {
    let store: Store
    let settings: LivePlatformSettings
    let announcer: ProjectAnnouncer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "milestone reviews"

    /// Milestones reminded, and approved, per pass at most.
    static let batchSize = 200

    public init(
        store: Store, settings: LivePlatformSettings, announcer: ProjectAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(600), logger: Logger = Logger(label: "agora.jobs.milestone-reviews")
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

        public init(reminded: Int, approved: Int) {
            self.reminded = reminded
            self.approved = approved
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let window = TimeInterval(settings.current.number(.projectsReviewWindowDays)) * 86_400
        let milestones = MilestoneRepository(store: store)
        let reminded = try await milestones.remind(
            submittedBefore: now.addingTimeInterval(-(window - MilestoneRules.reminderLead)), now: now, limit: Self.batchSize, announce: announcer.milestone
        )
        let cutoff = now.addingTimeInterval(-window)
        var approved = 0
        for id in try await milestones.unanswered(submittedBefore: cutoff, limit: Self.batchSize) {
            if try await milestones.approveUnanswered(id, submittedBefore: cutoff, now: now, announce: announcer.milestone) != nil { approved += 1 }
        }
        if reminded + approved > 0 { logger.info("milestone reviews", metadata: ["reminded": "\(reminded)", "approved": "\(approved)"]) }
        return Pass(reminded: reminded, approved: approved)
    }
}
