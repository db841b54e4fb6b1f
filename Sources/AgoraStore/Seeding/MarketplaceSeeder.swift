import AgoraDomain
import Foundation

/// Fills an empty database with a marketplace: the category catalog and `providers` providers made by
/// `ProviderFactory` from `seed`. The same seed gives the same data.
public struct MarketplaceSeeder: Sendable {
    /// The demo marketplace `make demo` shows.
    public static let demoProviderCount = 200
    public static let demoSeed: UInt64 = 2026

    /// Providers written per transaction: large enough to be fast, small enough to stay within both engines'
    /// limits on bound parameters.
    public static let batchSize = 500

    /// Where the seeded providers' records (ratings, completed projects, completion and response times) come from.
    public enum Records: Sendable, Equatable {
        /// Figures drawn with the rest of each provider: what the generator's tests and the benchmarks read.
        case drawn
        /// None at first: `DemoWorkSeed` makes them with projects and reviews, through the code that makes real ones.
        case fromWork
    }

    let store: Store

    public init(store: Store) { self.store = store }

    /// True when the database holds no categories and no users yet.
    public func databaseIsEmpty() async throws -> Bool {
        let categories = try await CategoryRepository(store: store).count()
        let users = try await UserRepository(store: store).count()
        return categories == 0 && users == 0
    }

    /// Seeds the catalog and the providers (and, with `testimonials`, the demo's approved testimonials), reporting
    /// `(written, total)` after each batch; with `records: .fromWork`, then their projects and reviews; last, the
    /// rating prior follows the providers' ratings.
    public func seed(
        providers count: Int,
        seed: UInt64,
        now: Date,
        testimonials: Bool = false,
        records: Records = .drawn,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        guard try await databaseIsEmpty() else {
            throw StoreError.conflict("the database already holds data: seed an empty database")
        }
        let categories = CategoryRepository(store: store)
        try await store.transaction { db in
            for category in CatalogSeed.newCategories {
                _ = try await categories.insert(category, now: now, on: db)
            }
            try await SkillCatalogue.insertDemoSkills(now: now, on: db)
            if testimonials { try await TestimonialSeed.insert(now: now, on: db) }
        }
        let factory = ProviderFactory(seed: seed)
        let repository = ProviderRepository(store: store)
        var written = 0
        while written < count {
            let batch = (written..<min(count, written + Self.batchSize)).map { index in
                var provider = factory.provider(index: index)
                if records == .fromWork { provider.statistics = .none }
                return provider
            }
            // Providers whose record comes from work joined before it: two years ago.
            try await repository.insert(batch, now: records == .fromWork ? now.addingTimeInterval(-2 * 365 * 86_400) : now)
            written += batch.count
            progress(written, count)
        }
        if records == .fromWork { _ = try await DemoWorkSeed(store: store).seed(seed: seed, now: now) }
        // Drawn records bypass the writers that move the prior; the seeded site is built whole next.
        try await store.transaction { db in try await RatingPriorRecord.follow(now: now, on: db, queuingSite: false) }
    }
}
