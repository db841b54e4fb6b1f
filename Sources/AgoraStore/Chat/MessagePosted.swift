import AgoraDomain

/// A message just written in a project's room, with what its announcement needs: the project, who sent it and the
/// members by side (the other member is told).
public struct MessagePosted: Sendable {
    public let message: ChatMessage
    public let projectID: Int64
    public let projectTitle: String
    public let sender: Recipient
    public let members: [ProjectRole: Recipient]

    /// The member who did not send it.
    public var recipient: Recipient? { members.values.first { $0.id != sender.id } }
}
