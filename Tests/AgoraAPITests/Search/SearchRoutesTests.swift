import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Search API")
struct SearchRoutesTests {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    /// The service over a seeded marketplace of 80 providers.
    func withSearch(_ engine: TestDatabase = .sqlite, _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void) async throws {
        try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 80, seed: 5, now: Self.now)
            let app = try await buildApplication(configuration: try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent")), store: store)
            try await app.test(.router) { client in try await body(client, store) }
        }
    }

    @Test("a search answers cards, a cursor and facets, cacheable by anyone", arguments: TestDatabase.engines)
    func answers(engine: TestDatabase) async throws {
        try await withSearch(engine) { client, _ in
            let response = try await client.execute(uri: "/api/search/providers?q=developer&limit=5&currency=USD", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "public, max-age=30")
            let body = try response.json()
            let total = try #require(body["total"] as? Int)
            #expect(total > 5)
            let providers = try #require(body["providers"] as? [[String: Any]])
            #expect(providers.count == 5)
            let first = try #require(providers.first)
            let slug = try #require(first["slug"] as? String)
            #expect(first["url"] as? String == "/providers/\(slug)/")
            #expect((first["converted_rate"] as? [String: Any])?["currency"] as? String == "USD")
            #expect(body["next_cursor"] is String)
            let facets = try #require(body["facets"] as? [String: Any])
            for name in ["categories", "skills", "languages", "countries", "ratings", "prices"] {
                #expect(!((facets[name] as? [Any]) ?? []).isEmpty, "\(name)")
            }
        }
    }

    @Test("each card's texts are the ones the generated listings write", arguments: TestDatabase.engines)
    func cardTexts(engine: TestDatabase) async throws {
        try await withSearch(engine) { client, store in
            let body = try await client.execute(uri: "/api/search/providers?sort=rating&limit=20", method: .get).json()
            let providers = try #require(body["providers"] as? [[String: Any]])
            #expect(providers.count == 20)
            let prior = try await ReviewRepository(store: store).ratingPrior()
            for provider in providers {
                let slug = try Slug(try #require(provider["slug"] as? String))
                let expected = ProviderCard(try #require(try await ProviderRepository(store: store).find(slug: slug)), prior: prior)
                let card = try #require(provider["card"] as? [String: Any])
                #expect(card["initials"] as? String == expected.initials)
                #expect(card["location"] as? String == expected.location)
                #expect(card["rate"] as? String == expected.rate)
                #expect(card["rating"] as? String == expected.rating)
                #expect(card["rating_count"] as? Int == expected.ratingCount)
                #expect(card["skills"] as? [String] == expected.skills)
                #expect(card["availability"] as? String == expected.availability)
                #expect(card["is_available"] as? Bool == expected.isAvailable)
                #expect(expected.skills.count <= ProviderCard.skillsShown)
            }
        }
    }

    @Test("following next_cursor visits every match once")
    func paging() async throws {
        try await withSearch { client, _ in
            var seen: [String] = []
            var uri = "/api/search/providers?sort=rating&limit=9"
            var total = 0
            while true {
                let body = try await client.execute(uri: uri, method: .get).json()
                total = body["total"] as? Int ?? -1
                seen += (body["providers"] as? [[String: Any]] ?? []).compactMap { $0["slug"] as? String }
                guard let cursor = body["next_cursor"] as? String else { break }
                uri = "/api/search/providers?sort=rating&limit=9&cursor=\(cursor)"
            }
            #expect(total == 80)
            #expect(seen.count == 80)
            #expect(Set(seen).count == 80)
        }
    }

    @Test("bad parameters answer 400 naming each one; hostile text answers results, never a 500")
    func badInput() async throws {
        try await withSearch { client, _ in
            let bad = try await client.execute(uri: "/api/search/providers?sort=cheap&limit=1000&near=1,2&colour=red", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.headers[.contentType] == "application/problem+json")
            #expect(bad.problemType == "urn:agora:problem:invalid-query")
            #expect(Set(bad.fieldErrors) == ["sort", "limit", "near", "colour"])
            #expect(try bad.json()["title"] as? String == "Bad Request")
            let unknown = try await client.execute(uri: "/api/search/providers?category=no-such-thing", method: .get)
            #expect(unknown.status == .badRequest)
            #expect(unknown.fieldErrors == ["category"])
            let hostile = [
                "q=%22", "q=NEAR(a%20b)", "q=-developer", "q=*", "q=%27%3B%20DROP%20TABLE%20users%3B--", "q=%F0%9F%98%80",
                "q=%D9%85%D8%B7%D9%88%D8%B1", "q=" + String(repeating: "x", count: 200), "q=" + String(repeating: "x", count: 201),
                "q=%ZZ", "q=%C3%28", "%ZZ=1", "q=a%00b", "skills=%22%2A", "city=%27&country=FR", "near=1e400,2,3",
                "min_rate=99999999999999999999", "limit=-1", "cursor=" + String(repeating: "A", count: 300), "q=" + String(repeating: "a+", count: 2_100),
            ]
            for query in hostile {
                let response = try await client.execute(uri: "/api/search/providers?\(query)", method: .get)
                #expect([.ok, .badRequest].contains(response.status), "\(query.prefix(40)): \(response.status)")
                if response.status == .badRequest { #expect(response.problemType == "urn:agora:problem:invalid-query", "\(query.prefix(40))") }
            }
        }
    }

    @Test("suggestions forgive a typo and refuse what is not a suggestion query")
    func suggestions() async throws {
        try await withSearch { client, _ in
            let typo = try await client.execute(uri: "/api/search/suggestions?q=devlopment", method: .get)
            #expect(typo.status == .ok)
            let suggestions = try #require(try typo.json()["suggestions"] as? [[String: Any]])
            #expect(suggestions.contains { ($0["text"] as? String)?.hasSuffix("Development") == true && $0["kind"] as? String == "category" })
            #expect(suggestions.count <= 10)
            let empty = try await client.execute(uri: "/api/search/suggestions?q=", method: .get)
            #expect((try empty.json()["suggestions"] as? [Any])?.isEmpty == true)
            let limited = try await client.execute(uri: "/api/search/suggestions?q=d&limit=3", method: .get)
            #expect((try limited.json()["suggestions"] as? [Any])?.count == 3)
            let long = try await client.execute(uri: "/api/search/suggestions?q=" + String(repeating: "a", count: 101), method: .get)
            #expect(long.status == .badRequest)
            #expect(long.fieldErrors == ["q"])
            let unknown = try await client.execute(uri: "/api/search/suggestions?q=a&limit=50&x=1", method: .get)
            #expect(Set(unknown.fieldErrors) == ["limit", "x"])
        }
    }

    @Test("the category tree nests subcategories and counts their providers into their parents", arguments: TestDatabase.engines)
    func categoryTree(engine: TestDatabase) async throws {
        try await withSearch(engine) { client, store in
            try await CategoryRepository(store: store).setActive(try Slug("digital-marketing"), false, now: Self.now)
            let response = try await client.execute(uri: "/api/categories", method: .get)
            #expect(response.status == .ok)
            let roots = try #require(try response.json()["categories"] as? [[String: Any]])
            #expect(!roots.isEmpty)
            #expect(!roots.contains { $0["slug"] as? String == "digital-marketing" })
            var listed = 0
            for root in roots {
                let children = try #require(root["children"] as? [[String: Any]])
                #expect(!children.isEmpty)
                let own = try #require(root["provider_count"] as? Int)
                let sum = children.compactMap { $0["provider_count"] as? Int }.reduce(0, +)
                // Seeded providers are each in one subcategory, so a parent counts exactly its children's providers.
                #expect(own == sum, "\(root["slug"] ?? "")")
                listed += own
            }
            #expect(listed < 80)
            #expect(listed > 0)
        }
    }
}
