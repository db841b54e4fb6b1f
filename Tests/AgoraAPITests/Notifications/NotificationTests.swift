import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Notifications and their preferences")
struct NotificationTests {
    func list(_ query: String, as member: SignIn, in market: OrderMarketplace) async throws -> (ids: [Int64], unread: Int, next: Int64?) {
        let response = try await market.harness.send(.get, "/api/notifications\(query)", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        let body = try response.json()
        let ids = (body["notifications"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
        return (ids, body["unread"] as? Int ?? -1, (body["next_before"] as? NSNumber)?.int64Value)
    }

    @Test("the centre pages, filters, marks and archives a person's own notifications only", arguments: TestDatabase.engines)
    func centre(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            for _ in 0..<3 { _ = try await market.postOrder(market.ada) }
            let all = try await list("", as: market.ada, in: market)
            #expect(all.ids.count == 3 && all.unread == 3 && all.ids == all.ids.sorted(by: >))
            let first = try await list("?limit=2", as: market.ada, in: market)
            #expect(first.ids == Array(all.ids.prefix(2)) && first.next == all.ids[1])
            #expect(try await list("?limit=2&before=\(all.ids[1])", as: market.ada, in: market).ids == [all.ids[2]])
            #expect(try await list("?category=orders&q=BAKERY", as: market.ada, in: market).ids == all.ids, "text is found whatever its case")
            #expect(try await list("?category=reviews", as: market.ada, in: market).ids.isEmpty)
            #expect(try await list("?q=100%25", as: market.ada, in: market).ids.isEmpty, "% is a character, not a wildcard")
            #expect(try await list("", as: market.bob, in: market).ids.isEmpty)

            // Another person's ids change nothing of Ada's, whichever way they are named.
            let bobRead = try await harness.send(.post, "/api/notifications/read", json: #"{"ids": [\#(all.ids[0])]}"#, bearer: market.bob.accessToken)
            #expect(try bobRead.status == .ok && (bobRead.json()["unread"] as? Int) == 0)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.bob.accessToken).status == .ok)
            #expect(try await harness.send(.post, "/api/notifications/\(all.ids[0])/archive", bearer: market.bob.accessToken).status == .notFound)
            #expect(try await list("", as: market.ada, in: market).unread == 3)

            let read = try await harness.send(.post, "/api/notifications/read", json: #"{"ids": [\#(all.ids[0])]}"#, bearer: market.ada.accessToken)
            #expect(try read.json()["unread"] as? Int == 2)
            #expect(try await list("?unread=true", as: market.ada, in: market).ids == Array(all.ids.dropFirst()))
            let archived = try await harness.send(.post, "/api/notifications/\(all.ids[1])/archive", bearer: market.ada.accessToken)
            #expect(try archived.status == .ok && (archived.json()["archived"] as? Bool) == true && (archived.json()["read"] as? Bool) == true)
            #expect(try await list("", as: market.ada, in: market).ids == [all.ids[0], all.ids[2]])
            #expect(try await list("?archived=true", as: market.ada, in: market).ids == [all.ids[1]])
            #expect(try await list("", as: market.ada, in: market).unread == 1, "archived ones are not counted")
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.ada.accessToken).json()["unread"] as? Int == 0)

            #expect(try await harness.send(.get, "/api/notifications?unread=yes&category=gossip", bearer: market.ada.accessToken).fieldErrors.sorted() == ["category", "unread"])
            #expect(try await harness.send(.post, "/api/notifications/read", json: "{}", bearer: market.ada.accessToken).fieldErrors == ["ids"])
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"ids": [1], "all": true}"#, bearer: market.ada.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"all": false}"#, bearer: market.ada.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"ids": ["x"]}"#, bearer: market.ada.accessToken).fieldErrors == ["ids[0]"])
            #expect(try await harness.send(.post, "/api/notifications/99999/archive", bearer: market.ada.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/notifications").status == .unauthorized)
            #expect(try await harness.send(.get, "/api/notification-preferences").status == .unauthorized)
        }
    }

    @Test("a proposal's notification offers to accept it and a message's to reply, through the routes that check who asks", arguments: TestDatabase.engines)
    func actions(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let proposalID = try await market.propose(orderID, as: market.paula)
            func newest(_ member: SignIn, _ category: String) async throws -> [String: Any] {
                let body = try await harness.send(.get, "/api/notifications?category=\(category)&limit=1", bearer: member.accessToken).json()
                return try #require((body["notifications"] as? [[String: Any]])?.first)
            }
            let received = try await newest(market.ada, "proposals")
            #expect(received["type"] as? String == "proposal_received")
            #expect(received["actions"] as? [String] == ["view", "accept"])
            #expect((received["subject"] as? [String: Any])?["type"] as? String == "proposal")
            #expect(((received["subject"] as? [String: Any])?["id"] as? NSNumber)?.int64Value == proposalID)
            let own = try await newest(market.ada, "orders")
            #expect(own["actions"] as? [String] == ["view"] && own["subject"] == nil, "nothing to act on but the page")

            // The bell's accept is the proposal route: another client's press finds nothing.
            #expect(try await harness.send(.post, "/api/proposals/\(proposalID)/accept", bearer: market.bob.accessToken).status == .notFound)
            let accepted = try await harness.send(.post, "/api/proposals/\(proposalID)/accept", bearer: market.ada.accessToken)
            #expect(accepted.status == .ok, "\(accepted.text)")
            let projectID = try #require(((try accepted.json()["project"] as? [String: Any])?["id"] as? NSNumber)?.int64Value)

            _ = try await harness.send(.post, "/api/projects/\(projectID)/messages", json: #"{"body": "Hello Ada"}"#, bearer: market.paula.accessToken)
            let message = try await newest(market.ada, "messages")
            #expect(message["actions"] as? [String] == ["view", "reply"])
            #expect(((message["subject"] as? [String: Any])?["id"] as? NSNumber)?.int64Value == projectID)
            #expect(try await harness.send(.post, "/api/projects/\(projectID)/messages", json: #"{"body": "Hello Paula"}"#, bearer: market.ada.accessToken).status == .created)
            #expect(try await harness.send(.post, "/api/projects/\(projectID)/messages", json: #"{"body": "Me too"}"#, bearer: market.bob.accessToken).status == .notFound)
        }
    }

    @Test("security notices reach the app and the inbox at once, whatever the preferences and quiet hours say", arguments: TestDatabase.engines)
    func securityNotices(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let quiet = market.quietHoursAroundNow()
            let chosen = try await harness.send(.put, "/api/notification-preferences", json: #"{"channels": {"orders": ["in_app"]}, "quiet_hours": \#(quiet), "time_zone": "UTC", "digest": "daily", "optional_mail": false}"#, bearer: market.ada.accessToken)
            #expect(chosen.status == .ok, "\(chosen.text)")
            let changed = try await harness.send(.put, "/api/auth/change-password", json: #"{"current_password": "\#(AuthHarness.password)", "new_password": "Copper-Orchard-Violin-58"}"#, bearer: market.ada.accessToken)
            #expect(changed.status == .noContent || changed.status == .ok, "\(changed.text)")
            let notices = try await list("?category=account_security", as: market.ada, in: market)
            #expect(notices.ids.count == 1 && notices.unread >= 1)
            let body = try await harness.send(.get, "/api/notifications?category=account_security", bearer: market.ada.accessToken).json()
            let notice = try #require((body["notifications"] as? [[String: Any]])?.first)
            #expect(notice["type"] as? String == "password_changed" && notice["title"] as? String == "Your password was changed")
            #expect(try await queued("password-changed", to: "ada@example.com", in: market) == [harness.clock.now], "never held by quiet hours")
            #expect(try await market.deliveries(of: market.ada.userID).prefix(2) == ["email:queued", "in_app:sent"])
            let email = try #require(try await EmailOutbox(store: harness.store).messages(to: "ada@example.com").first { $0.template == "password-changed" })
            #expect(email.headers["List-Unsubscribe"] == nil, "no link can stop a security notice")
        }
    }

    /// The emails of one template queued for an address, with when each may leave.
    func queued(_ template: String, to address: String, in market: OrderMarketplace) async throws -> [Date] {
        try await market.harness.store.sql.raw("""
            SELECT next_attempt_at FROM email_outbox WHERE recipient = \(bind: address) AND template = \(bind: template) ORDER BY id
            """).all().map { try $0.decode(column: "next_attempt_at", as: Date.self) }
    }

    @Test("preferences: defaults, each bad field named, security kept on; the writer follows them in the app, by email and in quiet hours", arguments: TestDatabase.engines)
    func preferences(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let standard = try await harness.send(.get, "/api/notification-preferences", bearer: market.ada.accessToken).json()
            let categories = try #require(standard["categories"] as? [[String: Any]])
            #expect(categories.compactMap { $0["category"] as? String } == ["orders", "proposals", "projects", "messages", "payments", "reviews", "meetings", "account_security", "marketplace_news"],
                    "every category with a kind is offered, in order")
            #expect(categories.first { $0["category"] as? String == "proposals" }?["channels"] as? [String] == ["in_app", "email"])
            #expect(categories.first { $0["category"] as? String == "account_security" }?["critical"] as? Bool == true)
            #expect(standard["digest"] as? String == "off" && standard["time_zone"] as? String == "UTC" && standard["quiet_hours"] == nil)

            let bad = try await harness.send(.put, "/api/notification-preferences", json: """
                {"channels": {"orders": ["pigeon"], "account_security": ["in_app"]}, "quiet_hours": {"start": "22:00", "end": "22:00"},
                 "time_zone": "Mars/Olympus", "digest": "hourly"}
                """, bearer: market.ada.accessToken)
            #expect(Set(bad.fieldErrors) == ["channels.orders", "channels.account_security", "quiet_hours.end", "time_zone", "digest"])
            #expect(try await harness.send(.put, "/api/notification-preferences", json: #"{"time_zone": "UTC", "digest": "off", "sound": true}"#, bearer: market.ada.accessToken).fieldErrors == ["sound"])

            // Orders in the app only: the notification is there, its email is not sent.
            let appOnly = try await harness.send(.put, "/api/notification-preferences", json: #"{"channels": {"orders": ["in_app"]}, "time_zone": "Europe/Paris", "digest": "daily"}"#, bearer: market.ada.accessToken)
            #expect(appOnly.status == .ok, "\(appOnly.text)")
            #expect(try (appOnly.json()["categories"] as? [[String: Any]])?.first { $0["category"] as? String == "orders" }?["channels"] as? [String] == ["in_app"])
            _ = try await market.postOrder(market.ada)
            #expect(try await queued("order-confirmation", to: "ada@example.com", in: market).isEmpty)
            #expect(try await list("", as: market.ada, in: market).unread == 1)
            #expect(try await market.deliveries(of: market.ada.userID) == ["email:suppressed", "in_app:sent"])
            #expect(try await harness.send(.get, "/api/notification-preferences", bearer: market.bob.accessToken).json()["time_zone"] as? String == "UTC", "another person's stay as they were")

            // Orders by email only: the email leaves, the notification is kept in the history, already read.
            _ = try await harness.send(.put, "/api/notification-preferences", json: #"{"channels": {"orders": ["email"]}, "time_zone": "UTC", "digest": "off"}"#, bearer: market.ada.accessToken)
            _ = try await market.postOrder(market.ada)
            let now = harness.clock.now
            #expect(try await queued("order-confirmation", to: "ada@example.com", in: market) == [now])
            let inbox = try await list("", as: market.ada, in: market)
            #expect(inbox.unread == 1 && inbox.ids.count == 2)
            #expect(try await market.deliveries(of: market.ada.userID).prefix(2) == ["email:queued", "in_app:suppressed"])

            // Quiet hours around now (UTC): the email waits for their end, to the minute.
            var utc = Calendar(identifier: .gregorian)
            utc.timeZone = TimeZone(identifier: "UTC")!
            let quiet = market.quietHoursAroundNow()
            _ = try await harness.send(.put, "/api/notification-preferences", json: #"{"quiet_hours": \#(quiet), "time_zone": "UTC", "digest": "off"}"#, bearer: market.ada.accessToken)
            _ = try await market.postOrder(market.ada)
            let wake = try #require(utc.nextDate(after: now, matching: DateComponents(minute: 0), matchingPolicy: .nextTime))
            #expect(try await queued("order-confirmation", to: "ada@example.com", in: market).last == wake)
            #expect(try await EmailOutbox(store: harness.store).claimDue(now: now, limit: 100, lease: 60).filter { $0.template == "order-confirmation" }.count == 1,
                    "the one sent before leaves; the one held waits for the end of quiet hours")
        }
    }

    @Test("read notifications move to the archive after the set age, and every one is deleted after its own", arguments: TestDatabase.engines)
    func retention(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            for _ in 0..<3 { _ = try await market.postOrder(market.ada) }
            _ = try await market.postOrder(market.bob)
            let ids = try await list("", as: market.ada, in: market).ids
            _ = try await harness.send(.post, "/api/notifications/read", json: #"{"ids": [\#(ids[2])]}"#, bearer: market.ada.accessToken)
            let job = NotificationRetentionJob(
                store: harness.store, settings: await LivePlatformSettings.read(from: harness.store, overrides: [:]), clock: harness.clock
            )
            #expect(try await job.runOnce() == NotificationRetentionJob.Pass(archived: 0, deleted: 0))

            harness.clock.advance(by: 91 * 86_400)
            #expect(try await job.runOnce() == NotificationRetentionJob.Pass(archived: 1, deleted: 0), "only the read one, after 90 days")
            let ada = try SignIn(try await harness.login("ada@example.com"))
            #expect(try await list("", as: ada, in: market).ids == [ids[0], ids[1]])
            #expect(try await list("?archived=true", as: ada, in: market).ids == [ids[2]])
            #expect(try await job.runOnce() == NotificationRetentionJob.Pass(archived: 0, deleted: 0))

            harness.clock.advance(by: 275 * 86_400)
            let written = try #require(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM notifications").first()?.decode(column: "n", as: Int.self))
            #expect(written > 4, "the clients' and the offers to providers")
            #expect(try await job.runOnce() == NotificationRetentionJob.Pass(archived: 0, deleted: written), "everyone's, read or not, after 365 days")
            let later = try SignIn(try await harness.login("ada@example.com"))
            #expect(try await list("", as: later, in: market).ids.isEmpty)
            #expect(try await list("?archived=true", as: later, in: market).ids.isEmpty)
            let orphans = try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM notification_deliveries").first()?.decode(column: "n", as: Int.self)
            #expect(orphans == 0, "deliveries go with their notifications")
        }
    }
}
