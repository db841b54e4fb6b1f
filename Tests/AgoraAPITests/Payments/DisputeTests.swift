import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Disputes")
struct DisputeTests {
    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    func post(_ market: OrderMarketplace, _ path: String, _ json: String? = nil, as member: SignIn, key: String? = nil) async throws -> TestResponse {
        try await market.harness.send(.post, path, json: json, bearer: member.accessToken, idempotencyKey: key)
    }

    /// A project whose Design milestone is funded and started.
    func started(_ market: OrderMarketplace) async throws -> ProjectFixture {
        let fixture = try await ProjectFixture.accepted(in: market)
        #expect(try await fixture.fund(fixture.milestoneIDs[0]).status == .ok)
        #expect(try await fixture.step("start", fixture.milestoneIDs[0], as: market.paula).status == .ok)
        return fixture
    }

    func opening(_ milestoneID: Int64, reason: String = "quality") -> String {
        #"{"milestone_id": \#(milestoneID), "reason": "\#(reason)", "statement": "The designs ignore the brand guide we agreed on."}"#
    }

    @Test("a member disputes held money: the project is disputed and its escrow frozen; both add evidence; the opener withdraws", arguments: TestDatabase.engines)
    func openAndWithdraw(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await started(market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            let path = "/api/projects/\(fixture.projectID)/disputes"
            #expect(try await post(market, path, #"{"reason": "lost", "statement": "Short"}"#, as: market.ada).fieldErrors == ["milestone_id", "reason", "statement"])
            #expect(try await post(market, path, opening(launch), as: market.ada).status == .conflict, "nothing held for Launch")
            #expect(try await post(market, path, opening(design), as: market.seeded).status == .notFound)
            let opened = try await post(market, path, opening(design), as: market.ada)
            #expect(opened.status == .created, "\(opened.text)")
            let dispute = try opened.json()
            let id = try #require((dispute["id"] as? NSNumber)?.int64Value)
            #expect(dispute["status"] as? String == "open" && (dispute["held"] as? [String: Any])?["amount_minor"] as? Int == 60_000)
            #expect(try await fixture.project(as: market.ada)["status"] as? String == "disputed")
            #expect(try await market.harness.emails(to: "paula@example.com").contains { $0.subject.contains("Dispute opened") })
            #expect(try await post(market, path, opening(design), as: market.paula).status == .conflict, "one open dispute a project")

            // Frozen: no release, no refund, no step.
            #expect(try await post(market, "/api/milestones/\(design)/release", "{}", as: market.ada, key: UUID().uuidString).status == .conflict)
            let payment = try #require(try await PaymentRepository(store: market.harness.store).payments(for: market.ada.userID, limit: 1).first)
            let refund = try await post(market, "/api/payments/\(payment.id)/refunds", #"{"reason": "Taking it back now."}"#, as: market.paula, key: UUID().uuidString)
            #expect(refund.status == .conflict && refund.text.contains("frozen"))
            #expect(try await fixture.step("submit", design, as: market.paula, note: "Done.").status == .conflict)

            #expect(try await post(market, "/api/disputes/\(id)/evidence", #"{"body": ""}"#, as: market.paula).fieldErrors == ["body"])
            #expect(try await post(market, "/api/disputes/\(id)/evidence", #"{"body": "The guide arrived after the designs."}"#, as: market.paula).status == .created)
            #expect(try await post(market, "/api/disputes/\(id)/evidence", #"{"body": "It was attached to the order."}"#, as: market.ada).status == .created)
            #expect(try await post(market, "/api/disputes/\(id)/evidence", #"{"body": "Me too."}"#, as: market.seeded).status == .notFound)
            let shown = try await market.harness.send(.get, "/api/disputes/\(id)", bearer: market.paula.accessToken).json()
            #expect((shown["evidence"] as? [[String: Any]])?.compactMap { $0["author"] as? String } == ["provider", "client"])
            #expect(try await market.harness.send(.get, "/api/disputes/\(id)", bearer: market.seeded.accessToken).status == .notFound)
            #expect(try await market.harness.send(.get, "/api/admin/disputes", bearer: market.ada.accessToken).status == .forbidden)

            #expect(try await post(market, "/api/disputes/\(id)/withdraw", as: market.paula).status == .conflict, "only the opener withdraws")
            let withdrawn = try await post(market, "/api/disputes/\(id)/withdraw", as: market.ada)
            #expect(try withdrawn.json()["status"] as? String == "withdrawn")
            #expect(try await fixture.project(as: market.ada)["status"] as? String == "active")
            #expect(try await post(market, "/api/disputes/\(id)/evidence", #"{"body": "One more thing."}"#, as: market.ada).status == .conflict)
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800, "the money stays held")
            #expect(try await fixture.activityKinds().suffix(4) == ["dispute.opened", "dispute.evidence-added", "dispute.evidence-added", "dispute.withdrawn"])
        }
    }

    @Test("finance decides a split: the provider's share released less commission, the rest refunded and paid back; the milestone settled; audited", arguments: TestDatabase.engines)
    func resolve(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await started(market)
            let design = fixture.milestoneIDs[0]
            let id = try #require((try await post(market, "/api/projects/\(fixture.projectID)/disputes", opening(design), as: market.ada).json()["id"] as? NSNumber)?.int64Value)
            let moderator = try await market.harness.signedInStaff("mo@example.com", role: .moderator)
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let resolve = "/api/admin/disputes/\(id)/resolve"
            let decision = #"{"provider_amount": "400", "note": "The designs were delivered; the brand guide part was not."}"#
            #expect(try await post(market, resolve, decision, as: moderator, key: "d-1").status == .forbidden)
            #expect(try await post(market, resolve, decision, as: finance).status == .badRequest, "an Idempotency-Key is required")
            #expect(try await post(market, resolve, #"{"provider_amount": "601", "note": "Short"}"#, as: finance, key: "d-0").fieldErrors == ["provider_amount", "note"])
            let queue = try await market.harness.send(.get, "/api/admin/disputes", bearer: finance.accessToken).json()
            #expect((queue["disputes"] as? [[String: Any]])?.count == 1)

            let decided = try await post(market, resolve, decision, as: finance, key: "d-1")
            #expect(decided.status == .ok, "\(decided.text)")
            let again = try await post(market, resolve, decision, as: finance, key: "d-1")
            #expect(again.text == decided.text, "a retried decision answers the first")
            let body = try decided.json()
            #expect(body["status"] as? String == "resolved")
            #expect(((body["decision"] as? [String: Any])?["client_amount"] as? [String: Any])?["amount_minor"] as? Int == 20_000)
            // 400 released: 80 commission, 12 of the fee; 200 and its 6 back to the client's card.
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 32_000)
            #expect(try await balance(.platformRevenue, in: market) == 8_000 + 1_200)
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            #expect(try await balance(.refunds, owner: market.ada.userID, in: market) == 0, "paid back at once")
            #expect(try await balance(.processorClearing, in: market) == -61_800 + 20_600)
            let earnings = try await market.harness.send(.get, "/api/transactions?kind=earning", bearer: market.paula.accessToken).json()
            let earning = try #require((earnings["transactions"] as? [[String: Any]])?.first)
            #expect((earning["amount"] as? [String: Any])?["amount_minor"] as? Int == 40_000 && (earning["fee"] as? [String: Any])?["amount_minor"] as? Int == 8_000)
            let refunds = try await market.harness.send(.get, "/api/transactions?kind=refund", bearer: market.ada.accessToken).json()
            #expect(((refunds["transactions"] as? [[String: Any]])?.first?["total"] as? [String: Any])?["amount_minor"] as? Int == 20_600)
            let project = try await fixture.project(as: market.ada)
            #expect(project["status"] as? String == "active")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "settled")
            for address in ["ada@example.com", "paula@example.com"] {
                #expect(try await market.harness.emails(to: address).contains { $0.subject.contains("Dispute decided") }, "\(address)")
            }
            let audited = try await AuditLog(store: market.harness.store).entries(about: .dispute, id: id)
            #expect(audited.map(\.action) == [.disputeResolved] && audited.first?.reason.contains("brand guide") == true)
            #expect(try await post(market, resolve, decision, as: finance, key: "d-2").status == .conflict, "decided once")
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a decision that ends the project gives the client back everything else held, and the order is cancelled")
    func resolveClosing() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await started(market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            #expect(try await fixture.fund(launch).status == .ok)
            let id = try #require((try await post(market, "/api/projects/\(fixture.projectID)/disputes", opening(design, reason: "communication"), as: market.ada).json()["id"] as? NSNumber)?.int64Value)
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let decided = try await post(
                market, "/api/admin/disputes/\(id)/resolve", #"{"provider_amount": 0, "note": "No work was delivered at all.", "close_project": true}"#,
                as: finance, key: "d-1"
            )
            #expect(decided.status == .ok, "\(decided.text)")
            #expect(try await fixture.project(as: market.ada)["status"] as? String == "cancelled")
            #expect(try await market.harness.send(.get, "/api/orders/\(fixture.orderID)", bearer: market.ada.accessToken).json()["status"] as? String == "cancelled")
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            #expect(try await balance(.escrow, owner: launch, in: market) == 0)
            #expect(try await balance(.processorClearing, in: market) == 0, "every cent went back")
            #expect(try await balance(.refunds, owner: market.ada.userID, in: market) == 0)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }
}
