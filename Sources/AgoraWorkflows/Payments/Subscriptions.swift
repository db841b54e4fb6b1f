import AgoraDomain
import AgoraStore
import Foundation

/// Providers' Pro plan, between the store and the payment processor: subscribing charges the first month to a saved
/// card at once; each month after, `run` charges the renewal (off-session, the processor's payment keyed by the
/// invoice, so a retry after a lost answer finds the first), retries a declined one, and ends the subscriptions whose
/// cancellation was asked once their paid month is over. What the service's routes and `SubscriptionJob` call.
public struct Subscriptions: Sendable {
    let repository: SubscriptionRepository
    let methods: PaymentMethodRepository
    let processor: any PaymentProcessor
    let settings: LivePlatformSettings
    let announcer: SubscriptionAnnouncer

    public init(store: Store, processor: any PaymentProcessor, settings: LivePlatformSettings, announcer: SubscriptionAnnouncer) {
        repository = SubscriptionRepository(store: store)
        methods = PaymentMethodRepository(store: store)
        self.processor = processor
        self.settings = settings
        self.announcer = announcer
    }

    /// What Pro costs a month now, before tax.
    public var price: Money { settings.current.proPlan.price }

    /// Subscribes a provider to Pro with one of their saved cards (nil: the default): the first month is charged now.
    /// A declined card is a validation error on `payment_method_id` with its reason, and no subscription begins; a
    /// provider whose subscription is ending with its period resumes it instead, without a charge; one whose first
    /// charge never got an answer (the processor out of reach) has that first month charged again, under the same key.
    public func subscribe(_ userID: Int64, savedMethodID: Int64?, now: Date) async throws -> Subscription {
        let live = try await repository.live(of: userID)
        if let live, live.cancelAtPeriodEnd {
            return try await repository.cancelAtPeriodEnd(false, of: userID, now: now) ?? live
        }
        let card = try await chosenCard(savedMethodID, of: userID)
        let invoice: SubscriptionInvoice
        if let live, live.status == .incomplete, let open = try await repository.openInvoice(of: live.id) {
            invoice = open
        } else {
            invoice = try await repository.begin(userID: userID, price: price, paymentMethodID: savedMethodID, processor: processor.kind, now: now).1
        }
        let subscription = try await charge(invoice, to: card, payer: userID, now: now)
        guard subscription.status == .active else {
            throw ValidationError(field: "payment_method_id", message: (subscription.failure ?? .cardDeclined).message)
        }
        return subscription
    }

    /// Ends the member's subscription with its paid period (nothing is refunded; the perks stay until then).
    public func cancel(_ userID: Int64, now: Date) async throws -> Subscription {
        guard let subscription = try await repository.cancelAtPeriodEnd(true, of: userID, now: now) else {
            throw StatusTransitionError("you are on the Free plan: there is no subscription to cancel")
        }
        return subscription
    }

    /// Ends the cancelled subscriptions whose month is over, then charges the renewals and retries that are due, at
    /// most `limit` of each; the subscriptions charged.
    @discardableResult
    public func run(now: Date, limit: Int) async throws -> [Subscription] {
        _ = try await repository.endCancelled(now: now, limit: limit, announce: announcer.announce)
        var charged: [Subscription] = []
        for (invoice, subscription) in try await repository.due(price: price, now: now, limit: limit) {
            let card = try? await chosenCard(subscription.paymentMethodID, of: subscription.userID)
            guard let card else {
                charged.append(try await repository.recordDeclined(invoice.id, failure: .noSavedCard, now: now, announce: announcer.announce))
                continue
            }
            charged.append(try await charge(invoice, to: card, payer: subscription.userID, now: now))
        }
        return charged
    }

    /// The card a subscription is charged to: the one chosen, or the member's default.
    private func chosenCard(_ savedMethodID: Int64?, of userID: Int64) async throws -> SavedPaymentMethod {
        let card = if let savedMethodID { try await methods.method(savedMethodID, of: userID) } else { try await methods.defaultMethod(of: userID) }
        guard let card, card.processor == processor.kind else {
            throw ValidationError(field: "payment_method_id", message: savedMethodID == nil ? "is needed: save a card first" : "is not one of your saved cards")
        }
        return card
    }

    /// Charges one invoice off-session and records the answer.
    private func charge(_ invoice: SubscriptionInvoice, to card: SavedPaymentMethod, payer: Int64, now: Date) async throws -> Subscription {
        var intentID = invoice.processorPaymentID
        if intentID == nil {
            let created = try await processor.createPayment(
                amount: invoice.total, description: "Pro plan, month \(invoice.period)", idempotencyKey: "subscription-invoice:\(invoice.id)", now: now
            )
            try await repository.attach(invoice.id, processorPaymentID: created.id)
            intentID = created.id
        }
        guard let intentID else { throw StoreError.conflict("the invoice has no processor payment") }
        let answer = try await processor.confirm(intentID, savedMethod: card.processorMethodID, of: payer, now: now)
        if answer.outcome.status == .succeeded {
            return try await repository.recordPaid(invoice.id, card: answer.outcome.card, now: now)
        }
        return try await repository.recordDeclined(invoice.id, failure: answer.outcome.failure ?? .cardDeclined, now: now, announce: announcer.announce)
    }
}

/// What a provider is told about their plan by email: a declined renewal (with the day it is tried again), the
/// return to Free after the last retry, and the end of a cancelled subscription. A first month declined is said at
/// the checkout, not by email.
public struct SubscriptionAnnouncer: Sendable {
    let email: EmailComposer

    public init(email: EmailComposer) { self.email = email }

    @Sendable public func announce(_ event: SubscriptionEvent) throws -> Announcements {
        let subscription = event.subscription
        let reason = (event.failure ?? .cardDeclined).message
        let (subject, message): (String, String)
        switch event.kind {
        case .firstChargeDeclined:
            return .none
        case .renewalDeclined:
            let retry = subscription.nextAttemptAt.map(EmailComposer.moment) ?? "soon"
            (subject, message) = ("Your Pro plan's renewal was declined", "We could not charge this month of your Pro plan: \(reason) We try again on \(retry); your Pro perks stay until then. You can save another card in your money settings.")
        case .downgraded:
            (subject, message) = ("Your plan is back to Free", "The renewal of your Pro plan was declined again after every retry (\(reason)), so your plan is Free from now on. Subscribe again from your money settings whenever you like.")
        case .ended:
            (subject, message) = ("Your Pro plan has ended", "Your Pro plan ended with the month you paid for, as you asked. Your plan is Free from now on; subscribe again whenever you like.")
        }
        return Announcements(emails: [try email.compose("subscription-notice", to: event.recipient.email, values: [
            "first_name": event.recipient.firstName, "subject": subject, "message": message, "money_link": email.baseURL + PagePaths.money,
        ])])
    }
}
