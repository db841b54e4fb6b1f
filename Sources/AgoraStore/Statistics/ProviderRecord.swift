import AgoraDomain
import Foundation
import SQLKit

/// The one place a provider's record (`user_statistics`) follows real events, called by every writer of such an event
/// in its transaction. Today: the response time, from proposals sent on orders the provider was offered; completed
/// projects, completion rates and ratings join as projects and reviews land.
enum ProviderRecord {
    /// How many of the provider's latest answered offers the response time is the median of.
    static let responseWindow = 20

    /// After a provider sent a proposal: their response time becomes the median minutes from being offered an order to
    /// their first proposal on it, over their latest answered offers (orders they were not offered do not count). When
    /// it changes, the search index follows and, for a public profile, the provider's page is queued.
    static func proposalSent(by providerID: Int64, now: Date, on db: any SQLDatabase, engine: Store.Engine) async throws {
        let rows = try await db.raw("""
            SELECT r.order_id, r.offered_at, p.created_at FROM order_routes r
            JOIN proposals p ON p.order_id = r.order_id AND p.provider_id = r.provider_id
            WHERE r.provider_id = \(bind: providerID)
            ORDER BY p.created_at DESC LIMIT \(bind: responseWindow * 4)
            """).all()
        var firstAnswers: [Int64: (offered: Date, answered: Date)] = [:]
        for row in rows {
            let order = try row.decode(column: "order_id", as: Int64.self)
            let answered = try row.decode(column: "created_at", as: Date.self)
            if let known = firstAnswers[order], known.answered <= answered { continue }
            firstAnswers[order] = (try row.decode(column: "offered_at", as: Date.self), answered)
        }
        let minutes = firstAnswers.values.sorted { $0.answered > $1.answered }.prefix(responseWindow)
            .map { max(0, Int($0.answered.timeIntervalSince($0.offered) / 60)) }.sorted()
        guard !minutes.isEmpty else { return }
        let median = minutes.count % 2 == 1 ? minutes[minutes.count / 2] : (minutes[minutes.count / 2 - 1] + minutes[minutes.count / 2]) / 2
        let current = try await db.raw("SELECT response_time_minutes FROM user_statistics WHERE user_id = \(bind: providerID)").first()
        guard let current, try current.decodeIfPresent(column: "response_time_minutes", as: Int.self) != median else { return }
        try await db.raw("""
            UPDATE user_statistics SET response_time_minutes = \(bind: median), updated_at = \(bind: now) WHERE user_id = \(bind: providerID)
            """).run()
        try await recordChanged(providerID, reason: "response time", now: now, on: db, engine: engine)
    }

    /// After a change to the provider's record: the search index follows and, for a public profile, the page is queued.
    static func recordChanged(_ providerID: Int64, reason: String, now: Date, on db: any SQLDatabase, engine: Store.Engine) async throws {
        try await SearchIndexWriter(engine: engine).refresh([providerID], on: db)
        guard let profile = try await db.raw("SELECT slug, published FROM user_profiles WHERE user_id = \(bind: providerID)").first(),
              try profile.decode(column: "published", as: Bool.self) else { return }
        let slug = try Slug(try profile.decode(column: "slug", as: String.self))
        try await SiteChangeQueue.enqueue([.provider(slug)], reason: "provider \(slug) \(reason)", now: now, on: db)
    }
}

extension ProviderRecord {
    /// After one of the provider's projects closed, completed or cancelled (in the same transaction): their record
    /// counts the projects that closed (`ProviderStatistics.counting`), the search index follows, and a public
    /// profile's page is queued.
    static func projectClosed(providerID: Int64, now: Date, on db: any SQLDatabase, engine: Store.Engine) async throws {
        guard let row = try await db.raw("""
            SELECT rating_average, rating_count, completed_projects, completion_rate, response_time_minutes FROM user_statistics
            WHERE user_id = \(bind: providerID)
            """).first() else { return }
        let current = ProviderStatistics(
            ratingAverage: try row.decode(column: "rating_average", as: Double.self),
            ratingCount: try row.decode(column: "rating_count", as: Int.self),
            completedProjects: try row.decode(column: "completed_projects", as: Int.self),
            completionRate: try row.decode(column: "completion_rate", as: Double.self),
            responseTimeMinutes: try row.decodeIfPresent(column: "response_time_minutes", as: Int.self)
        )
        var closed: [ProjectStatus: Int] = [:]
        for entry in try await db.raw("""
            SELECT status, COUNT(*) AS n FROM projects WHERE provider_id = \(bind: providerID) AND status IN (\(states: [ProjectStatus.completed, ProjectStatus.cancelled]))
            GROUP BY status
            """).all() {
            closed[try entry.decodeState(column: "status", as: ProjectStatus.self)] = try entry.decode(column: "n", as: Int.self)
        }
        let completed = closed[.completed] ?? 0
        let next = current.counting(completed: completed, closed: completed + (closed[.cancelled] ?? 0))
        try await db.raw("""
            UPDATE user_statistics SET completed_projects = \(bind: next.completedProjects), completion_rate = \(bind: next.completionRate),
                updated_at = \(bind: now)
            WHERE user_id = \(bind: providerID)
            """).run()
        try await recordChanged(providerID, reason: "project closed", now: now, on: db, engine: engine)
    }
}
