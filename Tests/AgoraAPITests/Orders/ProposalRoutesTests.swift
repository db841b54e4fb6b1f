import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Proposals")
struct ProposalRoutesTests {
    @Test("a negotiation: propose, compare, counter, revise, accept into a project; the others are rejected and told", arguments: TestDatabase.engines)
    func negotiation(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let first = try await market.propose(orderID, as: market.paula)
            let second = try await market.propose(orderID, as: market.seeded, json: #"{"message": "Two weeks, with a design round first.", "price": 1800.5, "timeline_days": 14, "milestones": [{"title": "Design", "amount": "600", "due_in_days": 5}, {"title": "Launch", "amount": 1200.5, "due_in_days": 14}]}"#)
            let again = try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken)
            #expect(again.status == .conflict)

            let byPrice = try await harness.send(.get, "/api/orders/\(orderID)/proposals?sort=price", bearer: market.ada.accessToken).json()
            let list = try #require(byPrice["proposals"] as? [[String: Any]])
            #expect(list.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [second, first])
            let seededCard = try #require(list.first?["provider"] as? [String: Any])
            #expect((seededCard["url"] as? String)?.hasPrefix("/providers/") == true)
            #expect(seededCard["completed_projects"] is Int)
            let own = try await harness.send(.get, "/api/orders/\(orderID)/proposals", bearer: market.paula.accessToken).json()
            #expect((own["proposals"] as? [[String: Any]])?.compactMap { ($0["id"] as? NSNumber)?.int64Value } == [first])
            #expect(try await harness.send(.get, "/api/orders/\(orderID)/proposals?sort=cheapest", bearer: market.ada.accessToken).fieldErrors == ["sort"])

            // The client counters; the provider cannot accept on the client's behalf, and the client cannot accept its own counter.
            let counter = try await harness.send(.post, "/api/proposals/\(first)/counter", json: #"{"message": "Could you do it for less?", "price": "1700", "timeline_days": 20}"#, bearer: market.ada.accessToken)
            #expect(counter.status == .ok)
            #expect(try counter.json()["status"] as? String == "countered")
            #expect(try await harness.send(.post, "/api/proposals/\(first)/accept", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/proposals/\(first)/counter", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken).status == .notFound)
            let revised = try await harness.send(.post, "/api/proposals/\(first)/revise", json: #"{"message": "Agreed, at 1750 in 20 days.", "price": "1750", "timeline_days": 20}"#, bearer: market.paula.accessToken)
            #expect(try revised.json()["status"] as? String == "revised")
            let history = try await harness.send(.get, "/api/proposals/\(first)", bearer: market.ada.accessToken).json()
            let steps = try #require(history["revisions"] as? [[String: Any]])
            #expect(steps.compactMap { $0["party"] as? String } == ["provider", "client", "provider"])
            #expect(try await harness.send(.get, "/api/proposals/\(first)", bearer: market.seeded.accessToken).status == .notFound)

            let accepted = try await harness.send(.post, "/api/proposals/\(first)/accept", bearer: market.ada.accessToken)
            #expect(accepted.status == .ok, "\(accepted.text)")
            let acceptance = try accepted.json()
            #expect((acceptance["order"] as? [String: Any])?["status"] as? String == "in_progress")
            #expect(acceptance["rejected_proposals"] as? Int == 1)
            let project = try #require(acceptance["project"] as? [String: Any])
            #expect((project["agreed_price"] as? [String: Any])?["amount_minor"] as? Int == 175_000)

            let statuses = try await harness.store.sql.raw("SELECT id, status FROM proposals ORDER BY id").all()
                .map { (try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "status", as: String.self)) }
            #expect(statuses.map(\.1) == ["accepted", "rejected"])
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self) == 1)
            #expect(try await harness.emails(to: "seeded.provider@example.com").contains { $0.subject.contains("awarded to someone else") })
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.contains("was accepted") })

            // Replays change nothing.
            #expect(try await harness.send(.post, "/api/proposals/\(first)/accept", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/proposals/\(second)/accept", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/proposals/\(first)/withdraw", bearer: market.paula.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/orders/\(orderID)/cancel", bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken).status == .conflict)
        }
    }

    @Test("bad terms are named; a withdrawn proposal frees the provider to propose again")
    func termsAndWithdrawal() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let bad = try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: #"{"message": "Hi", "price": "-1", "currency": "USD", "timeline_days": 1.5, "milestones": [{"title": "All", "amount": "5", "due_in_days": 3, "extra": true}]}"#, bearer: market.paula.accessToken)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.fieldErrors) == ["timeline_days", "milestones[0].extra"])
            let rules = try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: #"{"message": "Hi", "price": "-1", "currency": "USD", "timeline_days": 0}"#, bearer: market.paula.accessToken)
            #expect(Set(rules.fieldErrors) == ["message", "price", "currency", "timeline_days"])
            let id = try await market.propose(orderID, as: market.paula)
            #expect(try await harness.send(.post, "/api/proposals/\(id)/withdraw", bearer: market.paula.accessToken).status == .ok)
            #expect(try await harness.send(.post, "/api/proposals/\(id)/revise", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken).status == .conflict)
            _ = try await market.propose(orderID, as: market.paula)
            let client = try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.ada.accessToken).json()
            #expect(client["proposal_count"] == nil || client["proposal_count"] is Int)
            let kinds = (client["events"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? []
            #expect(kinds.filter { $0 == "proposal_received" }.count == 2)
            #expect(kinds.contains("proposal_withdrawn"))
        }
    }

    @Test("access matrix: other clients, providers a private order was not offered to, clients proposing, signed-out callers", arguments: TestDatabase.engines)
    func accessMatrix(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let secret = "Secret renovation plans for the bakery"
            let orderID = try await market.postOrder(market.ada, #", "visibility": "invited", "title": "\#(secret)""#)
            let offered = try await harness.store.sql.raw("SELECT provider_id FROM order_routes WHERE order_id = \(bind: orderID)").all()
                .map { try $0.decode(column: "provider_id", as: Int64.self) }
            #expect(offered.contains(market.seeded.userID))
            #expect(!offered.contains(market.paula.userID))
            let proposal = try await market.propose(orderID, as: market.seeded)

            let orderRoutes: [(HTTPRequest.Method, String, String?)] = [
                (.get, "/api/orders/\(orderID)", nil),
                (.patch, "/api/orders/\(orderID)", #"{"priority": "low"}"#),
                (.post, "/api/orders/\(orderID)/publish", nil),
                (.post, "/api/orders/\(orderID)/cancel", nil),
                (.get, "/api/orders/\(orderID)/proposals", nil),
                (.post, "/api/orders/\(orderID)/proposals", OrderMarketplace.proposalJSON),
                (.get, "/api/proposals/\(proposal)", nil),
                (.post, "/api/proposals/\(proposal)/counter", OrderMarketplace.proposalJSON),
                (.post, "/api/proposals/\(proposal)/revise", OrderMarketplace.proposalJSON),
                (.post, "/api/proposals/\(proposal)/withdraw", nil),
                (.post, "/api/proposals/\(proposal)/reject", nil),
                (.post, "/api/proposals/\(proposal)/accept", nil),
                (.get, "/api/admin/orders/\(orderID)/routes", nil),
            ]
            for (method, path, json) in orderRoutes {
                for outsider in [market.bob, market.paula] {
                    let answer = try await harness.send(method, path, json: json, bearer: outsider.accessToken)
                    #expect([.notFound, .forbidden].contains(answer.status), "\(method) \(path): \(answer.status)")
                    #expect(!answer.text.contains(secret), "\(method) \(path)")
                }
                #expect(try await harness.send(method, path, json: json).status == .unauthorized, "\(method) \(path)")
            }
            // The parties' wrong moves: a provider cannot act as the client, nor the client as the provider.
            #expect(try await harness.send(.post, "/api/proposals/\(proposal)/accept", bearer: market.seeded.accessToken).status == .notFound)
            #expect(try await harness.send(.patch, "/api/orders/\(orderID)", json: #"{"priority": "low"}"#, bearer: market.seeded.accessToken).status == .notFound)
            #expect(try await harness.send(.post, "/api/proposals/\(proposal)/withdraw", bearer: market.ada.accessToken).status == .notFound)
            #expect(try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: OrderMarketplace.proposalJSON, bearer: market.ada.accessToken).status == .forbidden)
            // The offered provider sees it and the client's data stayed whole.
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.seeded.accessToken).status == .ok)
            let order = try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.ada.accessToken).json()
            #expect(order["status"] as? String == "open")
            #expect(order["priority"] as? String == "normal")
            #expect(try await harness.send(.get, "/api/proposals/\(proposal)", bearer: market.ada.accessToken).json()["status"] as? String == "submitted")
        }
    }

    @Test("two tabs accepting two proposals at once end with exactly one accepted; a double submit keeps one proposal", arguments: TestDatabase.engines)
    func races(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let first = try await market.propose(orderID, as: market.paula)
            let second = try await market.propose(orderID, as: market.seeded)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for id in [first, second] {
                    group.addTask { try await harness.send(.post, "/api/proposals/\(id)/accept", bearer: market.ada.accessToken).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.sorted { $0.code < $1.code } == [.ok, .conflict])
            let accepted = try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM proposals WHERE status = 'accepted'").first()?.decode(column: "n", as: Int.self)
            #expect(accepted == 1)
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM projects").first()?.decode(column: "n", as: Int.self) == 1)

            let another = try await market.postOrder(market.bob)
            let submits = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<3 {
                    group.addTask { try await harness.send(.post, "/api/orders/\(another)/proposals", json: OrderMarketplace.proposalJSON, bearer: market.paula.accessToken).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(submits.filter { $0 == .created }.count == 1)
            #expect(submits.filter { $0 == .conflict }.count == 2, "\(submits)")
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM proposals WHERE order_id = \(bind: another)").first()?.decode(column: "n", as: Int.self) == 1)
        }
    }
}
