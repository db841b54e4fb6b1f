import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// Digest emails, with the test's clock standing in for the days.
@Suite("Notification digests")
struct NotificationDigestTests {
    func digests(to address: String, in market: OrderMarketplace) async throws -> [OutboxEmail] {
        try await EmailOutbox(store: market.harness.store).claimDue(now: market.harness.clock.now.addingTimeInterval(86_400), limit: 500, lease: 1)
            .filter { $0.template == "notification-digest" && $0.recipient == address }
    }

    func gathered(by userID: Int64, in market: OrderMarketplace) async throws -> Int {
        try await market.harness.store.sql.raw("""
            SELECT COUNT(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.user_id = \(bind: userID) AND d.channel = 'digest'
            """).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    /// Moves the clock to the next 8:00 UTC, and a minute past it.
    func nextMorning(_ market: OrderMarketplace) {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let now = market.harness.clock.now
        let eight = utc.nextDate(after: now, matching: DateComponents(hour: DigestFrequency.hour, minute: 0), matchingPolicy: .nextTime)!
        market.harness.clock.advance(by: eight.timeIntervalSince(now) + 60)
    }

    @Test("a daily digest gathers what is unread in the chosen categories, each notification once, at 8:00 in the member's zone", arguments: TestDatabase.engines)
    func daily(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let chosen = try await harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"orders": ["in_app", "digest"]}, "time_zone": "UTC", "digest": "daily"}"#,
                bearer: market.ada.accessToken
            )
            try #require(chosen.status == .ok, "\(chosen.text)")
            let job = NotificationDigestJob(
                store: harness.store, composer: harness.composer, clock: harness.clock
            )
            for _ in 0..<3 { _ = try await market.postOrder(market.ada) }
            let inbox = try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()["notifications"] as? [[String: Any]] ?? []
            let newest = try #require((inbox.first?["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"ids": [\#(newest)]}"#, bearer: market.ada.accessToken).status == .ok)
            #expect(try await job.runOnce() == 0, "not due before the next 8:00 after choosing it")

            nextMorning(market)
            #expect(try await job.runOnce() == 1)
            let first = try #require(try await digests(to: "ada@example.com", in: market).first)
            let unread = inbox.count - 1
            #expect(first.subject == "Your daily digest: \(unread) unread notifications")
            #expect(first.textBody.contains("Orders") && first.textBody.contains("/orders/view/?id="))
            #expect(first.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click", "optional mail")
            #expect(try await gathered(by: market.ada.userID, in: market) == unread, "the read one is left out")
            #expect(try await job.runOnce() == 0, "one digest per morning")
            #expect(try await digests(to: "bob@example.com", in: market).isEmpty, "Bob never chose one")

            // The next morning: nothing new, no email; then one new order, in the digest after it, alone.
            nextMorning(market)
            #expect(try await job.runOnce() == 0)
            // A day later her access token has expired: she signs in again.
            let ada = try SignIn(try await harness.login("ada@example.com"))
            _ = try await market.postOrder(ada)
            nextMorning(market)
            #expect(try await job.runOnce() == 1)
            let all = try await digests(to: "ada@example.com", in: market)
            #expect(all.count == 2)
            let newOnes = try await gathered(by: market.ada.userID, in: market) - unread
            #expect(newOnes >= 1 && all.last?.subject == "Your daily digest: \(newOnes) unread notification\(newOnes == 1 ? "" : "s")",
                    "only what arrived since the last digest")
        }
    }

    @Test("the digest frequency, the digest channel and the zone are read and checked like the rest")
    func preferences() async throws {
        try await OrderMarketplace.with(.sqlite) { market in
            let harness = market.harness
            let bad = try await harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"orders": ["digest", "fax"]}, "time_zone": "UTC", "digest": "hourly"}"#,
                bearer: market.ada.accessToken
            )
            #expect(Set(bad.fieldErrors) == ["channels.orders", "digest"])
            let weekly = try await harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"orders": ["digest"]}, "time_zone": "Europe/Paris", "digest": "weekly"}"#,
                bearer: market.ada.accessToken
            )
            let categories = try weekly.json()["categories"] as? [[String: Any]]
            #expect(try weekly.json()["digest"] as? String == "weekly" && categories?.first { $0["category"] as? String == "orders" }?["channels"] as? [String] == ["digest"])
        }
    }
}
