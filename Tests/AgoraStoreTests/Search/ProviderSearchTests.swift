import AgoraDomain
@testable import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Provider search")
struct ProviderSearchTests {
    @Test("words rank the best text match first; rating, reviews and price sorts follow the data", arguments: TestDatabase.engines)
    func ranking(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            try await ProviderRepository(store: store).insert([
                SearchFixtures.provider("titled", title: "Swift developer", skills: ["Swift", "SwiftUI"], rate: .major(50, .eur), rating: 4.0, ratings: 5),
                SearchFixtures.provider("mentioned", title: "Backend engineer", bio: "I sometimes write Swift.", skills: ["Go"], rate: .major(40, .gbp), rating: 5.0, ratings: 200),
                SearchFixtures.provider("unrelated", title: "Illustrator", skills: ["Figma"], categories: ["design"], rate: nil, rating: 4.8, ratings: 60),
            ], now: Fixtures.now)
            // A text score weighs how rare a word is: in a corpus of three, "swift" would be too common to count.
            try await ProviderRepository(store: store).insert((1...12).map {
                SearchFixtures.provider("filler\($0)", title: "Painter", skills: ["Oil"], categories: ["design"], rate: .major(500, .eur), rating: 3, ratings: 1)
            }, now: Fixtures.now)

            let swift = try await SearchFixtures.search(store, [("q", "swift")])
            #expect(swift.hits.map(\.profile.slug.value) == ["titled", "mentioned"])
            #expect(swift.total == 2)
            // Stemming and prefixes: "developers" finds "developer", "Swi" finds "Swift".
            #expect(try await SearchFixtures.search(store, [("q", "developers")]).hits.map(\.profile.slug.value) == ["titled"])
            #expect(try await SearchFixtures.search(store, [("q", "Swi")]).total == 2)

            let mine: Set<String> = ["titled", "mentioned", "unrelated"]
            func order(_ sort: String) async throws -> [String] {
                try await SearchFixtures.search(store, [("sort", sort), ("limit", "100")]).hits.map(\.profile.slug.value).filter(mine.contains)
            }
            #expect(try await order("rating") == ["mentioned", "unrelated", "titled"])
            #expect(try await order("reviews") == ["mentioned", "unrelated", "titled"])
            // £40 is about €48: cheaper than €50. A provider without a rate comes last either way.
            #expect(try await order("price_asc") == ["mentioned", "titled", "unrelated"])
            #expect(try await order("price_desc") == ["titled", "mentioned", "unrelated"])
            let cheapest = try await SearchFixtures.search(store, [("sort", "price_asc")])
            #expect(cheapest.hits.first?.convertedRate == ExchangeRates.convert(.major(40, .gbp), to: .eur))
        }
    }

    @Test("each filter keeps exactly the providers it names", arguments: TestDatabase.engines)
    func filters(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            let later = Fixtures.now.addingTimeInterval(10 * 86_400)
            try await ProviderRepository(store: store).insert([
                SearchFixtures.provider("lyon", skills: ["Swift", "SQL"], categories: ["web"], languages: ["fr", "en"], verified: true),
                SearchFixtures.provider("berlin", skills: ["Swift"], categories: ["mobile"], country: "DE", city: "Berlin", latitude: 52.52, longitude: 13.405, languages: ["de"], availability: .unavailable, availableFrom: later, remote: false),
                SearchFixtures.provider("tokyo", skills: ["Figma"], categories: ["design"], rate: .major(9_000, try CurrencyCode("JPY")), rating: 3.2, ratings: 3, country: "JP", city: "Tokyo", latitude: 35.68, longitude: 139.65, languages: ["ja"], availability: .limited),
            ], now: Fixtures.now)
            func slugs(_ parameters: [(String, String)]) async throws -> Set<String> {
                Set(try await SearchFixtures.search(store, parameters).hits.map(\.profile.slug.value))
            }
            #expect(try await slugs([("category", "development")]) == ["lyon", "berlin"])
            #expect(try await slugs([("category", "mobile")]) == ["berlin"])
            #expect(try await slugs([("q", "consultant"), ("category", "development")]) == ["lyon", "berlin"])
            #expect(try await slugs([("q", "consultant"), ("category", "design")]) == ["tokyo"])
            // The text index keeps a token per category; words never match them.
            #expect(try await slugs([("q", "c1")]).isEmpty)
            #expect(try await slugs([("country", "DE")]) == ["berlin"])
            #expect(try await slugs([("country", "fr"), ("city", "LYON")]) == ["lyon"])
            #expect(try await slugs([("remote", "true")]) == ["lyon", "tokyo"])
            #expect(try await slugs([("near", "48.14,11.58,530")]) == ["berlin"])
            #expect(try await slugs([("skills", "swift,sql")]) == ["lyon"])
            #expect(try await slugs([("skills", "sql,figma"), ("skills_match", "any")]) == ["lyon", "tokyo"])
            #expect(try await slugs([("available", "now")]) == ["lyon", "tokyo"])
            #expect(try await slugs([("available_on", "2026-09-01")]) == ["lyon", "tokyo"])
            #expect(try await slugs([("available_on", "2026-10-02")]) == ["lyon", "berlin", "tokyo"])
            #expect(try await slugs([("min_rating", "4")]) == ["lyon", "berlin"])
            #expect(try await slugs([("min_reviews", "5")]) == ["lyon", "berlin"])
            #expect(try await slugs([("languages", "de,ja")]) == ["berlin", "tokyo"])
            #expect(try await slugs([("verified", "true")]) == ["lyon"])
            // ¥9,000 is about €56; in yen the bounds are whole amounts.
            #expect(try await slugs([("min_rate", "55"), ("max_rate", "59.99")]) == ["tokyo"])
            #expect(try await slugs([("currency", "JPY"), ("max_rate", "9000")]) == ["tokyo"])
            await #expect(throws: ValidationError.self) { try await slugs([("category", "no-such-category")]) }
        }
    }

    @Test("an updated snapshot finds a provider that changed category under its new category only, and once", arguments: TestDatabase.engines)
    func categoryChange(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            try await ProviderRepository(store: store).insert([
                SearchFixtures.provider("mover", categories: ["web"]),
                SearchFixtures.provider("stayer", categories: ["web"]),
            ], now: Fixtures.now)
            let tree = try await CategoryRepository(store: store).tree()
            var snapshot = try await SearchSnapshot.load(from: store, now: Fixtures.now)
            func slugs(_ category: String) async throws -> [String] {
                let query = try ProviderSearchQuery(parameters: [(name: "category", value: category)])
                return try await ProviderSearch(store: store).run(query, snapshot: snapshot, categories: tree).hits.map(\.profile.slug.value).sorted()
            }
            #expect(try await slugs("web") == ["mover", "stayer"])
            for (step, category) in ["design", "mobile", "design"].enumerated() {
                try await store.sql.raw("""
                    UPDATE provider_categories SET category_id = (SELECT id FROM categories WHERE slug = \(bind: category))
                    WHERE provider_id = (SELECT user_id FROM user_profiles WHERE slug = 'mover')
                    """).run()
                try await store.sql.raw("UPDATE user_profiles SET updated_at = \(bind: Fixtures.now.addingTimeInterval(Double(step + 1) * 60)) WHERE slug = 'mover'").run()
                snapshot = try await snapshot.updated(from: store)
                #expect(try await slugs(category) == ["mover"])
                #expect(try await slugs("web") == ["stayer"])
            }
            #expect(try await slugs("development") == ["stayer"])
            #expect(try await slugs("mobile") == [])
        }
    }

    @Test("radius filters equal a brute-force haversine check on random points", arguments: TestDatabase.engines)
    func geoAgainstBruteForce(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            let scattered = SearchFixtures.scattered(count: 400, seed: 7)
            try await ProviderRepository(store: store).insert(scattered.map(\.0), now: Fixtures.now)
            var random = SeededGenerator(seed: 99)
            for _ in 0..<12 {
                let centre = try GeoPoint(latitude: random.unit() * 140 - 65, longitude: random.unit() * 360 - 180)
                let circle = try GeoCircle(centre: centre, radiusKilometres: 200 + random.unit() * 4_000)
                let expected = Set(scattered.filter { circle.contains($0.1) }.map(\.0.slug.value))
                let found = try await SearchFixtures.allPages(store, [("near", "\(centre.latitude),\(centre.longitude),\(circle.radiusKilometres)"), ("sort", "distance")], limit: 50)
                #expect(Set(found) == expected)
                #expect(found.count == expected.count)
                let result = try await SearchFixtures.search(store, [("near", "\(centre.latitude),\(centre.longitude),\(circle.radiusKilometres)"), ("sort", "distance"), ("limit", "100")])
                let distances = result.hits.compactMap(\.distanceKilometres)
                #expect(distances == distances.sorted())
                for hit in result.hits {
                    let point = try #require(scattered.first { $0.0.slug == hit.profile.slug }?.1)
                    #expect(abs((hit.distanceKilometres ?? -1) - centre.distanceKilometres(to: point)) < 0.01)
                }
            }
        }
    }

    @Test("every facet count equals the total of the same search with that value as a filter", arguments: TestDatabase.engines)
    func facetsEqualDirectCounts(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            try await ProviderRepository(store: store).insert(SearchFixtures.scattered(count: 150, seed: 11).map(\.0), now: Fixtures.now)
            for base in [[("q", "developer")], [("category", "development"), ("currency", "USD")], [("currency", "JPY")]] as [[(String, String)]] {
                let result = try await SearchFixtures.search(store, base)
                func total(_ extra: [(String, String)]) async throws -> Int {
                    let replaced = Set(extra.map(\.0))
                    return try await SearchFixtures.search(store, base.filter { !replaced.contains($0.0) } + extra).total
                }
                #expect(!result.facets.categories.isEmpty)
                for facet in result.facets.categories { #expect(try await total([("category", facet.value)]) == facet.count, "category \(facet.value)") }
                for facet in result.facets.skills { #expect(try await total([("skills", facet.value)]) == facet.count, "skill \(facet.value)") }
                for facet in result.facets.languages { #expect(try await total([("languages", facet.value)]) == facet.count, "language \(facet.value)") }
                for facet in result.facets.countries { #expect(try await total([("country", facet.value)]) == facet.count, "country \(facet.value)") }
                for band in result.facets.ratings { #expect(try await total([("min_rating", "\(band.minimum)")]) == band.count, "rating \(band.minimum)") }
                let currency = try CurrencyCode(base.first { $0.0 == "currency" }?.1 ?? "EUR")
                #expect(result.facets.prices.count >= 2)
                #expect(result.facets.prices.map(\.count).reduce(0, +) == (try await total([("min_rate", "0")])))
                for band in result.facets.prices {
                    let bounds = [("min_rate", Self.amount(band.minimum, currency)), ("max_rate", Self.amount(band.maximum, currency))]
                    #expect(try await total(bounds) == band.count, "price \(band.minimum)–\(band.maximum)")
                }
            }
        }
    }

    @Test("paging through every sort neither repeats nor skips a provider", arguments: TestDatabase.engines)
    func stablePaging(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            try await ProviderRepository(store: store).insert(SearchFixtures.scattered(count: 120, seed: 3).map(\.0), now: Fixtures.now)
            for sort in SearchSort.allCases {
                var parameters = [("sort", sort.rawValue)]
                if sort == .distance { parameters.append(("near", "48.85,2.35,8000")) }
                if sort == .relevance { parameters.append(("q", "developer")) }
                let expected = try await SearchFixtures.search(store, parameters).total
                let walked = try await SearchFixtures.allPages(store, parameters)
                #expect(walked.count == expected, "\(sort)")
                #expect(Set(walked).count == walked.count, "\(sort) repeated a provider")
            }
        }
    }

    @Test("query syntax of the engines, long and unusual text is searched as words, never passed through", arguments: TestDatabase.engines)
    func hostileText(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            try await ProviderRepository(store: store).insert([SearchFixtures.provider("plain", title: "Swift developer")], now: Fixtures.now)
            let texts = [
                "\"", "\"swift", "*", "swift*", "NEAR(swift developer)", "-swift", "swift OR 1=1", "'; DROP TABLE users; --",
                "title:swift", "swift & | ! :*", "((((", "\\", "the", "😀🚀", "مطور سويفت", "a" + String(repeating: "b", count: 199), "%_",
            ]
            for text in texts {
                let result = try await SearchFixtures.search(store, [("q", text)])
                #expect(result.total >= 0, "\(text)")
            }
            #expect(try await SearchFixtures.search(store, [("q", "NEAR(swift developer)")]).hits.map(\.profile.slug.value) == [])
            #expect(try await SearchFixtures.search(store, [("q", "\"swift")]).hits.map(\.profile.slug.value) == ["plain"])
            #expect(try await SearchFixtures.search(store, [("q", "swift*")]).hits.map(\.profile.slug.value) == ["plain"])
        }
    }

    @Test("the index follows new providers in their transaction, and a rebuild finds the same", arguments: TestDatabase.engines)
    func indexFollowsChanges(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            let providers = ProviderRepository(store: store)
            try await providers.insert([SearchFixtures.provider("first", title: "Kotlin developer")], now: Fixtures.now)
            #expect(try await SearchFixtures.search(store, [("q", "kotlin")]).total == 1)
            try await providers.insert([SearchFixtures.provider("second", title: "Kotlin expert")], now: Fixtures.now)
            #expect(try await SearchFixtures.search(store, [("q", "kotlin")]).total == 2)
            // A failed batch leaves no index entry behind.
            await #expect(throws: StoreError.self) {
                try await providers.insert([SearchFixtures.provider("third", title: "Kotlin lead"), SearchFixtures.provider("fourth", categories: ["nope"])], now: Fixtures.now)
            }
            #expect(try await SearchFixtures.search(store, [("q", "kotlin")]).total == 2)
            try await providers.setPublished(try Slug("second"), false, now: Fixtures.now)
            #expect(try await SearchFixtures.search(store, [("q", "kotlin")]).total == 1)
            #expect(try await store.rebuildSearchIndex() == 2)
            #expect(try await SearchFixtures.search(store, [("q", "kotlin")]).hits.map(\.profile.slug.value) == ["first"])
        }
    }

    @Test("the category tree counts each public provider once per category and ancestor", arguments: TestDatabase.engines)
    func categoryCounts(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            try await SearchFixtures.catalog(store)
            let providers = ProviderRepository(store: store)
            try await providers.insert([
                SearchFixtures.provider("both", categories: ["web", "mobile"]),
                SearchFixtures.provider("web", categories: ["web"]),
                SearchFixtures.provider("hidden", categories: ["mobile"]),
            ], now: Fixtures.now)
            try await providers.setPublished(try Slug("hidden"), false, now: Fixtures.now)
            let categories = CategoryRepository(store: store)
            let tree = try await categories.tree()
            let counts = try await categories.providerCounts()
            func count(_ slug: String) throws -> Int { counts[try #require(tree.category(slug: try Slug(slug))).id] ?? 0 }
            #expect(try count("development") == 2)
            #expect(try count("web") == 2)
            #expect(try count("mobile") == 1)
            #expect(try count("design") == 0)
        }
    }

    static func amount(_ minor: Int64, _ currency: CurrencyCode) -> String {
        let digits = currency.minorUnitDigits
        guard digits > 0 else { return String(minor) }
        let scale = Int64(pow(10, Double(digits)))
        let fraction = String(minor % scale)
        return "\(minor / scale).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
