@testable import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

@Suite("Wallets and payouts")
struct PayoutTests {
    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    /// The Design milestone funded, delivered and approved: €600 released to the provider (€490 after commission: 20 % of the first 500, 10 % of the rest).
    func released(_ market: OrderMarketplace) async throws -> ProjectFixture {
        let fixture = try await ProjectFixture.accepted(in: market)
        let design = fixture.milestoneIDs[0]
        #expect(try await fixture.fund(design).status == .ok)
        #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
        #expect(try await fixture.step("submit", design, as: market.paula, note: "Done.").status == .ok)
        #expect(try await fixture.step("approve", design, as: market.ada).status == .ok)
        return fixture
    }

    func wallet(_ market: OrderMarketplace, as member: SignIn) async throws -> [String: Int] {
        let body = try await market.harness.send(.get, "/api/wallet", bearer: member.accessToken).json()
        let euros = try #require((body["wallets"] as? [[String: Any]])?.first { $0["currency"] as? String == "EUR" })
        var figures: [String: Int] = [:]
        for name in ["in_escrow", "on_hold", "available", "paid_out"] { figures[name] = (euros[name] as? [String: Any])?["amount_minor"] as? Int }
        return figures
    }

    func payOut(_ market: OrderMarketplace, as member: SignIn, key: String = UUID().uuidString) async throws -> TestResponse {
        try await market.harness.send(.post, "/api/payouts", json: #"{"currency": "EUR"}"#, bearer: member.accessToken, idempotencyKey: key)
    }

    @Test("released money is on hold for the security hold, then available; a payout takes it all to the bank account through the processor", arguments: TestDatabase.engines)
    func holdAndPayout(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            _ = try await released(market)
            #expect(try await wallet(market, as: market.paula) == ["in_escrow": 0, "on_hold": 49_000, "available": 0, "paid_out": 0])
            #expect(try await payOut(market, as: market.paula).status == .conflict, "no payout account yet")
            #expect(try await market.harness.send(.get, "/api/payout-account", bearer: market.paula.accessToken).status == .notFound)
            let bad = try await market.harness.send(.put, "/api/payout-account", json: #"{"holder_name": "Paula", "iban": "DE89370400440532013001", "bic": "x"}"#, bearer: market.paula.accessToken)
            #expect(bad.fieldErrors == ["iban", "bic"])
            let saved = try await market.harness.send(
                .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "DE89 3704 0044 0532 0130 00", "bic": "COBADEFFXXX", "schedule": "manual"}"#,
                bearer: market.paula.accessToken
            )
            #expect(saved.status == .ok && !saved.text.contains("0532013000"))
            #expect(try saved.json()["iban_masked"] as? String == "DE •••• 3000")
            #expect(try await payOut(market, as: market.paula).status == .conflict, "on hold for five days")

            market.harness.clock.advance(by: 5 * 86_400 + 60)
            let paula = try SignIn(try await market.harness.login("paula@example.com"))
            #expect(try await wallet(market, as: paula) == ["in_escrow": 0, "on_hold": 0, "available": 49_000, "paid_out": 0])
            let paid = try await payOut(market, as: paula, key: "p-1")
            #expect(paid.status == .created, "\(paid.text)")
            #expect(try paid.json()["status"] as? String == "paid")
            #expect(try await payOut(market, as: paula, key: "p-1").text == paid.text, "a retry answers the first payout")
            #expect(try await wallet(market, as: paula) == ["in_escrow": 0, "on_hold": 0, "available": 0, "paid_out": 49_000])
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 0)
            #expect(try await balance(.providerPaid, owner: market.paula.userID, in: market) == 0)
            #expect(try await balance(.processorClearing, in: market) == -61_800 + 49_000, "the platform's fees stay")
            let list = try await market.harness.send(.get, "/api/payouts", bearer: paula.accessToken).json()
            #expect((list["payouts"] as? [[String: Any]])?.count == 1)
            let ada = try SignIn(try await market.harness.login("ada@example.com"))
            #expect(((try await market.harness.send(.get, "/api/payouts", bearer: ada.accessToken).json())["payouts"] as? [Any])?.isEmpty == true)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("where payouts go is a dangerous change: a sign-in older than the window proves itself again first; the holder is emailed each time, the IBAN masked")
    func accountChangeNeedsProof() async throws {
        try await OrderMarketplace.with { market in
            let put = { (bearer: String, iban: String) in
                try await market.harness.send(
                    .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "\#(iban)", "bic": "COBADEFFXXX"}"#, bearer: bearer
                )
            }
            #expect(try await put(market.paula.accessToken, "DE89370400440532013000").status == .ok, "a fresh sign-in is proof enough")
            let added = try #require(try await market.harness.emails(to: "paula@example.com").first { $0.subject.contains("payouts now go to") })
            #expect(added.subject.contains("DE •••• 3000") && added.textBody.contains("added") && !added.textBody.contains("0532013000"))

            market.harness.clock.advance(by: 11 * 60)
            let paula = try SignIn(try await market.harness.login("paula@example.com"))
            market.harness.clock.advance(by: 11 * 60)
            let refused = try await put(paula.accessToken, "GB82WEST12345698765432")
            #expect(refused.problemType == ProblemType.reauthenticationRequired.uri)
            #expect(try await market.harness.send(.get, "/api/payout-account", bearer: paula.accessToken).json()["iban_masked"] as? String == "DE •••• 3000")
            let proved = try await market.harness.send(.post, "/api/auth/reauthenticate", json: #"{"password": "\#(AuthHarness.password)"}"#, bearer: paula.accessToken)
            #expect(proved.status == .ok, "\(proved.text)")
            #expect(try await put(paula.accessToken, "GB82WEST12345698765432").status == .ok)
            let changed = try #require(try await market.harness.emails(to: "paula@example.com").first { $0.subject.contains("payouts now go to") })
            #expect(changed.subject.contains("GB •••• 5432") && changed.textBody.contains("changed"))
        }
    }

    @Test("a payout the bank sends back returns the money to the available balance, at once, and is marked failed")
    func failedPayout() async throws {
        try await OrderMarketplace.with { market in
            _ = try await released(market)
            #expect(try await market.harness.send(
                .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "\#(LocalTestBankAccount.closed)", "bic": "COBADEFF"}"#,
                bearer: market.paula.accessToken
            ).status == .ok)
            market.harness.clock.advance(by: 6 * 86_400)
            let paula = try SignIn(try await market.harness.login("paula@example.com"))
            let failed = try await payOut(market, as: paula)
            #expect(failed.status == .created)
            let body = try failed.json()
            #expect(body["status"] as? String == "failed" && (body["failure"] as? [String: Any])?["code"] as? String == "account_closed")
            #expect(try await wallet(market, as: paula)["available"] == 49_000, "given back, available at once")
            #expect(try await balance(.providerPaid, owner: market.paula.userID, in: market) == 0)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("the payout job pays weekly schedules once a week and sends payouts left pending")
    func scheduled() async throws {
        try await OrderMarketplace.with { market in
            _ = try await released(market)
            #expect(try await market.harness.send(
                .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "GB82WEST12345698765432", "bic": "NWBKGB2L", "schedule": "weekly"}"#,
                bearer: market.paula.accessToken
            ).status == .ok)
            let settings = await LivePlatformSettings.read(from: market.harness.store)
            let job = PayoutJob(store: market.harness.store, processor: LocalPaymentProcessor(store: market.harness.store), settings: settings, clock: market.harness.clock)
            #expect(try await job.runOnce().scheduled == 0, "still on hold")
            market.harness.clock.advance(by: 6 * 86_400)
            #expect(try await job.runOnce().scheduled == 1)
            #expect(try await job.runOnce().scheduled == 0, "once a week")
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 0)

            #expect(try await balance(.providerPaid, owner: market.paula.userID, in: market) == 0)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a payout decided but never sent (a crash in between) is sent by the job's next pass, once")
    func pendingResent() async throws {
        try await OrderMarketplace.with { market in
            _ = try await released(market)
            #expect(try await market.harness.send(
                .put, "/api/payout-account", json: #"{"holder_name": "Paula Provider", "iban": "GB82WEST12345698765432", "bic": "NWBKGB2L", "schedule": "manual"}"#,
                bearer: market.paula.accessToken
            ).status == .ok)
            market.harness.clock.advance(by: 6 * 86_400)
            let repository = PayoutRepository(store: market.harness.store)
            let (payout, _) = try await repository.request(providerID: market.paula.userID, currency: .eur, holdDays: 5, minimumMajor: 20, now: market.harness.clock.now)
            #expect(payout.status == .pending && payout.amount.minorUnits == 49_000)
            #expect(try await balance(.providerPaid, owner: market.paula.userID, in: market) == 49_000, "on its way")
            let settings = await LivePlatformSettings.read(from: market.harness.store)
            let job = PayoutJob(store: market.harness.store, processor: LocalPaymentProcessor(store: market.harness.store), settings: settings, clock: market.harness.clock)
            #expect(try await job.runOnce() == .init(resent: 0, scheduled: 0), "a payout younger than a minute may still be on its way")
            market.harness.clock.advance(by: 120)
            #expect(try await job.runOnce() == .init(resent: 1, scheduled: 0))
            #expect(try await job.runOnce() == .init(resent: 0, scheduled: 0))
            #expect(try await repository.payouts(of: market.paula.userID, limit: 10).map(\.status) == [.paid])
            #expect(try await balance(.providerPaid, owner: market.paula.userID, in: market) == 0)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }
}
