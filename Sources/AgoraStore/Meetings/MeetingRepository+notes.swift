import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    /// The meeting's notes, for one of its participants.
    public func notes(of id: Int64, for userID: Int64) async throws -> MeetingNotes {
        _ = try await Self.meeting(id, for: userID, on: store.sql)
        return try await Self.notes(of: id, on: store.sql)
    }

    /// A member taking part saves the notes; `version` is the one they read, and a save since by someone else
    /// answers `staleVersion` with nothing changed.
    public func saveNotes(of id: Int64, by userID: Int64, version: Int, draft: MeetingNotesDraft, now: Date) async throws -> MeetingNotes {
        try await store.transaction { db in
            let meeting = try await Self.meeting(id, for: userID, on: db, lock: true)
            guard meeting.status != .cancelled else { throw StatusTransitionError("the meeting is cancelled") }
            let current = try await Self.notes(of: id, on: db)
            guard current.version == version else {
                throw StoreError.staleVersion("the notes were saved by someone else since (version \(current.version)); reload them")
            }
            try await db.raw("""
                INSERT INTO meeting_notes (meeting_id, body, version, updated_by, updated_at) VALUES (\(bind: id), \(bind: draft.body), 1, \(bind: userID), \(bind: now))
                ON CONFLICT (meeting_id) DO UPDATE SET body = excluded.body, version = meeting_notes.version + 1, updated_by = excluded.updated_by,
                    updated_at = excluded.updated_at
                """).run()
            try await db.raw("DELETE FROM meeting_action_items WHERE meeting_id = \(bind: id)").run()
            for (position, item) in draft.items.enumerated() {
                try await db.raw("""
                    INSERT INTO meeting_action_items (meeting_id, position, title, assignee_id, due_on, done)
                    VALUES (\(bind: id), \(bind: position), \(bind: item.title), \(bind: item.assigneeID), \(bind: item.dueOn), \(bind: item.done))
                    """).run()
            }
            return try await Self.notes(of: id, on: db)
        }
    }

    static func notes(of id: Int64, on db: any SQLDatabase) async throws -> MeetingNotes {
        guard let row = try await db.raw("SELECT body, version, updated_by, updated_at FROM meeting_notes WHERE meeting_id = \(bind: id)").first() else {
            return .empty
        }
        let items = try await db.raw("""
            SELECT id, title, assignee_id, due_on, done FROM meeting_action_items WHERE meeting_id = \(bind: id) ORDER BY position
            """).all().map { item in
            MeetingNotes.Item(
                id: try item.decode(column: "id", as: Int64.self), title: try item.decode(column: "title", as: String.self),
                assigneeID: try item.decodeIfPresent(column: "assignee_id", as: Int64.self), dueOn: try item.decodeIfPresent(column: "due_on", as: String.self),
                done: try item.decode(column: "done", as: Bool.self)
            )
        }
        return MeetingNotes(
            body: try row.decode(column: "body", as: String.self), items: items, version: try row.decode(column: "version", as: Int.self),
            updatedBy: try row.decodeIfPresent(column: "updated_by", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Date.self)
        )
    }
}
