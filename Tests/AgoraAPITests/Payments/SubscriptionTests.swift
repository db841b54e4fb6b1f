import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Providers' plans: Pro subscribed with a saved card, booked as the platform's revenue, taking a share off the
/// commission; renewals charged by the job, declined ones retried then downgraded, cancelled ones ended with their
/// month.
@Suite("Subscriptions")
struct SubscriptionTests {
    func subscribe(_ market: OrderMarketplace, _ body: String, as member: SignIn, key: String = UUID().uuidString) async throws -> TestResponse {
        try await market.harness.send(.post, "/api/subscriptions", json: body, bearer: member.accessToken, idempotencyKey: key)
    }

    func overview(_ market: OrderMarketplace, as member: SignIn) async throws -> [String: Any] {
        let shown = try await market.harness.send(.get, "/api/subscriptions", bearer: member.accessToken)
        try #require(shown.status == .ok, "\(shown.text)")
        return try shown.json()
    }

    @discardableResult
    func saveCard(_ market: OrderMarketplace, _ number: String, as member: SignIn, makeDefault: Bool = true) async throws -> Int64 {
        let saved = try await market.harness.send(
            .post, "/api/payment-methods", json: #"{"number": "\#(number)", "expiry_month": 12, "expiry_year": 2034, "security_code": "123", "default": \#(makeDefault)}"#,
            bearer: member.accessToken
        )
        try #require(saved.status == .created, "\(saved.text)")
        return try #require((try saved.json()["id"] as? NSNumber)?.int64Value)
    }

    func job(_ market: OrderMarketplace) async -> SubscriptionJob {
        let store = market.harness.store
        return SubscriptionJob(
            subscriptions: Subscriptions(
                store: store, processor: LocalPaymentProcessor(store: store), settings: await LivePlatformSettings.read(from: store, overrides: [:]),
                announcer: SubscriptionAnnouncer(email: market.harness.composer)
            ),
            clock: market.harness.clock
        )
    }

    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    /// Moves the clock on by `days` and signs Paula in again (access tokens expire meanwhile).
    func advance(_ market: OrderMarketplace, days: Double) async throws -> SignIn {
        market.harness.clock.advance(by: days * 86_400)
        return try SignIn(try await market.harness.login("paula@example.com"))
    }

    func status(_ market: OrderMarketplace, as member: SignIn) async throws -> String? {
        (try await overview(market, as: member)["subscription"] as? [String: Any])?["status"] as? String
    }

    @Test("a provider subscribes to Pro with a saved card: the month is booked as revenue, and their releases pay less commission", arguments: TestDatabase.engines)
    func subscribing(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let free = try await overview(market, as: market.paula)
            #expect(free["plan"] as? String == "free" && free["subscription"] == nil)
            let pro = try #require((free["plans"] as? [[String: Any]])?.first { $0["plan"] as? String == "pro" })
            #expect((pro["monthly_price"] as? [String: Any])?["amount_minor"] as? Int == 1_900)
            #expect((pro["perks"] as? [String])?.first == "25 % less commission on every release")

            let noCard = try await subscribe(market, #"{"plan": "pro"}"#, as: market.paula)
            #expect(noCard.status == .unprocessableContent && noCard.fieldErrors == ["payment_method_id"])
            let badPlan = try await subscribe(market, #"{"plan": "gold"}"#, as: market.paula)
            #expect(badPlan.status == .unprocessableContent && badPlan.fieldErrors == ["plan"])
            #expect(try await market.harness.send(.post, "/api/subscriptions", json: #"{"plan": "pro"}"#, bearer: market.paula.accessToken).status == .badRequest, "an Idempotency-Key is required")
            try await saveCard(market, "4242424242424242", as: market.ada)
            let client = try await subscribe(market, #"{"plan": "pro"}"#, as: market.ada)
            #expect(client.status == .conflict && client.text.contains("providers"))

            try await saveCard(market, "4242424242424242", as: market.paula)
            let revenueBefore = try await balance(.platformRevenue, in: market)
            let key = UUID().uuidString
            let subscribed = try await subscribe(market, #"{"plan": "pro"}"#, as: market.paula, key: key)
            #expect(subscribed.status == .ok, "\(subscribed.text)")
            let body = try subscribed.json()
            #expect(body["plan"] as? String == "pro")
            let subscription = try #require(body["subscription"] as? [String: Any])
            #expect(subscription["status"] as? String == "active" && subscription["cancel_at_period_end"] as? Bool == false)
            let invoices = try #require(body["invoices"] as? [[String: Any]])
            #expect(invoices.count == 1 && invoices.first?["status"] as? String == "paid" && invoices.first?["card"] as? String == "Visa •••• 4242")
            #expect(try await balance(.platformRevenue, in: market) - revenueBefore == 1_900)
            let replayed = try await subscribe(market, #"{"plan": "pro"}"#, as: market.paula, key: key)
            #expect(replayed.status == .ok && replayed.text == subscribed.text, "the same key answers the first answer")
            #expect(try await subscribe(market, #"{"plan": "pro"}"#, as: market.paula).status == .conflict, "one subscription at a time")
            // The month is one of the provider's transactions, with a receipt and its tax line, and in the year's statement.
            let listed = try await market.harness.send(.get, "/api/transactions", bearer: market.paula.accessToken).json()
            let month = try #require((listed["transactions"] as? [[String: Any]])?.first { $0["kind"] as? String == "plan" })
            #expect((month["total"] as? [String: Any])?["amount_minor"] as? Int == 1_900 && month["detail"] as? String == "Visa •••• 4242")
            let receipt = try await market.harness.send(.get, "/api/receipts/\(try #require(month["id"] as? String))", bearer: market.paula.accessToken).json()
            #expect((receipt["lines"] as? [[String: Any]])?.compactMap { $0["label"] as? String }.first == "Pro plan")
            #expect(try await market.harness.send(.get, "/api/receipts/\(try #require(month["id"] as? String))", bearer: market.ada.accessToken).status == .notFound)
            let statement = try await market.harness.send(.get, "/api/statements/2026", bearer: market.paula.accessToken).json()
            #expect(((statement["totals"] as? [[String: Any]])?.first?["plans"] as? [String: Any])?["amount_minor"] as? Int == 1_900)
            #expect(try await overview(market, as: market.ada)["plan"] as? String == "free", "nobody else's plan changed")

            // A release of 600 to a Pro provider: each tier's rate less a quarter — 15 % of the first 500 and 7.5 % of the
            // next 100 — is 82.50 of commission, not the 110 of the Free plan.
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            let released = try await market.harness.send(.post, "/api/milestones/\(design)/release", json: "{}", bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString)
            #expect(released.status == .ok, "\(released.text)")
            let payable = try await balance(.providerPayable, owner: market.paula.userID, in: market)
            #expect(payable == 51_750, "\(payable)")
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a declined renewal is retried after 1, 3 and 5 days, then the plan goes back to Free; a card saved meanwhile pays it", arguments: TestDatabase.engines)
    func renewals(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let job = await job(market)
            var paula = market.paula
            // A card that is saved but declined when charged: the first month never starts.
            let declining = try await saveCard(market, "4000000000000341", as: paula)
            let refused = try await subscribe(market, #"{"plan": "pro", "payment_method_id": \#(declining)}"#, as: paula)
            #expect(refused.status == .unprocessableContent && refused.fieldErrors == ["payment_method_id"])
            #expect(try await status(market, as: paula) == "canceled")
            #expect(try await overview(market, as: paula)["plan"] as? String == "free")

            let good = try await saveCard(market, "4242424242424242", as: paula)
            #expect(try await subscribe(market, #"{"plan": "pro"}"#, as: paula).status == .ok)
            #expect(try await job.runOnce() == 0, "nothing is due within the month")
            // The good card goes: the default passes to the declining one, which the renewal is charged to.
            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(good)", bearer: paula.accessToken).status == .noContent)
            paula = try await advance(market, days: 31)
            #expect(try await job.runOnce() == 1)
            var shown = try await overview(market, as: paula)
            #expect((shown["subscription"] as? [String: Any])?["status"] as? String == "past_due" && shown["plan"] as? String == "pro", "perks stay while retried")
            #expect(try await market.harness.emails(to: "paula@example.com").first?.subject == "Your Pro plan's renewal was declined")
            #expect(try await job.runOnce() == 0, "not before the retry's day")
            for days in [1, 3] {
                paula = try await advance(market, days: Double(days))
                #expect(try await job.runOnce() == 1)
                #expect(try await status(market, as: paula) == "past_due")
            }
            paula = try await advance(market, days: 5)
            #expect(try await job.runOnce() == 1)
            shown = try await overview(market, as: paula)
            #expect((shown["subscription"] as? [String: Any])?["status"] as? String == "canceled" && shown["plan"] as? String == "free")
            #expect((shown["invoices"] as? [[String: Any]])?.first?["status"] as? String == "void")
            #expect(try await market.harness.emails(to: "paula@example.com").first?.subject == "Your plan is back to Free")

            // Subscribed again; a renewal declined once is paid by a card saved before its retry.
            try await saveCard(market, "5555555555554444", as: paula)
            #expect(try await subscribe(market, #"{"plan": "pro"}"#, as: paula).status == .ok)
            let current = try #require(try await SubscriptionRepository(store: market.harness.store).live(of: market.paula.userID))
            try await market.harness.store.sql.raw("UPDATE payment_methods SET is_default = (id = \(bind: declining)) WHERE user_id = \(bind: market.paula.userID)").run()
            paula = try await advance(market, days: 31)
            #expect(try await job.runOnce() == 1)
            #expect(try await status(market, as: paula) == "past_due")
            try await market.harness.store.sql.raw("UPDATE payment_methods SET is_default = (id <> \(bind: declining)) WHERE user_id = \(bind: market.paula.userID)").run()
            paula = try await advance(market, days: 1)
            #expect(try await job.runOnce() == 1)
            let renewed = try #require(try await SubscriptionRepository(store: market.harness.store).live(of: market.paula.userID))
            #expect(renewed.status == .active && renewed.periodsPaid == 2)
            #expect(renewed.currentPeriodEnd == SubscriptionPlan.periodEnd(anchor: current.billingAnchor, period: 2))
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a cancelled subscription keeps its perks to the end of the month paid, then ends without a charge; resuming before costs nothing")
    func cancelling() async throws {
        try await OrderMarketplace.with { market in
            let job = await job(market)
            var paula = market.paula
            try await saveCard(market, "4242424242424242", as: paula)
            #expect(try await subscribe(market, #"{"plan": "free"}"#, as: paula).status == .conflict, "nothing to cancel on Free")
            #expect(try await subscribe(market, #"{"plan": "pro"}"#, as: paula).status == .ok)
            let revenue = try await balance(.platformRevenue, in: market)
            let cancelled = try await subscribe(market, #"{"plan": "free"}"#, as: paula).json()
            #expect((cancelled["subscription"] as? [String: Any])?["cancel_at_period_end"] as? Bool == true && cancelled["plan"] as? String == "pro")
            let resumed = try await subscribe(market, #"{"plan": "pro"}"#, as: paula).json()
            #expect((resumed["subscription"] as? [String: Any])?["cancel_at_period_end"] as? Bool == false)
            #expect(try await balance(.platformRevenue, in: market) == revenue, "resuming charges nothing")
            _ = try await subscribe(market, #"{"plan": "free"}"#, as: paula)
            paula = try await advance(market, days: 31)
            #expect(try await job.runOnce() == 0, "nothing is charged")
            #expect(try await status(market, as: paula) == "canceled")
            #expect(try await overview(market, as: paula)["plan"] as? String == "free")
            #expect(try await balance(.platformRevenue, in: market) == revenue)
            #expect(try await market.harness.emails(to: "paula@example.com").first?.subject == "Your Pro plan has ended")
        }
    }

    @Test("billing periods keep the day of the month they began on, or the month's last day")
    func periods() throws {
        let anchor = try #require(ISO8601DateFormatter().date(from: "2027-01-31T10:00:00Z"))
        let ends = (1...3).map { ISO8601DateFormatter().string(from: SubscriptionPlan.periodEnd(anchor: anchor, period: $0)) }
        #expect(ends == ["2027-02-28T10:00:00Z", "2027-03-31T10:00:00Z", "2027-04-30T10:00:00Z"])
        #expect(throws: StatusTransitionError.self) { try SubscriptionStatus.canceled.after(.pay) }
        #expect(try SubscriptionStatus.incomplete.after(.expire) == .canceled)
        #expect(try SubscriptionStatus.pastDue.after(.pay) == .active)
    }
}

@Suite("Subscriptions during a processor outage")
struct SubscriptionOutageTests {
    @Test("a first month whose charge got no answer is charged again when the provider subscribes again, not refused as a second subscription")
    func firstChargeUnanswered() async throws {
        try await OrderMarketplace.with { market in
            try await SubscriptionTests().saveCard(market, "4242424242424242", as: market.paula)
            let store = market.harness.store
            let subscriptions = Subscriptions(
                store: store, processor: FirstPaymentOutageProcessor(local: LocalPaymentProcessor(store: store)),
                settings: await LivePlatformSettings.read(from: store, overrides: [:]), announcer: SubscriptionAnnouncer(email: market.harness.composer)
            )
            let now = market.harness.clock.now
            await #expect(throws: ProcessorUnavailable.self) { try await subscriptions.subscribe(market.paula.userID, savedMethodID: nil, now: now) }
            #expect(try await SubscriptionRepository(store: store).live(of: market.paula.userID)?.status == .incomplete)
            let subscribed = try await subscriptions.subscribe(market.paula.userID, savedMethodID: nil, now: now)
            #expect(subscribed.status == .active && subscribed.periodsPaid == 1)
            #expect(try await SubscriptionRepository(store: store).invoices(of: market.paula.userID, limit: 10).count == 1, "the same first month")
            #expect(try await SubscriptionTests().balance(.platformRevenue, in: market) == 1_900)
        }
    }
}

/// The local processor, except that its first payment is never made: a processor out of reach, which the real local
/// processor cannot be made to be.
private final class FirstPaymentOutageProcessor: PaymentProcessor, @unchecked Sendable {
    let local: LocalPaymentProcessor
    private var failed = false
    private let lock = NSLock()

    init(local: LocalPaymentProcessor) { self.local = local }

    var kind: PaymentProcessorKind { local.kind }
    var checkoutScript: CheckoutScript? { nil }
    var paysOut: Bool { true }

    func createPayment(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> ProcessorPayment {
        let failsNow = lock.withLock { () -> Bool in
            defer { failed = true }
            return !failed
        }
        if failsNow { throw ProcessorUnavailable("the test's processor is out of reach") }
        return try await local.createPayment(amount: amount, description: description, idempotencyKey: idempotencyKey, now: now)
    }

    func payment(_ id: String) async throws -> ProcessorPayment { try await local.payment(id) }
    func confirm(_ id: String, card: CardEntry, now: Date) async throws -> ProcessorPayment { try await local.confirm(id, card: card, now: now) }
    func authenticate(_ id: String, completed: Bool, now: Date) async throws -> ProcessorPayment { try await local.authenticate(id, completed: completed, now: now) }
    func refund(_ id: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String {
        try await local.refund(id, amount: amount, idempotencyKey: idempotencyKey, now: now)
    }
    func payout(amount: Money, iban: String, idempotencyKey: String, now: Date) async throws -> (id: String, failure: PaymentFailure?) {
        try await local.payout(amount: amount, iban: iban, idempotencyKey: idempotencyKey, now: now)
    }
    func cardSetup(for userID: Int64, now: Date) async throws -> String? { nil }
    func savePaymentMethod(card: CardEntry, for userID: Int64, idempotencyKey: String, now: Date) async throws -> ProcessorSavedCard {
        try await local.savePaymentMethod(card: card, for: userID, idempotencyKey: idempotencyKey, now: now)
    }
    func confirm(_ id: String, savedMethod: String, of userID: Int64, now: Date) async throws -> ProcessorPayment {
        try await local.confirm(id, savedMethod: savedMethod, of: userID, now: now)
    }
    func detachPaymentMethod(_ savedMethod: String, now: Date) async throws { try await local.detachPaymentMethod(savedMethod, now: now) }
}
