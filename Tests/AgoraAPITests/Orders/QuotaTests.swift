@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Quotas on what a client can multiply")
struct QuotaTests {
    /// Fills `limit` for `key` up to one place, as earlier requests would have.
    func almostUse(_ limit: RateLimit, key: String, store: Store, now: Date) async throws {
        for _ in 1..<limit.count(under: PlatformSettings()) {
            #expect(try await RateLimitHits(store: store).hit(name: limit.name, key: key, limit: limit.count(under: PlatformSettings()), window: limit.window, now: now) == .taken)
        }
    }

    func expectQuota(_ response: TestResponse) {
        #expect(response.status == .tooManyRequests)
        #expect(response.problemType == "urn:agora:problem:rate-limited")
        #expect(Int(response.headers[.retryAfter] ?? "") ?? 0 > 0)
    }

    @Test("orders per client, proposals per provider and uploads per account each have a daily quota, answered 429 with Retry-After", arguments: TestDatabase.engines)
    func dailyQuotas(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let now = harness.clock.now
            for _ in 1...RateLimit.orderPosting.count(under: PlatformSettings()) { _ = try await market.postOrder(market.ada) }
            expectQuota(try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: market.ada.accessToken))
            let bobsOrder = try await market.postOrder(market.bob)

            try await almostUse(.proposalSending, key: String(market.paula.userID), store: harness.store, now: now)
            _ = try await market.propose(bobsOrder, as: market.paula)
            let anotherOrder = try await market.postOrder(market.bob)
            expectQuota(try await harness.send(.post, "/api/orders/\(anotherOrder)/proposals", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken))

            try await almostUse(.fileUpload, key: String(market.bob.userID), store: harness.store, now: now)
            let body = OrderFileTests.multipart([("file", "brief.pdf", OrderFileTests.pdf)])
            #expect(try await OrderFileTests.upload(harness, order: bobsOrder, body: body, bearer: market.bob.accessToken).status == .created)
            expectQuota(try await OrderFileTests.upload(harness, order: bobsOrder, body: body, bearer: market.bob.accessToken))

            harness.clock.advance(by: 86_401)
            let ada = try SignIn(try await harness.login("ada@example.com"))
            let again = try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: ada.accessToken)
            #expect(again.status == .created, "a day later the quota is back: \(again.text)")
        }
    }

    @Test("the bytes an account uploads in a day have a quota: a file that would pass it is refused and not kept", arguments: TestDatabase.engines)
    func dailyBytes(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let order = try await market.postOrder(market.bob)
            let body = OrderFileTests.multipart([("file", "brief.pdf", OrderFileTests.pdf)])
            // Earlier uploads that leave room for less than this file (rows only: the test need not move 500 MB).
            let earlier = OrderFileLimits.maximumBytesPerDay - Int64(OrderFileTests.pdf.count) + 1
            _ = try await OrderFileRepository(store: harness.store).insert(
                orderID: order, clientID: market.bob.userID, storageName: "earlier", fileName: "earlier.pdf", mediaType: "application/pdf",
                byteSize: earlier, sha256: "", now: harness.clock.now
            )
            harness.clock.advance(by: 600)
            let refused = try await OrderFileTests.upload(harness, order: order, body: body, bearer: market.bob.accessToken)
            expectQuota(refused)
            #expect(refused.headers[.retryAfter] == String(86_400 - 600), "room comes back when the earliest upload is a day old")
            #expect(try await OrderFileRepository(store: harness.store).list(orderID: order).count == 1)
            #expect(OrderFileTests().storedFiles(harness, "incoming").isEmpty)
            harness.clock.advance(by: 86_400 - 600 + 1)
            let bob = try SignIn(try await harness.login("bob@example.com"))
            #expect(try await OrderFileTests.upload(harness, order: order, body: body, bearer: bob.accessToken).status == .created)
        }
    }

    @Test("searches the cache cannot answer are limited per client; answers from the cache are not")
    func uncachedSearches() async throws {
        try await AuthHarness.with { harness in
            let limit = RateLimit.uncachedSearch.count(under: PlatformSettings())
            for number in 1...limit {
                #expect(try await harness.send(.get, "/api/search/providers?q=term\(number)").status == .ok)
            }
            expectQuota(try await harness.send(.get, "/api/search/providers?q=one-more"))
            expectQuota(try await harness.send(.get, "/api/search/suggestions?q=one-more"))
            let cached = try await harness.send(.get, "/api/search/providers?q=term1")
            #expect(cached.status == .ok && cached.headers[SearchRoutes.cacheHeader] == "hit")
        }
    }
}
