/// What happened in a project, as its activity feed records it (`project_activities.kind`).
public enum ProjectActivityKind: String, Sendable, Codable, CaseIterable {
    case projectStarted = "project.started"
    case projectCompleted = "project.completed"
    case cancellationRequested = "project.cancellation-requested"
    case cancellationWithdrawn = "project.cancellation-withdrawn"
    case cancellationDeclined = "project.cancellation-declined"
    case projectCancelled = "project.cancelled"
    case projectPaused = "project.paused"
    case projectResumed = "project.resumed"
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
    case fileAttached = "milestone.file-attached"
    case fileRemoved = "milestone.file-removed"
    case milestoneFunded = "milestone.funded"
    case escrowReleased = "escrow.released"
    case escrowRefunded = "escrow.refunded"
    case disputeOpened = "dispute.opened"
    case disputeEvidenceAdded = "dispute.evidence-added"
    case disputeWithdrawn = "dispute.withdrawn"
    case disputeResolved = "dispute.resolved"
    case timeLogged = "time.logged"
    case timeChanged = "time.changed"
    case timeRemoved = "time.removed"
    case timesheetApproved = "timesheet.approved"
    case timesheetApprovedAutomatically = "timesheet.approved-automatically"
    case weekCharged = "week.charged"
    case weekChargeFailed = "week.charge-failed"
    case weekReleased = "week.released"

    /// The entry a step on a milestone leaves.
    public init(_ step: MilestoneStep, by actor: MilestoneActor) {
        self = switch step {
        case .accept: .milestoneAccepted
        case .decline: .milestoneDeclined
        case .withdraw: .milestoneWithdrawn
        case .fund: .milestoneFunded
        case .refundAll: .escrowRefunded
        case .settle: .disputeResolved
        case .start: .milestoneStarted
        case .submit: .milestoneSubmitted
        case .requestChanges: .changesRequested
        case .approve: actor == .reviewWindow ? .approvedAutomatically : .milestoneApproved
        }
    }

    /// The feed's words for it.
    public var title: String {
        switch self {
        case .projectStarted: "Project started"
        case .projectCompleted: "Project completed"
        case .cancellationRequested: "Asked to cancel"
        case .cancellationWithdrawn: "Withdrew the request to cancel"
        case .cancellationDeclined: "Declined to cancel"
        case .projectCancelled: "Project cancelled"
        case .projectPaused: "Project paused"
        case .projectResumed: "Project resumed"
        case .milestoneProposed: "Milestone proposed"
        case .milestoneAccepted: "Milestone accepted"
        case .milestoneDeclined: "Milestone declined"
        case .milestoneWithdrawn: "Milestone withdrawn"
        case .milestoneStarted: "Milestone started"
        case .milestoneSubmitted: "Delivered for review"
        case .changesRequested: "Changes requested"
        case .milestoneApproved: "Milestone approved"
        case .milestoneFunded: "Milestone funded"
        case .escrowReleased: "Payment released"
        case .escrowRefunded: "Payment refunded"
        case .disputeOpened: "Dispute opened"
        case .disputeEvidenceAdded: "Evidence added to the dispute"
        case .disputeWithdrawn: "Dispute withdrawn"
        case .disputeResolved: "Dispute decided"
        case .approvedAutomatically: "Approved when the review window closed"
        case .reviewReminded: "Client reminded to review"
        case .fileAttached: "File attached"
        case .fileRemoved: "File removed"
        case .timeLogged: "Time logged"
        case .timeChanged: "Time corrected"
        case .timeRemoved: "Time removed"
        case .timesheetApproved: "Week of time approved"
        case .timesheetApprovedAutomatically: "Week of time approved when the review window closed"
        case .weekCharged: "Week of time paid into escrow"
        case .weekChargeFailed: "Week of time not charged"
        case .weekReleased: "Payment for a week released"
        }
    }
}
