import AgoraDomain
import Foundation

/// What a step on a milestone changed, for its announcements and its answer.
public struct MilestoneStepped: Sendable {
    /// What happened, as the activity feed names it (a proposal, a step, a reminder).
    public let event: ProjectActivityKind
    public let actor: MilestoneActor
    /// The project after the step, as the member who took it sees it (as the client, for the review window).
    public let details: ProjectDetails
    public let milestone: Milestone
    /// Whether the step completed the project: every agreed milestone is approved.
    public let completedProject: Bool
    /// The members, by side.
    public let members: [ProjectRole: Recipient]
}
