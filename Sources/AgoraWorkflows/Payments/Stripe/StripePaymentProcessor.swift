import AgoraDomain
import AgoraStore
import Foundation

/// Stripe as the platform's processor: a payment intent per payment (automatic capture), cards taken by Stripe.js in
/// the browser and handed to the service as payment methods (`pm_…`, never a card number), saved cards attached to
/// each member's Stripe customer and charged off-session, refunds against the payment intent. Every create carries
/// the platform's idempotency key as Stripe's `Idempotency-Key`. What Stripe reports later arrives as webhook events
/// (`StripeWebhook`, `ProcessorEvents`).
///
/// Payouts to providers need Stripe Connect, which is not offered: with Stripe, `paysOut` is false.
public struct StripePaymentProcessor: PaymentProcessor {
    public let kind = PaymentProcessorKind.stripe
    public let paysOut = false
    let client: StripeClient
    let customers: ProcessorCustomerRepository

    public init(settings: StripeSettings, store: Store) {
        client = StripeClient(settings: settings)
        customers = ProcessorCustomerRepository(store: store)
    }

    /// Stripe.js, with the origins Stripe documents for its Content-Security-Policy (its script and frames, its API,
    /// the frames of card authentication), or a stand-in's own origins.
    public var checkoutScript: CheckoutScript? {
        let settings = client.settings
        var origins = [settings.scriptURL, settings.apiURL].compactMap(Self.origin)
        if settings.scriptURL == StripeSettings.stripeScript { origins.append("https://hooks.stripe.com") }
        let distinct = origins.reduce(into: [String]()) { kept, origin in if !kept.contains(origin) { kept.append(origin) } }
        return CheckoutScript(url: settings.scriptURL, publishableKey: settings.publishableKey, origins: distinct)
    }

    private static func origin(_ url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme, let host = components.host else { return nil }
        return "\(scheme)://\(host)" + (components.port.map { ":\($0)" } ?? "")
    }

    public func createPayment(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> ProcessorPayment {
        let intent = try await client.post(
            "/v1/payment_intents",
            [
                ("amount", String(amount.minorUnits)), ("currency", amount.currency.code.lowercased()), ("capture_method", "automatic"),
                ("payment_method_types[0]", "card"), ("metadata[description]", description), ("metadata[agora_key]", idempotencyKey),
            ],
            idempotencyKey: idempotencyKey, as: StripeObjects.PaymentIntent.self
        )
        return try Self.payment(intent, card: nil)
    }

    public func confirm(_ id: String, card entry: CardEntry, now: Date) async throws -> ProcessorPayment {
        guard case .processorMethod(let methodID) = entry else {
            throw ValidationError(field: entry.field, message: "is not taken: with Stripe, cards are entered in Stripe's own form (send processor_method_id)")
        }
        let method = try await paymentMethod(methodID, field: entry.field)
        return try await confirm(id, with: [("payment_method", method.id)], card: method.summary)
    }

    /// Stripe.js ran the authentication step with Stripe: whatever the browser says, Stripe's payment intent is the answer.
    public func authenticate(_ id: String, completed: Bool, now: Date) async throws -> ProcessorPayment {
        try await payment(id)
    }

    public func payment(_ id: String) async throws -> ProcessorPayment {
        let intent = try await client.get("/v1/payment_intents/\(Self.escaped(id))", as: StripeObjects.PaymentIntent.self)
        var card: CardSummary?
        if let methodID = intent.paymentMethod {
            card = try? await client.get("/v1/payment_methods/\(Self.escaped(methodID))", as: StripeObjects.PaymentMethod.self).summary
        }
        return try Self.payment(intent, card: card)
    }

    public func refund(_ id: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String {
        try await client.post(
            "/v1/refunds", [("payment_intent", id), ("amount", String(amount.minorUnits))], idempotencyKey: idempotencyKey, as: StripeObjects.Identified.self
        ).id
    }

    public func payout(amount: Money, iban: String, idempotencyKey: String, now: Date) async throws -> (id: String, failure: PaymentFailure?) {
        throw StatusTransitionError("payouts through Stripe need Stripe Connect, which this platform does not offer")
    }

    /// A setup intent for the member's customer: Stripe.js confirms the card with it (and runs its authentication
    /// step), then the service saves the payment method it made.
    public func cardSetup(for userID: Int64, now: Date) async throws -> String? {
        let customer = try await customer(of: userID, now: now)
        let setup = try await client.post(
            "/v1/setup_intents", [("customer", customer), ("usage", "off_session"), ("payment_method_types[0]", "card")],
            idempotencyKey: "setup:\(userID):\(UUID().uuidString)", as: StripeObjects.SetupIntent.self
        )
        return setup.clientSecret
    }

    public func savePaymentMethod(card entry: CardEntry, for userID: Int64, idempotencyKey: String, now: Date) async throws -> ProcessorSavedCard {
        guard case .processorMethod(let methodID) = entry else {
            throw ValidationError(field: entry.field, message: "is not taken: with Stripe, cards are entered in Stripe's own form (send processor_method_id)")
        }
        let customer = try await customer(of: userID, now: now)
        let attached: StripeObjects.PaymentMethod
        do {
            attached = try await client.post(
                "/v1/payment_methods/\(Self.escaped(methodID))/attach", [("customer", customer)], idempotencyKey: idempotencyKey,
                as: StripeObjects.PaymentMethod.self
            )
        } catch let refusal as StripeRefusal where refusal.status == 402 {
            throw CardRefused(StripeObjects.failure(code: refusal.code))
        } catch let refusal as StripeRefusal where refusal.status == 404 {
            throw ValidationError(field: entry.field, message: "is not a payment method Stripe knows")
        }
        guard let card = attached.card, let summary = attached.summary else {
            throw ValidationError(field: entry.field, message: "must be a card")
        }
        return ProcessorSavedCard(id: attached.id, card: summary, expiryMonth: card.expMonth, expiryYear: card.expYear)
    }

    public func confirm(_ id: String, savedMethod: String, of userID: Int64, now: Date) async throws -> ProcessorPayment {
        guard let customer = try await customers.customer(of: userID, at: kind) else {
            throw StoreError.conflict("the card was saved with another processor; save it again")
        }
        let method = try await paymentMethod(savedMethod, field: "payment_method_id")
        return try await confirm(id, with: [("payment_method", method.id), ("customer", customer)], card: method.summary)
    }

    public func detachPaymentMethod(_ savedMethod: String, now: Date) async throws {
        _ = try await client.post("/v1/payment_methods/\(Self.escaped(savedMethod))/detach", as: StripeObjects.Identified.self)
    }

    /// Sets the payment method (and customer) on the payment intent, confirms it, and reads where it stands: a
    /// declined card is Stripe's 402, after which the intent holds the reason.
    private func confirm(_ id: String, with fields: [(String, String)], card: CardSummary?) async throws -> ProcessorPayment {
        let path = "/v1/payment_intents/\(Self.escaped(id))"
        _ = try await client.post(path, fields, as: StripeObjects.PaymentIntent.self)
        do {
            _ = try await client.post(path + "/confirm", as: StripeObjects.PaymentIntent.self)
        } catch let refusal as StripeRefusal where refusal.status == 402 {
            // The card was declined: the intent, read next, says so.
        }
        return try Self.payment(try await client.get(path, as: StripeObjects.PaymentIntent.self), card: card)
    }

    private func paymentMethod(_ id: String, field: String) async throws -> StripeObjects.PaymentMethod {
        do {
            return try await client.get("/v1/payment_methods/\(Self.escaped(id))", as: StripeObjects.PaymentMethod.self)
        } catch let refusal as StripeRefusal where refusal.status == 404 {
            throw ValidationError(field: field, message: "is not a payment method Stripe knows")
        }
    }

    /// The member's Stripe customer, made (once, under a key of the member) the first time they save a card.
    private func customer(of userID: Int64, now: Date) async throws -> String {
        if let known = try await customers.customer(of: userID, at: kind) { return known }
        var fields = [("metadata[user_id]", String(userID))]
        if let email = try await customers.email(of: userID) { fields.append(("email", email)) }
        let made = try await client.post("/v1/customers", fields, idempotencyKey: "customer:\(userID)", as: StripeObjects.Identified.self)
        return try await customers.record(made.id, of: userID, at: kind, now: now)
    }

    private static func payment(_ intent: StripeObjects.PaymentIntent, card: CardSummary?) throws -> ProcessorPayment {
        ProcessorPayment(id: intent.id, outcome: try intent.outcome(card: card), clientSecret: intent.clientSecret)
    }

    /// An id in a URL path: Stripe's ids are letters, digits and `_`; anything else is escaped, never interpreted.
    private static func escaped(_ id: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert("_")
        return id.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
