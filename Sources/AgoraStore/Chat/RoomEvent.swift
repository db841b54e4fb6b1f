import AgoraDomain
import Foundation

/// One kept event of a project's room, with its place in the room's sequence. It names what it is about (a
/// message, the message read up to, an activity entry) and never holds a message's text, which stays sealed in its
/// row.
public struct RoomEvent: Sendable, Hashable {
    public let projectID: Int64
    public let sequence: Int64
    public let kind: RoomEventKind
    /// The member who caused it; nil for the service.
    public let actorID: Int64?
    /// The message, or the activity entry, it is about.
    public let subjectID: Int64?
    public let createdAt: Date
}
