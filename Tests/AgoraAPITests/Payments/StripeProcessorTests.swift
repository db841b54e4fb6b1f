import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

/// The service with Stripe as its processor, against localstripe on loopback: cards made into payment methods by
/// Stripe.js (here, the test doing what the script does), payment intents confirmed and authenticated, refunds,
/// saved cards on Stripe customers, and signed webhook events.
@Suite("Stripe as the processor")
struct StripeProcessorTests {
    func post(_ market: OrderMarketplace, _ path: String, json: String? = nil, as member: SignIn) async throws -> TestResponse {
        try await market.harness.send(.post, path, json: json, bearer: member.accessToken, idempotencyKey: UUID().uuidString)
    }

    /// Opens the payment of a milestone: its id and the client secret Stripe.js needs.
    func open(_ market: OrderMarketplace, _ milestoneID: Int64) async throws -> (id: Int64, clientSecret: String) {
        let opened = try await post(market, "/api/milestones/\(milestoneID)/fund", as: market.ada)
        try #require(opened.status == .created, "\(opened.text)")
        let body = try opened.json()
        return (try #require((body["id"] as? NSNumber)?.int64Value), try #require(body["client_secret"] as? String))
    }

    func escrow(_ milestoneID: Int64, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(.escrow, owner: milestoneID, currency: .eur))
    }

    /// Posts an event to the webhook, signed with `secret` at `time` (the harness's clock unless told).
    func deliver(_ event: String, to market: OrderMarketplace, secret: String, time: Date? = nil, signature: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        let payload = Array(event.utf8)
        headers[HTTPField.Name("Stripe-Signature")!] = signature
            ?? StripeWebhookSignature.header(payload: payload, secret: secret, time: time ?? market.harness.clock.now)
        return try await market.harness.client.execute(uri: "/api/webhooks/stripe", method: .post, headers: headers, body: ByteBuffer(bytes: payload))
    }

    func handling(_ response: TestResponse) throws -> String? { try response.json()["handling"] as? String }

    static func event(_ id: String, _ type: String, object: String) -> String {
        #"{"id": "\#(id)", "object": "event", "type": "\#(type)", "created": 1790000000, "data": {"object": \#(object)}}"#
    }

    @Test("a milestone is funded with a payment method Stripe.js made: the card number never reaches the service", arguments: TestDatabase.engines)
    func funding(engine: TestDatabase) async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(engine, stripe: stripe.settings) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let processor = try await market.harness.send(.get, "/api/payment-processor", bearer: market.ada.accessToken)
            #expect(processor.status == .ok)
            let described = try processor.json()
            #expect(described["kind"] as? String == "stripe" && described["publishable_key"] as? String == stripe.server.publishableKey)
            #expect(described["script_url"] as? String == stripe.server.scriptURL && !processor.text.contains(stripe.server.secretKey))

            let (payment, secret) = try await open(market, design)
            #expect(secret.hasPrefix("pi_") && secret.contains("_secret_"))
            let intentID = secret.components(separatedBy: "_secret_")[0]
            let intent = try await stripe.object("/v1/payment_intents/\(intentID)")
            #expect(intent["amount"] as? Int == 61_800 && intent["currency"] as? String == "eur", "the total with the client's fee")
            #expect(try await open(market, design).id == payment, "funding again finds the payment and its intent")

            let typed = try await post(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("4242424242424242"), as: market.ada)
            #expect(typed.status == .unprocessableContent && typed.fieldErrors == ["number"], "with Stripe, card numbers are refused")
            let both = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "pm_x1", "number": "4242424242424242"}"#, as: market.ada)
            #expect(both.status == .unprocessableContent && both.fieldErrors == ["processor_method_id"])
            let unknown = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "pm_nothing"}"#, as: market.ada)
            #expect(unknown.status == .unprocessableContent && unknown.fieldErrors == ["processor_method_id"], "\(unknown.text)")

            let method = try await stripe.paymentMethod("4242424242424242")
            let byOther = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "\#(method)"}"#, as: market.bob)
            #expect(byOther.status == .notFound)
            let confirmed = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "\#(method)"}"#, as: market.ada)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let body = try confirmed.json()
            #expect(body["status"] as? String == "succeeded" && body["processor"] as? String == "stripe")
            #expect((body["card"] as? [String: Any])?["last_four"] as? String == "4242")
            #expect(try await stripe.object("/v1/payment_intents/\(intentID)")["status"] as? String == "succeeded")
            #expect(try await fixture.milestone(design, as: market.paula)["status"] as? String == "funded")
            #expect(try await escrow(design, in: market) == 61_800)

            // The provider refunds part: Stripe pays it back against the intent.
            let refund = try await post(market, "/api/payments/\(payment)/refunds", json: #"{"amount": "100", "reason": "The first sketch was not needed after all."}"#, as: market.paula)
            #expect(refund.status == .created, "\(refund.text)")
            #expect(try refund.json()["status"] as? String == "succeeded")
            let refunds = try await stripe.object("/v1/refunds?payment_intent=\(intentID)")
            let amounts = ((refunds["data"] as? [[String: Any]]) ?? []).compactMap { $0["amount"] as? Int }
            #expect(amounts == [10_300], "100 EUR and its 3 EUR share of the fee, \(amounts)")
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a declined card leaves the payment open; a card asking for authentication is finished by Stripe.js, then read from Stripe", arguments: TestDatabase.engines)
    func declineAndAuthentication(engine: TestDatabase) async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(engine, stripe: stripe.settings) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            let (declinedPayment, _) = try await open(market, design)
            let declined = try await post(
                market, "/api/payments/\(declinedPayment)/confirm", json: #"{"processor_method_id": "\#(try await stripe.paymentMethod("4000000000000341"))"}"#, as: market.ada
            )
            #expect(declined.status == .ok, "\(declined.text)")
            let declinedBody = try declined.json()
            #expect(declinedBody["status"] as? String == "requires_payment_method")
            #expect((declinedBody["failure"] as? [String: Any])?["code"] as? String == "card_declined")
            #expect(try await escrow(design, in: market) == 0)

            let (payment, secret) = try await open(market, launch)
            let asking = try await post(
                market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "\#(try await stripe.paymentMethod("4000002500003155"))"}"#, as: market.ada
            )
            let askingBody = try asking.json()
            #expect(askingBody["status"] as? String == "requires_action")
            #expect((askingBody["next_action"] as? [String: Any])?["type"] as? String == "use_stripe_sdk")
            let early = try await post(market, "/api/payments/\(payment)/authenticate", json: #"{"completed": true}"#, as: market.ada)
            #expect(try early.json()["status"] as? String == "requires_action", "what the browser says does not count: Stripe has not seen the step")

            try await stripe.authenticate(clientSecret: secret, success: true)
            let finished = try await post(market, "/api/payments/\(payment)/authenticate", json: #"{"completed": false}"#, as: market.ada)
            #expect(try finished.json()["status"] as? String == "succeeded", "\(finished.text)")
            #expect(try await escrow(launch, in: market) == 123_600)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a saved card is attached to the member's Stripe customer, pays a milestone off-session and is detached when removed", arguments: TestDatabase.engines)
    func savedCards(engine: TestDatabase) async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(engine, stripe: stripe.settings) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let refused = try await post(market, "/api/payment-methods", json: ProjectFixture.card("4242424242424242"), as: market.ada)
            #expect(refused.status == .unprocessableContent && refused.fieldErrors == ["number"])
            let method = try await stripe.paymentMethod("4242424242424242")
            let saved = try await post(market, "/api/payment-methods", json: #"{"processor_method_id": "\#(method)"}"#, as: market.ada)
            #expect(saved.status == .created, "\(saved.text)")
            let savedBody = try saved.json()
            #expect(savedBody["last_four"] as? String == "4242" && savedBody["expiry_year"] as? Int == 2034 && savedBody["is_default"] as? Bool == true)
            let customer = try #require(try await ProcessorCustomerRepository(store: market.harness.store).customer(of: market.ada.userID, at: .stripe))
            #expect(try await stripe.object("/v1/payment_methods/\(method)")["customer"] as? String == customer)
            #expect(try await stripe.object("/v1/customers/\(customer)")["email"] as? String == "ada@example.com")

            let savedID = try #require((savedBody["id"] as? NSNumber)?.int64Value)
            let (payment, _) = try await open(market, fixture.milestoneIDs[0])
            let paid = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"payment_method_id": \#(savedID)}"#, as: market.ada)
            #expect(try paid.json()["status"] as? String == "succeeded", "\(paid.text)")

            // A new card through a setup, as the money page's form does it with Stripe.js.
            let setup = try await post(market, "/api/payment-methods/setup", as: market.ada)
            #expect(setup.status == .created, "\(setup.text)")
            let setupSecret = try #require(try setup.json()["client_secret"] as? String)
            #expect(setupSecret.hasPrefix("seti_"))
            let secondMethod = try await stripe.confirmSetup(clientSecret: setupSecret, number: "5555555555554444")
            #expect(try await post(market, "/api/payment-methods", json: #"{"processor_method_id": "\#(secondMethod)"}"#, as: market.ada).status == .created)
            #expect(try await ProcessorCustomerRepository(store: market.harness.store).customer(of: market.ada.userID, at: .stripe) == customer, "one customer per member")
            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(savedID)", bearer: market.bob.accessToken).status == .notFound)
            #expect(try await market.harness.send(.delete, "/api/payment-methods/\(savedID)", bearer: market.ada.accessToken).status == .noContent)
            #expect(try await stripe.object("/v1/payment_methods/\(method)")["customer"] is NSNull, "detached at Stripe")
        }
    }

    @Test("webhook events are taken once, signed and fresh: a forged, stale or unsigned one changes nothing", arguments: TestDatabase.engines)
    func webhooks(engine: TestDatabase) async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(engine, stripe: stripe.settings) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let (payment, secret) = try await open(market, design)
            let intentID = secret.components(separatedBy: "_secret_")[0]
            let method = try await stripe.paymentMethod("4000002500003155")
            _ = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "\#(method)"}"#, as: market.ada)
            // The payer finished the step with Stripe and closed the tab: only Stripe's event tells the platform.
            try await stripe.authenticate(clientSecret: secret, success: true)
            let succeeded = Self.event("evt_paid_1", "payment_intent.succeeded", object: #"{"id": "\#(intentID)", "object": "payment_intent", "status": "succeeded"}"#)
            let key = stripe.server.webhookSecret

            let forged = try await deliver(succeeded, to: market, secret: "whsec_someone_else")
            #expect(forged.status == .badRequest && forged.text.contains("no signature matches"))
            let stale = try await deliver(succeeded, to: market, secret: key, time: market.harness.clock.now.addingTimeInterval(-301))
            #expect(stale.status == .badRequest && stale.text.contains("300 seconds"))
            let unsigned = try await deliver(succeeded, to: market, secret: key, signature: "")
            #expect(unsigned.status == .badRequest)
            let garbled = try await deliver(succeeded, to: market, secret: key, signature: "t=abc,v1=zz")
            #expect(garbled.status == .badRequest)
            let tampered = try await deliver(
                succeeded.replacingOccurrences(of: "evt_paid_1", with: "evt_paid_2"), to: market, secret: key,
                signature: StripeWebhookSignature.header(payload: Array(succeeded.utf8), secret: key, time: market.harness.clock.now)
            )
            #expect(tampered.status == .badRequest, "a signature covers the body it was made for")
            #expect(try await escrow(design, in: market) == 0, "nothing refused changed anything")

            let applied = try await deliver(succeeded, to: market, secret: key)
            #expect(try applied.status == .ok && handling(applied) == "applied", "\(applied.text)")
            #expect(try await escrow(design, in: market) == 61_800)
            #expect(try await fixture.milestone(design, as: market.paula)["status"] as? String == "funded")
            let replayed = try await deliver(succeeded, to: market, secret: key)
            #expect(try replayed.status == .ok && handling(replayed) == "replayed")
            let again = try await deliver(succeeded.replacingOccurrences(of: "evt_paid_1", with: "evt_paid_3"), to: market, secret: key)
            #expect(try handling(again) == "recorded", "\(again.text)")
            #expect(try await escrow(design, in: market) == 61_800, "the same outcome from another event funds nothing twice")

            let other = try await deliver(Self.event("evt_other", "customer.created", object: #"{"id": "cus_1", "object": "customer"}"#), to: market, secret: key)
            #expect(try handling(other) == "recorded")
            let malformed = try await deliver(#"{"id": "evt_x", "type": "payment_intent.succeeded"}"#, to: market, secret: key)
            #expect(malformed.status == .badRequest)

            // A chargeback freezes what is held: a dispute opened in the client's name.
            let chargeback = Self.event(
                "evt_dispute_1", "charge.dispute.created", object: #"{"id": "dp_1", "object": "dispute", "payment_intent": "\#(intentID)", "reason": "fraudulent"}"#
            )
            #expect(try handling(try await deliver(chargeback, to: market, secret: key)) == "applied")
            #expect(try await fixture.project(as: market.ada)["status"] as? String == "disputed")
            let disputes = try await market.harness.store.sql.raw("SELECT statement, opened_by FROM disputes").all()
            #expect(disputes.count == 1)
            #expect(try disputes.first?.decode(column: "statement", as: String.self).contains("dp_1") == true)
            #expect(try handling(try await deliver(chargeback, to: market, secret: key)) == "replayed")
            #expect(try await market.harness.store.sql.raw("SELECT COUNT(*) AS n FROM disputes").first()?.decode(column: "n", as: Int.self) == 1)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("an hourly week is charged off-session to a card saved with Stripe; Stripe's event about it changes nothing more", arguments: TestDatabase.engines)
    func hourlyWeek(engine: TestDatabase) async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(engine, stripe: stripe.settings) { market in
            let (fixture, ada, _) = try await HourlyBillingTests().workedWeek(market)
            let method = try await stripe.paymentMethod("4242424242424242")
            let saved = try await market.harness.send(.post, "/api/payment-methods", json: #"{"processor_method_id": "\#(method)"}"#, bearer: ada.accessToken)
            #expect(saved.status == .created, "\(saved.text)")
            let paid = try await market.harness.send(
                .post, "/api/projects/\(fixture.projectID)/timesheets/2026-W39/pay", json: "{}", bearer: ada.accessToken, idempotencyKey: UUID().uuidString
            )
            #expect(paid.status == .ok, "\(paid.text)")
            #expect(try paid.json()["status"] as? String == "held")
            let week = try #require(try await WeekPaymentRepository(store: market.harness.store).payments(ofProject: fixture.projectID, for: ada.userID)?.first)
            let intentID = try #require(week.processorPaymentID)
            let intent = try await stripe.object("/v1/payment_intents/\(intentID)")
            #expect(intent["status"] as? String == "succeeded" && intent["amount"] as? Int == 10_300, "two hours at 50 and the 3 % fee")
            let customer = try await ProcessorCustomerRepository(store: market.harness.store).customer(of: ada.userID, at: .stripe)
            #expect(intent["customer"] as? String == customer, "charged as the client's customer")
            let held = try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(.weekEscrow, owner: week.id, currency: .eur))
            let event = Self.event("evt_week_1", "payment_intent.succeeded", object: #"{"id": "\#(intentID)", "object": "payment_intent", "status": "succeeded"}"#)
            #expect(try handling(try await deliver(event, to: market, secret: stripe.server.webhookSecret)) == "recorded")
            #expect(try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(.weekEscrow, owner: week.id, currency: .eur)) == held)
            #expect(held == 10_300)
        }
    }

    @Test("payouts are refused with Stripe (they need Connect), and Stripe out of reach is a 502 that charges nothing")
    func payoutsAndOutage() async throws {
        let stripe = StripeStandIn(server: try await LocalStripeServer())
        try await OrderMarketplace.with(stripe: stripe.settings) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let payout = try await post(market, "/api/payouts", json: #"{"currency": "EUR"}"#, as: market.paula)
            #expect(payout.status == .conflict && payout.text.contains("Stripe Connect"), "\(payout.text)")
            stripe.server.stop()
            let opened = try await post(market, "/api/milestones/\(fixture.milestoneIDs[0])/fund", as: market.ada)
            #expect(opened.status == .badGateway && opened.text.contains("payment processor"), "\(opened.text)")
            #expect(try await escrow(fixture.milestoneIDs[0], in: market) == 0)
        }
    }

    @Test("the local processor refuses a payment method made by Stripe.js")
    func localRefusesStripeMethods() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let opened = try await post(market, "/api/milestones/\(fixture.milestoneIDs[0])/fund", as: market.ada)
            let payment = try #require((try opened.json()["id"] as? NSNumber)?.int64Value)
            let refused = try await post(market, "/api/payments/\(payment)/confirm", json: #"{"processor_method_id": "pm_123"}"#, as: market.ada)
            #expect(refused.status == .unprocessableContent && refused.fieldErrors == ["processor_method_id"])
            let described = try await market.harness.send(.get, "/api/payment-processor", bearer: market.ada.accessToken).json()
            #expect(described["kind"] as? String == "local" && described["script_url"] == nil)
            #expect(try await post(market, "/api/payment-methods/setup", as: market.ada).status == .conflict, "the local checkout sends the card's fields")
            #expect(try await market.harness.send(.post, "/api/webhooks/stripe", json: "{}").status == .notFound, "no webhook without Stripe")
        }
    }
}
