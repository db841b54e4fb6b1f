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

    public var progress: ProjectProgress {
        ProjectProgress(milestones.map { ($0.status, $0.amount.minorUnits) })
    }

    public func health(now: Date, quietAfterDays: Int) -> [ProjectHealth] {
        ProjectHealth.issues(
            status: project.status, milestones: milestones.map { ($0.status, $0.dueAt) }, lastActivity: project.lastActivityAt,
            now: now, quietAfterDays: quietAfterDays
        )
    }

    /// The milestones whose next step is the asker's.
    public var awaitingMe: [Milestone] {
        project.status.isWorking ? milestones.filter { $0.status.awaits(role, proposer: $0.proposedBy) } : []
    }
}
