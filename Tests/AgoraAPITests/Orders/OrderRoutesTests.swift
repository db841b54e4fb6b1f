import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Orders")
struct OrderRoutesTests {
    @Test("a client posts an order: a checked reference, the confirmation email and notification, the history, and routing", arguments: TestDatabase.engines)
    func create(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let created = try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: market.ada.accessToken)
            #expect(created.status == .created)
            let body = try created.json()
            let id = try #require((body["id"] as? NSNumber)?.int64Value)
            #expect(created.headers[.location] == "/api/orders/\(id)")
            let reference = try #require(body["reference_number"] as? String)
            #expect(try ReferenceNumber(reference).value == reference)
            #expect(body["status"] as? String == "open")
            #expect(body["title"] as? String == "A booking site for our bakery")
            #expect((body["description_html"] as? String)?.contains("<p>We need a small site") == true)
            let budget = try #require(body["budget"] as? [String: Any])
            #expect((budget["max"] as? [String: Any])?["amount_minor"] as? Int == 250_050)
            #expect((budget["max"] as? [String: Any])?["amount"] as? String == "2500.50")
            let deadline = try #require(body["deadline"] as? [String: Any])
            #expect(deadline["local"] as? String == "2026-12-20T17:00")
            #expect(deadline["time_zone"] as? String == "Europe/Paris")
            let kinds = (body["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["created", "published", "routed"])

            let emails = try await harness.emails(to: "ada@example.com")
            let confirmation = try #require(emails.first { $0.template == "order-confirmation" })
            #expect(confirmation.subject.contains(reference))
            #expect(confirmation.textBody.contains("/orders/view/?id=\(id)"))
            let notifications = try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()
            #expect(notifications["unread"] as? Int == 1)

            // Routing offered it to seeded providers of the category (the registered provider has no profile).
            let routes = try await harness.store.sql.raw("SELECT provider_id FROM order_routes WHERE order_id = \(bind: id)").all()
            #expect(!routes.isEmpty)
            #expect(routes.count <= RoutingSettings().batchSize)

            // The reference finds the order, typed loosely; a typo in it is refused, not answered with an empty list.
            let loose = reference.lowercased().replacingOccurrences(of: "-", with: "")
            let found = try await harness.send(.get, "/api/orders?reference=\(loose)", bearer: market.ada.accessToken).json()
            #expect((found["orders"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [id])
            let last = reference.last!
            let typo = String(reference.dropLast()) + (last == "0" ? "1" : "0")
            #expect(try await harness.send(.get, "/api/orders?reference=\(typo)", bearer: market.ada.accessToken).fieldErrors == ["reference"])
            #expect((try await harness.send(.get, "/api/orders?reference=\(loose)", bearer: market.bob.accessToken).json()["orders"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("only signed-in clients post orders, and every bad field is named")
    func createRules() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            #expect(try await harness.send(.post, "/api/orders", json: market.orderJSON()).status == .unauthorized)
            let provider = try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: market.paula.accessToken)
            #expect(provider.status == .forbidden)
            let invalid = try await harness.send(.post, "/api/orders", json: """
                {"title": "Short", "description": 5, "category_id": 999999, "budget_min": "300", "budget_max": "200", "currency": "EUR",
                 "deadline": "2020-01-01T10:00", "time_zone": "Europe/Paris", "priority": "asap", "skills": "Swift"}
                """, bearer: market.ada.accessToken)
            #expect(invalid.status == .unprocessableContent)
            #expect(Set(invalid.fieldErrors) == ["description", "skills"])
            let rules = try await harness.send(.post, "/api/orders", json: """
                {"title": "Short", "description": "Too short", "category_id": 999999, "budget_min": "300", "budget_max": "200", "currency": "EUR",
                 "deadline": "2020-01-01T10:00", "time_zone": "Europe/Paris", "priority": "asap"}
                """, bearer: market.ada.accessToken)
            #expect(Set(rules.fieldErrors) == ["title", "description", "budget_max", "deadline", "priority"])
            let unknownCategory = try await harness.send(.post, "/api/orders", json: market.orderJSON(category: 999_999), bearer: market.ada.accessToken)
            #expect(unknownCategory.fieldErrors == ["category_id"])
            try await harness.store.sql.raw("UPDATE categories SET active = FALSE WHERE id = \(bind: market.categoryID)").run()
            let inactive = try await harness.send(.post, "/api/orders", json: market.orderJSON(), bearer: market.ada.accessToken)
            #expect(inactive.fieldErrors == ["category_id"])
            let extra = try await harness.send(.post, "/api/orders", json: market.orderJSON(#", "status": "awarded""#), bearer: market.ada.accessToken)
            #expect(extra.fieldErrors == ["status"])
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM orders").first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test("drafts are published, open orders changed with the history recording what changed, then cancelled for good")
    func lifecycle() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let id = try await market.postOrder(market.ada, #", "draft": true"#)
            #expect(try await harness.send(.get, "/api/orders/\(id)", bearer: market.ada.accessToken).json()["status"] as? String == "draft")
            #expect(try await harness.send(.get, "/api/orders/\(id)", bearer: market.paula.accessToken).status == .notFound)
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM order_routes").first()?.decode(column: "n", as: Int.self) == 0)

            let published = try await harness.send(.post, "/api/orders/\(id)/publish", bearer: market.ada.accessToken)
            #expect(published.status == .ok)
            #expect(try published.json()["status"] as? String == "open")
            #expect(try await harness.send(.post, "/api/orders/\(id)/publish", bearer: market.ada.accessToken).problemType == "urn:agora:problem:invalid-transition")

            let changed = try await harness.send(.patch, "/api/orders/\(id)", json: #"{"title": "A booking site for two bakeries", "priority": "high"}"#, bearer: market.ada.accessToken)
            #expect(changed.status == .ok)
            let body = try changed.json()
            #expect(body["title"] as? String == "A booking site for two bakeries")
            #expect(body["description"] as? String == "We need a small site where customers order bread for the next morning.\nPayments by card.")
            let updated = (body["events"] as? [[String: Any]])?.last { $0["kind"] as? String == "updated" }
            #expect((updated?["detail"] as? [String: String])?["fields"] == "title,priority")
            let badChange = try await harness.send(.patch, "/api/orders/\(id)", json: #"{"budget_max": "1"}"#, bearer: market.ada.accessToken)
            #expect(badChange.fieldErrors == ["budget_max"])

            let mine = try await harness.send(.get, "/api/orders?status=open,draft&limit=5", bearer: market.ada.accessToken).json()
            #expect((mine["orders"] as? [[String: Any]])?.count == 1)
            #expect(try await harness.send(.get, "/api/orders?status=lost", bearer: market.ada.accessToken).fieldErrors == ["status"])
            #expect((try await harness.send(.get, "/api/orders", bearer: market.bob.accessToken).json()["orders"] as? [Any])?.isEmpty == true)

            #expect(try await harness.send(.post, "/api/orders/\(id)/cancel", bearer: market.ada.accessToken).status == .ok)
            let late = try await harness.send(.patch, "/api/orders/\(id)", json: #"{"priority": "low"}"#, bearer: market.ada.accessToken)
            #expect(late.status == .conflict)
            #expect(late.problemType == "urn:agora:problem:invalid-transition")
            #expect(try await harness.send(.post, "/api/orders/\(id)/publish", bearer: market.ada.accessToken).status == .conflict)
        }
    }

    @Test("providers browse open public orders, not drafts, private ones or their own")
    func openOrders() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let visible = try await market.postOrder(market.ada)
            _ = try await market.postOrder(market.ada, #", "draft": true"#)
            _ = try await market.postOrder(market.bob, #", "visibility": "invited""#)
            let list = try await harness.send(.get, "/api/orders/open", bearer: market.paula.accessToken).json()
            let ids = (list["orders"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value }
            #expect(ids == [visible])
            #expect(try await harness.send(.get, "/api/orders/open", bearer: market.ada.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/orders/open?category=no-such-category", bearer: market.paula.accessToken).fieldErrors == ["category"])
            #expect(try await harness.send(.get, "/api/orders/open?limit=0", bearer: market.paula.accessToken).fieldErrors == ["limit"])
        }
    }

    @Test("notifications are the owner's own, marked read up to an id; the Markdown preview drops raw HTML and shows images as links")
    func notificationsAndPreview() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            _ = try await market.postOrder(market.ada)
            _ = try await market.postOrder(market.ada)
            let list = try await harness.send(.get, "/api/notifications?limit=1", bearer: market.ada.accessToken).json()
            let newest = try #require((list["notifications"] as? [[String: Any]])?.first)
            #expect(list["unread"] as? Int == 2)
            let newestID = try #require((newest["id"] as? NSNumber)?.int64Value)
            // Another account's read mark changes nothing of Ada's.
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"up_to": \#(newestID)}"#, bearer: market.bob.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()["unread"] as? Int == 2)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"up_to": \#(newestID - 1)}"#, bearer: market.ada.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()["unread"] as? Int == 1)
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"up_to": 0}"#, bearer: market.ada.accessToken).fieldErrors == ["up_to"])
            #expect(try await harness.send(.post, "/api/notifications/read", json: #"{"up_to": "all"}"#, bearer: market.ada.accessToken).fieldErrors == ["up_to"])
            #expect(try await harness.send(.get, "/api/notifications").status == .unauthorized)

            let preview = try await harness.send(.post, "/api/markdown/preview", json: #"{"markdown": "**Bold**\n\n<script>alert(1)</script> [x](javascript:alert(1))"}"#, bearer: market.ada.accessToken)
            #expect(preview.status == .ok)
            let html = try #require(try preview.json()["html"] as? String)
            #expect(html.contains("<strong>Bold</strong>"))
            #expect(!html.contains("<script>"))
            #expect(!html.contains("javascript:"))
            let images = try await harness.send(.post, "/api/markdown/preview", json: #"{"markdown": "See ![the *pixel*](https://tracker.example/p.gif \"t\"), ![](https://tracker.example/q.gif) and ![x](javascript:alert(1))"}"#, bearer: market.ada.accessToken)
            let linked = try #require(try images.json()["html"] as? String)
            #expect(!linked.contains("<img"), "a remote image in members' text would load in the reader's browser")
            #expect(linked.contains(#"<a href="https://tracker.example/p.gif" title="t">the <em>pixel</em></a>"#))
            #expect(linked.contains(#"<a href="https://tracker.example/q.gif">https://tracker.example/q.gif</a>"#))
            #expect(linked.contains(#"<a href="">x</a>"#) && !linked.contains("javascript:"))
            #expect(try await harness.send(.post, "/api/markdown/preview", json: #"{"markdown": "x"}"#).status == .unauthorized)
            #expect(try await harness.send(.post, "/api/markdown/preview", json: #"{"text": "x"}"#, bearer: market.ada.accessToken).fieldErrors == ["text"])
            #expect(try await harness.send(.post, "/api/markdown/preview", json: "{}", bearer: market.ada.accessToken).fieldErrors == ["markdown"])
        }
    }
}
