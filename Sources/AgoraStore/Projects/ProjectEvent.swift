import AgoraDomain
import Foundation

/// A change to a project as a whole (a request to cancel and its answer, a pause), for its announcements and its
/// answer.
public struct ProjectEvent: Sendable {
    public let event: ProjectActivityKind
    /// The member who caused it.
    public let actor: ProjectRole
    /// The project after it, as that member sees it.
    public let details: ProjectDetails
    /// The members, by side.
    public let members: [ProjectRole: Recipient]
    /// Why the member did it, when they said.
    public var reason: String? = nil
}
