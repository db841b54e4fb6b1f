import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Hourly weeks charged to the client's saved card when they end, held in escrow, released on approval. The harness
/// starts on Monday 2026-09-21 14:13 UTC, in week 2026-W39.
@Suite("Hourly billing")
struct HourlyBillingTests {
    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    func minor(_ row: [String: Any]?, _ name: String) -> Int? { (row?[name] as? [String: Any])?["amount_minor"] as? Int }

    /// An hourly project (50 EUR an hour) with two hours logged in 2026-W39, and the clock moved into the next week;
    /// the members signed in again.
    func workedWeek(_ market: OrderMarketplace) async throws -> (fixture: ProjectFixture, ada: SignIn, paula: SignIn) {
        let harness = market.harness
        let fixture = try await ProjectFixture.accepted(in: market, proposal: HourlyWorkTests.hourlyProposal)
        harness.clock.advance(by: 3 * 3_600)
        let paula = try SignIn(try await harness.login("paula@example.com"))
        let logged = try await harness.send(
            .post, "/api/projects/\(fixture.projectID)/time-entries", json: HourlyWorkTests.entry("2026-09-21T14:30:00Z", minutes: 120), bearer: paula.accessToken
        )
        try #require(logged.status == .created, "\(logged.text)")
        harness.clock.advance(by: 7 * 86_400)
        return (fixture, try SignIn(try await harness.login("ada@example.com")), try SignIn(try await harness.login("paula@example.com")))
    }

    func job(_ market: OrderMarketplace) -> HourlyBillingJob {
        HourlyBillingJob(
            store: market.harness.store, processor: LocalPaymentProcessor(store: market.harness.store),
            announcer: ProjectAnnouncer(email: market.harness.composer), clock: market.harness.clock
        )
    }

    func save(_ number: String, as member: SignIn, in market: OrderMarketplace) async throws -> Int64 {
        let saved = try await market.harness.send(
            .post, "/api/payment-methods", json: #"{"number": "\#(number)", "expiry_month": 12, "expiry_year": 2034, "security_code": "123", "default": true}"#,
            bearer: member.accessToken
        )
        try #require(saved.status == .created, "\(saved.text)")
        return try #require((try saved.json()["id"] as? NSNumber)?.int64Value)
    }

    @Test("an ended week is charged to the saved card once, held in escrow, and released to the provider when approved; both see it in their transactions", arguments: TestDatabase.engines)
    func chargedThenReleased(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let (fixture, ada, paula) = try await workedWeek(market)
            _ = try await save("4242424242424242", as: ada, in: market)

            #expect(try await job(market).runOnce() == 1)
            #expect(try await job(market).runOnce() == 0, "charged once")
            #expect(try await harness.emails(to: "ada@example.com").first?.textBody.contains("€103 for 2 h of the week 2026-W39 was charged to Visa •••• 4242") == true)
            #expect(try await harness.emails(to: "paula@example.com").first?.subject == "Paid into escrow: the week 2026-W39 of A booking site for our bakery")
            let path = "/api/projects/\(fixture.projectID)/week-payments"
            let listed = try #require((try await harness.send(.get, path, bearer: ada.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
            #expect(listed["week"] as? String == "2026-W39" && listed["status"] as? String == "held" && listed["minutes"] as? Int == 120)
            #expect(minor(listed, "amount") == 10_000 && minor(listed, "client_fee") == 300 && minor(listed, "total") == 10_300)
            #expect(listed["card"] as? String == "Visa •••• 4242")
            let paymentID = try #require((listed["id"] as? NSNumber)?.int64Value)
            #expect(try await balance(.weekEscrow, owner: paymentID, in: market) == 10_300)
            let providerView = try #require((try await harness.send(.get, path, bearer: paula.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
            #expect(providerView["total"] == nil && providerView["card"] == nil, "the client's charge is the client's")
            let bob = try SignIn(try await harness.login("bob@example.com"))
            #expect(try await harness.send(.get, path, bearer: bob.accessToken).status == .notFound)
            let payWeek = "/api/projects/\(fixture.projectID)/timesheets/2026-W39/pay"
            #expect(try await harness.send(.post, payWeek, json: "{}", bearer: ada.accessToken, idempotencyKey: UUID().uuidString).status == .conflict, "paid already")
            #expect(try await harness.send(.post, "/api/projects/\(fixture.projectID)/timesheets/2026-W40/pay", json: "{}", bearer: ada.accessToken, idempotencyKey: UUID().uuidString).status == .conflict, "the week runs")

            let approved = try await harness.send(.post, "/api/projects/\(fixture.projectID)/timesheets/2026-W39/approve", bearer: ada.accessToken)
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(try await balance(.weekEscrow, owner: paymentID, in: market) == 0)
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 8_000, "100 less 20 % commission")
            #expect(try await balance(.platformRevenue, in: market) == 2_300)
            #expect(try await Ledger(store: harness.store).verify().isSound)
            #expect(try await fixture.activityKinds(as: ada).suffix(3) == ["week.charged", "timesheet.approved", "week.released"])

            let spent = try #require((try await harness.send(.get, "/api/transactions?kind=week-payment", bearer: ada.accessToken).json()["transactions"] as? [[String: Any]])?.first)
            #expect(spent["id"] as? String == "week-payment-\(paymentID)" && minor(spent, "total") == 10_300)
            let receipt = try await harness.send(.get, "/api/receipts/week-payment-\(paymentID)", bearer: ada.accessToken).json()
            let lines = try #require(receipt["lines"] as? [[String: Any]])
            #expect(lines.first?["label"] as? String == "Hours worked: A booking site for our bakery")
            #expect(lines.compactMap { minor($0, "amount") }.reduce(0, +) == 10_300)
            let earned = try #require((try await harness.send(.get, "/api/transactions?kind=week-earning", bearer: paula.accessToken).json()["transactions"] as? [[String: Any]])?.first)
            #expect(minor(earned, "total") == 8_000 && minor(earned, "fee") == 2_000)
            #expect(try await harness.send(.get, "/api/receipts/week-earning-\(paymentID)", bearer: ada.accessToken).status == .notFound)
            let wallet = try await harness.send(.get, "/api/wallet", bearer: paula.accessToken).json()
            #expect(minor((wallet["wallets"] as? [[String: Any]])?.first, "on_hold") == 8_000)
        }
    }

    @Test("without a saved card, or with one that declines, the week stays due and is tried a day later; the client pays it with another card, released at once when already approved", arguments: TestDatabase.engines)
    func dueUntilPaid(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let (fixture, ada, _) = try await workedWeek(market)
            #expect(try await job(market).runOnce() == 0)
            let path = "/api/projects/\(fixture.projectID)/week-payments"
            var week = try #require((try await harness.send(.get, path, bearer: ada.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
            #expect(week["status"] as? String == "due" && (week["failure"] as? [String: Any])?["code"] as? String == "no_saved_card")
            #expect(try await harness.emails(to: "ada@example.com").first?.subject == "Payment needed: the week 2026-W39 of A booking site for our bakery")
            #expect(try await harness.emails(to: "paula@example.com").allSatisfy { !$0.subject.contains("Payment needed") }, "the client's to pay")
            let provider = try SignIn(try await harness.login("paula@example.com"))
            let providerView = try #require((try await harness.send(.get, path, bearer: provider.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
            #expect(providerView["status"] as? String == "due" && providerView["failure"] == nil, "why the client's card failed is the client's")
            #expect(try await job(market).runOnce() == 0, "not tried again before a day has passed")
            #expect(try await harness.send(.post, "/api/projects/\(fixture.projectID)/timesheets/2026-W39/approve", bearer: ada.accessToken).status == .ok)
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 0, "nothing charged, nothing released")

            let failing = try await save("4000000000000341", as: ada, in: market)
            harness.clock.advance(by: 86_400)
            let client = try SignIn(try await harness.login("ada@example.com"))
            #expect(try await job(market).runOnce() == 0)
            week = try #require((try await harness.send(.get, path, bearer: client.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
            #expect((week["failure"] as? [String: Any])?["code"] as? String == "card_declined" && week["card"] as? String == "Visa •••• 0341")

            let visa = try await save("4242424242424242", as: client, in: market)
            let paula = try SignIn(try await harness.login("paula@example.com"))
            let payWeek = "/api/projects/\(fixture.projectID)/timesheets/2026-W39/pay"
            #expect(try await harness.send(.post, payWeek, json: "{}", bearer: paula.accessToken, idempotencyKey: UUID().uuidString).status == .conflict, "the client pays")
            let bob = try SignIn(try await harness.login("bob@example.com"))
            #expect(try await harness.send(.post, payWeek, json: "{}", bearer: bob.accessToken, idempotencyKey: UUID().uuidString).status == .notFound)
            #expect(try await harness.send(.post, payWeek, json: #"{"payment_method_id": \#(failing + 1_000)}"#, bearer: client.accessToken, idempotencyKey: UUID().uuidString).fieldErrors == ["payment_method_id"])
            let paid = try await harness.send(.post, payWeek, json: #"{"payment_method_id": \#(visa)}"#, bearer: client.accessToken, idempotencyKey: UUID().uuidString)
            #expect(paid.status == .ok, "\(paid.text)")
            #expect(try paid.json()["status"] as? String == "released", "approved already: released with the charge")
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 8_000)
            #expect(try await Ledger(store: harness.store).verify().isSound)
        }
    }

    @Test("the client pays an ended week before the job has charged it, with the default saved card; the week's time is what is charged")
    func payBeforeTheJob() async throws {
        try await OrderMarketplace.with { market in
            let (fixture, ada, _) = try await workedWeek(market)
            _ = try await save("5555555555554444", as: ada, in: market)
            let paid = try await market.harness.send(
                .post, "/api/projects/\(fixture.projectID)/timesheets/2026-W39/pay", json: "{}", bearer: ada.accessToken, idempotencyKey: UUID().uuidString
            )
            #expect(paid.status == .ok, "\(paid.text)")
            let body = try paid.json()
            #expect(body["status"] as? String == "held" && body["card"] as? String == "Mastercard •••• 4444" && minor(body, "total") == 10_300)
            #expect(try await job(market).runOnce() == 0, "nothing left to charge")
            #expect(try await market.harness.send(
                .post, "/api/projects/\(fixture.projectID)/timesheets/2026-W38/pay", json: "{}", bearer: ada.accessToken, idempotencyKey: UUID().uuidString
            ).status == .conflict, "a week without time")
        }
    }

    @Test("racing: weeks charged while the client approves them are each released once, whichever commits first", arguments: TestDatabase.engines)
    func chargeRacesApproval(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            var fixtures: [ProjectFixture] = []
            for _ in 0..<5 { fixtures.append(try await ProjectFixture.accepted(in: market, proposal: HourlyWorkTests.hourlyProposal)) }
            harness.clock.advance(by: 3 * 3_600)
            let paula = try SignIn(try await harness.login("paula@example.com"))
            for fixture in fixtures {
                let logged = try await harness.send(
                    .post, "/api/projects/\(fixture.projectID)/time-entries", json: HourlyWorkTests.entry("2026-09-21T14:30:00Z", minutes: 120),
                    bearer: paula.accessToken
                )
                try #require(logged.status == .created, "\(logged.text)")
            }
            harness.clock.advance(by: 7 * 86_400)
            let ada = try SignIn(try await harness.login("ada@example.com"))
            _ = try await save("4242424242424242", as: ada, in: market)
            let approvals = try await withThrowingTaskGroup(of: HTTPResponse.Status?.self) { group in
                group.addTask { _ = try await job(market).runOnce(); return nil }
                for fixture in fixtures {
                    group.addTask {
                        try await harness.send(.post, "/api/projects/\(fixture.projectID)/timesheets/2026-W39/approve", bearer: ada.accessToken).status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { if let status = $1 { $0.append(status) } }
            }
            #expect(approvals == Array(repeating: .ok, count: 5))
            for fixture in fixtures {
                let week = try #require((try await harness.send(.get, "/api/projects/\(fixture.projectID)/week-payments", bearer: ada.accessToken).json()["week_payments"] as? [[String: Any]])?.first)
                #expect(week["status"] as? String == "released", "\(week)")
                let paymentID = try #require((week["id"] as? NSNumber)?.int64Value)
                #expect(try await balance(.weekEscrow, owner: paymentID, in: market) == 0)
            }
            // Five weeks of 100 EUR: 20 % of the first 500 billed together, each 80 to the provider.
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 5 * 8_000)
            #expect(try await Ledger(store: harness.store).verify().isSound)
        }
    }
}
