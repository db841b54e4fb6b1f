import AgoraDomain
import Foundation
import SQLKit

/// The generation of each person's private calendar feed link (`calendar_feeds`): 0 until they first rotate it.
public struct CalendarFeedRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func generation(of userID: Int64) async throws -> Int {
        try await store.sql.raw("SELECT generation FROM calendar_feeds WHERE user_id = \(bind: userID)").first()?
            .decode(column: "generation", as: Int.self) ?? 0
    }

    /// Moves the person's link on: every earlier link stops. Returns the new generation.
    public func rotate(_ userID: Int64, now: Date) async throws -> Int {
        try await store.transaction { db in
            try await db.raw("""
                INSERT INTO calendar_feeds (user_id, generation, rotated_at) VALUES (\(bind: userID), 1, \(bind: now))
                ON CONFLICT (user_id) DO UPDATE SET generation = calendar_feeds.generation + 1, rotated_at = excluded.rotated_at
                """).run()
            return try await db.raw("SELECT generation FROM calendar_feeds WHERE user_id = \(bind: userID)").first()?
                .decode(column: "generation", as: Int.self) ?? 1
        }
    }

    /// What a person's feed shows: their meetings from `since` on (cancelled ones left out), and the due dates of the
    /// open milestones of their running projects.
    public func feed(for userID: Int64, since: Date) async throws -> (meetings: [Meeting], milestones: [(milestone: Milestone, projectTitle: String)]) {
        let ids = try await store.sql.raw("""
            SELECT m.id FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = \(bind: userID)
            WHERE m.ends_at > \(bind: since) AND m.status <> \(state: MeetingStatus.cancelled)
            ORDER BY m.starts_at LIMIT 1000
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        let meetings = try await MeetingRepository.meetings(ids, on: store.sql)
        let projects = try await store.sql.raw("""
            SELECT id, title FROM projects WHERE (client_id = \(bind: userID) OR provider_id = \(bind: userID))
              AND status IN (\(state: ProjectStatus.active), \(state: ProjectStatus.paused))
            """).all()
        var titles: [Int64: String] = [:]
        for row in projects { titles[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "title", as: String.self) }
        let milestones = try await ProjectRepository.milestones(of: Array(titles.keys).sorted(), on: store.sql)
            .flatMap { projectID, list in list.map { ($0, titles[projectID] ?? "") } }
            .filter { $0.0.dueAt != nil && $0.0.status.isOpen }
        return (meetings, milestones.sorted { $0.0.id < $1.0.id })
    }
}
