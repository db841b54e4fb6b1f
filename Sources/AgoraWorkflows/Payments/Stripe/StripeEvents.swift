import AgoraDomain
import AgoraStore
import Foundation

/// What Stripe's webhook events do on the platform, each taken once (by its event id, in the transaction of its
/// effect):
/// - `payment_intent.succeeded`: the payment is recorded paid (a milestone funded, an hourly week held), when the
///   checkout's own answer did not record it already (a closed tab after the card's authentication, a crash);
/// - `payment_intent.payment_failed`: a milestone's payment is recorded declined, with Stripe's reason (a week's
///   off-session charge records its own failures as it is made);
/// - `charge.dispute.created`: the card holder disputed the charge with their bank (a chargeback): a dispute of the
///   milestone is opened in the client's name, which freezes what is held until an administrator decides;
/// - `charge.refunded` and every other type: recorded and acknowledged (refunds are recorded as they are made).
public struct StripeEvents: Sendable {
    let escrow: EscrowPayments
    let payments: PaymentRepository
    let weeks: WeekPaymentRepository
    let disputes: DisputeRepository
    let log: ProcessorEventLog
    let announcer: ProjectAnnouncer

    public init(store: Store, escrow: EscrowPayments, announcer: ProjectAnnouncer) {
        self.escrow = escrow
        payments = PaymentRepository(store: store)
        weeks = WeekPaymentRepository(store: store)
        disputes = DisputeRepository(store: store)
        log = ProcessorEventLog(store: store)
        self.announcer = announcer
    }

    /// What became of an event.
    public enum Handling: String, Sendable, Equatable {
        /// Its effect was made now.
        case applied
        /// It was taken before: nothing changed.
        case replayed
        /// Recorded; it changes nothing here (a type the platform does not act on, or an object it does not know).
        case recorded
    }

    public func apply(_ stripeEvent: StripeEvent, now: Date) async throws -> Handling {
        let object = stripeEvent.object
        let event = ProcessorEvent(processor: .stripe, id: stripeEvent.id, type: stripeEvent.type, objectID: object.id)
        if try await log.wasTaken(event) { return .replayed }
        switch stripeEvent.type {
        case "payment_intent.succeeded":
            if let payment = try await payments.payment(processorPaymentID: object.id) {
                return try await record(payment, .init(status: .succeeded, card: nil, failure: nil), event: event, now: now)
            }
            if let week = try await weeks.payment(processorPaymentID: object.id), week.status == .due {
                _ = try await weeks.recordCharged(week.id, card: nil, event: event, now: now, announce: announcer.week)
                return .applied
            }
        case "payment_intent.payment_failed":
            if let payment = try await payments.payment(processorPaymentID: object.id) {
                let failure = StripeObjects.failure(code: object.lastPaymentError.flatMap { $0.declineCode ?? $0.code })
                return try await record(payment, .init(status: .requiresPaymentMethod, card: nil, failure: failure), event: event, now: now)
            }
        case "charge.dispute.created":
            if let intent = object.paymentIntent, let payment = try await payments.payment(processorPaymentID: intent) {
                return try await chargeback(payment, reason: object.reason, event: event, now: now)
            }
        default:
            break
        }
        return try await log.record(event, now: now) ? .recorded : .replayed
    }

    /// Records a payment's outcome with the event; an outcome recorded already, or one the payment's state no longer
    /// takes (a late failure of a payment recorded paid), is recorded as an event only.
    private func record(_ payment: Payment, _ outcome: PaymentRepository.Outcome, event: ProcessorEvent, now: Date) async throws -> Handling {
        guard let intent = payment.processorPaymentID, payment.status != outcome.status else {
            return try await log.record(event, now: now) ? .recorded : .replayed
        }
        do {
            _ = try await escrow.record(payment, processorPaymentID: intent, outcome: outcome, event: event, now: now)
            return .applied
        } catch is StatusTransitionError {
            return try await log.record(event, now: now) ? .recorded : .replayed
        }
    }

    /// Opens a dispute of the charged milestone in the payer's name; when nothing can be disputed now (nothing held,
    /// a dispute open already), the event is recorded for the books only.
    private func chargeback(_ payment: Payment, reason: String?, event: ProcessorEvent, now: Date) async throws -> Handling {
        let statement = "The card holder disputed this payment with their bank (Stripe dispute \(event.objectID ?? event.id)"
            + (reason.map { ", reason: \($0)" } ?? "") + "). What is held for the milestone stays frozen until an administrator decides."
        do {
            let opening = try DisputeRules.Opening(milestoneID: Int(payment.milestoneID), reason: DisputeReason.other.rawValue, statement: statement)
            _ = try await disputes.open(opening, projectID: payment.projectID, by: payment.payerID, event: event, now: now, announce: announcer.dispute)
            return .applied
        } catch is StatusTransitionError {
            return try await log.record(event, now: now) ? .recorded : .replayed
        } catch StoreError.conflict {
            return try await log.record(event, now: now) ? .recorded : .replayed
        }
    }
}
