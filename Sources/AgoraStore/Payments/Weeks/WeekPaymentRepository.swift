import AgoraDomain
import Foundation
import SQLKit

/// The payments of hourly weeks. A week that has ended with time in it (and no timer running) gets its payment,
/// due at once; a charge the processor took moves the total from processor clearing into the week's escrow account,
/// and the week's approval releases it to the provider less commission — both in the transaction that records
/// them, whichever comes second. A declined charge, or a client without a saved card, leaves the week due, tried
/// again a day later.
public struct WeekPaymentRepository: Sendable {
    let store: Store

    /// Makes the notifications and emails of a charge or a failed one, written in its transaction.
    public typealias Announce = @Sendable (WeekPaymentEvent) throws -> Announcements

    public init(store: Store) { self.store = store }

    /// Opens the payments of weeks that ended before `now` with time in them, at most `limit`; how many it opened.
    public func openEnded(now: Date, processor: PaymentProcessorKind, limit: Int) async throws -> Int {
        let ended = TimesheetWeek(containing: now).start
        let weeks = try await store.sql.raw("""
            SELECT t.project_id, t.week_start, CAST(SUM(t.minutes) AS BIGINT) AS minutes FROM time_entries t
            WHERE t.week_start < \(bind: ended)
              AND NOT EXISTS (SELECT 1 FROM week_payments w WHERE w.project_id = t.project_id AND w.week_start = t.week_start)
              AND NOT EXISTS (SELECT 1 FROM time_entries r WHERE r.project_id = t.project_id AND r.week_start = t.week_start AND r.minutes IS NULL)
            GROUP BY t.project_id, t.week_start HAVING SUM(t.minutes) > 0
            ORDER BY t.week_start, t.project_id LIMIT \(bind: limit)
            """).all()
        var opened = 0
        for row in weeks {
            let projectID = try row.decode(column: "project_id", as: Int64.self)
            let week = TimesheetWeek(containing: try row.decode(column: "week_start", as: Date.self))
            let minutes = try row.decode(column: "minutes", as: Int.self)
            if try await open(projectID: projectID, week: week, minutes: minutes, processor: processor, now: now) { opened += 1 }
        }
        return opened
    }

    /// The payment of a project's week for its client, opened when the week has ended with time in it and has none
    /// yet. Someone else's project is not found; a week still running, without time, or with a timer running is
    /// refused.
    public func payment(projectID: Int64, week: TimesheetWeek, for userID: Int64, processor: PaymentProcessorKind, now: Date) async throws -> WeekPayment {
        guard let project = try await store.sql.raw("""
            SELECT client_id FROM projects WHERE id = \(bind: projectID) AND (client_id = \(bind: userID) OR provider_id = \(bind: userID))
            """).first() else { throw StoreError.notFound("the project") }
        guard try project.decode(column: "client_id", as: Int64.self) == userID else { throw StatusTransitionError("only the client pays a week") }
        if let existing = try await existing(projectID: projectID, week: week) { return existing }
        guard week.end <= now else { throw StatusTransitionError("the week of \(week) has not ended: it is charged once it has") }
        if try await store.sql.raw("""
            SELECT id FROM time_entries WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start) AND minutes IS NULL
            """).first() != nil {
            throw StatusTransitionError("a timer is still running in the week of \(week)")
        }
        let minutes = try await TimeEntryRepository.logged(project: projectID, week: week, excluding: nil, on: store.sql)
        guard minutes > 0 else { throw StatusTransitionError("the week of \(week) has no time to pay") }
        _ = try await open(projectID: projectID, week: week, minutes: minutes, processor: processor, now: now)
        guard let opened = try await existing(projectID: projectID, week: week) else { throw StoreError.notFound("the week's payment") }
        return opened
    }

    /// The week payments due to be charged now, oldest first.
    public func due(now: Date, limit: Int) async throws -> [WeekPayment] {
        try await store.sql.raw("""
            SELECT \(WeekPayment.columns) FROM week_payments
            WHERE status = \(state: WeekPaymentStatus.due) AND next_attempt_at <= \(bind: now)
            ORDER BY next_attempt_at, id LIMIT \(bind: limit)
            """).all().map(WeekPayment.init(row:))
    }

    /// The project's week payments, newest week first, for its members; nil for anyone else.
    public func payments(ofProject projectID: Int64, for userID: Int64) async throws -> [WeekPayment]? {
        guard try await store.sql.raw("""
            SELECT id FROM projects WHERE id = \(bind: projectID) AND (client_id = \(bind: userID) OR provider_id = \(bind: userID))
            """).first() != nil else { return nil }
        return try await store.sql.raw("""
            SELECT \(WeekPayment.columns) FROM week_payments WHERE project_id = \(bind: projectID) ORDER BY week_start DESC
            """).all().map(WeekPayment.init(row:))
    }

    /// Records the processor's id for a week's charge.
    public func attach(_ id: Int64, processorPaymentID: String, now: Date) async throws {
        try await store.sql.raw("""
            UPDATE week_payments SET processor_payment_id = \(bind: processorPaymentID), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND processor_payment_id IS NULL
            """).run()
    }

    /// The week's payment behind a processor's payment (for the processor's events).
    public func payment(processorPaymentID: String) async throws -> WeekPayment? {
        try await store.sql.raw("""
            SELECT \(WeekPayment.columns) FROM week_payments WHERE processor_payment_id = \(bind: processorPaymentID)
            """).first().map(WeekPayment.init(row:))
    }

    /// Records a charge that did not go through (a decline, or no saved card): the week stays due, tried again a
    /// day later, with the failure in the project's activity and the client told.
    public func recordFailure(_ id: Int64, failure: PaymentFailure, card: CardSummary?, now: Date, announce: @escaping Announce) async throws -> WeekPayment {
        try await store.transaction { [store] db in
            guard let payment = try await Self.lockedWithProject(id, on: db) else { throw StoreError.notFound("the week's payment") }
            let next = try payment.status.after(.decline)
            guard let row = try await db.raw("""
                UPDATE week_payments SET status = \(state: next), failure_code = \(bind: failure.rawValue), attempts = attempts + 1,
                    next_attempt_at = \(bind: now.addingTimeInterval(WeekPaymentStatus.retryDelay)),
                    card_brand = COALESCE(\(bind: card?.brand.rawValue), card_brand), card_last_four = COALESCE(\(bind: card?.lastFour), card_last_four),
                    updated_at = \(bind: now)
                WHERE id = \(bind: id) RETURNING \(WeekPayment.columns)
                """).first() else { throw StoreError.notFound("the week's payment") }
            try await ProjectActivityLog.record(
                .weekChargeFailed, projectID: payment.projectID, actorID: nil,
                detail: ["week": payment.week.description, "amount": payment.total.formatted, "reason": failure.message], now: now, on: db
            )
            let failed = try WeekPayment(row: row)
            try await Self.announce(.weekChargeFailed, failed, store: store, now: now, on: db, announce)
            return failed
        }
    }

    /// Records a charge the processor took: the total into the week's escrow, and released at once when the week is
    /// approved already; both members told. Recording it twice changes nothing the second time; with the processor's
    /// `event` that brought it, it is recorded with the event, and not at all when the event was taken before.
    public func recordCharged(
        _ id: Int64, card: CardSummary?, event: ProcessorEvent? = nil, now: Date, announce: @escaping Announce
    ) async throws -> WeekPayment {
        try await store.transaction { [store] db in
            guard let payment = try await Self.lockedWithProject(id, on: db) else { throw StoreError.notFound("the week's payment") }
            guard try await ProcessorEvent.take(event, now: now, on: db), payment.status == .due else { return payment }
            let next = try payment.status.after(.charge)
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "week-payment:\(id):paid", kind: .funding, reference: "week-payment:\(id)", actorID: nil,
                    lines: Escrow.fundingLines(.week(paymentID: id), paid: payment.total)
                ),
                now: now, engine: store.engine, on: db
            )
            try await db.raw("""
                UPDATE week_payments SET status = \(state: next), failure_code = NULL, next_attempt_at = NULL, paid_at = \(bind: now),
                    card_brand = COALESCE(\(bind: card?.brand.rawValue), card_brand), card_last_four = COALESCE(\(bind: card?.lastFour), card_last_four),
                    attempts = attempts + 1, updated_at = \(bind: now)
                WHERE id = \(bind: id)
                """).run()
            try await ProjectActivityLog.record(
                .weekCharged, projectID: payment.projectID, actorID: nil,
                detail: ["week": payment.week.description, "amount": payment.total.formatted], now: now, on: db
            )
            if try await db.raw("""
                SELECT approved_at FROM timesheet_approvals WHERE project_id = \(bind: payment.projectID) AND week_start = \(bind: payment.week.start)
                """).first() != nil {
                try await Self.release(payment.projectID, week: payment.week, store: store, now: now, on: db)
            }
            guard let charged = try await Self.locked(id, on: db) else { throw StoreError.notFound("the week's payment") }
            try await Self.announce(.weekCharged, charged, store: store, now: now, on: db, announce)
            return charged
        }
    }

    private static func announce(
        _ kind: ProjectActivityKind, _ payment: WeekPayment, store: Store, now: Date, on db: any SQLDatabase, _ announce: Announce
    ) async throws {
        let project = try await ProjectRepository.locked(payment.projectID, on: db)
        let event = WeekPaymentEvent(kind: kind, payment: payment, project: project, members: try await ProjectRepository.members(of: project, on: db))
        try await NotificationRepository.write(try announce(event), store: store, on: db, now: now)
    }

    // MARK: Inside a transaction

    /// Releases a week's payment held in escrow to the provider, less the commission and its tax: what the week's
    /// approval does in its own transaction. Nothing happens for a week not charged yet (its charge releases it).
    static func release(_ projectID: Int64, week: TimesheetWeek, store: Store, now: Date, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            SELECT \(WeekPayment.columns) FROM week_payments WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start)
            """).first() else { return }
        let payment = try WeekPayment(row: row)
        guard payment.status == .held else { return }
        let project = try await ProjectRepository.locked(projectID, on: db)
        let (fees, commissionTax) = try await FeeRules.terms(of: project, taxing: .provider, on: db)
        let movement = try payment.escrow.release(
            nil, from: .week(paymentID: payment.id), providerID: project.providerID, schedule: fees,
            billedBefore: try await EscrowRepository.billedBefore(project, currency: payment.amount.currency, on: db), commissionTax: commissionTax
        )
        _ = try await Ledger.post(
            try LedgerTransactionDraft(
                idempotencyKey: "week-payment:\(payment.id):released", kind: .release, reference: "week-payment:\(payment.id)", actorID: nil,
                lines: movement.lines
            ),
            now: now, engine: store.engine, on: db
        )
        try await db.raw("""
            UPDATE week_payments SET status = \(state: try payment.status.after(.release)), commission_minor = \(bind: movement.commission.minorUnits),
                commission_tax_minor = \(bind: movement.commissionTax.minorUnits), commission_tax_note = \(bind: commissionTax.note),
                released_at = \(bind: now), updated_at = \(bind: now)
            WHERE id = \(bind: payment.id)
            """).run()
        try await ProjectActivityLog.record(
            .weekReleased, projectID: projectID, actorID: nil,
            detail: ["week": week.description, "amount": movement.amount.formatted, "commission": movement.commission.formatted], now: now, on: db
        )
    }

    private func open(projectID: Int64, week: TimesheetWeek, minutes: Int, processor: PaymentProcessorKind, now: Date) async throws -> Bool {
        try await store.transaction { db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.billing.weeklyLimitHours != nil else { return false }
            let amount = HourlyRules.amount(minutes: minutes, rate: project.agreedPrice)
            guard amount.minorUnits > 0 else { return false }
            let (fees, tax) = try await FeeRules.terms(of: project, taxing: .client, on: db)
            let fee = fees.clientFee(on: amount)
            let inserted = try await db.raw("""
                INSERT INTO week_payments (project_id, week_start, payer_id, provider_id, minutes, currency, amount_minor, client_fee_minor,
                                           fee_tax_minor, tax_note, status, processor, next_attempt_at, created_at, updated_at)
                VALUES (\(bind: projectID), \(bind: week.start), \(bind: project.clientID), \(bind: project.providerID), \(bind: minutes),
                        \(bind: amount.currency.code), \(bind: amount.minorUnits), \(bind: fee.minorUnits), \(bind: tax.tax(on: fee).minorUnits),
                        \(bind: tax.note), \(state: WeekPaymentStatus.due), \(state: processor), \(bind: now), \(bind: now), \(bind: now))
                ON CONFLICT (project_id, week_start) DO NOTHING
                RETURNING id
                """).all()
            return !inserted.isEmpty
        }
    }

    private func existing(projectID: Int64, week: TimesheetWeek) async throws -> WeekPayment? {
        try await store.sql.raw("""
            SELECT \(WeekPayment.columns) FROM week_payments WHERE project_id = \(bind: projectID) AND week_start = \(bind: week.start)
            """).first().map(WeekPayment.init(row:))
    }

    /// The payment with its project locked first, as the week's approval locks it: a charge and an approval of the
    /// same week take turns, so whichever comes second sees the other and the week is released once.
    private static func lockedWithProject(_ id: Int64, on db: any SQLDatabase) async throws -> WeekPayment? {
        guard let row = try await db.raw("SELECT project_id FROM week_payments WHERE id = \(bind: id)").first() else { return nil }
        _ = try await ProjectRepository.locked(try row.decode(column: "project_id", as: Int64.self), on: db)
        return try await locked(id, on: db)
    }

    private static func locked(_ id: Int64, on db: any SQLDatabase) async throws -> WeekPayment? {
        let lock: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        return try await db.raw("SELECT \(WeekPayment.columns) FROM week_payments WHERE id = \(bind: id)\(lock)").first().map(WeekPayment.init(row:))
    }
}
