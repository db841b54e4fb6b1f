import AgoraDomain
import AgoraStore
import Foundation

/// Funding milestones and refunding them, between the store and a payment processor: what the service's routes
/// (and later the workers) call. Each processor call carries a key made from the platform's own record, so a retry
/// after a lost answer finds what the first call made.
public struct EscrowPayments: Sendable {
    let payments: PaymentRepository
    let escrow: EscrowRepository
    let disputes: DisputeRepository
    let processor: any PaymentProcessor
    let announcer: ProjectAnnouncer
    let store: Store

    public init(store: Store, processor: any PaymentProcessor, announcer: ProjectAnnouncer) {
        self.store = store
        payments = PaymentRepository(store: store)
        escrow = EscrowRepository(store: store)
        disputes = DisputeRepository(store: store)
        self.processor = processor
        self.announcer = announcer
    }

    /// Opens the payment that funds a milestone, with the processor's payment behind it (the one made before, when the
    /// payment was waiting already).
    public func fund(milestoneID: Int64, by userID: Int64, title: String, now: Date) async throws -> (Payment, clientSecret: String?) {
        let payment = try await payments.open(milestoneID: milestoneID, by: userID, processor: processor.kind, now: now)
        if let existing = payment.processorPaymentID {
            return (payment, try await processor.payment(existing).clientSecret)
        }
        let made = try await processor.createPayment(
            amount: payment.total, description: title, idempotencyKey: "payment:\(payment.id)", now: now
        )
        return (try await payments.attach(payment.id, processorPaymentID: made.id, now: now), made.clientSecret)
    }

    /// The payer confirms with a card: the processor's answer is recorded (a success funds the milestone).
    public func confirm(_ paymentID: Int64, by userID: Int64, card: CardEntry, now: Date) async throws -> Payment {
        let (payment, id) = try await waiting(paymentID, by: userID)
        guard payment.status == .requiresPaymentMethod else {
            throw StatusTransitionError("a payment that is \(payment.status.label) takes no card now")
        }
        let answer = try await processor.confirm(id, card: card, now: now)
        return try await record(payment, processorPaymentID: id, outcome: answer.outcome, now: now)
    }

    /// The payer confirms with one of their saved cards.
    public func confirm(_ paymentID: Int64, by userID: Int64, savedMethodID: Int64, now: Date) async throws -> Payment {
        let (payment, id) = try await waiting(paymentID, by: userID)
        guard payment.status == .requiresPaymentMethod else {
            throw StatusTransitionError("a payment that is \(payment.status.label) takes no card now")
        }
        guard let method = try await PaymentMethodRepository(store: store).method(savedMethodID, of: userID), method.processor == processor.kind else {
            throw ValidationError(field: "payment_method_id", message: "is not one of your saved cards")
        }
        let answer = try await processor.confirm(id, savedMethod: method.processorMethodID, of: userID, now: now)
        return try await record(payment, processorPaymentID: id, outcome: answer.outcome, now: now)
    }

    /// The payer answers the card's authentication step.
    public func authenticate(_ paymentID: Int64, by userID: Int64, completed: Bool, now: Date) async throws -> Payment {
        let (payment, id) = try await waiting(paymentID, by: userID)
        let answer = try await processor.authenticate(id, completed: completed, now: now)
        return try await record(payment, processorPaymentID: id, outcome: answer.outcome, now: now)
    }

    /// Records the processor's answer. A payment the processor took for a milestone that can no longer be funded
    /// (its project cancelled or disputed in the meantime) is refunded in full at the processor and cancelled: the
    /// money never enters escrow, and the payer is told why.
    func record(
        _ payment: Payment, processorPaymentID: String, outcome: PaymentRepository.Outcome, event: ProcessorEvent? = nil, now: Date
    ) async throws -> Payment {
        do {
            return try await payments.record(payment.id, outcome: outcome, event: event, now: now, announce: announcer.milestone).payment
        } catch let refused as StatusTransitionError where outcome.status == .succeeded {
            _ = try await processor.refund(processorPaymentID, amount: payment.total, idempotencyKey: "payment:\(payment.id):not-funded", now: now)
            _ = try await payments.record(
                payment.id, outcome: .init(status: .canceled, card: outcome.card, failure: nil), event: event, now: now, announce: announcer.milestone
            )
            throw StatusTransitionError("\(refused.description); the card was refunded in full")
        }
    }

    /// The provider takes part of a payment's escrow (nil: all that remains) back out for the client, paid back
    /// through the processor. A refund the processor does not take now is answered pending (it is out of escrow, and
    /// `PendingRefundJob` pays it back).
    public func refund(_ paymentID: Int64, part: Money?, reason: String, by userID: Int64, requestKey: String, now: Date) async throws -> PaymentRefund {
        let (refund, _) = try await escrow.refund(
            paymentID: paymentID, part: part, reason: reason, by: userID, requestKey: requestKey, now: now, announce: announcer.milestone
        )
        return await payBackWhenPossible(refund, now: now)
    }

    /// Staff with `finance.refund` refund part of a payment's escrow outside a dispute, paid back at once when the
    /// processor takes it (pending for `PendingRefundJob` otherwise).
    public func refundByStaff(_ paymentID: Int64, part: Money?, reason: String, by actor: AuditActor, requestKey: String, now: Date) async throws -> PaymentRefund {
        let refund = try await escrow.refundByStaff(
            paymentID: paymentID, part: part, reason: reason, by: actor, requestKey: requestKey, now: now, announce: announcer.milestone
        )
        return await payBackWhenPossible(refund, now: now)
    }

    /// An administrator decides a dispute; the client's part is paid back at once (or by `PendingRefundJob` when
    /// the processor does not take it now).
    public func resolve(_ disputeID: Int64, decision: DisputeRules.Decision, by actor: AuditActor, now: Date) async throws -> Dispute {
        let (dispute, refunds) = try await disputes.resolve(disputeID, decision: decision, by: actor, now: now, announce: announcer.dispute)
        for refund in refunds { _ = await payBackWhenPossible(refund, now: now) }
        return dispute
    }

    /// Pays a pending refund back through the processor and records it paid; when the processor does not take it
    /// now, the refund as it stands (pending, for `PendingRefundJob`).
    private func payBackWhenPossible(_ refund: PaymentRefund, now: Date) async -> PaymentRefund {
        guard refund.status == .pending else { return refund }
        do {
            guard let processorPaymentID = try await payments.processorPaymentID(of: refund.paymentID) else { return refund }
            let processorRefundID = try await processor.refund(processorPaymentID, amount: refund.total, idempotencyKey: Self.processorRefundKey(refund.id), now: now)
            return try await escrow.refundPaid(refund.id, processorRefundID: processorRefundID, now: now)
        } catch {
            return refund
        }
    }

    /// The processor's idempotency key of a refund: one refund, one payback, whoever sends it.
    public static func processorRefundKey(_ refundID: Int64) -> String { "refund:\(refundID)" }

    /// The payer's own payment, with the processor's id for it.
    private func waiting(_ paymentID: Int64, by userID: Int64) async throws -> (Payment, String) {
        guard let payment = try await payments.payment(paymentID, for: userID) else { throw StoreError.notFound("the payment") }
        guard payment.payerID == userID else { throw StatusTransitionError("only the payer completes a payment") }
        guard let id = payment.processorPaymentID else { throw StoreError.conflict("the payment has not reached the processor yet; fund the milestone again") }
        return (payment, id)
    }
}
