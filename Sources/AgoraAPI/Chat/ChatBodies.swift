import AgoraDomain
import AgoraMarkdown
import AgoraStore
import Foundation
import Hummingbird

/// `{"body": "…", "reply_to": 12}`: a message; JSON types are checked here, the text by `ChatRules.body`.
struct MessageInput: RequestBody {
    static let fields: Set<String> = ["body", "reply_to"]
    let body: String?
    let replyTo: Int?

    init(reading body: inout JSONObjectBody) {
        self.body = body.string("body", maximumLength: 20_000, multiline: true)
        replyTo = body.integer("reply_to")
    }
}

/// `{"message_id": 12}`: the last message a member has read.
struct ReadInput: RequestBody {
    static let fields: Set<String> = ["message_id"]
    let messageID: Int?

    init(reading body: inout JSONObjectBody) {
        messageID = body.integer("message_id")
    }
}

/// A message as a member of its room reads it: the text as written and rendered (the shared Markdown engine in its
/// members' mode: raw HTML dropped, unsafe links emptied), who wrote it by side, and until when its author may edit
/// it.
struct ChatMessageBody: ResponseEncodable {
    /// A shared file: its name, sniffed type and size, and the address that downloads it (for the room's members).
    struct File: Encodable {
        let name: String
        let mediaType: String
        let byteSize: Int64
        let url: String
    }

    let id: Int64
    let kind: String
    /// The side of the member who wrote it; absent for the service's lines.
    let sender: String?
    let mine: Bool
    /// Absent once deleted, and for the other member while moderation hides it (`hidden`).
    let body: String?
    let bodyHtml: String?
    let replyTo: Int64?
    let createdAt: Date
    let editedAt: Date?
    let deleted: Bool
    /// On a message of kind `file`, while it is readable: the file it shares (`body` is its name).
    let file: File?
    /// Moderation hides it: its author still reads it, the other member does not.
    let hidden: Bool
    /// Until when the reader may edit or delete it: only on their own live messages.
    let editableUntil: Date?

    init(_ message: ChatMessage, in room: Project, reader: Int64, now: Date) {
        id = message.id
        kind = message.kind.rawValue
        sender = message.senderID.flatMap(room.role(of:))?.rawValue
        mine = message.senderID == reader
        hidden = message.moderationHold
        let readable = mine || !message.moderationHold
        body = readable ? message.body : nil
        bodyHtml = readable && message.kind == .text ? message.body.map(MarkdownRenderer.userText.render) : nil
        if readable, let name = message.body, let shared = message.file {
            file = File(name: name, mediaType: shared.mediaType, byteSize: shared.byteSize, url: Self.fileURL(of: message.id))
        } else {
            file = nil
        }
        replyTo = message.replyTo
        createdAt = message.createdAt
        editedAt = message.editedAt
        deleted = message.deletedAt != nil
        let until = message.createdAt.addingTimeInterval(ChatRules.editWindow)
        editableUntil = mine && message.deletedAt == nil && message.kind == .text && until > now ? until : nil
    }

    static func fileURL(of messageID: Int64) -> String { "/api/messages/\(messageID)/file" }
}

/// A page of a room's history, oldest first: `next_before` continues it backwards; `read_up_to` is where each side
/// has read; `sequence` is the room's latest event number, where a live connection picks up.
struct ChatPageBody: ResponseEncodable {
    struct ReadPositions: Encodable {
        let client: Int64?
        let provider: Int64?
    }

    let messages: [ChatMessageBody]
    let nextBefore: Int64?
    let readUpTo: ReadPositions
    let sequence: Int64
}

/// Messages found by a search, newest first.
struct ChatSearchBody: ResponseEncodable {
    let messages: [ChatMessageBody]
}

/// Where each side has read up to, after a member's read.
struct ReadPositionsBody: ResponseEncodable {
    let readUpTo: ChatPageBody.ReadPositions
}
