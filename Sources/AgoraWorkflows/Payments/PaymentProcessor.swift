import AgoraDomain
import AgoraStore
import Foundation

/// A processor's view of one payment (Stripe's payment intent): its id, where it stands, and the secret a browser
/// needs to finish it with the processor's own script, when the processor has one.
public struct ProcessorPayment: Sendable, Hashable {
    public let id: String
    public let outcome: PaymentRepository.Outcome
    public let clientSecret: String?

    public init(id: String, outcome: PaymentRepository.Outcome, clientSecret: String?) {
        self.id = id
        self.outcome = outcome
        self.clientSecret = clientSecret
    }
}

/// What the platform asks of a payment processor. The local processor is the embedded default; the Stripe one
/// speaks to Stripe's API. Every call that creates something carries an idempotency key, so a retry after a lost
/// answer finds what the first call made.
public protocol PaymentProcessor: Sendable {
    var kind: PaymentProcessorKind { get }
    /// The script the checkout takes cards with, when the processor has its own (nil: the platform's card fields).
    var checkoutScript: CheckoutScript? { get }
    /// Creates (or, with the same key, finds) the processor's payment of `amount`.
    func createPayment(amount: Money, description: String, idempotencyKey: String, now: Date) async throws -> ProcessorPayment
    /// The processor's payment as it stands now.
    func payment(_ id: String) async throws -> ProcessorPayment
    /// Confirms it with a card the payer entered at the checkout. An entry this processor does not take is a
    /// `ValidationError` on its field.
    func confirm(_ id: String, card: CardEntry, now: Date) async throws -> ProcessorPayment
    /// The answer to the card's authentication step (3-D Secure): on the local processor's page the payer says
    /// whether it was `completed`; a processor that runs the step in its own script is asked where the payment stands.
    func authenticate(_ id: String, completed: Bool, now: Date) async throws -> ProcessorPayment
    /// Pays `amount` of a succeeded payment back to the card; returns the processor's refund id.
    func refund(_ id: String, amount: Money, idempotencyKey: String, now: Date) async throws -> String
    /// Whether `payout` sends money to providers' bank accounts with this processor.
    var paysOut: Bool { get }
    /// Sends `amount` to a bank account: the processor's payout id, and the failure that sent it back, if it failed.
    func payout(amount: Money, iban: String, idempotencyKey: String, now: Date) async throws -> (id: String, failure: PaymentFailure?)
    /// The client secret of a card setup the processor's own script confirms a new card with (Stripe's setup
    /// intent), before the card is saved or paid with; nil for a processor whose checkout sends the card's fields.
    func cardSetup(for userID: Int64, now: Date) async throws -> String?
    /// Saves a member's card for later charges (Stripe: a payment method attached to the member's customer). A card
    /// the processor will not save throws `CardRefused`.
    func savePaymentMethod(card: CardEntry, for userID: Int64, idempotencyKey: String, now: Date) async throws -> ProcessorSavedCard
    /// Confirms a payment with a member's saved card, without its holder at hand (Stripe's off-session charge).
    func confirm(_ id: String, savedMethod: String, of userID: Int64, now: Date) async throws -> ProcessorPayment
    /// Detaches a saved card: it can no longer be charged.
    func detachPaymentMethod(_ savedMethod: String, now: Date) async throws
}

/// A card the processor would not save, and why.
public struct CardRefused: Error, Sendable, Hashable {
    public let failure: PaymentFailure

    public init(_ failure: PaymentFailure) { self.failure = failure }
}

/// A processor that could not be reached, or answered what the platform cannot read: nothing the payer did wrong.
public struct ProcessorUnavailable: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
