import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Search analytics")
struct SearchAnalyticsTests {
    @Test("searches, empty searches, clicks and category searches are counted per query, and only administrators read them", arguments: TestDatabase.engines)
    func counts(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 30, seed: 9, now: AuthHarness.start)
            let admin = try await harness.signedInAdministrator()
            let client = try await harness.signedUp("ada@example.com")
            for uri in [
                "/api/search/providers?q=Developer", "/api/search/providers?q=developer%20%20", "/api/search/providers?q=developer",
                "/api/search/providers?q=zebraphone", "/api/search/providers?q=zebraphone&category=web-development",
                "/api/search/providers?category=web-development&limit=1",
            ] {
                try #require(try await harness.send(.get, uri).status == .ok)
            }
            let first = try await harness.send(.get, "/api/search/providers?q=developer&limit=1").json()
            let cursor = try #require(first["next_cursor"] as? String)
            // The next page of a search is not another search.
            try #require(try await harness.send(.get, "/api/search/providers?q=developer&limit=1&cursor=\(cursor)").status == .ok)
            #expect(try await harness.send(.post, "/api/search/clicks", json: #"{"query": "DEVELOPER"}"#).status == .noContent)
            #expect(try await harness.send(.post, "/api/search/clicks", json: #"{"query": 5}"#).status == .unprocessableContent)

            #expect(try await harness.send(.get, "/api/admin/search/analytics").status == .unauthorized)
            #expect(try await harness.send(.get, "/api/admin/search/analytics", bearer: client.accessToken).status == .forbidden)
            let bad = try await harness.send(.get, "/api/admin/search/analytics?days=0&who=me", bearer: admin.accessToken)
            #expect(bad.status == .badRequest)
            #expect(Set(bad.fieldErrors) == ["days", "who"])

            let report = try await harness.send(.get, "/api/admin/search/analytics?days=7", bearer: admin.accessToken)
            #expect(report.status == .ok)
            let body = try report.json()
            let top = try #require(body["top_queries"] as? [[String: Any]])
            let developer = try #require(top.first { $0["query"] as? String == "developer" })
            #expect(developer["searches"] as? Int == 4)
            #expect(developer["clicks"] as? Int == 1)
            #expect(developer["zero_results"] as? Int == 0)
            let empty = try #require((body["zero_result_queries"] as? [[String: Any]])?.first)
            #expect(empty["query"] as? String == "zebraphone")
            #expect(empty["zero_results"] as? Int == 2)
            let categories = try #require(body["categories"] as? [[String: Any]])
            #expect(categories.first { $0["slug"] as? String == "web-development" }?["searches"] as? Int == 2)
            // Nothing personal: no address, IP or account in the report.
            #expect(!report.text.contains("ada@example.com"))
            #expect(!report.text.contains("127.0.0.1"))
        }
    }

    @Test("clicks are limited to 120 a minute per address, then counted again")
    func clickLimit() async throws {
        try await AuthHarness.with { harness in
            for _ in 0..<120 {
                try #require(try await harness.send(.post, "/api/search/clicks", json: #"{"query": "swift"}"#).status == .noContent)
            }
            let refused = try await harness.send(.post, "/api/search/clicks", json: #"{"query": "swift"}"#)
            #expect(refused.status == .tooManyRequests)
            #expect(refused.problemType == "urn:agora:problem:rate-limited")
            #expect(refused.headers[.retryAfter] != nil)
            harness.clock.advance(by: 61)
            #expect(try await harness.send(.post, "/api/search/clicks", json: #"{"query": "swift"}"#).status == .noContent)
        }
    }

    @Test("a query searched often enough becomes a suggestion")
    func popularQueries() async throws {
        try await AuthHarness.with { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 20, seed: 9, now: AuthHarness.start)
            for _ in 0..<SuggestionVocabulary.popularMinimumSearches {
                // Each search is a miss of its own: the cache key differs by limit.
                try #require(try await harness.send(.get, "/api/search/providers?q=developer&limit=\(Int.random(in: 1...100))").status == .ok)
            }
            let admin = try await harness.signedInAdministrator()
            _ = try await harness.send(.get, "/api/admin/search/analytics", bearer: admin.accessToken)
            harness.clock.advance(by: 301)
            var found = false
            for _ in 0..<100 where !found {
                let answer = try await harness.send(.get, "/api/search/suggestions?q=develope&limit=\(Int.random(in: 5...10))").json()
                found = (answer["suggestions"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "query" && $0["text"] as? String == "developer" }
                if !found { try await Task.sleep(for: .milliseconds(20)) }
            }
            #expect(found)
        }
    }

    @Test("category pages the service serves count as views of their category")
    func categoryViews() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        try scratch.write("<!doctype html><title>Web</title>", to: "Site/categories/web-development/index.html")
        try scratch.write("<!doctype html><title>Web, page 2</title>", to: "Site/categories/web-development/page/2/index.html")
        try scratch.write("<!doctype html><title>Not found</title>", to: "Site/404.html")
        try await TestDatabase.sqlite.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 5, seed: 9, now: AuthHarness.start)
            let configuration = try await TestConfiguration.make(site: scratch.url.appendingPathComponent("Site"))
            _ = try await Administrators.create(
                firstName: "Grace", lastName: "Admin", email: "grace@example.com", password: AuthHarness.password,
                settings: configuration.auth, store: store, now: Date()
            )
            let app = try await buildApplication(configuration: configuration, store: store)
            try await app.test(.router) { client in
                for path in ["/categories/web-development/", "/categories/web-development/page/2/", "/categories/web-development/page/9/", "/categories/nope/"] {
                    _ = try await client.execute(uri: path, method: .get)
                }
                let login = try await client.execute(
                    uri: "/api/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"email": "grace@example.com", "password": "\#(AuthHarness.password)"}"#)
                )
                let token = try SignIn(login).accessToken
                try await AuthHarness.enrolTwoFactor(client: client, token: token, now: Date())
                let report = try await client.execute(uri: "/api/admin/search/analytics", method: .get, headers: [.authorization: "Bearer \(token)"]).json()
                let categories = try #require(report["categories"] as? [[String: Any]])
                #expect(categories.count == 1)
                #expect(categories.first?["slug"] as? String == "web-development")
                #expect(categories.first?["views"] as? Int == 2)
            }
        }
    }
}
