/// What happens in a project's room, as its members' connections hear it. The kinds that are kept
/// (`isRecorded`) take the room's next sequence number and are replayed, from the database, to a member who comes
/// back with the last number they saw; the others (typing, presence) are only ever live.
public enum RoomEventKind: String, Sendable, Codable, CaseIterable {
    case messageCreated = "message.created"
    case messageEdited = "message.edited"
    case messageDeleted = "message.deleted"
    case messagesRead = "messages.read"
    /// A milestone or the project moved: the room reloads the project.
    case projectChanged = "project.changed"
    case typing
    case presence

    /// Whether the event is kept with a sequence number, to be replayed.
    public var isRecorded: Bool {
        switch self {
        case .messageCreated, .messageEdited, .messageDeleted, .messagesRead, .projectChanged: true
        case .typing, .presence: false
        }
    }

    /// Whether the event names a message (its subject), which a live frame carries.
    public var isAboutMessage: Bool {
        self == .messageCreated || self == .messageEdited || self == .messageDeleted
    }
}
