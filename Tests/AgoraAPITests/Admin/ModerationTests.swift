@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Moderation")
struct ModerationTests {
    static let leakyDescription = "Before we start, write to me at ana.lima@example.com or call +33 6 12 34 56 78 so we skip the fees."

    static func items(_ harness: AuthHarness, _ token: String, _ query: String = "") async throws -> [[String: Any]] {
        let answer = try await harness.send(.get, "/api/admin/moderation/items" + query, bearer: token)
        try #require(answer.status == .ok, "\(answer.text)")
        return try #require(try answer.json()["items"] as? [[String: Any]])
    }

    static func id(_ item: [String: Any]?) -> Int64 {
        (item?["id"] as? NSNumber)?.int64Value ?? 0
    }

    @Test("contact details in an order hold it from providers and routing; a moderator claims it, another cannot, and approving shows it", arguments: TestDatabase.engines)
    func filteredOrder(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let json = market.orderJSON().replacingOccurrences(
                of: #"We need a small site where customers order bread for the next morning.\nPayments by card."#, with: Self.leakyDescription
            )
            let created = try await harness.send(.post, "/api/orders", json: json, bearer: market.ada.accessToken)
            try #require(created.status == .created, "\(created.text)")
            let orderID = try #require((try created.json()["id"] as? NSNumber)?.int64Value)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.ada.accessToken).status == .ok)
            #expect(try await OrderRouteRepository(store: harness.store).routes(orderID: orderID).isEmpty, "a held order is not routed")
            let open = try await harness.send(.get, "/api/orders/open", bearer: market.paula.accessToken)
            #expect(!open.text.contains("\"id\":\(orderID),"))

            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let queue = try await Self.items(harness, mo.accessToken)
            let item = try #require(queue.first { ($0["subject_id"] as? NSNumber)?.int64Value == orderID })
            #expect(item["held"] as? Bool == true && item["subject"] as? String == "order")
            let detail = try await harness.send(.get, "/api/admin/moderation/items/\(Self.id(item))", bearer: mo.accessToken)
            let flags = try #require(try detail.json()["flags"] as? [[String: Any]])
            #expect(flags.map { $0["kind"] as? String } == ["contact-details"])
            #expect((flags.first?["detail"] as? String)?.contains("ana.lima@example.com") == true)

            #expect(try await harness.send(.post, "/api/admin/moderation/items/\(Self.id(item))/claim", bearer: mo.accessToken).status == .ok)
            let other = try await harness.signedInStaff("mo2@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/moderation/items/\(Self.id(item))/claim", bearer: other.accessToken).status == .conflict)
            let taken = try await harness.send(.post, "/api/admin/moderation/items/\(Self.id(item))/decision", json: #"{"decision": "approve"}"#, bearer: other.accessToken)
            #expect(taken.status == .conflict)
            let approved = try await harness.send(.post, "/api/admin/moderation/items/\(Self.id(item))/decision", json: #"{"decision": "approve"}"#, bearer: mo.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try approved.json()["held"] as? Bool == false)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .ok)
            #expect(try await AuditLog(store: harness.store).entries(about: .moderationItem, id: Self.id(item)).map(\.action) == [.moderationDecided])
            #expect(try await harness.emails(to: "ada@example.com").allSatisfy { $0.template != "moderation-decision" }, "an approval tells nobody")
        }
    }

    @Test("members report what they can see, once each; reports from new members hide it at the threshold; bad reports are named", arguments: TestDatabase.engines)
    func reports(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let report = #"{"subject": "order", "id": \#(orderID), "reason": "fraud", "detail": "Asks for a deposit by gift card."}"#
            #expect(try await harness.send(.post, "/api/reports", json: report, bearer: market.paula.accessToken).status == .created)
            #expect(try await harness.send(.post, "/api/reports", json: report, bearer: market.paula.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/reports", json: report, bearer: market.ada.accessToken).status == .conflict, "nobody reports their own")
            let draft = try await market.postOrder(market.bob, #", "draft": true"#)
            #expect(try await harness.send(.post, "/api/reports", json: #"{"subject": "order", "id": \#(draft), "reason": "spam"}"#, bearer: market.paula.accessToken).status == .notFound)
            let bad = try await harness.send(.post, "/api/reports", json: #"{"subject": "planet", "id": 0, "reason": "boring"}"#, bearer: market.paula.accessToken)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.fieldErrors) == ["subject", "id", "reason"])
            #expect(try await harness.send(.post, "/api/reports", json: report).status == .unauthorized)

            #expect(try await OrderRepository(store: harness.store).find(orderID)?.moderationHold == false, "one report (2 points) is under the threshold (5)")
            let peter = try await harness.signedUp("peter@example.com", type: "provider")
            let quinn = try await harness.signedUp("quinn@example.com", type: "provider")
            for reporter in [peter, quinn] {
                #expect(try await harness.send(.post, "/api/reports", json: report, bearer: reporter.accessToken).status == .created)
            }
            #expect(try await OrderRepository(store: harness.store).find(orderID)?.moderationHold == true, "three reports (6 points) hide it")
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: peter.accessToken).status == .notFound)
        }
    }

    @Test("a removal tells the author, who appeals once; the moderator who decided cannot hear it, another overturns it", arguments: TestDatabase.engines)
    func removalAndAppeal(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            _ = try await harness.send(.post, "/api/reports", json: #"{"subject": "order", "id": \#(orderID), "reason": "spam"}"#, bearer: market.paula.accessToken)
            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let itemID = Self.id(try await Self.items(harness, mo.accessToken).first)
            let path = "/api/admin/moderation/items/\(itemID)"
            let missing = try await harness.send(.post, path + "/decision", json: #"{"decision": "remove"}"#, bearer: mo.accessToken)
            #expect(missing.fieldErrors == ["reason"])
            let removed = try await harness.send(.post, path + "/decision", json: #"{"decision": "remove", "reason": "Advertises a service we do not allow."}"#, bearer: mo.accessToken)
            #expect(removed.status == .ok)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .notFound)
            let told = try #require(try await harness.emails(to: "ada@example.com").first { $0.template == "moderation-decision" })
            #expect(told.textBody.contains("Advertises a service we do not allow.") && told.textBody.contains("/appeals/"))
            #expect(try await harness.send(.post, path + "/decision", json: #"{"decision": "approve"}"#, bearer: mo.accessToken).status == .conflict)

            let decisions = try await harness.send(.get, "/api/moderation/decisions", bearer: market.ada.accessToken)
            let decision = try #require((try decisions.json()["decisions"] as? [[String: Any]])?.first)
            #expect(decision["appealable"] as? Bool == true && decision["decision"] as? String == "remove")
            #expect(try await harness.send(.get, "/api/moderation/decisions", bearer: market.paula.accessToken).json()["decisions"] as? [Any] != nil)
            let appealPath = "/api/moderation/decisions/\(itemID)/appeal"
            #expect(try await harness.send(.post, appealPath, json: #"{"statement": "It is a real order."}"#, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.post, appealPath, json: #"{"statement": "  "}"#, bearer: market.ada.accessToken).status == .unprocessableContent)
            #expect(try await harness.send(.post, appealPath, json: #"{"statement": "It is a real order."}"#, bearer: market.ada.accessToken).status == .created)
            #expect(try await harness.send(.post, appealPath, json: #"{"statement": "Again."}"#, bearer: market.ada.accessToken).status == .conflict)

            let hearing = #"{"outcome": "overturned", "reason": "The order is genuine."}"#
            #expect(try await harness.send(.post, path + "/appeal-decision", json: hearing, bearer: mo.accessToken).status == .conflict)
            let other = try await harness.signedInStaff("mo2@example.com", role: .moderator)
            let heard = try await harness.send(.post, path + "/appeal-decision", json: hearing, bearer: other.accessToken)
            #expect(heard.status == .ok, "\(heard.text)")
            #expect(try heard.json()["status"] as? String == "closed")
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .ok)
            #expect(try await harness.emails(to: "ada@example.com").contains { $0.template == "appeal-decided" && $0.textBody.contains("shows again") })
            let audited = try await AuditLog(store: harness.store).entries(about: .moderationItem, id: itemID).map(\.action)
            #expect(audited == [.appealDecided, .moderationDecided])
        }
    }

    @Test("escalated items wait for an administrator; a suspension through moderation needs days and keeps the author out", arguments: TestDatabase.engines)
    func escalationAndSuspension(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            _ = try await harness.send(.post, "/api/reports", json: #"{"subject": "order", "id": \#(orderID), "reason": "fraud"}"#, bearer: market.paula.accessToken)
            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let path = "/api/admin/moderation/items/\(Self.id(try await Self.items(harness, mo.accessToken).first))"
            #expect(try await harness.send(.post, path + "/escalation", json: #"{"reason": "Looks like a fraud ring."}"#, bearer: mo.accessToken).status == .ok)
            let suspend = #"{"decision": "suspend", "reason": "Fraud.", "days": 7}"#
            #expect(try await harness.send(.post, path + "/decision", json: suspend, bearer: mo.accessToken).status == .conflict)
            let admin = try await harness.signedInStaff("root@example.com", role: .administrator)
            let noDays = try await harness.send(.post, path + "/decision", json: #"{"decision": "suspend", "reason": "Fraud."}"#, bearer: admin.accessToken)
            #expect(noDays.fieldErrors == ["days"])
            let decided = try await harness.send(.post, path + "/decision", json: suspend, bearer: admin.accessToken)
            #expect(decided.status == .ok, "\(decided.text)")
            #expect(try await UserRepository(store: harness.store).find(id: market.ada.userID)?.verificationStatus == .suspended)
            #expect(try await harness.send(.get, "/api/orders", bearer: market.ada.accessToken).status != .ok, "the author's tokens stop working")
            #expect(try await harness.emails(to: "ada@example.com").contains { $0.template == "account-suspended" })
        }
    }

    @Test("a proposal that waits for approval is hidden from the client, who is not told until it shows; an edit corrects its text", arguments: TestDatabase.engines)
    func preApprovalAndEdit(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            #expect(try await harness.send(.put, "/api/admin/settings/moderation.pre-approval", json: #"{"value": ["proposal"], "version": 0}"#, bearer: admin.accessToken).status == .ok)
            let orderID = try await market.postOrder(market.ada)
            let notificationsBefore = try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).text
            let proposalID = try await market.propose(orderID, as: market.seeded)
            #expect(try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).text == notificationsBefore)
            #expect(try await harness.send(.get, "/api/proposals/\(proposalID)", bearer: market.ada.accessToken).status == .notFound)
            #expect(try await harness.send(.post, "/api/proposals/\(proposalID)/accept", bearer: market.ada.accessToken).status == .notFound)
            let listed = try await harness.send(.get, "/api/orders/\(orderID)/proposals", bearer: market.ada.accessToken)
            #expect((try listed.json()["proposals"] as? [Any])?.isEmpty == true)
            #expect(try await harness.send(.get, "/api/proposals/\(proposalID)", bearer: market.seeded.accessToken).status == .ok)

            let item = try #require(try await Self.items(harness, admin.accessToken, "?kind=pre-approval").first)
            let edited = try await harness.send(
                .post, "/api/admin/moderation/items/\(Self.id(item))/decision",
                json: #"{"decision": "edit", "reason": "Links to outside payment removed.", "replacement": "I have built three booking sites for bakeries."}"#,
                bearer: admin.accessToken
            )
            #expect(edited.status == .ok, "\(edited.text)")
            let shown = try await harness.send(.get, "/api/proposals/\(proposalID)", bearer: market.ada.accessToken)
            #expect(shown.status == .ok)
            #expect(shown.text.contains("I have built three booking sites for bakeries."))
        }
    }

    @Test("bulk decisions take each item on its own and name those they skip; analytics count the queue and the decisions", arguments: TestDatabase.engines)
    func bulkAndAnalytics(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            var orders: [Int64] = []
            for _ in 0..<3 {
                let orderID = try await market.postOrder(market.bob)
                orders.append(orderID)
                _ = try await harness.send(.post, "/api/reports", json: #"{"subject": "order", "id": \#(orderID), "reason": "spam"}"#, bearer: market.paula.accessToken)
            }
            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let other = try await harness.signedInStaff("mo2@example.com", role: .moderator)
            let ids = try await Self.items(harness, mo.accessToken, "?sort=oldest").map(Self.id)
            #expect(ids.count == 3)
            _ = try await harness.send(.post, "/api/admin/moderation/items/\(ids[2])/claim", bearer: other.accessToken)
            let figuresBefore = try await harness.send(.get, "/api/admin/moderation/analytics?days=7", bearer: mo.accessToken)
            #expect((try figuresBefore.json()["waiting"] as? [String: Int])?["pending"] == 3)
            let noReason = try await harness.send(.post, "/api/admin/moderation/decisions", json: #"{"item_ids": [\#(ids[0])], "decision": "remove"}"#, bearer: mo.accessToken)
            #expect(noReason.fieldErrors == ["reason"])
            let warn = try await harness.send(.post, "/api/admin/moderation/decisions", json: #"{"item_ids": [\#(ids[0])], "decision": "warn"}"#, bearer: mo.accessToken)
            #expect(warn.fieldErrors == ["decision"])
            let bulk = try await harness.send(
                .post, "/api/admin/moderation/decisions", json: #"{"item_ids": [\#(ids.map(String.init).joined(separator: ","))], "decision": "approve"}"#,
                bearer: mo.accessToken
            )
            #expect(bulk.status == .ok, "\(bulk.text)")
            #expect((try bulk.json()["decided"] as? [NSNumber])?.map(\.int64Value) == [ids[0], ids[1]])
            #expect((try bulk.json()["skipped"] as? [[String: Any]])?.first?["id"] as? NSNumber == NSNumber(value: ids[2]))
            let figures = try await harness.send(.get, "/api/admin/moderation/analytics?days=7", bearer: mo.accessToken)
            #expect(try figures.json()["decided"] as? Int == 2)
            let moderators = try #require(try figures.json()["moderators"] as? [[String: Any]])
            #expect((moderators.first?["decisions"] as? [String: Int])?["approve"] == 2)
            #expect(try await harness.send(.get, "/api/admin/moderation/items?status=nonsense", bearer: mo.accessToken).status == .badRequest)
            #expect(try await harness.send(.get, "/api/admin/moderation/items", bearer: market.ada.accessToken).status == .forbidden)

            harness.clock.advance(by: 25 * 3_600)
            let backlog = try await QueueBacklogs.read(store: harness.store, now: harness.clock.now)
            #expect(backlog.moderationWaiting == 1 && backlog.moderationLag >= 25 * 3_600, "what /metrics and the dashboard's alert read")
            let owner = try await harness.signedInAdministrator()
            let dashboard = try await harness.send(.get, "/api/admin/dashboard", bearer: owner.accessToken).json()
            #expect(dashboard["moderation"] as? [String: Int] == ["waiting": 1, "oldest_hours": 25])
        }
    }
}
