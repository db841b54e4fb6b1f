import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Marketplace news from administrators to a segment of members.
@Suite("Announcements")
struct AnnouncementTests {
    static let news = #"{"title": "Design has its own pages", "message": "Logo, brand and packaging design now have\nthe pages they deserve.", "link": "/categories/design/", "segment": "clients"}"#

    func announce(_ json: String, as member: SignIn, key: String? = UUID().uuidString, in market: OrderMarketplace) async throws -> TestResponse {
        try await market.harness.send(.post, "/api/admin/announcements", json: json, bearer: member.accessToken, idempotencyKey: key)
    }

    func news(of member: SignIn, in market: OrderMarketplace) async throws -> [[String: Any]] {
        let response = try await market.harness.send(.get, "/api/notifications?category=marketplace_news", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        return try response.json()["notifications"] as? [[String: Any]] ?? []
    }

    @Test("news reaches its segment in the app, by email for those who asked; once per key, however often it is sent; audited", arguments: TestDatabase.engines)
    func send(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            // Bob wants news by email and not in the app; Ada keeps the defaults (in the app only).
            let chosen = try await harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"marketplace_news": ["email"]}, "time_zone": "UTC", "digest": "off"}"#,
                bearer: market.bob.accessToken
            )
            try #require(chosen.status == .ok, "\(chosen.text)")

            #expect(try await announce(Self.news, as: market.ada, in: market).status == .forbidden, "members do not send news")
            #expect(try await announce(Self.news, as: admin, key: nil, in: market).fieldErrors == ["Idempotency-Key"])
            let key = UUID().uuidString
            let first = try await announce(Self.news, as: admin, key: key, in: market)
            #expect(first.status == .created, "\(first.text)")
            let sent = try first.json()
            let clients = try #require(try await harness.store.sql.raw("""
                SELECT COUNT(*) AS n FROM users WHERE user_type = 'client' AND verification_status <> 'suspended'
                """).first()?.decode(column: "n", as: Int.self))
            #expect(clients >= 2 && sent["recipients"] as? Int == clients && sent["emails"] as? Int == 1)
            let again = try await announce(Self.news, as: admin, key: key, in: market)
            #expect(again.status == .created && again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            #expect(try again.json()["id"] as? Int == sent["id"] as? Int)
            let listed = try await harness.send(.get, "/api/admin/announcements", bearer: admin.accessToken).json()["announcements"] as? [[String: Any]]
            #expect(listed?.count == 1, "a double click sends it once")

            let ada = try await news(of: market.ada, in: market)
            #expect(ada.count == 1 && ada.first?["title"] as? String == "Design has its own pages" && ada.first?["read"] as? Bool == false)
            #expect(ada.first?["link"] as? String == "/categories/design/" && ada.first?["type"] as? String == "marketplace_news")
            let bob = try await news(of: market.bob, in: market)
            #expect(bob.count == 1 && bob.first?["read"] as? Bool == true, "kept in Bob's history, already read")
            #expect(try await news(of: market.paula, in: market).isEmpty, "providers are not in the clients' segment")
            let emails = try await EmailOutbox(store: harness.store).claimDue(now: harness.clock.now, limit: 100, lease: 60)
                .filter { $0.subject.contains("Design has its own pages") }
            #expect(emails.map(\.recipient) == ["bob@example.com"])
            #expect(emails.first?.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click" && emails.first?.headers["List-Unsubscribe"] != nil,
                    "news by email is optional mail")
            let announcementID = Int64(try #require(sent["id"] as? Int))
            let deliveries = try await harness.store.sql.raw("""
                SELECT d.channel, d.status, COUNT(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
                WHERE n.announcement_id = \(bind: announcementID) GROUP BY d.channel, d.status ORDER BY d.channel, d.status
                """).all().map { "\(try $0.decode(column: "channel", as: String.self)):\(try $0.decode(column: "status", as: String.self)):\(try $0.decode(column: "n", as: Int.self))" }
            #expect(deliveries == ["email:queued:1", "email:suppressed:\(clients - 1)", "in_app:sent:\(clients - 1)", "in_app:suppressed:1"])
            let audited = try #require(try await AuditLog(store: harness.store).entries(about: .announcement, id: announcementID).first)
            let after = try JSONSerialization.jsonObject(with: Data(audited.after.utf8)) as? [String: String]
            #expect(audited.action == .announcementSent && after?["recipients"] == String(clients) && after?["segment"] == "clients")
        }
    }

    @Test("each bad field is named; a segment and a country narrow who hears it")
    func segments() async throws {
        try await OrderMarketplace.with(.sqlite) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            let bad = try await announce(
                #"{"title": " ", "message": "Hello", "link": "//evil.example/", "segment": "martians", "country": "XX", "sound": true}"#, as: admin, in: market
            )
            #expect(bad.fieldErrors == ["sound"], "unknown fields first")
            let invalid = try await announce(#"{"title": " ", "message": "Hello", "link": "https://evil.example/", "segment": "martians", "country": "XX"}"#, as: admin, in: market)
            #expect(Set(invalid.fieldErrors) == ["title", "link", "segment", "country"])
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM announcements").first()?.decode(column: "n", as: Int.self) == 0, "nothing sent")

            try await harness.store.sql.raw("UPDATE users SET country_code = 'FR' WHERE id = \(bind: market.paula.userID)").run()
            let french = try await announce(#"{"title": "Bonjour", "message": "News for France.", "segment": "providers", "country": "fr"}"#, as: admin, in: market)
            #expect(french.status == .created, "\(french.text)")
            let providersInFrance = try #require(try await harness.store.sql.raw("""
                SELECT COUNT(*) AS n FROM users WHERE user_type = 'provider' AND country_code = 'FR' AND verification_status <> 'suspended'
                """).first()?.decode(column: "n", as: Int.self))
            let body = try french.json()
            #expect(body["recipients"] as? Int == providersInFrance && body["country"] as? String == "FR")
            #expect(try await news(of: market.paula, in: market).count == 1)
            #expect(try await news(of: market.ada, in: market).isEmpty)
        }
    }
}
