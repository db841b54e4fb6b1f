@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Search answer cache")
struct SearchCacheTests {
    @Test("entries expire with their lifetime, and the oldest go first when the cache is full")
    func memoryCache() async {
        let clock = ManualClock(SearchRoutesTests.now)
        let cache = MemoryCache(clock: clock, capacity: 4)
        for index in 1...4 { await cache.store(Data("\(index)".utf8), for: "k\(index)", lifetime: 60) }
        #expect(await cache.value(for: "k1") == Data("1".utf8))
        await cache.store(Data("5".utf8), for: "k5", lifetime: 10)
        #expect(await cache.count <= 3)
        #expect(await cache.value(for: "k1") == nil)
        #expect(await cache.value(for: "k5") == Data("5".utf8))
        clock.advance(by: 11)
        #expect(await cache.value(for: "k5") == nil)
        #expect(await cache.value(for: "k4") == Data("4".utf8))
        await cache.removeAll()
        #expect(await cache.count == 0)
    }

    @Test("the same search is answered from the cache until the index changes", arguments: TestDatabase.engines)
    func invalidation(engine: TestDatabase) async throws {
        let clock = ManualClock(SearchRoutesTests.now)
        try await engine.withStore { store async throws in
            try await MarketplaceSeeder(store: store).seed(providers: 20, seed: 5, now: SearchRoutesTests.now)
            let configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"), clock: clock)
            let app = try await buildApplication(configuration: configuration, store: store)
            try await app.test(.router) { client in
                let uri = "/api/search/providers?q=zebra&limit=3"
                let first = try await client.execute(uri: uri, method: .get)
                #expect(first.headers[SearchRoutes.cacheHeader] == "miss")
                #expect(try first.json()["total"] as? Int == 0)
                let second = try await client.execute(uri: uri, method: .get)
                #expect(second.headers[SearchRoutes.cacheHeader] == "hit")
                #expect(second.body == first.body)
                let reordered = try await client.execute(uri: "/api/search/providers?limit=3&q=zebra", method: .get)
                #expect(reordered.headers[SearchRoutes.cacheHeader] == "hit")

                try await ProviderRepository(store: store).insert([NewProvider(
                    firstName: "Zoe", lastName: "Zebra", email: try Email("zoe@example.com"), phone: nil, slug: try Slug("zoe-zebra"),
                    title: "Zebra crossing painter", bio: "", location: nil, hourlyRate: nil, skills: [], languages: ["en"],
                    availability: .available, photo: nil, categorySlugs: [], statistics: .none
                )], now: SearchRoutesTests.now)
                clock.advance(by: SearchCatalog.generationLifetime + 1)
                var total = 0
                for _ in 0..<100 where total == 0 {
                    let response = try await client.execute(uri: uri, method: .get)
                    total = try response.json()["total"] as? Int ?? 0
                    if total == 0 { try await Task.sleep(for: .milliseconds(20)) }
                }
                #expect(total == 1)
            }
        }
    }
}
