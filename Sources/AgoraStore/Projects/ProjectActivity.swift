import AgoraDomain
import Foundation

/// One entry of a project's activity feed (`project_activities`).
public struct ProjectActivity: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    /// Who did it; nil for the service itself (the review window) or a deleted account.
    public let actorID: Int64?
    public let kind: ProjectActivityKind
    public let milestoneID: Int64?
    /// Values of the event, such as `{"title": "Wireframes"}`.
    public let detail: [String: String]
    public let createdAt: Date
}
