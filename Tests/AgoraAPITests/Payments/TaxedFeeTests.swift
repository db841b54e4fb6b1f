import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Fees and tax from the settings")
struct TaxedFeeTests {
    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    func minor(_ row: [String: Any]?, _ name: String) -> Int? { (row?[name] as? [String: Any])?["amount_minor"] as? Int }

    /// An administrator sets a setting to `json` (its first change).
    func set(_ key: String, _ json: String, in market: OrderMarketplace, admin: SignIn) async throws {
        let answer = try await market.harness.send(.put, "/api/admin/settings/\(key)", json: #"{"value": \#(json), "version": 0, "reason": "tax registration"}"#, bearer: admin.accessToken)
        try #require(answer.status == .ok, "\(answer.text)")
    }

    func billing(_ json: String, as member: SignIn, in market: OrderMarketplace) async throws -> TestResponse {
        try await market.harness.send(.put, "/api/billing-details", json: json, bearer: member.accessToken)
    }

    @Test("billing details: each member's own, every bad field named, a tax number checked against its country", arguments: TestDatabase.engines)
    func billingDetails(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            #expect(try await market.harness.send(.get, "/api/billing-details", bearer: market.ada.accessToken).status == .notFound)
            let bad = try await billing(#"{"name": "", "country": "ZZ", "region": "TOOLONG", "tax_number": "1"}"#, as: market.ada, in: market)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.fieldErrors) == ["name", "country", "region"])
            let wrongNumber = try await billing(#"{"name": "Ada Ltd", "country": "FR", "tax_number": "FR 1234"}"#, as: market.ada, in: market)
            #expect(wrongNumber.status == .unprocessableContent && wrongNumber.fieldErrors == ["tax_number"])
            #expect(try await billing(#"{"name": "Ada", "country": "DE", "colour": "red"}"#, as: market.ada, in: market).fieldErrors == ["colour"])

            let saved = try await billing(#"{"name": "Ada Bakery SARL", "country": "fr", "address": "1 rue de la Paix\nParis", "tax_number": "FR 12 345678901"}"#, as: market.ada, in: market)
            #expect(saved.status == .ok, "\(saved.text)")
            let body = try saved.json()
            #expect(body["country"] as? String == "FR" && body["tax_number"] as? String == "FR12345678901" && body["business"] as? Bool == true)
            let read = try await market.harness.send(.get, "/api/billing-details", bearer: market.ada.accessToken).json()
            #expect(read["name"] as? String == "Ada Bakery SARL" && read["country_name"] as? String == "France")
            #expect(try await market.harness.send(.get, "/api/billing-details", bearer: market.paula.accessToken).status == .notFound, "one's own only")
            #expect(try await market.harness.send(.get, "/api/billing-details").status == .unauthorized)
        }
    }

    @Test("taxed fees: the client's fee taxed by their country, a business abroad reverse charged, tax lines on receipts, the ledger's tax payable", arguments: TestDatabase.engines)
    func taxed(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let admin = try await market.harness.signedInAdministrator()
            try await set("tax.rates", #"["DE 19% VAT", "FR 20% VAT"]"#, in: market, admin: admin)
            let fixture = try await ProjectFixture.accepted(in: market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            // Ada gives no details: the platform's country's rate. Paula is a French business: reverse charged.
            #expect(try await billing(#"{"name": "Paula Studio", "country": "FR", "tax_number": "FR12345678901"}"#, as: market.paula, in: market).status == .ok)

            let fees = try await market.harness.send(.get, "/api/fees", bearer: market.ada.accessToken).json()
            #expect(fees["client_service_fee_percent"] as? String == "3 %")
            #expect((fees["tax"] as? [String: Any])?["note"] as? String == "VAT 19 % (Germany)")
            #expect(((try await market.harness.send(.get, "/api/fees", bearer: market.paula.accessToken).json())["tax"] as? [String: Any])?["treatment"] as? String == "reverse-charge")

            let paid = try await fixture.fund(design).json()
            #expect(minor(paid, "client_fee") == 1_800 && minor(paid, "fee_tax") == 342 && minor(paid, "total") == 62_142)
            #expect(paid["tax_note"] as? String == "VAT 19 % (Germany)")
            #expect(try await balance(.escrow, owner: design, in: market) == 62_142)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", design, as: market.paula, note: "The design, as agreed.").status == .ok)
            #expect(try await fixture.step("approve", design, as: market.ada).status == .ok)
            // Commission 110 (20 % of 500, 10 % of 100), reverse charged: Paula gets 490; the platform 110 + 18; the tax 3.42.
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 49_000)
            #expect(try await balance(.platformRevenue, in: market) == 12_800)
            #expect(try await balance(.taxPayable, in: market) == 342)
            #expect(try await balance(.escrow, owner: design, in: market) == 0)

            // Paula moves to Germany as a private person: her commission is taxed from now on.
            #expect(try await billing(#"{"name": "Paula Provider", "country": "DE"}"#, as: market.paula, in: market).status == .ok)
            #expect(try await fixture.fund(launch).status == .ok)
            #expect(try await fixture.step("start", launch, as: market.paula).status == .ok)
            #expect(try await fixture.step("submit", launch, as: market.paula, note: "The launch, as agreed.").status == .ok)
            #expect(try await fixture.step("approve", launch, as: market.ada).status == .ok)
            // Commission on 1,200 after 600 billed: 10 % = 120, its VAT 22.80; the fee 36 and its VAT 6.84.
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 49_000 + 120_000 - 12_000 - 2_280)
            #expect(try await balance(.taxPayable, in: market) == 342 + 684 + 2_280)
            #expect(try await Ledger(store: market.harness.store).verify().isSound)

            // Receipts print the tax lines, which add up to the total; the statement sums the tax on fees.
            let earnings = try await market.harness.send(.get, "/api/transactions?kind=earning", bearer: market.paula.accessToken).json()
            let newest = try #require((earnings["transactions"] as? [[String: Any]])?.first)
            #expect(minor(newest, "tax") == 2_280 && newest["tax_note"] as? String == "VAT 19 % (Germany)")
            let receipt = try await market.harness.send(.get, "/api/receipts/\(try #require(newest["id"] as? String))", bearer: market.paula.accessToken).json()
            let lines = try #require(receipt["lines"] as? [[String: Any]])
            #expect(lines.map { $0["label"] as? String } == ["Released for milestone: Launch", "Commission", "VAT 19 % (Germany)"])
            #expect(lines.compactMap { minor($0, "amount") } == [120_000, -12_000, -2_280])
            #expect(receipt["issued_to"] as? String == "Paula Provider" && receipt["country"] as? String == "Germany")
            let older = try #require((earnings["transactions"] as? [[String: Any]])?.last)
            #expect(older["tax_note"] as? String == "Reverse charge: the customer accounts for the tax (FR12345678901)" && minor(older, "tax") == 0)
            let year = MoneyStatement.year(of: market.harness.clock.now)
            let statement = try await market.harness.send(.get, "/api/statements/\(year)", bearer: market.ada.accessToken).json()
            #expect(minor((statement["totals"] as? [[String: Any]])?.first, "tax_on_fees") == 342 + 684)
        }
    }

    @Test("the fees come from the settings: a new client fee for new payments, a category's flat commission over the tiers, a least commission", arguments: TestDatabase.engines)
    func feesFromSettings(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let admin = try await market.harness.signedInAdministrator()
            let fixture = try await ProjectFixture.accepted(in: market)
            let category = try #require(try await market.harness.store.sql.raw("""
                SELECT c.slug FROM orders o JOIN categories c ON c.id = o.category_id WHERE o.id = \(bind: fixture.orderID)
                """).first()?.decode(column: "slug", as: String.self))
            try await set("fees.client-service-fee", #""5 %""#, in: market, admin: admin)
            try await set("fees.category-commission", #"["\#(category) 15%"]"#, in: market, admin: admin)
            let design = fixture.milestoneIDs[0]
            let paid = try await fixture.fund(design).json()
            #expect(minor(paid, "client_fee") == 3_000 && minor(paid, "total") == 63_000)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            let part = try await market.harness.send(
                .post, "/api/milestones/\(design)/release", json: #"{"amount": "100"}"#, bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString
            )
            #expect(part.status == .ok, "\(part.text)")
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 8_500, "15 % flat, not 20 %")

            let bad = try await market.harness.send(
                .put, "/api/admin/settings/fees.commission-tiers", json: #"{"value": ["20% up to 500", "10% up to 100"], "version": 0}"#, bearer: admin.accessToken
            )
            #expect(bad.status == .unprocessableContent && bad.fieldErrors == ["value"], "the tiers must end beyond")
            try await set("fees.minimum-commission", "50", in: market, admin: admin)
            let again = try await market.harness.send(
                .post, "/api/milestones/\(design)/release", json: #"{"amount": "100"}"#, bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString
            )
            #expect(again.status == .ok, "\(again.text)")
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 8_500 + 5_000, "at least 50 of 100")
            let fees = try await market.harness.send(.get, "/api/fees", bearer: market.ada.accessToken).json()
            #expect(fees["minimum_commission"] as? Int == 50 && fees["client_service_fee_percent"] as? String == "5 %")
            #expect((fees["category_rates"] as? [[String: Any]])?.first?["percent"] as? String == "15 %")
        }
    }
}
