import AgoraDomain
import Foundation

/// A step of a project's work with its price and due date (`project_milestones`).
public struct Milestone: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    /// Its place in the project's list, from 1.
    public let position: Int
    public let title: String
    public let description: String
    public let amount: Money
    public let dueAt: Date?
    public let status: MilestoneStatus
    /// The side that proposed it while the project ran; nil for the accepted proposal's plan.
    public let proposedBy: ProjectRole?
    /// How many times a deliverable was submitted.
    public let revision: Int
    public let submittedAt: Date?
    /// When the client was reminded of a submission waiting for review.
    public let remindedAt: Date?
    public let approvedAt: Date?
    /// The money held for it: funded, released, refunded.
    public let escrow: Escrow
    public let createdAt: Date
    public let updatedAt: Date
}

/// One deliverable submitted for a milestone, with the client's answer once given (`milestone_submissions`).
public struct MilestoneSubmission: Sendable, Hashable {
    public let id: Int64
    public let milestoneID: Int64
    /// 1 for the first submission, then one more each time changes were requested.
    public let revision: Int
    public let note: String
    public let submittedAt: Date
    /// The client's note asking for changes; nil until answered, and for an approval.
    public let response: String?
    public let respondedAt: Date?
}
