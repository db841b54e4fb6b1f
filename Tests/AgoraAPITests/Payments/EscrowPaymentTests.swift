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

@Suite("Escrow payments")
struct EscrowPaymentTests {
    /// The balance of a ledger account, in minor units of euros.
    func balance(_ kind: LedgerAccountKind, owner: Int64 = 0, in market: OrderMarketplace) async throws -> Int64 {
        try await Ledger(store: market.harness.store).balance(of: LedgerAccountKey(kind, owner: owner, currency: .eur))
    }

    func send(_ market: OrderMarketplace, _ path: String, json: String? = nil, as member: SignIn, key: String? = UUID().uuidString) async throws -> TestResponse {
        try await market.harness.send(.post, path, json: json, bearer: member.accessToken, idempotencyKey: key)
    }

    func open(_ fixture: ProjectFixture, _ milestoneID: Int64) async throws -> Int64 {
        let opened = try await send(fixture.market, "/api/milestones/\(milestoneID)/fund", as: fixture.market.ada)
        try #require(opened.status == .created, "\(opened.text)")
        return try #require((try opened.json()["id"] as? NSNumber)?.int64Value)
    }

    @Test("the client funds a milestone by card: the amount and the 3 % fee go from processor clearing into its escrow, and the provider may start", arguments: TestDatabase.engines)
    func funding(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await send(market, "/api/milestones/\(design)/fund", as: market.paula).status == .conflict, "the client funds")
            #expect(try await send(market, "/api/milestones/\(design)/fund", as: market.seeded).status == .notFound)
            let payment = try await open(fixture, design)
            let shown = try await market.harness.send(.get, "/api/payments/\(payment)", bearer: market.ada.accessToken).json()
            #expect(shown["status"] as? String == "requires_payment_method")
            #expect((shown["total"] as? [String: Any])?["amount_minor"] as? Int == 61_800 && (shown["client_fee"] as? [String: Any])?["amount_minor"] as? Int == 1_800)
            #expect(try await open(fixture, design) == payment, "funding again finds the payment waiting")

            let confirmed = try await send(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("4242 4242 4242 4242"), as: market.ada)
            #expect(confirmed.status == .ok, "\(confirmed.text)")
            let body = try confirmed.json()
            #expect(body["status"] as? String == "succeeded")
            #expect((body["card"] as? [String: Any])?["last_four"] as? String == "4242")
            #expect(!confirmed.text.contains("4242424242424242"), "the number is never sent back")
            #expect(try await fixture.milestone(design, as: market.paula)["status"] as? String == "funded")
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800)
            #expect(try await balance(.processorClearing, in: market) == -61_800)
            #expect(try await market.harness.emails(to: "paula@example.com").contains { $0.subject.contains("Funded") })
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)

            // Nobody else sees the payment; both members list it.
            #expect(try await market.harness.send(.get, "/api/payments/\(payment)", bearer: market.seeded.accessToken).status == .notFound)
            for member in [market.ada, market.paula] {
                let list = try await market.harness.send(.get, "/api/payments", bearer: member.accessToken).json()
                #expect((list["payments"] as? [[String: Any]])?.count == 1)
            }
            #expect(((try await market.harness.send(.get, "/api/payments", bearer: market.seeded.accessToken).json())["payments"] as? [Any])?.isEmpty == true)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("declined cards leave the payment open for another; a card asking for authentication waits for it, and a failed one is declined", arguments: TestDatabase.engines)
    func declinesAndAuthentication(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let payment = try await open(fixture, design)
            let confirm = "/api/payments/\(payment)/confirm"
            let bad = try await send(market, confirm, json: #"{"number": "4242424242424241", "expiry_month": 13, "expiry_year": 2034, "security_code": "1"}"#, as: market.ada)
            #expect(bad.status == .unprocessableContent && bad.fieldErrors == ["number", "expiry_month", "security_code"])
            let mistyped = try await send(market, confirm, json: #"{"number": 4242424242424242, "expiry_month": "12", "cvc": "123"}"#, as: market.ada)
            #expect(mistyped.status == .unprocessableContent && mistyped.fieldErrors == ["cvc"], "an unknown field is named first")
            let typed = try await send(market, confirm, json: #"{"number": 4242424242424242, "expiry_month": "12", "expiry_year": 1e30, "security_code": "123"}"#, as: market.ada)
            #expect(typed.status == .unprocessableContent && Set(typed.fieldErrors) == ["number", "expiry_month", "expiry_year"])
            for (card, code) in [("4000000000000002", "card_declined"), ("4000000000009995", "insufficient_funds"), ("4012888888881881", "not_a_test_card")] {
                let declined = try await send(market, confirm, json: ProjectFixture.card(card), as: market.ada).json()
                #expect(declined["status"] as? String == "requires_payment_method" && (declined["failure"] as? [String: Any])?["code"] as? String == code)
            }
            #expect(try await send(market, confirm, json: ProjectFixture.card("4242424242424242"), as: market.seeded).status == .notFound)

            let asked = try await send(market, confirm, json: ProjectFixture.card("4000002500003155"), as: market.ada).json()
            #expect(asked["status"] as? String == "requires_action")
            #expect((asked["next_action"] as? [String: Any])?["url"] as? String == "/payments/authenticate/?payment=\(payment)")
            #expect(try await send(market, confirm, json: ProjectFixture.card("4242424242424242"), as: market.ada).status == .conflict, "it waits for the authentication")
            let authenticate = "/api/payments/\(payment)/authenticate"
            #expect(try await send(market, authenticate, json: "{}", as: market.ada).fieldErrors == ["completed"])
            #expect(try await send(market, authenticate, json: #"{"completed": true}"#, as: market.paula).status == .conflict, "only the payer")
            let failed = try await send(market, authenticate, json: #"{"completed": false}"#, as: market.ada).json()
            #expect(failed["status"] as? String == "requires_payment_method" && (failed["failure"] as? [String: Any])?["code"] as? String == "authentication_failed")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "pending")
            #expect(try await balance(.escrow, owner: design, in: market) == 0, "no money moved for a declined card")

            _ = try await send(market, confirm, json: ProjectFixture.card("4000002500003155"), as: market.ada)
            let paid = try await send(market, authenticate, json: #"{"completed": true}"#, as: market.ada).json()
            #expect(paid["status"] as? String == "succeeded")
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "funded")
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800)
        }
    }

    @Test("Idempotency-Key: required; the same request answers the first answer again with no second effect; another request with it is refused")
    func idempotency() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let missing = try await send(market, "/api/milestones/\(design)/fund", as: market.ada, key: nil)
            #expect(missing.status == .badRequest && missing.text.contains("idempotency-key-required") && missing.fieldErrors == ["Idempotency-Key"])
            #expect(try await send(market, "/api/milestones/\(design)/fund", as: market.ada, key: "has space").status == .badRequest)
            let payment = try await open(fixture, design)
            let card = ProjectFixture.card("4242424242424242")
            let first = try await send(market, "/api/payments/\(payment)/confirm", json: card, as: market.ada, key: "confirm-1")
            let again = try await send(market, "/api/payments/\(payment)/confirm", json: card, as: market.ada, key: "confirm-1")
            #expect(first.status == .ok && again.status == .ok && again.text == first.text)
            #expect(again.headers[HTTPField.Name("Idempotent-Replayed")!] == "true")
            let other = try await send(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("5555555555554444"), as: market.ada, key: "confirm-1")
            #expect(other.status == .conflict && other.text.contains("idempotency-key-reused"))
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800, "funded once")

            // A release retried with its key moves the money once.
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            for _ in 0..<2 {
                #expect(try await send(market, "/api/milestones/\(design)/release", json: #"{"amount": "100"}"#, as: market.ada, key: "release-1").status == .ok)
            }
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 8_000)
            // A request that failed gives its key back.
            #expect(try await send(market, "/api/milestones/\(design)/release", json: #"{"amount": "100000"}"#, as: market.ada, key: "release-2").status == .unprocessableContent)
            #expect(try await send(market, "/api/milestones/\(design)/release", json: #"{"amount": "50"}"#, as: market.ada, key: "release-2").status == .ok)

            // The hourly clean-up forgets the answers after a day.
            let kept = "SELECT COUNT(*) AS n FROM idempotent_requests"
            #expect(try await market.harness.store.sql.raw(SQLQueryString(kept)).first()?.decode(column: "n", as: Int.self) ?? 0 > 0)
            market.harness.clock.advance(by: IdempotentRequestLog.retention + 60)
            try await AccountCleanupJob(store: market.harness.store, clock: market.harness.clock).runOnce()
            #expect(try await market.harness.store.sql.raw(SQLQueryString(kept)).first()?.decode(column: "n", as: Int.self) == 0)
        }
    }

    @Test("part released, part refunded by the provider, the rest released on approval: every account adds up and the ledger verifies", arguments: TestDatabase.engines)
    func releaseAndRefund(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let payment = try await open(fixture, design)
            #expect(try await send(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("4242424242424242"), as: market.ada).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)

            let release = "/api/milestones/\(design)/release"
            #expect(try await send(market, release, json: #"{"amount": "200"}"#, as: market.paula).status == .conflict, "the client releases")
            #expect(try await send(market, release, json: #"{"amount": "200"}"#, as: market.seeded).status == .notFound)
            #expect(try await send(market, release, json: #"{"amount": "-5"}"#, as: market.ada).fieldErrors == ["amount"])
            #expect(try await send(market, release, json: #"{"amount": "200"}"#, as: market.ada).status == .ok)
            // 200 released: 40 commission (20 % of the first 500 billed), 6 of the 18 fee.
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 16_000)
            #expect(try await balance(.platformRevenue, in: market) == 4_600)
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800 - 20_600)

            let refunds = "/api/payments/\(payment)/refunds"
            #expect(try await send(market, refunds, json: #"{"amount": "100", "reason": "The mobile layouts are left out."}"#, as: market.ada).status == .conflict, "the client opens a dispute instead")
            #expect(try await send(market, refunds, json: #"{"amount": "100"}"#, as: market.paula).fieldErrors == ["reason"])
            let refunded = try await send(market, refunds, json: #"{"amount": "100", "reason": "The mobile layouts are left out."}"#, as: market.paula)
            #expect(refunded.status == .created, "\(refunded.text)")
            let refund = try refunded.json()
            #expect(refund["status"] as? String == "succeeded" && (refund["total"] as? [String: Any])?["amount_minor"] as? Int == 10_300)
            #expect(try await balance(.refunds, owner: market.ada.userID, in: market) == 0, "paid back through the processor")
            #expect(try await balance(.processorClearing, in: market) == -61_800 + 10_300)
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "in_progress", "work goes on")

            #expect(try await fixture.step("submit", design, as: market.paula, note: "Done.").status == .ok)
            #expect(try await fixture.step("approve", design, as: market.ada).status == .ok)
            // The remaining 300: 60 commission (the billings are 200 before it), 9 of the fee.
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            #expect(try await balance(.providerPayable, owner: market.paula.userID, in: market) == 16_000 + 24_000)
            #expect(try await balance(.platformRevenue, in: market) == 4_600 + 6_900)
            #expect(try await fixture.activityKinds().suffix(4) == ["escrow.refunded", "milestone.submitted", "milestone.approved", "escrow.released"])
            #expect(try await send(market, refunds, json: #"{"reason": "Nothing left to give back."}"#, as: market.paula).status == .conflict)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("the provider refunds all of a milestone not started: it is unfunded again, the client's fee returned with it, and can be funded anew")
    func fullRefund() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            let payment = try await PaymentRepository(store: market.harness.store).payments(for: market.ada.userID, limit: 1)[0]
            let refunded = try await send(market, "/api/payments/\(payment.id)/refunds", json: #"{"reason": "I cannot start before March."}"#, as: market.paula)
            #expect(refunded.status == .created)
            #expect((try refunded.json()["total"] as? [String: Any])?["amount_minor"] as? Int == 61_800)
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "pending")
            #expect(try await balance(.processorClearing, in: market) == 0)
            #expect(try await market.harness.emails(to: "ada@example.com").contains { $0.subject.contains("Refund") })
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.milestone(design, as: market.ada)["status"] as? String == "funded")
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("a card the processor takes after the project was cancelled is refunded in full and the payment cancelled; nothing enters escrow")
    func paidTooLate() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let payment = try await open(fixture, design)
            let path = "/api/projects/\(fixture.projectID)/cancel"
            #expect(try await market.harness.send(.post, path, json: #"{"reason": "Our bakery is closing for the winter."}"#, bearer: market.ada.accessToken).status == .ok)
            #expect(try await market.harness.send(.post, path, json: "{}", bearer: market.paula.accessToken).status == .ok)
            let late = try await send(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("4242424242424242"), as: market.ada)
            #expect(late.status == .conflict && late.text.contains("refunded in full"), "\(late.text)")
            let shown = try await market.harness.send(.get, "/api/payments/\(payment)", bearer: market.ada.accessToken).json()
            #expect(shown["status"] as? String == "canceled")
            let processorID = try #require(try await PaymentRepository(store: market.harness.store).processorPaymentID(of: payment))
            let intent = try #require(try await LocalProcessorBook(store: market.harness.store).intent(processorID))
            #expect(intent.status == .succeeded && intent.refunded == intent.amount)
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            #expect(try await balance(.processorClearing, in: market) == 0)
        }
    }

    @Test("a project cancelled by agreement refunds all that is held; the job pays the refunds back, once", arguments: TestDatabase.engines)
    func cancellationRefunds(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let (design, launch) = (fixture.milestoneIDs[0], fixture.milestoneIDs[1])
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await fixture.fund(launch).status == .ok)
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)
            #expect(try await send(market, "/api/milestones/\(design)/release", json: #"{"amount": "100"}"#, as: market.ada).status == .ok)

            let path = "/api/projects/\(fixture.projectID)/cancel"
            #expect(try await market.harness.send(.post, path, json: #"{"reason": "Our bakery is closing for the winter."}"#, bearer: market.ada.accessToken).status == .ok)
            #expect(try await market.harness.send(.post, path, json: "{}", bearer: market.paula.accessToken).status == .ok)
            // 500 of Design and its 15 of fee, all 1,200 of Launch and its 36: decided, waiting for the processor.
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            #expect(try await balance(.escrow, owner: launch, in: market) == 0)
            #expect(try await balance(.refunds, owner: market.ada.userID, in: market) == 51_500 + 123_600)
            #expect(try await fixture.activityKinds().filter { $0 == "escrow.refunded" }.count == 2)

            let job = PendingRefundJob(store: market.harness.store, processor: LocalPaymentProcessor(store: market.harness.store), clock: market.harness.clock)
            #expect(try await job.runOnce() == 2)
            #expect(try await job.runOnce() == 0, "paid once")
            #expect(try await balance(.refunds, owner: market.ada.userID, in: market) == 0)
            #expect(try await balance(.processorClearing, in: market) == -10_300, "only the released 100 and its fee share stayed")
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }

    @Test("racing: confirms of one payment with different keys fund it once; releases and refunds at once never take more than is held", arguments: TestDatabase.engines)
    func races(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            let payment = try await open(fixture, design)
            let confirms = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<6 {
                    group.addTask { try await send(market, "/api/payments/\(payment)/confirm", json: ProjectFixture.card("4242424242424242"), as: market.ada).status }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(confirms.contains(.ok) && confirms.allSatisfy { $0 == .ok || $0 == .conflict }, "\(confirms)")
            #expect(try await balance(.escrow, owner: design, in: market) == 61_800, "funded once")
            #expect(try await fixture.step("start", design, as: market.paula).status == .ok)

            // Four releases of 150 and four refunds of 150 race for 600: what moved is at most what was held.
            let moves = try await withThrowingTaskGroup(of: (Bool, HTTPResponse.Status).self) { group in
                for index in 0..<8 {
                    group.addTask {
                        index % 2 == 0
                            ? (true, try await send(market, "/api/milestones/\(design)/release", json: #"{"amount": "150"}"#, as: market.ada).status)
                            : (false, try await send(market, "/api/payments/\(payment)/refunds", json: #"{"amount": "150", "reason": "Part of the work is dropped."}"#, as: market.paula).status)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let succeeded = moves.filter { $0.1 == .ok || $0.1 == .created }.count
            #expect(succeeded == 4, "\(moves)")
            #expect(moves.allSatisfy { [.ok, .created, .conflict, .unprocessableContent].contains($0.1) }, "\(moves)")
            #expect(try await balance(.escrow, owner: design, in: market) == 0)
            let milestone = try await fixture.milestone(design, as: market.ada)
            let escrow = try #require(milestone["escrow"] as? [String: Any])
            let released = (escrow["released"] as? [String: Any])?["amount_minor"] as? Int ?? -1
            let refunded = (escrow["refunded"] as? [String: Any])?["amount_minor"] as? Int ?? -1
            #expect(released + refunded == 60_000)
            #expect(try await Ledger(store: market.harness.store).verify().problems == [])
        }
    }
}

/// The local processor, except that it refuses every refund: a processor outage, which the real local processor
/// cannot be made to have.
private struct RefundRefusingProcessor: PaymentProcessor {
    let local: LocalPaymentProcessor
    var kind: PaymentProcessorKind { local.kind }
    var checkoutScript: CheckoutScript? { nil }
    var paysOut: Bool { true }

    struct Outage: Error {}

    func createPayment(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> ProcessorPayment {
        try await local.createPayment(amount: amount, description: description, idempotencyKey: idempotencyKey, now: now)
    }

    func confirm(_ id: String, card: CardEntry, now: Date) async throws -> ProcessorPayment { try await local.confirm(id, card: card, now: now) }

    func authenticate(_ id: String, completed: Bool, now: Date) async throws -> ProcessorPayment {
        try await local.authenticate(id, completed: completed, now: now)
    }

    func payment(_ id: String) async throws -> ProcessorPayment { try await local.payment(id) }

    func refund(_ id: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String { throw Outage() }

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

@Suite("Refunds during a processor outage")
struct RefundOutageTests {
    @Test("a refund the processor does not take now is answered pending, out of escrow; the job pays it back once the processor is back")
    func outage() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            #expect(try await fixture.fund(fixture.milestoneIDs[0]).status == .ok)
            let store = market.harness.store
            let payment = try #require(try await PaymentRepository(store: store).payments(for: market.ada.userID, limit: 1).first)
            let local = LocalPaymentProcessor(store: store)
            let down = EscrowPayments(store: store, processor: RefundRefusingProcessor(local: local), announcer: ProjectAnnouncer(email: market.harness.composer))
            let refund = try await down.refund(payment.id, part: nil, reason: "I cannot start before March.", by: market.paula.userID, requestKey: "r-1", now: market.harness.clock.now)
            #expect(refund.status == .pending && refund.total.minorUnits == 61_800)
            let ledger = Ledger(store: store)
            #expect(try await ledger.balance(of: LedgerAccountKey(.refunds, owner: market.ada.userID, currency: .eur)) == 61_800)
            #expect(try await PendingRefundJob(store: store, processor: local, clock: market.harness.clock).runOnce() == 1)
            #expect(try await ledger.balance(of: LedgerAccountKey(.refunds, owner: market.ada.userID, currency: .eur)) == 0)
            #expect(try await ledger.verify().problems == [])
        }
    }
}
