/// What happened in a project, as its activity feed records it (`project_activities.kind`).
public enum ProjectActivityKind: String, Sendable, Codable, CaseIterable {
    case projectStarted = "project.started"
    case projectCompleted = "project.completed"
    case cancellationRequested = "project.cancellation-requested"
    case cancellationWithdrawn = "project.cancellation-withdrawn"
    case cancellationDeclined = "project.cancellation-declined"
    case projectCancelled = "project.cancelled"
    case milestoneProposed = "milestone.proposed"
    case milestoneAccepted = "milestone.accepted"
    case milestoneDeclined = "milestone.declined"
    case milestoneWithdrawn = "milestone.withdrawn"
    case milestoneStarted = "milestone.started"
    case milestoneSubmitted = "milestone.submitted"
    case changesRequested = "milestone.changes-requested"
    case milestoneApproved = "milestone.approved"
    case approvedAutomatically = "milestone.approved-automatically"
    case reviewReminded = "milestone.review-reminded"

    /// The entry a step on a milestone leaves.
    public init(_ step: MilestoneStep, by actor: MilestoneActor) {
        self = switch step {
        case .accept: .milestoneAccepted
        case .decline: .milestoneDeclined
        case .withdraw: .milestoneWithdrawn
        case .start: .milestoneStarted
        case .submit: .milestoneSubmitted
        case .requestChanges: .changesRequested
        case .approve: actor == .reviewWindow ? .approvedAutomatically : .milestoneApproved
        }
    }
}
