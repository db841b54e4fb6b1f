import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Order routing")
struct RoutingTests {
    @Test("an opened order is offered to the best providers of its category, who find it in their inbox and are notified", arguments: TestDatabase.engines)
    func firstBatch(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine, providers: 120) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let tree = try await CategoryRepository(store: harness.store).tree()
            let inCategory = Set(try await harness.store.sql.raw("""
                SELECT pc.provider_id FROM provider_categories pc JOIN user_profiles p ON p.user_id = pc.provider_id
                WHERE p.published = TRUE AND p.availability <> 'unavailable' AND pc.category_id IN (\(binds: tree.all.filter { tree.countingCategories(of: $0.id).contains(market.categoryID) }.map(\.id)))
                """).all().map { try $0.decode(column: "provider_id", as: Int64.self) })
            let routes = try await OrderRouteRepository(store: harness.store).routes(orderID: orderID)
            #expect(routes.count == min(RoutingSettings().batchSize, inCategory.count))
            #expect(routes.allSatisfy { inCategory.contains($0.providerID) && $0.batch == 1 && !$0.reason.isEmpty })
            #expect(zip(routes, routes.dropFirst()).allSatisfy { $0.score >= $1.score })

            // Notified in the app and by email; the seeded provider's inbox lists it when offered.
            let offered = try #require(routes.first)
            let notices = try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: offered.providerID) AND type = 'order_offered'").first()?.decode(column: "n", as: Int.self)
            #expect(notices == 1)
            if routes.contains(where: { $0.providerID == market.seeded.userID }) {
                let inbox = try await harness.send(.get, "/api/orders/inbox", bearer: market.seeded.accessToken).json()
                let entry = try #require((inbox["entries"] as? [[String: Any]])?.first)
                #expect(((entry["order"] as? [String: Any])?["id"] as? NSNumber)?.int64Value == orderID)
                #expect(entry["reason"] is String)
                _ = try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.seeded.accessToken)
                #expect(try await OrderRouteRepository(store: harness.store).figures(orderID: orderID).first?.viewed == 1)
            }
            #expect(try await harness.send(.get, "/api/orders/inbox", bearer: market.ada.accessToken).status == .forbidden)
        }
    }

    @Test("the job offers the next batch when too few proposals came in time, never the same provider twice, and expires overdue orders")
    func laterBatches() async throws {
        try await OrderMarketplace.with(providers: 200) { market in
            let harness = market.harness
            let orderID = try await market.postOrder(market.ada)
            let announcer = OrderAnnouncer(email: try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent")).email)
            let settings = await LivePlatformSettings.read(from: harness.store, overrides: [.routingBatchSize: .number(3)])
            let job = OrderRoutingJob(store: harness.store, settings: settings, announcer: announcer, clock: harness.clock)
            #expect(try await job.runOnce() == .init(expired: 0, routed: 0))
            harness.clock.advance(by: settings.current.routing.responseWindow + 60)
            #expect(try await job.runOnce() == .init(expired: 0, routed: 1))
            let routes = try await OrderRouteRepository(store: harness.store).routes(orderID: orderID)
            #expect(Set(routes.map(\.providerID)).count == routes.count)
            #expect(routes.filter { $0.batch == 2 }.count <= 3)
            #expect(routes.filter { $0.batch == 1 }.allSatisfy { $0.expiredAt != nil })
            #expect(try await job.runOnce() == .init(expired: 0, routed: 0))

            // Past the deadline (2026-12-20) the order expires.
            harness.clock.advance(by: 100 * 86_400)
            #expect(try await job.runOnce().expired == 1)
            #expect(try await OrderRepository(store: harness.store).find(orderID)?.status == .expired)
        }
    }

    @Test("staff with orders.route find any order by words, reference or status; bad parameters are named; others are refused", arguments: TestDatabase.engines)
    func search(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let support = try await harness.signedInStaff("support@example.com", role: .support)
            let first = try await market.postOrder(market.ada)
            let json = market.orderJSON(#", "draft": true"#).replacingOccurrences(of: "A booking site for our bakery", with: "Translate 100% of our menu_card")
            let created = try await harness.send(.post, "/api/orders", json: json, bearer: market.bob.accessToken)
            let draft = try #require((try created.json()["id"] as? NSNumber)?.int64Value)
            func ids(_ query: String) async throws -> [Int64] {
                let answer = try await harness.send(.get, "/api/admin/orders" + query, bearer: support.accessToken)
                try #require(answer.status == .ok, "\(answer.text)")
                return (try answer.json()["orders"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
            }
            #expect(try await ids("") == [draft, first])
            #expect(try await ids("?status=draft") == [draft])
            #expect(try await ids("?q=100%25") == [draft], "% matches itself")
            #expect(try await ids("?q=MENU_CARD") == [draft])
            #expect(try await ids("?q=1%25_") == [], "_ matches itself")
            let reference = try #require(try await OrderRepository(store: harness.store).find(first)?.referenceNumber.value)
            #expect(try await ids("?reference=" + reference.lowercased()) == [first])
            #expect(try await ids("?limit=1").count == 1)
            let bad = try await harness.send(.get, "/api/admin/orders?status=lost&reference=AG-0000&colour=red", bearer: support.accessToken)
            #expect(bad.status == .badRequest)
            #expect(Set(bad.fieldErrors) == ["status", "reference", "colour"])
            #expect(try await harness.send(.get, "/api/admin/orders", bearer: market.ada.accessToken).status == .forbidden)
        }
    }

    @Test("administrators add and withdraw offers by hand and read each batch's figures")
    func administrators() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let admin = try await harness.signedInAdministrator()
            let orderID = try await market.postOrder(market.ada, #", "visibility": "invited""#)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .notFound)
            let added = try await harness.send(.post, "/api/admin/orders/\(orderID)/routes", json: #"{"provider_id": \#(market.paula.userID)}"#, bearer: admin.accessToken)
            #expect(added.status == .created)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .ok)
            _ = try await market.propose(orderID, as: market.paula)
            let figures = try await harness.send(.get, "/api/admin/orders/\(orderID)/routes", bearer: admin.accessToken).json()
            let batches = try #require(figures["batches"] as? [[String: Any]])
            #expect(batches.reduce(0) { $0 + ($1["proposals"] as? Int ?? 0) } == 1)
            #expect(try await harness.send(.post, "/api/admin/orders/\(orderID)/routes", json: #"{"provider_id": \#(market.bob.userID)}"#, bearer: admin.accessToken).fieldErrors == ["provider_id"])
            #expect(try await harness.send(.delete, "/api/admin/orders/\(orderID)/routes/\(market.paula.userID)", bearer: admin.accessToken).status == .noContent)
            #expect(try await harness.send(.delete, "/api/admin/orders/\(orderID)/routes/\(market.paula.userID)", bearer: admin.accessToken).status == .notFound)
            let audited = try await AuditLog(store: harness.store).entries(about: .order, id: orderID)
            #expect(audited.map(\.action) == [.orderOfferWithdrawn, .orderOfferedByHand], "the refused offer and withdrawal are not audited")
            #expect(audited.last?.after == #"{"provider_ids":"\#(market.paula.userID)"}"# && audited.allSatisfy { $0.actorID == admin.userID })
            // Having proposed, the provider still reads the order they took part in.
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/admin/orders/\(orderID)/routes", bearer: market.ada.accessToken).status == .forbidden)
        }
    }
}

@Suite("Quick request and category proposals")
struct QuickRequestTests {
    @Test("an order can name providers it also goes to: they are told when it opens, and see it even when private")
    func invited() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            let bad = try await harness.send(.post, "/api/orders", json: market.orderJSON(#", "invite": [\#(market.bob.userID)]"#), bearer: market.ada.accessToken)
            #expect(bad.fieldErrors == ["invite"])
            let tooMany = try await harness.send(.post, "/api/orders", json: market.orderJSON(#", "invite": [1, 2, 3, 4, 5, 6]"#), bearer: market.ada.accessToken)
            #expect(tooMany.fieldErrors == ["invite"])
            let notIDs = try await harness.send(.post, "/api/orders", json: market.orderJSON(#", "invite": ["paula"]"#), bearer: market.ada.accessToken)
            #expect(notIDs.fieldErrors == ["invite[0]"])

            let orderID = try await market.postOrder(market.ada, #", "draft": true, "visibility": "invited", "invite": [\#(market.paula.userID)]"#)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .notFound)
            #expect(try await harness.emails(to: "paula@example.com").allSatisfy { $0.template != "marketplace-update" })
            #expect(try await harness.send(.post, "/api/orders/\(orderID)/publish", bearer: market.ada.accessToken).status == .ok)
            #expect(try await harness.emails(to: "paula@example.com").contains { $0.subject.hasPrefix("A new order for you") })
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: market.paula.accessToken).status == .ok)
            let routes = try await OrderRouteRepository(store: harness.store).routes(orderID: orderID)
            #expect(routes.first { $0.providerID == market.paula.userID }?.source == .client)
            // Routing adds its own batch and never offers the invited provider twice.
            #expect(routes.filter { $0.providerID == market.paula.userID }.count == 1)
            #expect(routes.contains { $0.source == .matched })
            _ = try await market.propose(orderID, as: market.paula)

            let admin = try await harness.signedInAdministrator()
            let report = try await harness.send(.get, "/api/admin/search/analytics?days=7", bearer: admin.accessToken).json()
            let categories = try #require(report["categories"] as? [[String: Any]])
            #expect(categories.first { ($0["proposals"] as? Int ?? 0) > 0 }?["proposals"] as? Int == 1)
        }
    }
}
