import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// Messages in a project's room reach the other member as notifications, a burst of them as one.
@Suite("Bursts of notifications")
struct NotificationBurstTests {
    func post(_ text: String, in fixture: ProjectFixture, as member: SignIn) async throws {
        let response = try await fixture.harness.send(
            .post, "/api/projects/\(fixture.projectID)/messages", json: #"{"body": "\#(text)"}"#, bearer: member.accessToken
        )
        try #require(response.status == .created, "\(response.text)")
    }

    /// The member's notifications about messages, newest first.
    func messageNotifications(of member: SignIn, in market: OrderMarketplace) async throws -> [[String: Any]] {
        let response = try await market.harness.send(.get, "/api/notifications?category=messages", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        return try response.json()["notifications"] as? [[String: Any]] ?? []
    }

    /// Emails about messages queued for the member: in the outbox, each recorded as its notification's delivery.
    func messageEmails(to member: SignIn, in market: OrderMarketplace) async throws -> Int {
        try await market.harness.store.sql.raw("""
            SELECT COUNT(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
                JOIN email_outbox o ON o.message_id = d.message_id
            WHERE n.user_id = \(bind: member.userID) AND n.type = \(bind: NotificationKind.messageReceived.rawValue) AND d.channel = 'email'
                AND d.status = 'queued'
            """).first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test("ten messages within minutes are one notification with one email; past the window, or once it is read, another starts", arguments: TestDatabase.engines)
    func messages(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let title = try #require(try await fixture.project(as: market.ada)["title"] as? String)
            for number in 1...10 {
                try await post("Message \(number)", in: fixture, as: market.ada)
                harness.clock.advance(by: 5)
            }
            var shown = try await messageNotifications(of: market.paula, in: market)
            #expect(shown.count == 1)
            #expect(shown.first?["title"] as? String == "Ada sent 10 messages in \(title)")
            #expect(shown.first?["count"] as? Int == 10 && shown.first?["group"] as? String == "messages:\(fixture.projectID):\(market.ada.userID)")
            #expect(shown.first?["read"] as? Bool == false && (shown.first?["message"] as? String)?.contains("Message") == false,
                    "the text stays in the room")
            #expect(try await messageEmails(to: market.paula, in: market) == 1, "one email for the burst, its delivery kept")
            #expect(try await messageNotifications(of: market.ada, in: market).isEmpty, "the sender is not told")

            // Past the window the next message starts a notification of its own, with its own email.
            harness.clock.advance(by: TimeInterval(NotificationBurst.standardWindowMinutes * 60 + 60))
            try await post("Back again", in: fixture, as: market.ada)
            shown = try await messageNotifications(of: market.paula, in: market)
            #expect(shown.compactMap { $0["title"] as? String } == ["Ada sent a message in \(title)", "Ada sent 10 messages in \(title)"])
            #expect(try await messageEmails(to: market.paula, in: market) == 2)

            // Once read, the burst is over: the next message is news again.
            let read = try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.paula.accessToken)
            #expect(read.status == .ok)
            try await post("One more thing", in: fixture, as: market.ada)
            shown = try await messageNotifications(of: market.paula, in: market)
            #expect(shown.count == 3 && shown.first?["count"] as? Int == 1 && shown.first?["read"] as? Bool == false)

            // Each side's bursts are their own.
            try await post("Thanks!", in: fixture, as: market.paula)
            let paula = try #require(try await harness.store.sql.raw("SELECT first_name FROM users WHERE id = \(bind: market.paula.userID)").first()?
                .decode(column: "first_name", as: String.self))
            let toAda = try await messageNotifications(of: market.ada, in: market).compactMap { $0["title"] as? String }
            #expect(toAda == ["\(paula) sent a message in \(title)"])
        }
    }

    @Test("someone who keeps messages out of the app still gets one email per burst")
    func emailOnly() async throws {
        try await OrderMarketplace.with(.sqlite) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let chosen = try await market.harness.send(
                .put, "/api/notification-preferences", json: #"{"channels": {"messages": ["email"]}, "time_zone": "UTC", "digest": "off"}"#,
                bearer: market.paula.accessToken
            )
            try #require(chosen.status == .ok, "\(chosen.text)")
            for number in 1...4 { try await post("Note \(number)", in: fixture, as: market.ada) }
            #expect(try await messageEmails(to: market.paula, in: market) == 1)
            let shown = try await messageNotifications(of: market.paula, in: market)
            #expect(shown.count == 1 && shown.first?["count"] as? Int == 4 && shown.first?["read"] as? Bool == true, "kept in the history, already read")
        }
    }
}
