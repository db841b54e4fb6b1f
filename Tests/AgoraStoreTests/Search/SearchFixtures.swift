import AgoraDomain
@testable import AgoraStore
import Foundation

/// Providers made for search tests: every field a filter reads can be chosen.
enum SearchFixtures {
    static func catalog(_ store: Store) async throws {
        let categories = CategoryRepository(store: store)
        try await categories.insert(Fixtures.category("Development"), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Web", parent: "development"), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Mobile", parent: "development", order: 1), now: Fixtures.now)
        try await categories.insert(Fixtures.category("Design", order: 1), now: Fixtures.now)
    }

    static func provider(
        _ slug: String, first: String = "Sam", last: String? = nil, title: String = "Consultant", bio: String = "Works with care.",
        skills: [String] = ["Planning"], categories: [String] = ["web"], rate: Money? = .major(60, .eur),
        rating: Double = 4.5, ratings: Int = 10, country: String = "FR", city: String = "Lyon",
        latitude: Double? = 45.76, longitude: Double? = 4.84, languages: [String] = ["en"],
        availability: Availability = .available, availableFrom: Date? = nil, verified: Bool = false, remote: Bool = true
    ) -> NewProvider {
        NewProvider(
            firstName: first, lastName: last ?? slug.capitalized, email: try! Email("\(slug)@example.com"), phone: nil,
            slug: try! Slug(slug), title: title, bio: bio,
            location: ProviderLocation(city: city, region: nil, countryCode: country, latitude: latitude, longitude: longitude),
            hourlyRate: rate, skills: skills, languages: languages,
            availability: availability, photo: nil, categorySlugs: categories.map { try! Slug($0) },
            statistics: ProviderStatistics(ratingAverage: ratings == 0 ? 0 : rating, ratingCount: ratings, completedProjects: ratings, completionRate: 0.9, responseTimeMinutes: 60),
            verified: verified, remote: remote, availableFrom: availableFrom
        )
    }

    /// A deterministic spread of providers over the world and the catalogue, for checks against brute force.
    static func scattered(count: Int, seed: UInt64) -> [(NewProvider, GeoPoint)] {
        var random = SeededGenerator(seed: seed)
        let countries = ["FR", "DE", "GB", "US", "JP", "BR"]
        let skills = ["Swift", "Kotlin", "SQL", "Figma", "Go", "Rust"]
        let languages = ["en", "fr", "de", "ja"]
        let currencies: [CurrencyCode] = [.eur, .usd, .gbp, try! CurrencyCode("JPY")]
        let categories = ["web", "mobile", "design"]
        return (0..<count).map { index in
            let latitude = random.unit() * 140 - 65
            let longitude = random.unit() * 360 - 180
            let currency = currencies[random.below(currencies.count)]
            let major = Int64(20 + random.below(150)) * (currency.code == "JPY" ? 150 : 1)
            let ratings = random.below(4) == 0 ? 0 : 1 + random.below(200)
            let provider = provider(
                "p\(index)", first: ["Ada", "Bea", "Cy", "Dan"][index % 4], title: ["Developer", "Designer", "Consultant"][index % 3],
                skills: Array(Set([skills[random.below(skills.count)], skills[random.below(skills.count)]])).sorted(),
                categories: [categories[random.below(categories.count)]],
                rate: random.below(10) == 0 ? nil : .major(major, currency),
                rating: 3 + Double(random.below(21)) / 10, ratings: ratings, country: countries[random.below(countries.count)],
                latitude: latitude, longitude: longitude, languages: Array(Set([languages[random.below(4)], "en"])).sorted(),
                availability: [.available, .limited, .unavailable][random.below(3)], verified: random.below(3) == 0
            )
            return (provider, try! GeoPoint(latitude: latitude, longitude: longitude))
        }
    }

    /// Runs a search from query parameters as the API would.
    static func search(_ store: Store, _ parameters: [(String, String)]) async throws -> ProviderSearchResult {
        let query = try ProviderSearchQuery(parameters: parameters.map { (name: $0.0, value: $0.1) })
        let search = ProviderSearch(store: store)
        let snapshot = try await SearchSnapshot.load(from: store, now: Date())
        return try await search.run(query, snapshot: snapshot, categories: try await CategoryRepository(store: store).tree())
    }

    /// Every provider slug a search finds, walking all its pages.
    static func allPages(_ store: Store, _ parameters: [(String, String)], limit: Int = 7) async throws -> [String] {
        var slugs: [String] = []
        var cursor: String?
        repeat {
            var page = parameters + [("limit", String(limit))]
            if let cursor { page.append(("cursor", cursor)) }
            let result = try await search(store, page)
            slugs += result.hits.map(\.profile.slug.value)
            cursor = result.nextCursor?.token
        } while cursor != nil
        return slugs
    }
}

extension SeededGenerator {
    /// A number from 0 up to 1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A whole number from 0 up to `bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
