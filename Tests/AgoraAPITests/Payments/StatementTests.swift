import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Transactions, receipts, statements and the finance summary")
struct StatementTests {
    /// Design (€600) funded and approved, Launch (€1,200) funded, €200 of it released and €300 refunded, and the
    /// provider's €670 paid out six days later. Ada paid €618 and €1,236 (3 % fee) and got €309 back; Paula earned
    /// €600 less €110 and €200 less €20 (the 10 % band, once 500 was billed).
    func history(_ market: OrderMarketplace) async throws -> (fixture: ProjectFixture, ada: SignIn, paula: SignIn) {
        let fixture = try await ProjectFixture.accepted(in: market)
        let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
        #expect(try await fixture.fund(design).status == .ok)
        #expect(try await fixture.fund(launch).status == .ok)
        #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
        #expect(try await fixture.step("submit", design, as: market.paula, note: "Done.").status == .ok)
        #expect(try await fixture.step("approve", design, as: market.ada).status == .ok)
        let harness = market.harness
        #expect(try await harness.send(
            .post, "/api/milestones/\(launch)/release", json: #"{"amount": "200"}"#, bearer: market.ada.accessToken, idempotencyKey: "r-1"
        ).status == .ok)
        let payments = try await harness.send(.get, "/api/payments", bearer: market.ada.accessToken).json()
        let launchPayment = try #require((payments["payments"] as? [[String: Any]])?.first { ($0["milestone_id"] as? NSNumber)?.int64Value == launch })
        let paymentID = try #require((launchPayment["id"] as? NSNumber)?.int64Value)
        #expect(try await harness.send(
            .post, "/api/payments/\(paymentID)/refunds", json: #"{"amount": "300", "reason": "The launch is smaller than planned."}"#,
            bearer: market.paula.accessToken, idempotencyKey: "f-1"
        ).status == .created)
        #expect(try await harness.send(
            .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "DE89370400440532013000", "bic": "COBADEFFXXX"}"#,
            bearer: market.paula.accessToken
        ).status == .ok)
        harness.clock.advance(by: 6 * 86_400)
        let ada = try SignIn(try await harness.login("ada@example.com"))
        let paula = try SignIn(try await harness.login("paula@example.com"))
        #expect(try await harness.send(.post, "/api/payouts", json: #"{"currency": "EUR"}"#, bearer: paula.accessToken, idempotencyKey: "o-1").status == .created)
        return (fixture, ada, paula)
    }

    func transactions(_ market: OrderMarketplace, _ query: String = "", as member: SignIn) async throws -> (rows: [[String: Any]], next: String?) {
        let response = try await market.harness.send(.get, "/api/transactions\(query)", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        let body = try response.json()
        return (body["transactions"] as? [[String: Any]] ?? [], body["next_before"] as? String)
    }

    func minor(_ row: [String: Any], _ name: String) -> Int? { (row[name] as? [String: Any])?["amount_minor"] as? Int }

    @Test("each member lists their own transactions, newest first, with fees from their side; filters, pages and CSV", arguments: TestDatabase.engines)
    func listing(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let (fixture, ada, paula) = try await history(market)
            let client = try await transactions(market, as: ada).rows
            #expect(client.map { $0["kind"] as? String } == ["refund", "payment", "payment"])
            #expect(client.map { minor($0, "total") } == [30_900, 123_600, 61_800])
            #expect(client.map { $0["direction"] as? String } == ["in", "out", "out"])
            #expect(client.map { minor($0, "fee") } == [900, 3_600, 1_800])
            #expect(client[1]["detail"] as? String == "Visa •••• 4242" && client[1]["counterpart_name"] as? String == "Ada L.", "every test account is named Ada Lovelace")
            #expect((client[2]["milestone"] as? [String: Any])?["title"] as? String == "Design")
            #expect(client[0]["state"] as? String == "completed", "the local processor paid the refund back at once")

            let provider = try await transactions(market, as: paula).rows
            #expect(provider.map { $0["kind"] as? String } == ["payout", "earning", "earning"])
            #expect(provider.map { minor($0, "amount") } == [67_000, 20_000, 60_000])
            #expect(provider.map { minor($0, "fee") } == [0, 2_000, 11_000], "commission: 10 % once 500 was billed, 20 % of the first 500 and 10 % of the rest")
            #expect(provider.map { minor($0, "total") } == [67_000, 18_000, 49_000])
            #expect(provider[0]["detail"] as? String == "DE •••• 3000" && provider[1]["counterpart_name"] as? String == "Ada L.")

            #expect(try await transactions(market, "?kind=refund", as: ada).rows.count == 1)
            #expect(try await transactions(market, "?currency=USD", as: ada).rows.isEmpty)
            #expect(try await transactions(market, "?project_id=\(fixture.projectID)", as: paula).rows.count == 2, "payouts belong to no project")
            #expect(try await transactions(market, "?from=2100-01-01", as: ada).rows.isEmpty)
            let bad = try await market.harness.send(
                .get, "/api/transactions?kind=gift&currency=euro&from=2026-02-30&before=x&limit=0&sort=new", bearer: ada.accessToken
            )
            #expect(bad.status == .badRequest)
            #expect(Set(bad.fieldErrors) == ["kind", "currency", "from", "before", "limit", "sort"])

            let first = try await transactions(market, "?limit=2", as: ada)
            #expect(first.rows.count == 2)
            let next = try #require(first.next)
            let second = try await transactions(market, "?limit=2&before=\(next)", as: ada)
            #expect(second.rows.map { $0["id"] as? String } == [client[2]["id"] as? String] && second.next == nil)

            let csv = try await market.harness.send(.get, "/api/transactions?format=csv", bearer: ada.accessToken)
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.split(separator: "\r\n")
            #expect(lines.count == 4 && lines[0].hasPrefix("id,occurred_at,kind,direction,state,currency,amount,fee"))
            #expect(lines[1].contains(",refund,in,completed,EUR,300.00,9.00,service fee,0.00,No tax on fees in Germany,309.00,"), "no tax rates listed: none charged")
            #expect(try await market.harness.send(.get, "/api/transactions").status == .unauthorized)
        }
    }

    @Test("a receipt's lines add up to its total; nobody else's receipt is found", arguments: TestDatabase.engines)
    func receipts(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let (_, ada, paula) = try await history(market)
            let client = try await transactions(market, as: ada).rows
            let paymentID = try #require(client[2]["id"] as? String)
            let receipt = try await market.harness.send(.get, "/api/receipts/\(paymentID)", bearer: ada.accessToken)
            #expect(receipt.status == .ok, "\(receipt.text)")
            let body = try receipt.json()
            #expect(body["issued_to"] as? String == "Ada Lovelace" && body["title"] as? String == "Payment")
            let lines = try #require(body["lines"] as? [[String: Any]])
            #expect(lines.map { $0["label"] as? String } == ["Milestone: Design", "Service fee", "No tax on fees in Germany"])
            #expect(lines.compactMap { minor($0, "amount") }.reduce(0, +) == minor(try #require(body["transaction"] as? [String: Any]), "total"))

            let earning = try #require(try await transactions(market, "?kind=earning", as: paula).rows.last?["id"] as? String)
            let earned = try await market.harness.send(.get, "/api/receipts/\(earning)", bearer: paula.accessToken).json()
            #expect((earned["lines"] as? [[String: Any]])?.compactMap { minor($0, "amount") } == [60_000, -11_000, 0])

            #expect(try await market.harness.send(.get, "/api/receipts/\(paymentID)", bearer: paula.accessToken).status == .notFound)
            #expect(try await market.harness.send(.get, "/api/receipts/\(earning)", bearer: ada.accessToken).status == .notFound)
            let bob = try SignIn(try await market.harness.login("bob@example.com"))
            #expect(try await market.harness.send(.get, "/api/receipts/\(paymentID)", bearer: bob.accessToken).status == .notFound)
            for bogus in ["payment-0", "gift-1", "payment-+1", "payment", "1"] {
                #expect(try await market.harness.send(.get, "/api/receipts/\(bogus)", bearer: ada.accessToken).status == .notFound, "\(bogus)")
            }
        }
    }

    @Test("a yearly statement sums each side's money per currency and per month, as JSON or CSV", arguments: TestDatabase.engines)
    func statements(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let (_, ada, paula) = try await history(market)
            let year = MoneyStatement.year(of: market.harness.clock.now)
            let response = try await market.harness.send(.get, "/api/statements/\(year)", bearer: ada.accessToken)
            #expect(response.status == .ok, "\(response.text)")
            let body = try response.json()
            let totals = try #require((body["totals"] as? [[String: Any]])?.first)
            #expect(minor(totals, "paid") == 185_400 && minor(totals, "refunded") == 30_900 && minor(totals, "net_spent") == 154_500)
            #expect(minor(totals, "service_fees") == 4_500 && totals["transactions"] as? Int == 3)
            #expect((body["months"] as? [Any])?.count == 12 && body["years"] as? [Int] == [year])

            let earned = try #require((try await market.harness.send(.get, "/api/statements/\(year)", bearer: paula.accessToken).json()["totals"] as? [[String: Any]])?.first)
            #expect(minor(earned, "earned") == 80_000 && minor(earned, "commission") == 13_000 && minor(earned, "net_earned") == 67_000)
            #expect(minor(earned, "paid_out") == 67_000 && minor(earned, "paid") == 0)

            let empty = try await market.harness.send(.get, "/api/statements/\(year - 1)", bearer: ada.accessToken).json()
            #expect((empty["totals"] as? [Any])?.isEmpty == true)
            let csv = try await market.harness.send(.get, "/api/statements/\(year)?format=csv", bearer: paula.accessToken)
            #expect(csv.status == .ok && csv.text.split(separator: "\r\n").count == 4)
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"agora-statement-\(year).csv\"")
            for bad in ["1999", "20266", "abcd", "2101"] {
                let refused = try await market.harness.send(.get, "/api/statements/\(bad)", bearer: ada.accessToken)
                #expect(refused.status == .badRequest && refused.fieldErrors == ["year"], "\(bad)")
            }
            #expect(try await market.harness.send(.get, "/api/statements/\(year)?format=pdf", bearer: ada.accessToken).fieldErrors == ["format"])
        }
    }

    @Test("the finance summary shows what the accounts hold and what moved; the ledger verifies; only finance.read staff see them", arguments: TestDatabase.engines)
    func financeSummary(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            _ = try await history(market)
            let finance = try await market.harness.signedInStaff("fi@example.com", role: .finance)
            let moderator = try await market.harness.signedInStaff("mo@example.com", role: .moderator)
            let ada = try SignIn(try await market.harness.login("ada@example.com"))
            for path in ["/api/admin/finance/summary", "/api/admin/ledger/verify"] {
                #expect(try await market.harness.send(.get, path, bearer: moderator.accessToken).status == .forbidden)
                #expect(try await market.harness.send(.get, path, bearer: ada.accessToken).status == .forbidden)
            }
            let summary = try await market.harness.send(.get, "/api/admin/finance/summary", bearer: finance.accessToken)
            #expect(summary.status == .ok, "\(summary.text)")
            let euros = try #require((try summary.json()["currencies"] as? [[String: Any]])?.first)
            let balances = try #require(euros["balances"] as? [String: Any])
            let held = { (kind: String) in (balances[kind] as? [String: Any])?["amount_minor"] as? Int }
            #expect(held("escrow") == 72_100, "Launch: €700 of its amount and €21 of its fee still held")
            #expect(held("provider-payable") == 0 && held("refunds") == 0)
            #expect(held("platform-revenue") == 13_000 + 1_800 + 600, "commission, and the fee shares that went with the releases")
            let volume = try #require(euros["volume"] as? [String: Any])
            #expect(minor(volume, "paid") == 185_400 && minor(volume, "earned") == 80_000 && minor(volume, "paid_out") == 67_000)
            #expect(try await market.harness.send(.get, "/api/admin/finance/summary?from=2100-01-01", bearer: finance.accessToken).status == .badRequest)

            let verified = try await market.harness.send(.get, "/api/admin/ledger/verify", bearer: finance.accessToken)
            let verification = try verified.json()
            #expect(verified.status == .ok && verification["sound"] as? Bool == true && (verification["transactions"] as? Int ?? 0) >= 7)
            #expect((verification["problems"] as? [Any])?.isEmpty == true)
        }
    }
}
