import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

/// What administrators read about notifications, checked against a count of the tables.
@Suite("Notification analytics")
struct NotificationAnalyticsTests {
    func count(_ market: OrderMarketplace, _ sql: SQLQueryString) async throws -> Int {
        try await market.harness.store.sql.raw(sql).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("per kind: written, shown and read, emails by outcome, digests; for staff with analytics.read; a bad period named", arguments: TestDatabase.engines)
    func figures(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            _ = try await harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"orders": ["in_app"]}, "time_zone": "UTC", "digest": "off"}"#,
                bearer: market.bob.accessToken
            )
            for client in [market.ada, market.ada, market.bob] { _ = try await market.postOrder(client) }
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.ada.accessToken).status == .ok)

            let answer = try await harness.send(.get, "/api/admin/notifications/analytics?days=7", bearer: admin.accessToken)
            #expect(answer.status == .ok, "\(answer.text)")
            let kinds = try #require(try answer.json()["kinds"] as? [[String: Any]])
            #expect(!kinds.isEmpty)
            for figures in kinds {
                let kind = try #require(figures["kind"] as? String)
                let written = try await count(market, "SELECT COUNT(*) AS n FROM notifications WHERE type = \(bind: kind)")
                let shown = try await count(market, """
                    SELECT COUNT(*) AS n FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
                    WHERE n.type = \(bind: kind) AND d.channel = 'in_app' AND d.status = 'sent'
                    """)
                let read = try await count(market, """
                    SELECT COUNT(*) AS n FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
                    WHERE n.type = \(bind: kind) AND d.channel = 'in_app' AND d.status = 'sent' AND n.read_at IS NOT NULL
                    """)
                let suppressed = try await count(market, """
                    SELECT COUNT(*) AS n FROM notifications n JOIN notification_deliveries d ON d.notification_id = n.id
                    WHERE n.type = \(bind: kind) AND d.channel = 'email' AND d.status = 'suppressed'
                    """)
                #expect(figures["written"] as? Int == written && figures["shown_in_app"] as? Int == shown && figures["read"] as? Int == read, "\(kind)")
                #expect((figures["emails"] as? [String: Any])?["suppressed"] as? Int == suppressed, "\(kind)")
                if shown > 0 {
                    #expect(abs((figures["read_rate"] as? Double ?? -1) - Double(read) / Double(shown)) < 0.001, "\(kind)")
                }
            }
            // The clients' own order notifications (created or published, as the order went), not the providers' offers.
            let ownKinds = [NotificationKind.orderCreated.rawValue, NotificationKind.orderPublished.rawValue]
            let orders = try #require(kinds.first { ownKinds.contains($0["kind"] as? String ?? "") })
            #expect(orders["written"] as? Int == 3 && orders["read"] as? Int == 2, "Ada read her two; Bob's is unread")
            #expect((orders["emails"] as? [String: Any])?["suppressed"] as? Int == 1, "Bob keeps orders out of email")

            #expect(try await harness.send(.get, "/api/admin/notifications/analytics", bearer: market.ada.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/admin/notifications/analytics?days=0", bearer: admin.accessToken).fieldErrors == ["days"])
            #expect(try await harness.send(.get, "/api/admin/notifications/analytics?weeks=2", bearer: admin.accessToken).fieldErrors == ["weeks"])
        }
    }
}
