import AgoraDomain
@testable import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("The rating prior in the store")
struct RatingPriorRecordTests {
    func follow(_ store: Store) async throws -> RatingPrior? {
        try await store.transaction { db in try await RatingPriorRecord.follow(now: Fixtures.now, on: db) }
    }

    @Test("it follows the public providers' ratings, queues the whole site once per move, and leaves hidden profiles out", arguments: TestDatabase.engines)
    func follows(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 60, seed: 3, now: Fixtures.now)
            let providers = ProviderRepository(store: store)
            let profiles = try await providers.profiles(ids: try await providers.stamps(after: nil, limit: 1_000).map(\.id))
            let rated = profiles.filter(\.statistics.hasRatings)
            let exact = rated.map { $0.statistics.ratingAverage * Double($0.statistics.ratingCount) }.reduce(0, +)
                / Double(rated.map(\.statistics.ratingCount).reduce(0, +))
            #expect(try await ReviewRepository(store: store).ratingPrior() == RatingPrior.standard.following(exact), "the seed leaves it on its providers' mean")

            try await store.sql.raw("UPDATE user_statistics SET rating_average = 1.2 WHERE rating_count > 0").run()
            #expect(try await follow(store) == RatingPrior(tenths: 12))
            #expect(try await follow(store) == nil, "nothing moved: nothing queued")
            let moves = try await SiteChangeQueue(store: store).recent().filter { $0.reason == "the marketplace's mean rating moved to 1.2" }
            #expect(moves.map(\.change) == [.site])

            let hidden = try #require(profiles.first)
            try await store.sql.raw("UPDATE user_profiles SET published = \(bind: false) WHERE user_id = \(bind: hidden.id)").run()
            try await store.sql.raw("UPDATE user_statistics SET rating_average = 5, rating_count = 1000000 WHERE user_id = \(bind: hidden.id)").run()
            #expect(try await follow(store) == nil, "a hidden profile's ratings do not count")
            try await store.sql.raw("UPDATE user_profiles SET published = \(bind: true) WHERE user_id = \(bind: hidden.id)").run()
            let back = try #require(try await follow(store))
            #expect(back.tenths == 50)
            #expect(try await ReviewRepository(store: store).ratingPrior() == back)

            try await store.sql.raw("UPDATE user_statistics SET rating_average = 0, rating_count = 0").run()
            #expect(try await follow(store) == .standard, "no rating left: back to the standard prior")
        }
    }
}
