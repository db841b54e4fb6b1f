import AgoraDomain
import Foundation

/// A project as one of its members sees it: its milestones with their submissions, the other member, and what its
/// progress and health are made from.
public struct ProjectDetails: Sendable, Hashable {
    public let project: Project
    /// The asker's side.
    public let role: ProjectRole
    public let orderReference: String
    /// The member on the other side, by the name they show.
    public let counterpartName: String
    public let milestones: [Milestone]
    /// By milestone id, oldest first.
    public let submissions: [Int64: [MilestoneSubmission]]
    /// The delivered files, and those the asker attached for the next delivery, by milestone id, oldest first.
    public let files: [Int64: [ProjectFile]]
    /// Hourly work's weeks with time, oldest first; empty for fixed-price work.
    public let weeks: [WeekTotal]

    public var progress: ProjectProgress {
        guard let hours = project.billing.weeklyLimitHours else { return ProjectProgress(milestones.map { ($0.status, $0.amount.minorUnits) }) }
        return ProjectProgress(
            approvedMinutes: weeks.reduce(0) { $0 + ($1.approvedMinutes ?? 0) }, loggedMinutes: weeks.reduce(0) { $0 + $1.minutes },
            budgetedMinutes: HourlyRules.budgetedMinutes(weeklyLimitHours: hours, start: project.startedAt, deadline: project.deadline),
            rate: project.agreedPrice
        )
    }

    public func health(now: Date, quietAfterDays: Int) -> [ProjectHealth] {
        ProjectHealth.issues(
            status: project.status, milestones: milestones.map { ($0.status, $0.dueAt) },
            weeksInReview: weeks.filter { $0.status(now: now) == .inReview }.count, lastActivity: project.lastActivityAt,
            now: now, quietAfterDays: quietAfterDays
        )
    }

    /// The milestones whose next step is the asker's.
    public var awaitingMe: [Milestone] {
        project.status.isWorking ? milestones.filter { $0.status.awaits(role, proposer: $0.proposedBy) } : []
    }
}
