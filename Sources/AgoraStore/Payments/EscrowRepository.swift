import AgoraDomain
import Foundation
import SQLKit

/// Money out of a milestone's escrow: released to the provider (by the client, in part or in full; the rest on
/// approval) or refunded to the client (by the provider, or an administrator's decision). Each movement is one ledger
/// transaction written with the milestone's escrow figures and its activity entry, the project locked; its key comes
/// from the request's, so a retried request moves nothing twice.
public struct EscrowRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The client releases `part` of a milestone's escrow (nil: all that remains) to the provider, less commission.
    /// `requestKey` names the request (its idempotency key), so a retry finds the first movement.
    public func release(
        milestoneID: Int64, part: Money?, by userID: Int64, requestKey: String, now: Date, announce: @escaping MilestoneRepository.Announce
    ) async throws -> MilestoneStepped {
        try await store.transaction { [store] db in
            let (milestone, project) = try await ProjectRepository.lockedMilestone(milestoneID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the milestone") }
            guard role == .client else { throw StatusTransitionError("only the client releases the money held for a milestone") }
            guard project.status.isWorking else {
                throw StatusTransitionError("money is released in active projects only; this one is \(project.status.label)")
            }
            try await Self.release(
                part, of: milestone, in: project, actorID: userID, key: "release:\(userID):\(requestKey)", store: store, now: now, on: db
            )
            return try await MilestoneRepository.stepped(
                .escrowReleased, actor: .member(.client), milestoneID: milestoneID, project: project, viewer: userID, completed: false,
                store: store, db: db, now: now, announce: announce
            )
        }
    }

    /// The provider takes `part` of a payment's escrow (nil: all that remains) out for the client, with its share of
    /// the client's fee, and records the refund as pending until the processor has paid it back (`refundPaid`). All of
    /// the escrow of a milestone not started yet returns it to unfunded.
    public func refund(
        paymentID: Int64, part: Money?, reason: String, by userID: Int64, requestKey: String, now: Date,
        announce: @escaping MilestoneRepository.Announce
    ) async throws -> (refund: PaymentRefund, stepped: MilestoneStepped) {
        try await store.transaction { [store] db in
            guard let paymentRow = try await db.raw("SELECT \(Payment.columns) FROM payments WHERE id = \(bind: paymentID)").first() else {
                throw StoreError.notFound("the payment")
            }
            let payment = try Payment(row: paymentRow)
            let (milestone, project) = try await ProjectRepository.lockedMilestone(payment.milestoneID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the payment") }
            guard role == .provider else {
                throw StatusTransitionError("the provider refunds, or an administrator decides; a client who wants money back opens a dispute")
            }
            guard project.status != .disputed else {
                throw StatusTransitionError("the money is frozen while the dispute lasts: an administrator decides it")
            }
            let actor = MilestoneActor.member(.provider)
            let key = "refund:\(userID):\(requestKey)"
            let existing = try await Self.refund(key: key, on: db)
            let refund: PaymentRefund
            if let existing {
                refund = existing
            } else {
                refund = try await Self.refund(
                    part, of: payment, milestone: milestone, in: project, reason: reason, actorID: userID, reopening: actor, key: key,
                    store: store, now: now, on: db
                )
            }
            let stepped = try await MilestoneRepository.stepped(
                .escrowRefunded, actor: actor, milestoneID: milestone.id, project: project, viewer: project.clientID, completed: false,
                store: store, db: db, now: now, announce: existing == nil ? announce : { _ in Announcements() }
            )
            return (refund, stepped)
        }
    }

    /// Staff with `finance.refund` give back `part` of a payment's escrow (nil: all that remains) outside a dispute —
    /// a provider who cannot be reached, a mistake, goodwill — with its share of the client's fee; audited with the
    /// reason, and the client told. All of the escrow of a milestone not started yet returns it to unfunded. The
    /// money of a disputed project is frozen: the dispute's decision moves it.
    public func refundByStaff(
        paymentID: Int64, part: Money?, reason: String, by actor: AuditActor, requestKey: String, now: Date,
        announce: @escaping MilestoneRepository.Announce
    ) async throws -> PaymentRefund {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            guard let paymentRow = try await db.raw("SELECT \(Payment.columns) FROM payments WHERE id = \(bind: paymentID)").first() else {
                throw StoreError.notFound("the payment")
            }
            let payment = try Payment(row: paymentRow)
            let (milestone, project) = try await ProjectRepository.lockedMilestone(payment.milestoneID, on: db)
            guard project.status != .disputed else {
                throw StatusTransitionError("the money is frozen while the dispute lasts: decide the dispute instead")
            }
            let key = "staff-refund:\(actor.userID):\(requestKey)"
            if let existing = try await Self.refund(key: key, on: db) { return existing }
            let refund = try await Self.refund(
                part, of: payment, milestone: milestone, in: project, reason: reason, actorID: actor.userID, reopening: .administrator, key: key,
                store: store, now: now, on: db
            )
            try await AuditLog(store: store, in: transaction).append(actor.because(reason).entry(
                .paymentRefunded, on: .payment, id: paymentID, before: ["held": milestone.escrow.held.formatted],
                after: ["refunded": refund.total.formatted, "milestone_id": String(milestone.id), "project_id": String(project.id)], at: now
            ))
            _ = try await MilestoneRepository.stepped(
                .escrowRefunded, actor: .administrator, milestoneID: milestone.id, project: project, viewer: project.clientID, completed: false,
                store: store, db: db, now: now, announce: announce
            )
            return refund
        }
    }

    /// The processor paid a refund back: the client's refunds account → processor clearing, and the refund succeeded.
    public func refundPaid(_ refundID: Int64, processorRefundID: String, now: Date) async throws -> PaymentRefund {
        try await store.transaction { [store] db in
            guard let refund = try await Self.refund(id: refundID, on: db) else { throw StoreError.notFound("the refund") }
            guard refund.status == .pending else { return refund }
            guard let payer = try await db.raw("SELECT payer_id FROM payments WHERE id = \(bind: refund.paymentID)").first() else {
                throw StoreError.notFound("the payment")
            }
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "refund:\(refundID):paid", kind: .refund, reference: "payment:\(refund.paymentID)", actorID: nil,
                    lines: Escrow.refundPaidLines(clientID: try payer.decode(column: "payer_id", as: Int64.self), refunded: refund.total)
                ),
                now: now, engine: store.engine, on: db
            )
            try await db.raw("""
                UPDATE payment_refunds SET status = \(state: RefundStatus.succeeded), processor_refund_id = \(bind: processorRefundID), updated_at = \(bind: now)
                WHERE id = \(bind: refundID)
                """).run()
            guard let paid = try await Self.refund(id: refundID, on: db) else { throw StoreError.notFound("the refund") }
            return paid
        }
    }

    /// A payment's refunds, oldest first.
    public func refunds(of paymentID: Int64) async throws -> [PaymentRefund] {
        try await Self.refunds(ofPayment: paymentID, on: store.sql)
    }

    static func refunds(ofPayment paymentID: Int64, on db: any SQLDatabase) async throws -> [PaymentRefund] {
        try await db.raw("""
            SELECT \(PaymentRefund.columns) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
            WHERE r.payment_id = \(bind: paymentID) ORDER BY r.id
            """).all().map(PaymentRefund.init(row:))
    }

    // MARK: Inside a transaction

    /// Releases `part` (nil: all that remains) of a milestone's escrow under `key`: the approval of a milestone
    /// releases the rest this way, in the approval's transaction. Nothing held, nothing moves (milestones that began
    /// before payments existed).
    static func release(
        _ part: Money?, of milestone: Milestone, in project: Project, actorID: Int64?, key: String, store: Store, now: Date, on db: any SQLDatabase
    ) async throws {
        if part == nil && milestone.escrow.remaining.minorUnits == 0 { return }
        let (fees, commissionTax) = try await FeeRules.terms(of: project, taxing: .provider, on: db)
        let movement = try milestone.escrow.release(
            part, from: .milestone(milestone.id), providerID: project.providerID, schedule: fees,
            billedBefore: try await billedBefore(project, currency: milestone.amount.currency, on: db), commissionTax: commissionTax
        )
        let transaction = try await Ledger.post(
            try LedgerTransactionDraft(idempotencyKey: key, kind: .release, reference: "milestone:\(milestone.id)", actorID: actorID, lines: movement.lines),
            now: now, engine: store.engine, on: db
        )
        guard !transaction.replayed else { return }
        try await db.raw("""
            UPDATE project_milestones SET escrow_released_minor = \(bind: movement.after.released.minorUnits), updated_at = \(bind: now)
            WHERE id = \(bind: milestone.id)
            """).run()
        try await recordRelease(movement, of: milestone, in: project, taxNote: commissionTax.note, ledgerKey: key, now: now, on: db)
        try await ProjectActivityLog.record(
            .escrowReleased, projectID: project.id, actorID: actorID, milestoneID: milestone.id,
            detail: ["title": milestone.title, "amount": movement.amount.formatted, "commission": movement.commission.formatted], now: now, on: db
        )
    }

    /// Takes `part` (nil: all that remains) of a milestone's escrow out for the client under `key`, and records the
    /// refund as pending until the processor has paid it back. With `reopening`, all of the escrow of a milestone
    /// not started yet returns it to unfunded, as that actor's step.
    static func refund(
        _ part: Money?, of payment: Payment, milestone: Milestone, in project: Project, reason: String, actorID: Int64?,
        reopening actor: MilestoneActor?, key: String, store: Store, now: Date, on db: any SQLDatabase
    ) async throws -> PaymentRefund {
        guard payment.status == .succeeded else { throw StatusTransitionError("a payment that is \(payment.status.label) has nothing to refund") }
        let movement = try milestone.escrow.refund(part, from: .milestone(milestone.id), clientID: project.clientID)
        _ = try await Ledger.post(
            try LedgerTransactionDraft(idempotencyKey: key, kind: .refund, reference: "payment:\(payment.id)", actorID: actorID, lines: movement.lines),
            now: now, engine: store.engine, on: db
        )
        try await db.raw("""
            UPDATE project_milestones SET escrow_refunded_minor = \(bind: movement.after.refunded.minorUnits), updated_at = \(bind: now)
            WHERE id = \(bind: milestone.id)
            """).run()
        let refundID = try await recordRefund(movement, of: payment.id, reason: reason, actorID: actorID, ledgerKey: key, now: now, on: db)
        if let actor, movement.after.remaining.minorUnits == 0, milestone.status == .funded {
            try await db.raw("""
                UPDATE project_milestones SET status = \(state: try milestone.status.after(.refundAll, by: actor)), updated_at = \(bind: now)
                WHERE id = \(bind: milestone.id)
                """).run()
        }
        try await ProjectActivityLog.record(
            .escrowRefunded, projectID: project.id, actorID: actorID, milestoneID: milestone.id,
            detail: ["title": milestone.title, "amount": movement.amount.formatted, "reason": reason], now: now, on: db
        )
        guard let refund = try await Self.refund(id: refundID, on: db) else { throw StoreError.notFound("the refund") }
        return refund
    }

    /// Records a refund taken out of escrow as pending, until the processor pays it back; returns its id.
    static func recordRefund(
        _ movement: Escrow.Movement, of paymentID: Int64, reason: String, actorID: Int64?, ledgerKey: String, now: Date, on db: any SQLDatabase
    ) async throws -> Int64 {
        guard let row = try await db.raw("""
            INSERT INTO payment_refunds
                (payment_id, amount_minor, fee_share_minor, fee_tax_share_minor, reason, requested_by, status, created_at, updated_at, ledger_key)
            VALUES (\(bind: paymentID), \(bind: movement.amount.minorUnits), \(bind: movement.feeShare.minorUnits), \(bind: movement.feeTaxShare.minorUnits), \(bind: reason),
                    \(bind: actorID), \(state: RefundStatus.pending), \(bind: now), \(bind: now), \(bind: ledgerKey))
            RETURNING id
            """).first() else { throw StoreError.conflict("the refund was not recorded") }
        return try row.decode(column: "id", as: Int64.self)
    }

    /// Records a movement of escrow to the provider with its parts (the amount, the commission and its tax, the fee
    /// share and its tax) and the note about the provider's tax, for statements and receipts.
    static func recordRelease(
        _ movement: Escrow.Movement, of milestone: Milestone, in project: Project, taxNote: String, ledgerKey: String, now: Date, on db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO escrow_releases
                (milestone_id, project_id, provider_id, client_id, currency, amount_minor, commission_minor, commission_tax_minor, fee_share_minor,
                 fee_tax_share_minor, tax_note, ledger_key, created_at)
            VALUES (\(bind: milestone.id), \(bind: project.id), \(bind: project.providerID), \(bind: project.clientID),
                    \(bind: movement.amount.currency.code), \(bind: movement.amount.minorUnits), \(bind: movement.commission.minorUnits),
                    \(bind: movement.commissionTax.minorUnits), \(bind: movement.feeShare.minorUnits), \(bind: movement.feeTaxShare.minorUnits),
                    \(bind: taxNote), \(bind: ledgerKey), \(bind: now))
            """).run()
    }

    /// What a client and a provider have had released to each other before, in a currency, for milestones and for
    /// hourly weeks: the tiers' measure.
    static func billedBefore(_ project: Project, currency: CurrencyCode, on db: any SQLDatabase) async throws -> Money {
        let milestones = try await db.raw("""
            SELECT CAST(COALESCE(SUM(m.escrow_released_minor), 0) AS BIGINT) AS billed FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE p.client_id = \(bind: project.clientID) AND p.provider_id = \(bind: project.providerID) AND m.currency = \(bind: currency.code)
            """).first()?.decode(column: "billed", as: Int64.self) ?? 0
        let weeks = try await db.raw("""
            SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS billed FROM week_payments
            WHERE payer_id = \(bind: project.clientID) AND provider_id = \(bind: project.providerID) AND currency = \(bind: currency.code)
              AND status = \(state: WeekPaymentStatus.released)
            """).first()?.decode(column: "billed", as: Int64.self) ?? 0
        return Money(minorUnits: milestones + weeks, currency: currency)
    }

    /// The payment that funded a milestone last.
    static func fundingPayment(of milestoneID: Int64, on db: any SQLDatabase) async throws -> Payment? {
        try await db.raw("""
            SELECT \(Payment.columns) FROM payments WHERE milestone_id = \(bind: milestoneID) AND status = \(state: PaymentStatus.succeeded)
            ORDER BY id DESC LIMIT 1
            """).first().map(Payment.init(row:))
    }

    /// Refunds everything still held for a project's milestones (a project cancelled by agreement), each milestone
    /// from the payment that funded it last; returns the pending refunds.
    static func refundHeld(of project: Project, reason: String, actorID: Int64?, store: Store, now: Date, on db: any SQLDatabase) async throws -> [PaymentRefund] {
        var refunds: [PaymentRefund] = []
        for milestone in try await ProjectRepository.milestones(of: [project.id], on: db)[project.id] ?? [] where milestone.escrow.remaining.minorUnits > 0 {
            guard let payment = try await fundingPayment(of: milestone.id, on: db) else { continue }
            refunds.append(try await refund(
                nil, of: payment, milestone: milestone, in: project, reason: reason, actorID: actorID, reopening: nil,
                key: "project:\(project.id):cancelled:\(milestone.id)", store: store, now: now, on: db
            ))
        }
        return refunds
    }

    /// Refunds decided but not yet paid back by the processor (a crash or a processor error in between, or a
    /// cancellation's), oldest first, with the processor's id of their payment.
    public func pendingRefunds(limit: Int) async throws -> [(refund: PaymentRefund, processorPaymentID: String)] {
        try await store.sql.raw("""
            SELECT \(PaymentRefund.columns), p.processor_payment_id FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
            WHERE r.status = \(state: RefundStatus.pending) AND p.processor_payment_id IS NOT NULL
            ORDER BY r.id LIMIT \(bind: limit)
            """).all().map { (try PaymentRefund(row: $0), try $0.decode(column: "processor_payment_id", as: String.self)) }
    }

    private static func refund(id: Int64, on db: any SQLDatabase) async throws -> PaymentRefund? {
        try await db.raw("""
            SELECT \(PaymentRefund.columns) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id WHERE r.id = \(bind: id)
            """).first().map(PaymentRefund.init(row:))
    }

    private static func refund(key: String, on db: any SQLDatabase) async throws -> PaymentRefund? {
        try await db.raw("""
            SELECT \(PaymentRefund.columns) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id WHERE r.ledger_key = \(bind: key)
            """).first().map(PaymentRefund.init(row:))
    }
}
