import AgoraDomain
import AgoraStore
import Foundation

/// Charges hourly weeks to their clients' default saved cards, between the store and the payment processor: the
/// weeks that ended with time in them get their payments, and each payment due is charged off-session (the
/// processor's payment keyed by the week's payment, so a retry after a lost answer finds the first). A client
/// without a saved card, or a declined card, leaves the week due for the next day.
public struct HourlyBilling: Sendable {
    let weeks: WeekPaymentRepository
    let methods: PaymentMethodRepository
    let processor: any PaymentProcessor
    let announcer: ProjectAnnouncer

    public init(store: Store, processor: any PaymentProcessor, announcer: ProjectAnnouncer) {
        weeks = WeekPaymentRepository(store: store)
        methods = PaymentMethodRepository(store: store)
        self.processor = processor
        self.announcer = announcer
    }

    /// Opens the ended weeks' payments and charges those due, at most `limit` of each; the payments charged.
    @discardableResult
    public func run(now: Date, limit: Int) async throws -> [WeekPayment] {
        _ = try await weeks.openEnded(now: now, processor: processor.kind, limit: limit)
        var charged: [WeekPayment] = []
        for payment in try await weeks.due(now: now, limit: limit) {
            let result = try await charge(payment, now: now)
            if result.status != .due { charged.append(result) }
        }
        return charged
    }

    /// The client pays a week that has ended now (its payment opened if the job has not yet), with one of their
    /// saved cards (nil: the default); a week already paid, or someone else's, is refused.
    public func pay(projectID: Int64, week: TimesheetWeek, by userID: Int64, savedMethodID: Int64?, now: Date) async throws -> WeekPayment {
        let payment = try await weeks.payment(projectID: projectID, week: week, for: userID, processor: processor.kind, now: now)
        guard payment.status == .due else { throw StatusTransitionError("a week's payment that is \(payment.status.label) is not due") }
        var card: SavedPaymentMethod?
        if let savedMethodID {
            card = try await methods.method(savedMethodID, of: userID)
            guard card != nil else { throw ValidationError(field: "payment_method_id", message: "is not one of your saved cards") }
        }
        return try await charge(payment, with: card, now: now)
    }

    /// Charges one week's payment to `card`, or the client's default saved card.
    public func charge(_ payment: WeekPayment, with chosen: SavedPaymentMethod? = nil, now: Date) async throws -> WeekPayment {
        var card = chosen
        if card == nil { card = try await methods.defaultMethod(of: payment.payerID) }
        guard let card, card.processor == processor.kind else {
            return try await weeks.recordFailure(payment.id, failure: .noSavedCard, card: nil, now: now, announce: announcer.week)
        }
        // A week tried before keeps its processor payment: a declined one takes another card.
        var intentID = payment.processorPaymentID
        if intentID == nil {
            let created = try await processor.createPayment(
                amount: payment.total, description: "Week of \(payment.week) of project \(payment.projectID)",
                idempotencyKey: "week-payment:\(payment.id)", now: now
            )
            try await weeks.attach(payment.id, processorPaymentID: created.id, now: now)
            intentID = created.id
        }
        guard let intentID else { throw StoreError.conflict("the week's payment has no processor payment") }
        let answer = try await processor.confirm(intentID, savedMethod: card.processorMethodID, of: payment.payerID, now: now)
        switch answer.outcome.status {
        case .succeeded:
            return try await weeks.recordCharged(payment.id, card: answer.outcome.card, now: now, announce: announcer.week)
        case .requiresPaymentMethod, .requiresAction, .canceled:
            return try await weeks.recordFailure(
                payment.id, failure: answer.outcome.failure ?? .cardDeclined, card: answer.outcome.card, now: now, announce: announcer.week
            )
        }
    }
}
