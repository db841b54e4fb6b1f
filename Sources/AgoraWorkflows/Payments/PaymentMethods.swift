import AgoraDomain
import AgoraStore
import Foundation

/// Members' saved cards, between the store and the payment processor: a card is saved with the processor first,
/// then recorded; a removed card is marked first, then detached at the processor.
public struct PaymentMethods: Sendable {
    let repository: PaymentMethodRepository
    let processor: any PaymentProcessor

    public init(store: Store, processor: any PaymentProcessor) {
        repository = PaymentMethodRepository(store: store)
        self.processor = processor
    }

    /// Saves `card` for the member (the default when asked, or when it is their first). A card the processor will
    /// not save is a validation error on its field, with the processor's reason.
    public func add(_ card: CardEntry, for userID: Int64, makeDefault: Bool, now: Date) async throws -> SavedPaymentMethod {
        let saved: ProcessorSavedCard
        do {
            saved = try await processor.savePaymentMethod(card: card, for: userID, idempotencyKey: "payment-method:\(userID):\(UUID().uuidString)", now: now)
        } catch let refused as CardRefused {
            throw ValidationError(field: card.field, message: refused.failure.message)
        }
        return try await repository.add(
            userID: userID, processor: processor.kind, processorMethodID: saved.id, card: saved.card, expiryMonth: saved.expiryMonth,
            expiryYear: saved.expiryYear, makeDefault: makeDefault, now: now
        )
    }

    /// A card setup for the member's next card, for the processor's own script; a processor that takes the card's
    /// fields has none to give.
    public func setup(for userID: Int64, now: Date) async throws -> String {
        guard let secret = try await processor.cardSetup(for: userID, now: now) else {
            throw StatusTransitionError("the platform's processor takes the card's fields: there is no card setup to confirm")
        }
        return secret
    }

    /// Removes one of the member's cards; nil when it is not theirs.
    public func remove(_ id: Int64, of userID: Int64, now: Date) async throws -> SavedPaymentMethod? {
        guard let removed = try await repository.remove(id, of: userID, now: now) else { return nil }
        try await processor.detachPaymentMethod(removed.processorMethodID, now: now)
        return removed
    }
}
