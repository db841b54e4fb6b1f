import AgoraDomain
import Foundation
import SQLKit

/// Payments that fund milestones. A payment is opened for a pending milestone by its client, handed to a processor,
/// and its outcome recorded: a success moves the money into the milestone's escrow (processor clearing → escrow, in
/// the ledger) and funds the milestone, in one transaction with the project locked.
public struct PaymentRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// What a processor answered about a payment.
    public struct Outcome: Sendable, Hashable {
        public let status: PaymentStatus
        public let card: CardSummary?
        public let failure: PaymentFailure?

        public init(status: PaymentStatus, card: CardSummary?, failure: PaymentFailure?) {
            self.status = status
            self.card = card
            self.failure = failure
        }
    }

    /// The open payment of a pending milestone, new or the one already waiting (one per milestone): its amount, the
    /// client's fee on it (the project's fees) and the tax on the fee (the client's, by their billing details). Only the project's client funds; a milestone of someone else's project is not found.
    public func open(milestoneID: Int64, by userID: Int64, processor: PaymentProcessorKind, now: Date) async throws -> Payment {
        try await store.uniqueOrConflict("the milestone is being funded at the same moment; load it again") {
            try await store.transaction { db in
                let (milestone, project) = try await ProjectRepository.lockedMilestone(milestoneID, on: db)
                guard let role = project.role(of: userID) else { throw StoreError.notFound("the milestone") }
                guard project.status.isWorking else {
                    throw StatusTransitionError("milestones are funded in active projects only; this one is \(project.status.label)")
                }
                _ = try milestone.status.after(.fund, by: .member(role), proposer: milestone.proposedBy)
                let (fees, tax) = try await FeeRules.terms(of: project, taxing: .client, on: db)
                let fee = fees.clientFee(on: milestone.amount)
                if let row = try await db.raw("""
                    SELECT \(Payment.columns) FROM payments
                    WHERE milestone_id = \(bind: milestoneID) AND status IN (\(state: PaymentStatus.requiresPaymentMethod), \(state: PaymentStatus.requiresAction))
                    """).first() {
                    let waiting = try Payment(row: row)
                    if waiting.amount == milestone.amount && waiting.processor == processor && waiting.clientFee == fee
                        && waiting.feeTax == tax.tax(on: fee) && waiting.taxNote == tax.note {
                        return waiting
                    }
                    try await Self.update(waiting, to: .canceled, outcome: nil, now: now, on: db)
                }
                guard let row = try await db.raw("""
                    INSERT INTO payments (project_id, milestone_id, payer_id, currency, amount_minor, client_fee_minor, fee_tax_minor, tax_note, status, processor,
                                          created_at, updated_at)
                    VALUES (\(bind: project.id), \(bind: milestoneID), \(bind: userID), \(bind: milestone.amount.currency.code), \(bind: milestone.amount.minorUnits),
                            \(bind: fee.minorUnits), \(bind: tax.tax(on: fee).minorUnits), \(bind: tax.note), \(state: PaymentStatus.requiresPaymentMethod), \(state: processor), \(bind: now), \(bind: now))
                    RETURNING \(Payment.columns)
                    """).first() else { throw StoreError.conflict("the payment was not opened") }
                return try Payment(row: row)
            }
        }
    }

    /// Records the processor's id for a payment (its payment intent).
    public func attach(_ paymentID: Int64, processorPaymentID: String, now: Date) async throws -> Payment {
        guard let row = try await store.sql.raw("""
            UPDATE payments SET processor_payment_id = \(bind: processorPaymentID), updated_at = \(bind: now)
            WHERE id = \(bind: paymentID) AND (processor_payment_id IS NULL OR processor_payment_id = \(bind: processorPaymentID))
            RETURNING \(Payment.columns)
            """).first() else { throw StoreError.conflict("the payment belongs to another payment intent") }
        return try Payment(row: row)
    }

    /// A payment its payer or the project's provider may see; nil for anyone else.
    public func payment(_ id: Int64, for userID: Int64) async throws -> Payment? {
        try await store.sql.raw("""
            SELECT \(Payment.columns) FROM payments
            WHERE id = \(bind: id) AND (payer_id = \(bind: userID) OR project_id IN (SELECT id FROM projects WHERE provider_id = \(bind: userID)))
            """).first().map(Payment.init(row:))
    }

    /// The payment behind a processor's payment (for the processor's events), whoever made it.
    public func payment(processorPaymentID: String) async throws -> Payment? {
        try await store.sql.raw("""
            SELECT \(Payment.columns) FROM payments WHERE processor_payment_id = \(bind: processorPaymentID)
            """).first().map(Payment.init(row:))
    }

    /// The processor's id of any payment (for refunds an administrator decides, whoever asks).
    public func processorPaymentID(of paymentID: Int64) async throws -> String? {
        try await store.sql.raw("SELECT processor_payment_id FROM payments WHERE id = \(bind: paymentID)").first()?
            .decodeIfPresent(column: "processor_payment_id", as: String.self)
    }

    /// The currency of a milestone of the person's projects; nil for a milestone that is not theirs.
    public func currency(ofMilestone milestoneID: Int64, for userID: Int64) async throws -> CurrencyCode? {
        guard let row = try await store.sql.raw("""
            SELECT m.currency FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE m.id = \(bind: milestoneID) AND (p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))
            """).first() else { return nil }
        return try CurrencyCode(try row.decode(column: "currency", as: String.self))
    }

    /// The payments a person made or was paid by, newest first.
    public func payments(for userID: Int64, limit: Int) async throws -> [Payment] {
        try await store.sql.raw("""
            SELECT \(Payment.columns) FROM payments
            WHERE payer_id = \(bind: userID) OR project_id IN (SELECT id FROM projects WHERE provider_id = \(bind: userID))
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(Payment.init(row:))
    }

    /// Records what the processor answered. A success funds the milestone: the ledger moves the total from processor
    /// clearing into the milestone's escrow, the milestone's escrow figures grow and its status becomes funded, with
    /// an activity entry and the provider told. The same outcome recorded twice changes nothing the second time; an
    /// outcome a processor's `event` brought is recorded with the event, and not at all when the event was taken before.
    public func record(
        _ paymentID: Int64, outcome: Outcome, event: ProcessorEvent? = nil, now: Date, announce: @escaping MilestoneRepository.Announce
    ) async throws -> (payment: Payment, funded: MilestoneStepped?) {
        try await store.transaction { [store] db in
            guard let row = try await db.raw("SELECT project_id FROM payments WHERE id = \(bind: paymentID)").first() else {
                throw StoreError.notFound("the payment")
            }
            let project = try await ProjectRepository.locked(try row.decode(column: "project_id", as: Int64.self), on: db)
            guard let current = try await db.raw("SELECT \(Payment.columns) FROM payments WHERE id = \(bind: paymentID)").first().map(Payment.init(row:)) else {
                throw StoreError.notFound("the payment")
            }
            guard try await ProcessorEvent.take(event, now: now, on: db) else { return (current, nil) }
            if current.status == outcome.status && current.failure == outcome.failure { return (current, nil) }
            let step: PaymentStatus.Step = switch outcome.status {
            case .succeeded: .succeed
            case .requiresAction: .requireAuthentication
            case .canceled: .cancel
            case .requiresPaymentMethod: current.status == .requiresAction ? .failAuthentication : .decline
            }
            let next = try current.status.after(step)
            let payment = try await Self.update(current, to: next, outcome: outcome, now: now, on: db)
            guard next == .succeeded else { return (payment, nil) }
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "payment:\(paymentID):funded", kind: .funding, reference: "milestone:\(payment.milestoneID)",
                    actorID: payment.payerID, lines: Escrow.fundingLines(.milestone(payment.milestoneID), paid: payment.total)
                ),
                now: now, engine: store.engine, on: db
            )
            try await db.raw("""
                UPDATE project_milestones SET escrow_amount_minor = escrow_amount_minor + \(bind: payment.amount.minorUnits),
                    escrow_fee_minor = escrow_fee_minor + \(bind: payment.clientFee.minorUnits),
                    escrow_fee_tax_minor = escrow_fee_tax_minor + \(bind: payment.feeTax.minorUnits)
                WHERE id = \(bind: payment.milestoneID)
                """).run()
            let funded = try await MilestoneRepository.take(
                .fund, actor: .member(.client), milestoneID: payment.milestoneID, project: project, actorID: payment.payerID,
                viewer: payment.payerID, note: nil, store: store, db: db, now: now, announce: announce
            )
            return (payment, funded)
        }
    }

    // MARK: Inside a transaction

    @discardableResult
    private static func update(_ payment: Payment, to status: PaymentStatus, outcome: Outcome?, now: Date, on db: any SQLDatabase) async throws -> Payment {
        let succeededAt: Date? = status == .succeeded ? now : nil
        guard let row = try await db.raw("""
            UPDATE payments SET status = \(state: status), failure_code = \(bind: outcome?.failure?.rawValue),
                card_brand = COALESCE(\(bind: outcome?.card?.brand.rawValue), card_brand),
                card_last_four = COALESCE(\(bind: outcome?.card?.lastFour), card_last_four),
                succeeded_at = COALESCE(succeeded_at, \(bind: succeededAt)), updated_at = \(bind: now)
            WHERE id = \(bind: payment.id) AND status = \(state: payment.status)
            RETURNING \(Payment.columns)
            """).first() else { throw StoreError.conflict("the payment changed at the same time; load it again") }
        return try Payment(row: row)
    }
}
