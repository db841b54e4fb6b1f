import AgoraDomain
import Foundation
import SQLKit

/// The messages of projects' rooms, for the project's two members only: each change runs in one transaction with
/// the project locked, seals the text (`MessageKeyring`), keeps the blind index of its words, and takes the room's
/// next event number (`RoomEventLog`). Someone else finds nothing.
public struct ChatRepository: Sendable {
    let store: Store
    let keyring: MessageKeyring

    public init(store: Store, keyring: MessageKeyring) {
        self.store = store
        self.keyring = keyring
    }

    static let columns: SQLQueryString = "id, project_id, sender_id, kind, sealed_body, key_id, reply_to, created_at, edited_at, deleted_at, moderation_hold"

    /// A member writes `body` (checked by `ChatRules.body`), maybe in reply to a message of the same room; the other
    /// member is told with `announce`'s notification in the same transaction.
    public func post(
        projectID: Int64, by userID: Int64, body: String, replyTo: Int64?, now: Date,
        announce: @escaping @Sendable (MessagePosted) throws -> Announcements
    ) async throws -> (message: ChatMessage, event: RoomEvent) {
        try await store.transaction { [keyring, store] db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.role(of: userID) != nil else { throw StoreError.notFound("the project") }
            if let replyTo, try await db.raw("""
                SELECT id FROM project_messages WHERE id = \(bind: replyTo) AND project_id = \(bind: projectID)
                """).first() == nil {
                throw ValidationError(field: "reply_to", message: "must be a message of this project")
            }
            let (sealed, keyID) = try keyring.seal(body, projectID: projectID)
            guard let row = try await db.raw("""
                INSERT INTO project_messages (project_id, sender_id, kind, sealed_body, key_id, reply_to, created_at)
                VALUES (\(bind: projectID), \(bind: userID), \(state: MessageKind.text), \(bind: sealed), \(bind: keyID), \(bind: replyTo), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the message was not saved") }
            let message = try Self.message(from: row, keyring: keyring)
            try await Self.index(message.id, projectID: projectID, body: body, under: keyring.current, keyring: keyring, on: db)
            try await Self.moveRead(projectID: projectID, userID: userID, to: message.id, now: now, on: db)
            let event = try await RoomEventLog.append(.messageCreated, projectID: projectID, actorID: userID, subjectID: message.id, now: now, on: db)
            try await Self.announce(message, in: project, announce: announce, store: store, on: db, now: now)
            return (message, event)
        }
    }

    /// Its author changes a text message within `ChatRules.editWindow` of sending it.
    public func edit(_ messageID: Int64, by userID: Int64, body: String, now: Date) async throws -> (message: ChatMessage, event: RoomEvent) {
        try await store.transaction { [keyring] db in
            let current = try await Self.own(messageID, by: userID, kinds: [.text], on: db, keyring: keyring)
            guard ChatRules.editable(sentAt: current.createdAt, now: now) else {
                throw StatusTransitionError("a message may be edited for \(Int(ChatRules.editWindow / 60)) minutes after it is sent")
            }
            let (sealed, keyID) = try keyring.seal(body, projectID: current.projectID)
            guard let row = try await db.raw("""
                UPDATE project_messages SET sealed_body = \(bind: sealed), key_id = \(bind: keyID), edited_at = \(bind: now)
                WHERE id = \(bind: messageID) RETURNING \(Self.columns)
                """).first() else { throw StoreError.notFound("the message") }
            try await db.raw("DELETE FROM message_terms WHERE message_id = \(bind: messageID)").run()
            try await Self.index(messageID, projectID: current.projectID, body: body, under: keyring.current, keyring: keyring, on: db)
            let event = try await RoomEventLog.append(.messageEdited, projectID: current.projectID, actorID: userID, subjectID: messageID, now: now, on: db)
            return (try Self.message(from: row, keyring: keyring), event)
        }
    }

    /// Its author deletes a message: its text and index go, a "message deleted" line stays in its place.
    public func delete(_ messageID: Int64, by userID: Int64, now: Date) async throws -> (message: ChatMessage, event: RoomEvent) {
        try await store.transaction { [keyring] db in
            let current = try await Self.own(messageID, by: userID, kinds: [.text, .file], on: db, keyring: keyring)
            // A shared file goes with its message: its row now, its bytes at the storage sweep's next pass.
            try await db.raw("DELETE FROM message_files WHERE message_id = \(bind: messageID)").run()
            guard let row = try await db.raw("""
                UPDATE project_messages SET sealed_body = NULL, key_id = NULL, deleted_at = \(bind: now)
                WHERE id = \(bind: messageID) RETURNING \(Self.columns)
                """).first() else { throw StoreError.notFound("the message") }
            try await db.raw("DELETE FROM message_terms WHERE message_id = \(bind: messageID)").run()
            let event = try await RoomEventLog.append(.messageDeleted, projectID: current.projectID, actorID: userID, subjectID: messageID, now: now, on: db)
            return (try Self.message(from: row, keyring: keyring), event)
        }
    }

    /// A member has read the room up to `messageID`: their position only moves forward (nil event when it did not
    /// move).
    public func markRead(projectID: Int64, by userID: Int64, upTo messageID: Int64, now: Date) async throws -> RoomEvent? {
        try await store.transaction { db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.role(of: userID) != nil else { throw StoreError.notFound("the project") }
            guard try await db.raw("""
                SELECT id FROM project_messages WHERE id = \(bind: messageID) AND project_id = \(bind: projectID)
                """).first() != nil else {
                throw ValidationError(field: "message_id", message: "must be a message of this project")
            }
            guard try await Self.moveRead(projectID: projectID, userID: userID, to: messageID, now: now, on: db) else { return nil }
            return try await RoomEventLog.append(.messagesRead, projectID: projectID, actorID: userID, subjectID: messageID, now: now, on: db)
        }
    }

    /// The project whose room it is, when `userID` is one of its two members; nil for anyone else.
    public func room(_ projectID: Int64, for userID: Int64) async throws -> Project? {
        guard let project = try await ProjectRepository.project(projectID, on: store.sql), project.role(of: userID) != nil else { return nil }
        return project
    }

    /// A page of the room's history before `before` (the newest page without it), oldest first; `room` comes from
    /// `room(_:for:)`, which checked the reader.
    public func page(of room: Project, before: Int64?, limit: Int) async throws -> ChatPage {
        let db = store.sql
        let sequence = try await RoomEventLog(store: store).latest(of: room.id)
        var query: SQLQueryString = "SELECT \(Self.columns) FROM project_messages WHERE project_id = \(bind: room.id)"
        if let before { query = query + " AND id < \(bind: before)" }
        let rows = try await db.raw(query + " ORDER BY id DESC LIMIT \(bind: limit + 1)").all()
        let messages = try await Self.withFiles(try rows.prefix(limit).map { try Self.message(from: $0, keyring: keyring) }, on: db)
        return ChatPage(
            messages: messages.reversed(), olderBefore: rows.count > limit ? messages.last?.id : nil,
            readUpTo: try await readPositions(of: room), sequence: sequence
        )
    }

    /// The last message each member of the room has read, by user id; `room` comes from `room(_:for:)`.
    public func readPositions(of room: Project) async throws -> [Int64: Int64] {
        let reads = try await store.sql.raw("SELECT user_id, message_id FROM message_reads WHERE project_id = \(bind: room.id)").all()
        return Dictionary(uniqueKeysWithValues: try reads.map {
            (try $0.decode(column: "user_id", as: Int64.self), try $0.decode(column: "message_id", as: Int64.self))
        })
    }

    /// Messages of the room (newest first, at most `limit`) holding every one of `words` as a whole word; `room`
    /// comes from `room(_:for:)`.
    public func search(in room: Project, words: [String], limit: Int) async throws -> [ChatMessage] {
        var query: SQLQueryString = "SELECT \(Self.columns) FROM project_messages m WHERE m.project_id = \(bind: room.id)"
        for terms in keyring.searchTerms(of: words) {
            query = query + """
                 AND EXISTS (SELECT 1 FROM message_terms t WHERE t.project_id = \(bind: room.id) AND t.message_id = m.id AND t.term IN (\(binds: terms)))
                """
        }
        let found = try await store.sql.raw(query + " ORDER BY m.id DESC LIMIT \(bind: limit)").all().map { try Self.message(from: $0, keyring: keyring) }
        return try await Self.withFiles(found, on: store.sql)
    }

    /// A message of a room `userID` is a member of, opened, with its room; nil for anyone else.
    public func message(_ id: Int64, for userID: Int64) async throws -> (message: ChatMessage, room: Project)? {
        guard let row = try await store.sql.raw("SELECT \(Self.columns) FROM project_messages WHERE id = \(bind: id)").first() else { return nil }
        guard let message = try await Self.withFiles([try Self.message(from: row, keyring: keyring)], on: store.sql).first,
              let room = try await room(message.projectID, for: userID) else { return nil }
        return (message, room)
    }

    /// Messages of a room by id, opened; `room` comes from `room(_:for:)`.
    public func messages(_ ids: [Int64], in room: Project) async throws -> [Int64: ChatMessage] {
        let rows = try await store.sql.raw("""
            SELECT \(Self.columns) FROM project_messages WHERE project_id = \(bind: room.id) AND id IN (\(binds: ids))
            """).all()
        let messages = try await Self.withFiles(try rows.map { try Self.message(from: $0, keyring: keyring) }, on: store.sql)
        return Dictionary(uniqueKeysWithValues: messages.map { ($0.id, $0) })
    }

    /// A member shares a file in the room: a message of kind `file` whose sealed body is the file's name (found by
    /// search like any text), with the stored bytes' row, in one transaction; the other member is told as for a text.
    public func postFile(
        projectID: Int64, by userID: Int64, name: String, file: MessageFile, now: Date,
        announce: @escaping @Sendable (MessagePosted) throws -> Announcements
    ) async throws -> (message: ChatMessage, event: RoomEvent) {
        try await store.transaction { [keyring, store] db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.role(of: userID) != nil else { throw StoreError.notFound("the project") }
            let (sealed, keyID) = try keyring.seal(name, projectID: projectID)
            guard let row = try await db.raw("""
                INSERT INTO project_messages (project_id, sender_id, kind, sealed_body, key_id, created_at)
                VALUES (\(bind: projectID), \(bind: userID), \(state: MessageKind.file), \(bind: sealed), \(bind: keyID), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the message was not saved") }
            var message = try Self.message(from: row, keyring: keyring)
            try await db.raw("""
                INSERT INTO message_files (message_id, project_id, uploader_id, storage_name, media_type, byte_size, sha256, created_at)
                VALUES (\(bind: message.id), \(bind: projectID), \(bind: userID), \(bind: file.storageName), \(bind: file.mediaType),
                        \(bind: file.byteSize), \(bind: file.sha256), \(bind: now))
                """).run()
            message.file = file
            try await Self.index(message.id, projectID: projectID, body: name, under: keyring.current, keyring: keyring, on: db)
            try await Self.moveRead(projectID: projectID, userID: userID, to: message.id, now: now, on: db)
            let event = try await RoomEventLog.append(.messageCreated, projectID: projectID, actorID: userID, subjectID: message.id, now: now, on: db)
            try await Self.announce(message, in: project, announce: announce, store: store, on: db, now: now)
            return (message, event)
        }
    }

    // MARK: Inside a transaction

    /// Writes the announcement of a new message for the member who did not send it.
    private static func announce(
        _ message: ChatMessage, in project: Project, announce: @Sendable (MessagePosted) throws -> Announcements,
        store: Store, on db: any SQLDatabase, now: Date
    ) async throws {
        let members = try await ProjectRepository.members(of: project, on: db)
        guard let sender = members.values.first(where: { $0.id == message.senderID }) else { return }
        let posted = MessagePosted(message: message, projectID: project.id, projectTitle: project.title, sender: sender, members: members)
        try await NotificationRepository.write(try announce(posted), store: store, on: db, now: now)
    }

    /// The messages with the files their `file` messages share, read in one query.
    static func withFiles(_ messages: [ChatMessage], on db: any SQLDatabase) async throws -> [ChatMessage] {
        let ids = messages.filter { $0.kind == .file }.map(\.id)
        guard !ids.isEmpty else { return messages }
        var files: [Int64: MessageFile] = [:]
        for row in try await db.raw("""
            SELECT message_id, storage_name, media_type, byte_size, sha256 FROM message_files WHERE message_id IN (\(binds: ids))
            """).all() {
            files[try row.decode(column: "message_id", as: Int64.self)] = MessageFile(
                storageName: try row.decode(column: "storage_name", as: String.self), mediaType: try row.decode(column: "media_type", as: String.self),
                byteSize: try row.decode(column: "byte_size", as: Int64.self), sha256: try row.decode(column: "sha256", as: String.self)
            )
        }
        return messages.map { message in
            var withFile = message
            withFile.file = files[message.id]
            return withFile
        }
    }

    /// The sender's own live message of one of `kinds`, its project locked; not found for anyone else.
    private static func own(
        _ messageID: Int64, by userID: Int64, kinds: Set<MessageKind>, on db: any SQLDatabase, keyring: MessageKeyring
    ) async throws -> ChatMessage {
        guard let row = try await db.raw("SELECT project_id FROM project_messages WHERE id = \(bind: messageID)").first() else {
            throw StoreError.notFound("the message")
        }
        let project = try await ProjectRepository.locked(try row.decode(column: "project_id", as: Int64.self), on: db)
        guard project.role(of: userID) != nil,
              let current = try await db.raw("SELECT \(columns) FROM project_messages WHERE id = \(bind: messageID)").first() else {
            throw StoreError.notFound("the message")
        }
        let message = try Self.message(from: current, keyring: keyring)
        guard message.senderID == userID else { throw StatusTransitionError("only its author changes a message") }
        guard kinds.contains(message.kind) else { throw StatusTransitionError("a shared file is not edited: delete it and share another") }
        guard message.deletedAt == nil else { throw StatusTransitionError("the message is deleted") }
        return message
    }

    static func index(_ messageID: Int64, projectID: Int64, body: String, under key: MessageKeyring.Key, keyring: MessageKeyring, on db: any SQLDatabase) async throws {
        let terms = keyring.terms(of: SearchWords.words(in: body), under: key)
        guard !terms.isEmpty else { return }
        let rows: [SQLQueryString] = terms.map { "(\(bind: projectID), \(bind: $0), \(bind: messageID))" }
        try await db.raw("INSERT INTO message_terms (project_id, term, message_id) VALUES \(rows.joined(separator: ", "))").run()
    }

    /// Moves a member's read position forward to `messageID`; false when it was there or further already.
    @discardableResult
    private static func moveRead(projectID: Int64, userID: Int64, to messageID: Int64, now: Date, on db: any SQLDatabase) async throws -> Bool {
        if let row = try await db.raw("""
            SELECT message_id FROM message_reads WHERE project_id = \(bind: projectID) AND user_id = \(bind: userID)
            """).first() {
            guard try row.decode(column: "message_id", as: Int64.self) < messageID else { return false }
            try await db.raw("""
                UPDATE message_reads SET message_id = \(bind: messageID), read_at = \(bind: now)
                WHERE project_id = \(bind: projectID) AND user_id = \(bind: userID)
                """).run()
        } else {
            try await db.raw("""
                INSERT INTO message_reads (project_id, user_id, message_id, read_at) VALUES (\(bind: projectID), \(bind: userID), \(bind: messageID), \(bind: now))
                """).run()
        }
        return true
    }

    static func message(from row: any SQLRow, keyring: MessageKeyring) throws -> ChatMessage {
        let projectID = try row.decode(column: "project_id", as: Int64.self)
        let sealed = try row.decodeIfPresent(column: "sealed_body", as: String.self)
        let keyID = try row.decodeIfPresent(column: "key_id", as: String.self)
        return ChatMessage(
            id: try row.decode(column: "id", as: Int64.self),
            projectID: projectID,
            senderID: try row.decodeIfPresent(column: "sender_id", as: Int64.self),
            kind: try row.decodeState(column: "kind", as: MessageKind.self),
            body: try sealed.map { try keyring.open($0, keyID: keyID ?? "", projectID: projectID) },
            replyTo: try row.decodeIfPresent(column: "reply_to", as: Int64.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            editedAt: try row.decodeIfPresent(column: "edited_at", as: Date.self),
            deletedAt: try row.decodeIfPresent(column: "deleted_at", as: Date.self),
            moderationHold: try row.decode(column: "moderation_hold", as: Bool.self)
        )
    }
}
