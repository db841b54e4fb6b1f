import AgoraDomain
import AgoraStore
import Foundation

/// The embedded processor: Stripe's object model (payment intents that need a card, may ask for authentication,
/// succeed or are declined; partial refunds) over its own records in the database, with Stripe's test card numbers
/// (`LocalTestCard`). It moves no real money. A succeeded payment settles with the processor `settlementDelay` later.
public struct LocalPaymentProcessor: PaymentProcessor {
    public let kind = PaymentProcessorKind.local
    public let paysOut = true
    let book: LocalProcessorBook
    public static let settlementDelay: TimeInterval = 2 * 86_400

    public init(store: Store) { book = LocalProcessorBook(store: store) }

    public func createPayment(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> ProcessorPayment {
        Self.payment(try await book.create(amount: amount, description: description, idempotencyKey: idempotencyKey, now: now))
    }

    /// No script of its own: the checkout sends the card's fields.
    public let checkoutScript: CheckoutScript? = nil

    public func payment(_ id: String) async throws -> ProcessorPayment { Self.payment(try await existing(id)) }

    public func confirm(_ id: String, card entry: CardEntry, now: Date) async throws -> ProcessorPayment {
        let card = try Self.typed(entry)
        let intent = try await existing(id)
        let step: PaymentStatus.Step
        var failure: PaymentFailure?
        switch LocalTestCard.outcome(for: card) {
        case .succeeds: step = .succeed
        case .requiresAuthentication: step = .requireAuthentication
        case .declined(let reason): step = .decline; failure = reason
        }
        let next = try intent.status.after(step)
        let settles = next == .succeeded ? now.addingTimeInterval(Self.settlementDelay) : nil
        return Self.payment(try await book.move(id, from: intent.status, to: next, card: card.summary, failure: failure, settlesAt: settles, now: now))
    }

    public func authenticate(_ id: String, completed: Bool, now: Date) async throws -> ProcessorPayment {
        let intent = try await existing(id)
        guard intent.status == .requiresAction else { throw StatusTransitionError("a payment that is \(intent.status.label) has no authentication waiting") }
        let next = try intent.status.after(completed ? .succeed : .failAuthentication)
        let settles = next == .succeeded ? now.addingTimeInterval(Self.settlementDelay) : nil
        return Self.payment(try await book.move(
            id, from: intent.status, to: next, card: nil, failure: completed ? nil : .authenticationFailed, settlesAt: settles, now: now
        ))
    }

    public func refund(_ id: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String {
        try await book.refund(id, amount: amount, idempotencyKey: idempotencyKey, now: now)
    }

    /// Every valid IBAN is paid but `LocalTestBankAccount.closed`, which fails as a closed account.
    public func payout(amount: Money, iban: String, idempotencyKey: String, now: Date) async throws -> (id: String, failure: PaymentFailure?) {
        try await book.payout(
            amount: amount, iban: iban, failure: iban == LocalTestBankAccount.closed ? .accountClosed : nil, idempotencyKey: idempotencyKey, now: now
        )
    }

    /// No setup: the checkout sends the card's fields.
    public func cardSetup(for userID: Int64, now: Date) async throws -> String? { nil }

    /// Saves the test cards Stripe's setup would attach (`LocalTestCard.savingRefusal`); a card asking for
    /// authentication is saved without the step (the local processor has no setup page).
    public func savePaymentMethod(card entry: CardEntry, for userID: Int64, idempotencyKey: String, now: Date) async throws -> ProcessorSavedCard {
        let card = try Self.typed(entry)
        if let refusal = LocalTestCard.savingRefusal(for: card) { throw CardRefused(refusal) }
        guard let testCard = LocalTestCard(rawValue: card.number) else { throw CardRefused(.notATestCard) }
        let id = try await book.saveMethod(testCard, idempotencyKey: idempotencyKey, now: now)
        return ProcessorSavedCard(id: id, card: card.summary, expiryMonth: card.expiryMonth, expiryYear: card.expiryYear)
    }

    public func confirm(_ id: String, savedMethod: String, of userID: Int64, now: Date) async throws -> ProcessorPayment {
        let intent = try await existing(id)
        guard let card = try await book.savedCard(savedMethod) else { throw StoreError.notFound("the saved card") }
        let step: PaymentStatus.Step
        var failure: PaymentFailure?
        switch card.savedOutcome {
        case .succeeds, .requiresAuthentication: step = .succeed
        case .declined(let reason): step = .decline; failure = reason
        }
        let next = try intent.status.after(step)
        let settles = next == .succeeded ? now.addingTimeInterval(Self.settlementDelay) : nil
        return Self.payment(try await book.move(id, from: intent.status, to: next, card: card.summary, failure: failure, settlesAt: settles, now: now))
    }

    public func detachPaymentMethod(_ savedMethod: String, now: Date) async throws {
        try await book.detachMethod(savedMethod, now: now)
    }

    /// The card's fields: a payment method made by another processor's script means nothing here.
    private static func typed(_ entry: CardEntry) throws -> PaymentCard {
        switch entry {
        case .typed(let card): return card
        case .processorMethod: throw ValidationError(field: entry.field, message: "is for a processor's own card form; this platform's checkout takes the card's fields")
        }
    }

    private func existing(_ id: String) async throws -> LocalProcessorBook.Intent {
        guard let intent = try await book.intent(id) else { throw StoreError.notFound("the payment intent") }
        return intent
    }

    private static func payment(_ intent: LocalProcessorBook.Intent) -> ProcessorPayment {
        let card = intent.cardBrand.flatMap { brand in intent.cardLastFour.map { CardSummary(brand: brand, lastFour: $0) } }
        return ProcessorPayment(
            id: intent.id,
            outcome: PaymentRepository.Outcome(status: intent.status, card: card, failure: intent.failure),
            clientSecret: nil
        )
    }
}
