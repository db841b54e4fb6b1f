import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Saved searches and favourites")
struct SavedSearchAndFavoriteTests {
    /// Two signed-in clients over a seeded marketplace.
    func withAccounts(_ engine: TestDatabase = .sqlite, _ body: @escaping @Sendable (AuthHarness, SignIn, SignIn) async throws -> Void) async throws {
        try await AuthHarness.with(engine) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: 10, seed: 3, now: AuthHarness.start)
            let ada = try await harness.signedUp("ada@example.com")
            let bob = try await harness.signedUp("bob@example.com")
            try await body(harness, ada, bob)
        }
    }

    @Test("a saved search is created, listed, changed and deleted by its owner only", arguments: TestDatabase.engines)
    func savedSearches(engine: TestDatabase) async throws {
        try await withAccounts(engine) { harness, ada, bob in
            let created = try await harness.send(.post, "/api/search/saved", json: #"{"name": " Swift in Lyon ", "query": "?q=swift&country=FR&limit=5&cursor=abc", "alert": true}"#, bearer: ada.accessToken)
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require(body["id"] as? Int)
            #expect(body["name"] as? String == "Swift in Lyon")
            #expect(body["query"] as? String == "country=FR&q=swift")
            #expect(body["url"] as? String == "/search/?country=FR&q=swift")
            #expect(body["alert"] as? Bool == true)

            let list = try await harness.send(.get, "/api/search/saved", bearer: ada.accessToken).json()
            #expect((list["saved_searches"] as? [[String: Any]])?.count == 1)
            #expect((try await harness.send(.get, "/api/search/saved", bearer: bob.accessToken).json()["saved_searches"] as? [Any])?.isEmpty == true)

            // Another account's id is a 404, like one that does not exist, for every verb.
            for (method, json) in [(HTTPRequest.Method.get, nil), (.patch, #"{"name": "Mine now"}"#), (.delete, nil)] as [(HTTPRequest.Method, String?)] {
                let foreign = try await harness.send(method, "/api/search/saved/\(id)", json: json, bearer: bob.accessToken)
                #expect(foreign.status == .notFound, "\(method)")
                #expect(!foreign.text.contains("Swift in Lyon"))
            }
            #expect(try await harness.send(.get, "/api/search/saved/\(id)").status == .unauthorized)

            let renamed = try await harness.send(.patch, "/api/search/saved/\(id)", json: #"{"name": "Lyon", "alert": false}"#, bearer: ada.accessToken)
            #expect(renamed.status == .ok)
            #expect(try renamed.json()["name"] as? String == "Lyon")
            #expect(try renamed.json()["query"] as? String == "country=FR&q=swift")
            #expect(try renamed.json()["alert"] as? Bool == false)
            #expect(try await harness.send(.delete, "/api/search/saved/\(id)", bearer: ada.accessToken).status == .noContent)
            #expect(try await harness.send(.get, "/api/search/saved/\(id)", bearer: ada.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/search/saved/not-a-number", bearer: ada.accessToken).status == .notFound)
        }
    }

    @Test("a saved search must be a valid search with a name, and an account keeps at most fifty")
    func savedSearchRules() async throws {
        try await withAccounts { harness, ada, _ in
            let invalid = try await harness.send(.post, "/api/search/saved", json: #"{"name": "", "query": "sort=cheap&min_rating=9", "extra": 1}"#, bearer: ada.accessToken)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.fieldErrors == ["extra"])
            let fields = try await harness.send(.post, "/api/search/saved", json: #"{"name": "", "query": "sort=cheap&min_rating=9"}"#, bearer: ada.accessToken)
            #expect(Set(fields.fieldErrors) == ["name", "query.sort", "query.min_rating"])
            let broken = try await harness.send(.post, "/api/search/saved", json: #"{"name": "x", "query": "q=%ZZ"}"#, bearer: ada.accessToken)
            #expect(broken.fieldErrors == ["query"])
            let wrongType = try await harness.send(.post, "/api/search/saved", json: #"{"name": "x", "query": "", "alert": "yes"}"#, bearer: ada.accessToken)
            #expect(wrongType.fieldErrors == ["alert"])
            for index in 1...SavedSearchForm.maximumPerAccount {
                let saved = try await harness.send(.post, "/api/search/saved", json: #"{"name": "Search \#(index)", "query": "q=design"}"#, bearer: ada.accessToken)
                try #require(saved.status == .created)
            }
            let over = try await harness.send(.post, "/api/search/saved", json: #"{"name": "One more", "query": ""}"#, bearer: ada.accessToken)
            #expect(over.status == .conflict)
        }
    }

    @Test("favourites are added and removed idempotently, listed with the provider's card, and private to their owner", arguments: TestDatabase.engines)
    func favorites(engine: TestDatabase) async throws {
        try await withAccounts(engine) { harness, ada, bob in
            let providers = try await harness.store.sql.raw("SELECT user_id, slug FROM user_profiles ORDER BY user_id LIMIT 2").all()
            let first = try providers[0].decode(column: "user_id", as: Int64.self)
            let second = try providers[1].decode(column: "user_id", as: Int64.self)
            #expect(try await harness.send(.put, "/api/favorites/\(first)", bearer: ada.accessToken).status == .noContent)
            #expect(try await harness.send(.put, "/api/favorites/\(first)", bearer: ada.accessToken).status == .noContent)
            #expect(try await harness.send(.put, "/api/favorites/\(second)", bearer: ada.accessToken).status == .noContent)
            #expect(try await harness.send(.put, "/api/favorites/999999", bearer: ada.accessToken).status == .notFound)
            #expect(try await harness.send(.put, "/api/favorites/\(ada.userID)", bearer: ada.accessToken).status == .notFound)
            #expect(try await harness.send(.put, "/api/favorites/\(first)").status == .unauthorized)

            let list = try #require(try await harness.send(.get, "/api/favorites", bearer: ada.accessToken).json()["favorites"] as? [[String: Any]])
            #expect(list.count == 2)
            #expect((list.first?["provider"] as? [String: Any])?["id"] as? Int == Int(second))
            #expect((try await harness.send(.get, "/api/favorites", bearer: bob.accessToken).json()["favorites"] as? [Any])?.isEmpty == true)
            // Removing someone else's favourite changes nothing of theirs.
            #expect(try await harness.send(.delete, "/api/favorites/\(first)", bearer: bob.accessToken).status == .noContent)
            #expect((try await harness.send(.get, "/api/favorites", bearer: ada.accessToken).json()["favorites"] as? [Any])?.count == 2)
            #expect(try await harness.send(.delete, "/api/favorites/\(first)", bearer: ada.accessToken).status == .noContent)
            #expect((try await harness.send(.get, "/api/favorites", bearer: ada.accessToken).json()["favorites"] as? [Any])?.count == 1)
        }
    }
}
