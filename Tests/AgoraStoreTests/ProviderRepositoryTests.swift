import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Providers")
struct ProviderRepositoryTests {
    func catalog(_ store: Store) async throws {
        let categories = CategoryRepository(store: store)
        try await categories.insert(Fixtures.category("Development"), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Web", parent: "development"), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Mobile", parent: "development", order: 1), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Design", order: 1), now: Fixtures.now)
    }

    @Test("a provider round-trips with its lists in order", arguments: TestDatabase.engines)
    func roundTrip(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            try await providers.insert([Fixtures.provider("ada", categories: ["web", "mobile"], skills: ["Swift", "Kotlin", "SQL"])], now: Fixtures.now)
            let ada = try #require(try await providers.find(slug: try Slug("ada")))
            #expect(ada.skills == ["Swift", "Kotlin", "SQL"])
            #expect(ada.languages == ["fr", "en"])
            #expect(ada.categorySlugs.map(\.value) == ["web", "mobile"])
            #expect(ada.hourlyRate == .major(60, .eur))
            #expect(ada.location?.city == "Lyon")
            #expect(ada.statistics.ratingAverage == 4.5)
            #expect(ada.updatedAt == Fixtures.now)
        }
    }

    @Test("a batch with an unknown category writes nothing", arguments: TestDatabase.engines)
    func unknownCategory(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            await #expect(throws: StoreError.self) {
                try await providers.insert([Fixtures.provider("ada", categories: ["web"]), Fixtures.provider("bob", categories: ["nope"])], now: Fixtures.now)
            }
            #expect(try await providers.countPublished() == 0)
            #expect(try await UserRepository(store: store).count() == 0)
        }
    }

    @Test("a batch that breaks a unique rule half-way is rolled back whole", arguments: TestDatabase.engines)
    func atomicBatch(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            try await providers.insert([Fixtures.provider("taken", categories: ["web"])], now: Fixtures.now)
            await #expect(throws: StoreError.conflict("a provider with this email or slug already exists")) {
                try await providers.insert([
                    Fixtures.provider("fresh", categories: ["web"]),
                    Fixtures.provider("taken", email: "other@example.com", categories: ["web"]),
                ], now: Fixtures.now)
            }
            #expect(try await providers.countPublished() == 1)
            #expect(try await UserRepository(store: store).count() == 1)
            #expect(try await providers.find(slug: try Slug("fresh")) == nil)
        }
    }

    @Test("deleting the account removes the profile and its lists; a used category cannot be deleted", arguments: TestDatabase.engines)
    func cascades(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            let ids = try await providers.insert([Fixtures.provider("ada", categories: ["web"])], now: Fixtures.now)
            await #expect(throws: (any Error).self) {
                try await store.sql.raw("DELETE FROM categories WHERE slug = 'web'").run()
            }
            try await UserRepository(store: store).delete(id: ids[0])
            for table in ["user_profiles", "provider_skills", "provider_languages", "provider_categories", "user_statistics"] {
                let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self)
                #expect(count == 0, "\(table) still holds rows")
            }
            try await store.sql.raw("DELETE FROM categories WHERE slug = 'web'").run()
        }
    }

    @Test("listings include subcategories, rank best rated by the Wilson bound and page without gaps or repeats", arguments: TestDatabase.engines)
    func keysetListing(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            let batch: [NewProvider] = (0..<30).map { (index: Int) -> NewProvider in
                let category = index % 3 == 0 ? "design" : (index % 2 == 0 ? "web" : "mobile")
                let rating = Double(40 + index % 7) / 10
                return Fixtures.provider("p\(index)", categories: [category], rating: rating, ratings: index % 4)
            } + [Fixtures.provider("one-five", categories: ["web"], rating: 5, ratings: 1), Fixtures.provider("steady", categories: ["web"], rating: 4.9, ratings: 100)]
            try await providers.insert(batch, now: Fixtures.now)
            let tree = try await CategoryRepository(store: store).tree()
            let development = try #require(tree.category(slug: try Slug("development")))
            let ids = tree.subtreeIDs(of: development)
            let design = try Slug("design")
            let total = batch.filter { !$0.categorySlugs.contains(design) }.count
            var seen: [ProviderProfile] = []
            var last: ProviderProfile?
            repeat {
                let page = try await providers.listing(inCategories: ids, after: last, limit: 7)
                seen += page
                last = page.last
                if page.count < 7 { break }
            } while true
            #expect(seen.count == total)
            #expect(Set(seen.map(\.slug)).count == total)
            let keys = seen.map { ($0.statistics.ratingBound, $0.statistics.ratingCount, $0.id) }
            #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 > $1 })
            #expect(seen.first?.slug.value == "steady", "a hundred reviews of 4.9 come first")
            let places = seen.map(\.slug.value)
            let oneFive = try #require(places.firstIndex(of: "one-five")), twoOfFourPointTwo = try #require(places.firstIndex(of: "p2"))
            #expect(oneFive > twoOfFourPointTwo, "one 5-star review ranks below two that average 4.2")
        }
    }

    @Test("unpublished providers and suspended accounts disappear from every public read", arguments: TestDatabase.engines)
    func unpublished(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            let ids = try await providers.insert(["ada", "bob", "cy", "dee"].map { Fixtures.provider($0, categories: ["web"]) }, now: Fixtures.now)
            #expect(try await providers.countPublished() == 4)
            try await providers.setPublished(try Slug("ada"), false, now: Fixtures.now)
            // cy is suspended; dee is both suspended and unpublished, and must not be taken away twice.
            try await providers.setPublished(try Slug("dee"), false, now: Fixtures.now)
            try await store.sql.raw("UPDATE users SET verification_status = 'suspended' WHERE id IN (\(bind: ids[2]), \(bind: ids[3]))").run()
            #expect(try await providers.find(slug: try Slug("ada")) == nil)
            #expect(try await providers.find(slug: try Slug("cy")) == nil)
            #expect(try await providers.countPublished() == 1)
            #expect(try await providers.stamps(after: nil, limit: 10).map(\.slug.value) == ["bob"])
            #expect(try await providers.profiles(ids: ids).map(\.slug.value) == ["bob"])
        }
    }

    @Test("the best rated leave out providers without ratings", arguments: TestDatabase.engines)
    func topRated(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            try await providers.insert([
                Fixtures.provider("ada", categories: ["web"], rating: 5.0, ratings: 3),
                Fixtures.provider("bob", categories: ["web"], rating: 4.0, ratings: 1),
                Fixtures.provider("cy", categories: ["web"], rating: 0, ratings: 0),
            ], now: Fixtures.now)
            #expect(try await providers.topRated(limit: 5).map(\.slug.value) == ["ada", "bob"])
        }
    }

    @Test("the ranking follows the listing order; stamps and profiles by id agree with full reads", arguments: TestDatabase.engines)
    func rankedIDsAndStamps(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await catalog(store)
            let providers = ProviderRepository(store: store)
            let batch: [NewProvider] = (0..<12).map { (index: Int) -> NewProvider in
                Fixtures.provider("p\(index)", categories: [index % 2 == 0 ? "web" : "mobile"], rating: Double(40 + index % 5) / 10, ratings: index)
            }
            try await providers.insert(batch, now: Fixtures.now)
            try await providers.setPublished(try Slug("p4"), false, now: Fixtures.now)
            let tree = try await CategoryRepository(store: store).tree()
            let ids = tree.subtreeIDs(of: try #require(tree.category(slug: try Slug("development"))))
            let walked = try await providers.listing(inCategories: ids, after: nil, limit: 100)
            let ranking = try await providers.ranking(inCategories: ids)
            let ranked = ranking.map(\.id)
            #expect(ranked == walked.map(\.id))
            #expect(ranking.map(\.updatedAt) == walked.map(\.updatedAt))
            #expect(ranked.count == 11)
            #expect(try await providers.profiles(ids: Array(ranked.reversed())).map(\.id) == ranked.reversed())
            let stamps = try await providers.stamps(after: nil, limit: 100)
            let all = try await providers.profiles(ids: stamps.map(\.id))
            #expect(all.count == 11)
            #expect(stamps.map(\.slug) == all.map(\.slug))
            #expect(stamps.map(\.updatedAt) == all.map(\.updatedAt))
            #expect(stamps.map(\.categorySlugs) == all.map(\.categorySlugs))
            #expect(try await providers.stamps(after: stamps[5].id, limit: 3).map(\.id) == Array(stamps[6..<9].map(\.id)))
            // Skipped providers are walked over: the batch still ends at the third one, and only the others are read.
            let skipping = try await providers.stamps(after: stamps[5].id, limit: 3, skipping: [stamps[6].id, stamps[8].id])
            #expect(skipping.stamps.map(\.id) == [stamps[7].id])
            #expect(skipping.stamps.first?.categorySlugs == stamps[7].categorySlugs)
            #expect(skipping.lastWalked == stamps[8].id)
            #expect(skipping.walked == 3)
            let past = try await providers.stamps(after: stamps[10].id, limit: 3, skipping: [])
            #expect(past.stamps.isEmpty && past.lastWalked == nil && past.walked == 0)
        }
    }
}
