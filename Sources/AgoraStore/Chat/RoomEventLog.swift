import AgoraDomain
import Foundation
import SQLKit

/// The kept events of projects' rooms: each takes its room's next sequence number in the transaction of the change
/// it reports (the project row's counter, locked by the update), so numbers have no gaps and follow the changes'
/// order; a reconnecting member reads what came after the last number they saw.
public struct RoomEventLog: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Events replayed at once at most.
    public static let replayLimit = 500
    /// The PostgreSQL channel that carries `project:sequence` of each event to every instance, on commit.
    public static let channel = "agora_rooms"

    /// Records an event inside the caller's transaction and returns it with its number.
    static func append(
        _ kind: RoomEventKind, projectID: Int64, actorID: Int64?, subjectID: Int64?, now: Date, on db: any SQLDatabase
    ) async throws -> RoomEvent {
        precondition(kind.isRecorded, "\(kind) is live only")
        guard let row = try await db.raw("""
            UPDATE projects SET room_sequence = room_sequence + 1 WHERE id = \(bind: projectID) RETURNING room_sequence
            """).first() else { throw StoreError.notFound("the project") }
        let sequence = try row.decode(column: "room_sequence", as: Int64.self)
        try await db.raw("""
            INSERT INTO room_events (project_id, sequence, kind, actor_id, subject_id, created_at)
            VALUES (\(bind: projectID), \(bind: sequence), \(state: kind), \(bind: actorID), \(bind: subjectID), \(bind: now))
            """).run()
        CommitSignals.pending?.add(.room, projectID)
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_notify(\(bind: Self.channel), \(bind: "\(projectID):\(sequence)"))").run()
        }
        return RoomEvent(projectID: projectID, sequence: sequence, kind: kind, actorID: actorID, subjectID: subjectID, createdAt: now)
    }

    /// The room's events after `sequence`, in order, at most `limit`.
    public func events(of projectID: Int64, after sequence: Int64, limit: Int = replayLimit) async throws -> [RoomEvent] {
        try await store.sql.raw("""
            SELECT project_id, sequence, kind, actor_id, subject_id, created_at FROM room_events
            WHERE project_id = \(bind: projectID) AND sequence > \(bind: sequence) ORDER BY sequence LIMIT \(bind: limit)
            """).all().map { row in
            RoomEvent(
                projectID: try row.decode(column: "project_id", as: Int64.self),
                sequence: try row.decode(column: "sequence", as: Int64.self),
                kind: try row.decodeState(column: "kind", as: RoomEventKind.self),
                actorID: try row.decodeIfPresent(column: "actor_id", as: Int64.self),
                subjectID: try row.decodeIfPresent(column: "subject_id", as: Int64.self),
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }
    }

    /// The latest numbers of these rooms: what an instance without notifications (SQLite) compares with what it sent.
    public func latest(of projectIDs: [Int64]) async throws -> [Int64: Int64] {
        guard !projectIDs.isEmpty else { return [:] }
        return Dictionary(uniqueKeysWithValues: try await store.sql.raw("""
            SELECT id, room_sequence FROM projects WHERE id IN (\(binds: projectIDs))
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "room_sequence", as: Int64.self)) })
    }

    /// The room's latest number: where a member who just read the history starts listening.
    public func latest(of projectID: Int64) async throws -> Int64 {
        try await store.sql.raw("SELECT room_sequence FROM projects WHERE id = \(bind: projectID)").first()?
            .decode(column: "room_sequence", as: Int64.self) ?? 0
    }
}
