import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Seeding")
struct MarketplaceSeederTests {
    func snapshot(_ store: Store) async throws -> [String] {
        let providers = ProviderRepository(store: store)
        return try await providers.profiles(ids: try await providers.stamps(after: nil, limit: 1000).map(\.id)).map {
            "\($0.slug) \($0.title) \($0.skills) \($0.hourlyRate?.formatted ?? "-") \($0.statistics.ratingAverage) \($0.categorySlugs)"
        }
    }

    @Test("the same seed gives the same marketplace; another seed another one", arguments: TestDatabase.engines)
    func deterministic(engine: TestDatabase) async throws {
        let first = try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 40, seed: 7, now: Fixtures.now)
            return try await snapshot(store)
        }
        let again = try await TestDatabase.sqlite.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 40, seed: 7, now: Fixtures.now)
            return try await snapshot(store)
        }
        let other = try await TestDatabase.sqlite.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 40, seed: 8, now: Fixtures.now)
            return try await snapshot(store)
        }
        #expect(first.count == 40)
        #expect(first == again)
        #expect(first != other)
    }

    @Test("batches report progress and the catalog has twelve top-level categories", arguments: TestDatabase.engines)
    func progressAndCatalog(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let reports = ProgressLog()
            let count = MarketplaceSeeder.batchSize + 20
            try await MarketplaceSeeder(store: store).seed(providers: count, seed: 1, now: Fixtures.now) { done, total in
                reports.append("\(done)/\(total)")
            }
            #expect(reports.entries == ["\(MarketplaceSeeder.batchSize)/\(count)", "\(count)/\(count)"])
            #expect(try await ProviderRepository(store: store).countPublished() == count)
            let tree = try await CategoryRepository(store: store).tree()
            #expect(tree.roots.count == 12)
            #expect(tree.roots.allSatisfy { !tree.children(of: $0).isEmpty })
        }
    }

    @Test("seeding refuses a database that already holds data", arguments: TestDatabase.engines)
    func refusesNonEmpty(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let seeder = MarketplaceSeeder(store: store)
            try await seeder.seed(providers: 3, seed: 1, now: Fixtures.now)
            await #expect(throws: StoreError.self) {
                try await seeder.seed(providers: 3, seed: 1, now: Fixtures.now)
            }
            #expect(try await ProviderRepository(store: store).countPublished() == 3)
        }
    }
}

/// Collects progress reports from a `@Sendable` callback.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func append(_ entry: String) { lock.withLock { items.append(entry) } }
    var entries: [String] { lock.withLock { items } }
}
