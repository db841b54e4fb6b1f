import AgoraDomain
import AgoraStore
import Foundation

/// Paying providers out, between the store and the processor: a payout is decided in the store (out of the available
/// money), sent by the processor under a key made from the payout, then recorded paid, or failed and given back.
/// What the service's route and the payout job call.
public struct Payouts: Sendable {
    let repository: PayoutRepository
    let processor: any PaymentProcessor
    let settings: LivePlatformSettings

    public init(store: Store, processor: any PaymentProcessor, settings: LivePlatformSettings) {
        repository = PayoutRepository(store: store)
        self.processor = processor
        self.settings = settings
    }

    /// Whether providers can be paid out with the processor the platform runs.
    public var offered: Bool { processor.paysOut }

    static let notOffered = StatusTransitionError("payouts are not offered with this payment processor (Stripe payouts need Stripe Connect)")

    /// The days of the security hold, as the settings say now.
    public var holdDays: Int { settings.current.number(.paymentsSecurityHoldDays) }

    /// Pays out everything available in `currency`.
    public func payOut(providerID: Int64, currency: CurrencyCode, now: Date) async throws -> Payout {
        guard processor.paysOut else { throw Self.notOffered }
        let (payout, iban) = try await repository.request(
            providerID: providerID, currency: currency, holdDays: holdDays, minimumMajor: Int64(settings.current.number(.paymentsMinimumPayout)), now: now
        )
        return try await send(payout, to: iban, now: now)
    }

    /// Sends a decided payout through the processor and records its answer.
    public func send(_ payout: Payout, to iban: String, now: Date) async throws -> Payout {
        let answer = try await processor.payout(amount: payout.amount, iban: iban, idempotencyKey: "payout:\(payout.id)", now: now)
        if let failure = answer.failure {
            return try await repository.failed(payout.id, processorPayoutID: answer.id, failure: failure, now: now)
        }
        return try await repository.paid(payout.id, processorPayoutID: answer.id, now: now)
    }
}
