import AgoraDomain
import Foundation
import SQLKit

/// A person's CalDAV connection and the queue of pushes to it. A meeting's change queues a push for each member taking
/// part who has a connection, in the transaction of the change (`enqueue`); the push job claims due pushes with a
/// lease, and each push either succeeds (removed) or is retried with a growing wait, its error kept and shown to the
/// person. Nothing is dropped while the connection exists.
public struct CalDAVRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// A connection as the person sees it (never the password).
    public struct Connection: Sendable, Hashable {
        public let userID: Int64
        public let url: String
        public let username: String
        public let passwordSealed: String
        public let status: CalDAVStatus
        public let lastError: String?
        public let lastSuccessAt: Date?
        /// Pushes still waiting.
        public let waiting: Int
    }

    /// A push claimed by a worker, with its connection.
    public struct Push: Sendable, Hashable {
        public let id: Int64
        public let userID: Int64
        public let meetingID: Int64?
        public let uid: String
        public let action: CalDAVAction
        public let attempts: Int
        let revision: Int
        public let connection: Connection
    }

    public func connection(of userID: Int64) async throws -> Connection? {
        try await Self.connection(of: userID, on: store.sql)
    }

    /// Saves the person's connection (replacing any other) and queues every meeting of theirs still to come.
    public func connect(_ userID: Int64, url: String, username: String, passwordSealed: String, now: Date) async throws -> Connection {
        try await store.transaction { db in
            try await db.raw("DELETE FROM caldav_connections WHERE user_id = \(bind: userID)").run()
            try await db.raw("""
                INSERT INTO caldav_connections (user_id, url, username, password_sealed, status, created_at, updated_at)
                VALUES (\(bind: userID), \(bind: url), \(bind: username), \(bind: passwordSealed), \(state: CalDAVStatus.connected), \(bind: now), \(bind: now))
                """).run()
            let meetings = try await db.raw("""
                SELECT m.id, m.uid FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = \(bind: userID)
                WHERE m.status = \(state: MeetingStatus.scheduled) AND m.ends_at > \(bind: now)
                """).all()
            for row in meetings {
                try await Self.queue(userID, meetingID: try row.decode(column: "id", as: Int64.self), uid: try row.decode(column: "uid", as: String.self),
                                     action: .write, now: now, on: db)
            }
            guard let connection = try await Self.connection(of: userID, on: db) else { throw StoreError.notFound("the connection") }
            return connection
        }
    }

    /// Forgets the connection and what was waiting for it; events already written stay in the person's calendar.
    public func disconnect(_ userID: Int64) async throws {
        try await store.sql.raw("DELETE FROM caldav_connections WHERE user_id = \(bind: userID)").run()
    }

    /// Queues a push of `meeting` for each of `userIDs` who has a connection; the latest change of a meeting replaces
    /// one still waiting.
    static func enqueue(_ meeting: Meeting, action: CalDAVAction, for userIDs: [Int64], now: Date, on db: any SQLDatabase) async throws {
        guard !userIDs.isEmpty else { return }
        let connected = try await db.raw("SELECT user_id FROM caldav_connections WHERE user_id IN (\(binds: Set(userIDs).sorted()))").all()
            .map { try $0.decode(column: "user_id", as: Int64.self) }
        for userID in connected {
            try await queue(userID, meetingID: meeting.id, uid: meeting.uid, action: action, now: now, on: db)
        }
    }

    private static func queue(_ userID: Int64, meetingID: Int64, uid: String, action: CalDAVAction, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO caldav_pushes (user_id, meeting_id, uid, action, attempts, next_attempt_at, created_at)
            VALUES (\(bind: userID), \(bind: meetingID), \(bind: uid), \(state: action), 0, \(bind: now), \(bind: now))
            ON CONFLICT (user_id, uid) DO UPDATE SET action = excluded.action, attempts = 0, next_attempt_at = excluded.next_attempt_at,
                revision = caldav_pushes.revision + 1
            """).run()
    }

    /// Claims up to `limit` due pushes for `lease` seconds (another worker skips them meanwhile).
    public func claimDue(now: Date, limit: Int, lease: TimeInterval) async throws -> [Push] {
        let lock: SQLQueryString = store.engine == .postgresql ? "FOR UPDATE SKIP LOCKED" : ""
        return try await store.transaction { db in
            let rows = try await db.raw("""
                SELECT id, user_id, meeting_id, uid, action, attempts, revision FROM caldav_pushes WHERE next_attempt_at <= \(bind: now)
                ORDER BY next_attempt_at, id LIMIT \(bind: limit) \(lock)
                """).all()
            var pushes: [Push] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let userID = try row.decode(column: "user_id", as: Int64.self)
                try await db.raw("UPDATE caldav_pushes SET next_attempt_at = \(bind: now.addingTimeInterval(lease)) WHERE id = \(bind: id)").run()
                guard let connection = try await Self.connection(of: userID, on: db) else { continue }
                pushes.append(Push(
                    id: id, userID: userID, meetingID: try row.decodeIfPresent(column: "meeting_id", as: Int64.self),
                    uid: try row.decode(column: "uid", as: String.self), action: try row.decodeState(column: "action", as: CalDAVAction.self),
                    attempts: try row.decode(column: "attempts", as: Int.self), revision: try row.decode(column: "revision", as: Int.self), connection: connection
                ))
            }
            return pushes
        }
    }

    /// The push went through: it is done, and the connection works.
    public func succeeded(_ push: Push, now: Date) async throws {
        try await store.transaction { db in
            try await db.raw("DELETE FROM caldav_pushes WHERE id = \(bind: push.id) AND revision = \(bind: push.revision)").run()
            try await db.raw("""
                UPDATE caldav_connections SET status = \(state: CalDAVStatus.connected), last_error = NULL, last_success_at = \(bind: now), updated_at = \(bind: now)
                WHERE user_id = \(bind: push.userID)
                """).run()
        }
    }

    /// The push failed: it waits until `retryAt`, the error is kept on the connection, and `announce` tells the person
    /// when the connection was working until now (once per run of failures).
    public func failed(_ push: Push, error: String, retryAt: Date, now: Date, announce: @escaping @Sendable (Recipient, String) throws -> Announcements) async throws {
        try await store.transaction { [store] db in
            try await db.raw("""
                UPDATE caldav_pushes SET attempts = attempts + 1, next_attempt_at = \(bind: retryAt), last_error = \(bind: error)
                WHERE id = \(bind: push.id) AND revision = \(bind: push.revision)
                """).run()
            let wasWorking = try await db.raw("""
                SELECT status FROM caldav_connections WHERE user_id = \(bind: push.userID)
                """).first()?.decodeState(column: "status", as: CalDAVStatus.self) == .connected
            try await db.raw("""
                UPDATE caldav_connections SET status = \(state: CalDAVStatus.failing), last_error = \(bind: error), updated_at = \(bind: now)
                WHERE user_id = \(bind: push.userID)
                """).run()
            if wasWorking, let person = try await NotificationRepository.recipients([push.userID], on: db)[push.userID] {
                try await NotificationRepository.write(try announce(person, error), store: store, on: db, now: now)
            }
        }
    }

    /// The meeting a push is about, when it still exists.
    public func meeting(of push: Push) async throws -> Meeting? {
        guard let id = push.meetingID else { return nil }
        return try await MeetingRepository.meetings([id], on: store.sql).first
    }

    static func connection(of userID: Int64, on db: any SQLDatabase) async throws -> Connection? {
        guard let row = try await db.raw("""
            SELECT c.user_id, c.url, c.username, c.password_sealed, c.status, c.last_error, c.last_success_at,
                   (SELECT COUNT(*) FROM caldav_pushes p WHERE p.user_id = c.user_id) AS waiting
            FROM caldav_connections c WHERE c.user_id = \(bind: userID)
            """).first() else { return nil }
        return Connection(
            userID: userID, url: try row.decode(column: "url", as: String.self), username: try row.decode(column: "username", as: String.self),
            passwordSealed: try row.decode(column: "password_sealed", as: String.self), status: try row.decodeState(column: "status", as: CalDAVStatus.self),
            lastError: try row.decodeIfPresent(column: "last_error", as: String.self),
            lastSuccessAt: try row.decodeIfPresent(column: "last_success_at", as: Date.self), waiting: try row.decode(column: "waiting", as: Int.self)
        )
    }
}
