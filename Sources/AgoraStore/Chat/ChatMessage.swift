import AgoraDomain
import Foundation

/// A message of a project's room, opened: its text is here only in memory, never in the database.
public struct ChatMessage: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    /// Who wrote it; nil for the service's own lines.
    public let senderID: Int64?
    public let kind: MessageKind
    /// The text; nil once deleted.
    public let body: String?
    public let replyTo: Int64?
    public let createdAt: Date
    public let editedAt: Date?
    public let deletedAt: Date?
    /// Hidden by moderation from everyone but its author (and staff) until a moderator decides.
    public let moderationHold: Bool
    /// The file a message of kind `file` shares (its name is the message's body), until the message is deleted.
    public internal(set) var file: MessageFile? = nil
}

/// The stored bytes of a file shared in a chat: where they are kept, their sniffed type, size and digest.
public struct MessageFile: Sendable, Hashable {
    public let storageName: String
    public let mediaType: String
    public let byteSize: Int64
    public let sha256: String

    public init(storageName: String, mediaType: String, byteSize: Int64, sha256: String) {
        self.storageName = storageName
        self.mediaType = mediaType
        self.byteSize = byteSize
        self.sha256 = sha256
    }
}

/// A page of a room's history, oldest first, with where each member has read up to.
public struct ChatPage: Sendable {
    public let messages: [ChatMessage]
    /// The id to ask `before` for the older page; nil at the start of the room.
    public let olderBefore: Int64?
    /// The last message each member has read, by user id.
    public let readUpTo: [Int64: Int64]
    /// The room's latest event number when the page was read.
    public let sequence: Int64
}
