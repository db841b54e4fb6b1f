import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Refunds decided by finance staff")
struct StaffRefundTests {
    func paymentID(_ market: OrderMarketplace, milestone: Int64) async throws -> Int64 {
        let payments = try await market.harness.send(.get, "/api/payments", bearer: market.ada.accessToken).json()
        let payment = try #require((payments["payments"] as? [[String: Any]])?.first { ($0["milestone_id"] as? NSNumber)?.int64Value == milestone })
        return try #require((payment["id"] as? NSNumber)?.int64Value)
    }

    func refund(_ market: OrderMarketplace, _ paymentID: Int64, _ json: String, as member: SignIn, key: String? = UUID().uuidString) async throws -> TestResponse {
        try await market.harness.send(.post, "/api/admin/payments/\(paymentID)/refunds", json: json, bearer: member.accessToken, idempotencyKey: key)
    }

    @Test("finance refunds held money outside a dispute: in part, then the rest, which unfunds the milestone; audited, both members told", arguments: TestDatabase.engines)
    func refunds(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            let id = try await paymentID(market, milestone: design)
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let moderator = try await market.harness.signedInStaff("mo@example.com", role: .moderator)

            let shown = try await market.harness.send(.get, "/api/admin/payments/\(id)", bearer: finance.accessToken)
            #expect(shown.status == .ok, "\(shown.text)")
            #expect((try shown.json()["held"] as? [String: Any])?["amount_minor"] as? Int == 60_000)
            #expect(try await market.harness.send(.get, "/api/admin/payments/\(id + 100)", bearer: finance.accessToken).status == .notFound)
            for outsider in [moderator, market.ada, market.paula] {
                #expect(try await market.harness.send(.get, "/api/admin/payments/\(id)", bearer: outsider.accessToken).status == .forbidden)
                #expect(try await refund(market, id, #"{"amount": "10", "reason": "Goodwill after a delay."}"#, as: outsider).status == .forbidden)
            }
            #expect(try await refund(market, id, #"{"amount": "10", "reason": "Goodwill after a delay."}"#, as: finance, key: nil).status == .badRequest)
            #expect(try await refund(market, id, #"{"amount": "70", "reason": "Short"}"#, as: finance).fieldErrors == ["reason"])
            #expect(try await refund(market, id, #"{"amount": "700", "reason": "More than is held for it."}"#, as: finance).fieldErrors == ["amount"])

            let body = #"{"amount": "200", "reason": "The provider cannot be reached; part given back."}"#
            let first = try await refund(market, id, body, as: finance, key: "s-1")
            #expect(first.status == .created, "\(first.text)")
            #expect(try first.json()["status"] as? String == "succeeded")
            #expect((try first.json()["total"] as? [String: Any])?["amount_minor"] as? Int == 20_600)
            #expect(try await refund(market, id, body, as: finance, key: "s-1").text == first.text, "a retry answers the first refund")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "funded")
            let audited = try await AuditLog(store: market.harness.store).entries(about: .payment, id: id)
            #expect(audited.map(\.action) == [.paymentRefunded] && audited.first?.reason.contains("cannot be reached") == true)
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("Refund") })
            #expect(try await market.harness.emails(to: "paula@example.com").contains { $0.subject.contains("Refunded by an administrator") })

            let rest = try await refund(market, id, #"{"reason": "The work will not start: everything given back."}"#, as: finance)
            #expect(rest.status == .created, "\(rest.text)")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "pending", "all of an unstarted milestone's escrow refunded")
            #expect(try await refund(market, id, body, as: finance).status == .conflict, "nothing is held any more")
            let refunds = try await market.harness.send(.get, "/api/transactions?kind=refund", bearer: market.ada.accessToken).json()
            #expect((refunds["transactions"] as? [Any])?.count == 2)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a disputed project's money is frozen: staff decide the dispute instead")
    func frozen() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            let opened = try await market.harness.send(
                .post, "/api/projects/\(fixture.projectID)/disputes",
                json: #"{"milestone_id": \#(design), "reason": "quality", "statement": "Nothing of what was agreed has been delivered so far."}"#,
                bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString
            )
            #expect(opened.status == .created, "\(opened.text)")
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let refused = try await refund(market, try await paymentID(market, milestone: design), #"{"reason": "Trying to refund a disputed payment."}"#, as: finance)
            #expect(refused.status == .conflict && refused.text.contains("decide the dispute"))
        }
    }
}
