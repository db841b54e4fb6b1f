import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A project's chat over HTTP, for its two members: the history a page at a time, sending (with a flood limit per
/// member and room), sharing files (through the attachment intake), editing within `ChatRules.editWindow`,
/// deleting, read positions and whole-word search. A room the asker is not a member of answers 404, as one that does
/// not exist.
struct ChatRoutes: Sendable {
    let store: Store
    let keyring: MessageKeyring
    let clock: any AgoraClock
    let limiter: RateLimiter
    let intake: AttachmentIntake
    let announcer: ChatAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("projects/{id}/messages", use: history)
        signedIn.post("projects/{id}/messages", use: send)
        signedIn.post("projects/{id}/messages/read", use: read)
        signedIn.post("projects/{id}/messages/files", use: share)
        signedIn.get("messages/{id}/file", use: download)
        signedIn.get("projects/{id}/messages/search", use: search)
        signedIn.patch("messages/{id}", use: edit)
        signedIn.delete("messages/{id}", use: delete)
    }

    private var chat: ChatRepository { ChatRepository(store: store, keyring: keyring) }

    /// `?before=&limit=`: the newest messages, or those before a message, oldest first.
    @Sendable func history(_ request: Request, context: AgoraRequestContext) async throws -> ChatPageBody {
        let (identity, room) = try await member(context)
        var query = try ListQuery(request, allowing: ["before", "limit"])
        let before = query.before()
        let limit = query.limit(default: ChatRules.defaultPageSize)
        try query.finish()
        let page = try await chat.page(of: room, before: before, limit: limit)
        let now = clock.now
        return ChatPageBody(
            messages: page.messages.map { ChatMessageBody($0, in: room, reader: identity.userID, now: now) },
            nextBefore: page.olderBefore, readUpTo: Self.positions(page.readUpTo, in: room), sequence: page.sequence
        )
    }

    @Sendable func send(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ChatMessageBody> {
        let (identity, room) = try await member(context)
        let input = try await request.decode(as: MessageInput.self, context: context)
        let body = try ChatRules.body(input.body)
        try await limiter.hit(.chatMessage, key: "\(identity.userID):\(room.id)")
        let posted = try await chat.post(
            projectID: room.id, by: identity.userID, body: body, replyTo: input.replyTo.map(Int64.init), now: clock.now, announce: announce
        )
        return EditedResponse(
            status: .created, headers: [.location: "/api/messages/\(posted.message.id)"],
            response: ChatMessageBody(posted.message, in: room, reader: identity.userID, now: clock.now)
        )
    }

    /// One file (multipart, part `file`), shared as a message of its own: the flood limit, then the attachment
    /// intake (upload rate, daily bytes, sniffing), then the message; the bytes go when the message cannot be written.
    @Sendable func share(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ChatMessageBody> {
        let (identity, room) = try await member(context)
        try await limiter.hit(.chatMessage, key: "\(identity.userID):\(room.id)")
        let received = try await intake.receive(request, uploaderID: identity.userID, maximumBytes: OrderFileLimits.maximumBytes)
        let posted = try await intake.recorded(received) { received in
            try await chat.postFile(
                projectID: room.id, by: identity.userID, name: received.fileName,
                file: MessageFile(storageName: received.storageName, mediaType: received.mediaType, byteSize: received.byteSize, sha256: received.sha256),
                now: clock.now, announce: announce
            )
        }
        return EditedResponse(
            status: .created, headers: [.location: ChatMessageBody.fileURL(of: posted.message.id)],
            response: ChatMessageBody(posted.message, in: room, reader: identity.userID, now: clock.now)
        )
    }

    /// The file a message shares, streamed to a member of its room who may read the message, as an attachment.
    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        guard let (message, _) = try await chat.message(id, for: identity.userID), let name = message.body, let file = message.file,
              !message.moderationHold || message.senderID == identity.userID
        else { throw Self.notFound }
        return try await intake.download(storageName: file.storageName, fileName: name, mediaType: file.mediaType, byteSize: file.byteSize, context: context)
    }

    /// `{"body": "…"}`: the author's new text, within the edit window.
    @Sendable func edit(_ request: Request, context: AgoraRequestContext) async throws -> ChatMessageBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let body = try ChatRules.body(try await request.decode(as: MessageInput.self, context: context).body)
        let changed = try await found { try await chat.edit(id, by: identity.userID, body: body, now: clock.now) }
        return try await answer(changed.message, reader: identity.userID)
    }

    /// The author deletes a message; the answer is its "message deleted" line.
    @Sendable func delete(_ request: Request, context: AgoraRequestContext) async throws -> ChatMessageBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let deleted = try await found { try await chat.delete(id, by: identity.userID, now: clock.now) }
        return try await answer(deleted.message, reader: identity.userID)
    }

    /// `{"message_id": 12}`: the asker has read up to this message (a position never moves back).
    @Sendable func read(_ request: Request, context: AgoraRequestContext) async throws -> ReadPositionsBody {
        let (identity, room) = try await member(context)
        let input = try await request.decode(as: ReadInput.self, context: context)
        guard let messageID = input.messageID, messageID > 0 else {
            throw ValidationError(field: "message_id", message: "is required: the id of the last message read")
        }
        _ = try await chat.markRead(projectID: room.id, by: identity.userID, upTo: Int64(messageID), now: clock.now)
        return ReadPositionsBody(readUpTo: Self.positions(try await chat.readPositions(of: room), in: room))
    }

    /// `?q=&limit=`: messages holding every word of `q` as a whole word (no prefixes: the index holds keyed hashes
    /// of whole words), newest first.
    @Sendable func search(_ request: Request, context: AgoraRequestContext) async throws -> ChatSearchBody {
        let (identity, room) = try await member(context)
        var query = try ListQuery(request, allowing: ["q", "limit"])
        let text = query.text("q", maximumLength: ChatRules.searchMaximumLength)
        let limit = query.limit()
        try query.finish()
        let words = try SearchWords.query(text)
        let found = try await chat.search(in: room, words: words, limit: limit)
        let now = clock.now
        return ChatSearchBody(messages: found.map { ChatMessageBody($0, in: room, reader: identity.userID, now: now) })
    }

    /// The other member's notification of a new message, gathered into bursts as the settings say.
    private var announce: @Sendable (MessagePosted) throws -> Announcements {
        { [announcer, settings] posted in try announcer.message(posted, burstWindow: settings.current.notificationBurstWindow) }
    }

    /// The asker and the project in the path, when they are one of its members.
    private func member(_ context: AgoraRequestContext) async throws -> (Identity, Project) {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: ProjectRoutes.notFound)
        guard let room = try await chat.room(id, for: identity.userID) else { throw ProjectRoutes.notFound }
        return (identity, room)
    }

    /// A change to a message of someone else's room answers 404.
    private func found<T>(_ change: () async throws -> T) async throws -> T {
        do {
            return try await change()
        } catch StoreError.notFound {
            throw Self.notFound
        }
    }

    private func answer(_ message: ChatMessage, reader: Int64) async throws -> ChatMessageBody {
        guard let room = try await chat.room(message.projectID, for: reader) else { throw Self.notFound }
        return ChatMessageBody(message, in: room, reader: reader, now: clock.now)
    }

    private static func positions(_ reads: [Int64: Int64], in room: Project) -> ChatPageBody.ReadPositions {
        ChatPageBody.ReadPositions(client: reads[room.member(.client)], provider: reads[room.member(.provider)])
    }

    static let notFound = Problem(status: .notFound, detail: "No message of your projects has this id.")
}
