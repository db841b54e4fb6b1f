/// What an in-app notification reports, for filtering and icons. Stored and sent by its raw value
/// (`order_created`). The notifications issue gives each kind its category, channels and template.
public enum NotificationKind: String, Sendable, Codable, CaseIterable {
    case orderCreated = "order_created"
    case orderPublished = "order_published"
    case orderCancelled = "order_cancelled"
    case orderOffered = "order_offered"
    case proposalReceived = "proposal_received"
    case proposalCountered = "proposal_countered"
    case proposalRevised = "proposal_revised"
    case proposalWithdrawn = "proposal_withdrawn"
    case proposalAccepted = "proposal_accepted"
    case proposalRejected = "proposal_rejected"
    case milestoneProposed = "milestone_proposed"
    case milestoneAnswered = "milestone_answered"
    case milestoneStarted = "milestone_started"
    case milestoneSubmitted = "milestone_submitted"
    case changesRequested = "milestone_changes_requested"
    case milestoneApproved = "milestone_approved"
    case reviewReminder = "milestone_review_reminder"
    case projectCompleted = "project_completed"
    case projectCancellation = "project_cancellation"
    case projectCancelled = "project_cancelled"
}
