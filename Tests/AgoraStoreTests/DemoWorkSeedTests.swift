import AgoraDomain
@testable import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

/// The demo's records come from work: projects run through the repositories and reviews through
/// `ReviewRepository`, so that every figure equals what the code computes from them.
@Suite("The demo's work")
struct DemoWorkSeedTests {
    @Test("every rating, count and completion rate is computed from the seeded projects and published reviews", arguments: TestDatabase.engines)
    func recordsFromWork(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 30, seed: MarketplaceSeeder.demoSeed, now: Fixtures.now, records: .fromWork)
            let db = store.sql
            let projects = try await db.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self) ?? 0
            let published = try await db.raw("SELECT COUNT(*) AS n FROM reviews WHERE status = \(state: ReviewStatus.published)").first()?.decode(column: "n", as: Int.self) ?? 0
            #expect(projects > 30 && published > 30, "\(projects) projects, \(published) published reviews")
            #expect(try await db.raw("SELECT COUNT(*) AS n FROM reviews WHERE status = \(state: ReviewStatus.held)").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await db.raw("SELECT COUNT(*) AS n FROM moderation_items").first()?.decode(column: "n", as: Int.self) == 0, "nothing seeded looks like spam")
            #expect(try await db.raw("SELECT COUNT(*) AS n FROM site_changes").first()?.decode(column: "n", as: Int.self) == 0)

            var rated = 0
            for row in try await db.raw("SELECT user_id, rating_average, rating_count, completed_projects, completion_rate FROM user_statistics").all() {
                let user = try row.decode(column: "user_id", as: Int64.self)
                let reviews = try await ReviewRating.published(of: user, on: db)
                let expected = RatingSummary(reviews, at: Fixtures.now)
                #expect(try row.decode(column: "rating_count", as: Int.self) == reviews.count)
                if !reviews.isEmpty {
                    rated += 1
                    // Stored when the last review published: the recency weights moved a little since.
                    #expect(abs(try row.decode(column: "rating_average", as: Double.self) - expected.average) < 0.05)
                }
                let closed = try await db.raw("""
                    SELECT status, COUNT(*) AS n FROM projects WHERE provider_id = \(bind: user) AND status IN (\(states: [ProjectStatus.completed, ProjectStatus.cancelled]))
                    GROUP BY status
                    """).all()
                var counts: [String: Int] = [:]
                for entry in closed { counts[try entry.decode(column: "status", as: String.self)] = try entry.decode(column: "n", as: Int.self) }
                let completed = counts["completed"] ?? 0
                let total = completed + (counts["cancelled"] ?? 0)
                #expect(try row.decode(column: "completed_projects", as: Int.self) == completed)
                if total > 0 { #expect(abs(try row.decode(column: "completion_rate", as: Double.self) - Double(completed) / Double(total)) < 1e-9) }
            }
            #expect(rated > 10)
            let clients = try await db.raw("SELECT COUNT(*) AS n FROM rating_summaries s JOIN users u ON u.id = s.user_id WHERE u.user_type = \(state: UserType.client)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            #expect(clients > 0, "providers reviewed the demo clients too")
        }
    }
}
