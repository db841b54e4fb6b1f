import AgoraDomain
import Foundation
import SQLKit

/// A project's activity feed: every writer of a project event records it here in its own transaction, which also
/// moves the project's `last_activity_at` and tells the project's room (`project.changed`).
public struct ProjectActivityLog: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// Entries this many at most are returned at once.
    public static let pageSize = 1...100

    static func record(
        _ kind: ProjectActivityKind, projectID: Int64, actorID: Int64?, milestoneID: Int64? = nil, detail: [String: String] = [:],
        now: Date, on db: any SQLDatabase
    ) async throws {
        let json = String(decoding: try JSONEncoder.sorted.encode(detail), as: UTF8.self)
        guard let row = try await db.raw("""
            INSERT INTO project_activities (project_id, actor_id, kind, milestone_id, detail, created_at)
            VALUES (\(bind: projectID), \(bind: actorID), \(bind: kind.rawValue), \(bind: milestoneID), \(bind: json), \(bind: now))
            RETURNING id
            """).first() else { throw StoreError.conflict("the activity entry was not saved") }
        try await db.raw("UPDATE projects SET last_activity_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: projectID)").run()
        _ = try await RoomEventLog.append(
            .projectChanged, projectID: projectID, actorID: actorID, subjectID: try row.decode(column: "id", as: Int64.self), now: now, on: db
        )
    }

    /// The project's entries, newest first, before the entry `before` (keyset), at most `limit`.
    public func entries(of projectID: Int64, before: Int64?, limit: Int) async throws -> [ProjectActivity] {
        try await Self.entries(of: [projectID], before: before, limit: limit, on: store.sql)
    }

    /// The newest entries across several projects (a dashboard's recent activity).
    static func entries(of projectIDs: [Int64], before: Int64?, limit: Int, on db: any SQLDatabase) async throws -> [ProjectActivity] {
        guard !projectIDs.isEmpty else { return [] }
        var query: SQLQueryString = """
            SELECT id, project_id, actor_id, kind, milestone_id, detail, created_at FROM project_activities
            WHERE project_id IN (\(binds: projectIDs))
            """
        if let before { query = query + " AND id < \(bind: before)" }
        query = query + " ORDER BY id DESC LIMIT \(bind: limit)"
        return try await db.raw(query).all().map { row in
            ProjectActivity(
                id: try row.decode(column: "id", as: Int64.self),
                projectID: try row.decode(column: "project_id", as: Int64.self),
                actorID: try row.decodeIfPresent(column: "actor_id", as: Int64.self),
                kind: try row.decodeState(column: "kind", as: ProjectActivityKind.self),
                milestoneID: try row.decodeIfPresent(column: "milestone_id", as: Int64.self),
                detail: try JSONDecoder().decode([String: String].self, from: Data(try row.decode(column: "detail", as: String.self).utf8)),
                createdAt: try row.decode(column: "created_at", as: Date.self)
            )
        }
    }
}
