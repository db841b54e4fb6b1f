import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Providers' records from real events")
struct ProviderRecordTests {
    static func responseMinutes(_ harness: AuthHarness, _ providerID: Int64) async throws -> Int? {
        try await harness.store.sql.raw("SELECT response_time_minutes FROM user_statistics WHERE user_id = \(bind: providerID)").first()?
            .decode(column: "response_time_minutes", as: Int?.self)
    }

    @Test("a proposal on an offered order sets the response time to the median wait; one on an order not offered changes nothing", arguments: TestDatabase.engines)
    func responseTime(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let provider = market.seeded
            let seededBefore = try await Self.responseMinutes(harness, provider.userID)
            // Not offered: Paula browses open orders and proposes; nothing to measure.
            let open = try await market.postOrder(market.bob)
            _ = try await market.propose(open, as: market.paula)
            #expect(try await Self.responseMinutes(harness, market.paula.userID) == nil)

            for wait in [90, 30, 600] {
                let client = try SignIn(try await harness.login("ada@example.com"))
                let order = try await market.postOrder(client, #", "invite": [\#(provider.userID)]"#)
                harness.clock.advance(by: TimeInterval(wait * 60))
                // Hours later the access token has expired: the provider signs in again.
                let again = try SignIn(try await harness.login("seeded.provider@example.com"))
                _ = try await market.propose(order, as: again)
            }
            #expect(try await Self.responseMinutes(harness, provider.userID) == 90, "the median of 90, 30 and 600 minutes (was \(String(describing: seededBefore)))")
            let slug = try #require(try await harness.store.sql.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: provider.userID)").first()?
                .decode(column: "slug", as: String.self))
            let shown = try await harness.send(.get, "/api/providers/\(slug)").json()["statistics"] as? [String: Any]
            #expect(shown?["response_time_minutes"] as? Int == 90)
            #expect(try await SiteChangeQueue(store: harness.store).recent().contains { $0.change == .provider(try Slug(slug)) && $0.reason.contains("response time") })
        }
    }
}
