/// What a project message is: written by a member, a file a member shared, or a line the service writes into the
/// room (a milestone approved, the project paused).
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    case text
    case file
    case system
}
