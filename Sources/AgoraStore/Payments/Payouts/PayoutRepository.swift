import AgoraDomain
import Foundation
import SQLKit

/// Providers' payout accounts, wallets and payouts. Released money stays on hold `holdDays` after its release, then
/// is available; a payout takes all that is available (at least the minimum) from the provider's payable account to
/// a payout on its way (in the ledger, with the payout's row, in one transaction, the provider's payout account
/// locked so that two payouts never take the same money), then the processor's answer sends it out, or gives it back.
public struct PayoutRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The person's payout account, if they added one.
    public func account(of userID: Int64) async throws -> PayoutAccount? {
        try await Self.account(of: userID, on: store.sql, lock: false)
    }

    /// What the account holder is told when their payout account is added or replaced.
    public typealias Tell = @Sendable (_ holder: Recipient, _ account: PayoutAccount, _ replaced: Bool) throws -> Announcements

    /// Adds or replaces the person's payout account, and tells them (in the same transaction), since a changed account
    /// is where someone who took over a session would send the money.
    public func save(_ details: PayoutAccountDetails, for userID: Int64, now: Date, tell: @escaping Tell) async throws -> PayoutAccount {
        try await store.transaction { [store] db in
            let replaced = try await Self.account(of: userID, on: db, lock: true) != nil
            try await db.raw("""
                INSERT INTO payout_accounts (user_id, holder_name, iban, bic, schedule, created_at, updated_at)
                VALUES (\(bind: userID), \(bind: details.holderName), \(bind: details.iban), \(bind: details.bic), \(state: details.schedule), \(bind: now), \(bind: now))
                ON CONFLICT (user_id) DO UPDATE SET holder_name = excluded.holder_name, iban = excluded.iban, bic = excluded.bic,
                    schedule = excluded.schedule, updated_at = excluded.updated_at
                """).run()
            guard let account = try await Self.account(of: userID, on: db, lock: false),
                  let holder = try await NotificationRepository.recipients([userID], on: db)[userID]
            else { throw StoreError.notFound("the payout account") }
            try await NotificationRepository.write(try tell(holder, account, replaced), store: store, on: db, now: now)
            return account
        }
    }

    /// The person's money per currency: in escrow on their projects, on hold, available, paid out.
    public func wallets(of userID: Int64, holdDays: Int, now: Date) async throws -> [Wallet] {
        try await Self.wallets(of: userID, holdDays: holdDays, now: now, on: store.sql)
    }

    /// The person's payouts, newest first.
    public func payouts(of userID: Int64, limit: Int) async throws -> [Payout] {
        try await store.sql.raw("""
            SELECT \(Payout.columns) FROM payouts WHERE provider_id = \(bind: userID) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(Payout.init(row:))
    }

    /// Decides a payout of everything available in `currency` (at least `minimumMajor` whole units): returns it, and
    /// the IBAN to send it to.
    public func request(
        providerID: Int64, currency: CurrencyCode, holdDays: Int, minimumMajor: Int64, now: Date
    ) async throws -> (payout: Payout, iban: String) {
        try await store.transaction { [store] db in
            guard let account = try await Self.account(of: providerID, on: db, lock: true) else {
                throw StatusTransitionError("add a payout account first: the bank account the money goes to")
            }
            let wallet = try await Self.wallets(of: providerID, holdDays: holdDays, now: now, on: db).first { $0.currency == currency }
            let available = wallet?.available ?? Money(minorUnits: 0, currency: currency)
            let minimum = Money.major(minimumMajor, currency)
            guard available.minorUnits >= minimum.minorUnits else {
                throw StatusTransitionError("a payout is at least \(minimum.formatted); \(available.formatted) is available now")
            }
            guard let row = try await db.raw("""
                INSERT INTO payouts (provider_id, currency, amount_minor, iban_masked, status, created_at, updated_at)
                VALUES (\(bind: providerID), \(bind: currency.code), \(bind: available.minorUnits), \(bind: account.details.maskedIBAN),
                        \(state: PayoutStatus.pending), \(bind: now), \(bind: now))
                RETURNING \(Payout.columns)
                """).first() else { throw StoreError.conflict("the payout was not recorded") }
            let payout = try Payout(row: row)
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "payout:\(payout.id)", kind: .payout, reference: "payout:\(payout.id)", actorID: providerID,
                    lines: [
                        .init(LedgerAccountKey(.providerPayable, owner: providerID, currency: currency), -available.minorUnits),
                        .init(LedgerAccountKey(.providerPaid, owner: providerID, currency: currency), available.minorUnits),
                    ]
                ),
                now: now, engine: store.engine, on: db
            )
            return (payout, account.details.iban)
        }
    }

    /// The processor paid it: the money leaves through processor clearing.
    public func paid(_ payoutID: Int64, processorPayoutID: String, now: Date) async throws -> Payout {
        try await settle(payoutID, as: .paid, processorPayoutID: processorPayoutID, failure: nil, now: now)
    }

    /// The processor could not pay it: the money goes back to the provider's available balance.
    public func failed(_ payoutID: Int64, processorPayoutID: String?, failure: PaymentFailure, now: Date) async throws -> Payout {
        try await settle(payoutID, as: .failed, processorPayoutID: processorPayoutID, failure: failure, now: now)
    }

    /// Payouts decided but not answered by the processor (a crash or a processor error in between), oldest first,
    /// with the IBAN each goes to.
    public func pending(before cutoff: Date, limit: Int) async throws -> [(payout: Payout, iban: String)] {
        try await store.sql.raw("""
            SELECT \(Payout.columns), (SELECT a.iban FROM payout_accounts a WHERE a.user_id = payouts.provider_id) AS iban
            FROM payouts WHERE status = \(state: PayoutStatus.pending) AND created_at <= \(bind: cutoff) ORDER BY id LIMIT \(bind: limit)
            """).all().map { (try Payout(row: $0), try $0.decodeIfPresent(column: "iban", as: String.self) ?? "") }
    }

    /// The providers whose schedule is due (`weekly` with no payout since `weekStart`, `monthly` none since
    /// `monthStart`), for the payout job.
    public func due(weekStart: Date, monthStart: Date, limit: Int) async throws -> [Int64] {
        try await store.sql.raw("""
            SELECT a.user_id FROM payout_accounts a
            WHERE (a.schedule = \(state: PayoutSchedule.weekly) AND NOT EXISTS (
                       SELECT 1 FROM payouts p WHERE p.provider_id = a.user_id AND p.created_at >= \(bind: weekStart) AND p.status <> \(state: PayoutStatus.failed)))
               OR (a.schedule = \(state: PayoutSchedule.monthly) AND NOT EXISTS (
                       SELECT 1 FROM payouts p WHERE p.provider_id = a.user_id AND p.created_at >= \(bind: monthStart) AND p.status <> \(state: PayoutStatus.failed)))
            ORDER BY a.user_id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
    }

    private func settle(_ payoutID: Int64, as status: PayoutStatus, processorPayoutID: String?, failure: PaymentFailure?, now: Date) async throws -> Payout {
        try await store.transaction { [store] db in
            guard let row = try await db.raw("SELECT \(Payout.columns) FROM payouts WHERE id = \(bind: payoutID)").first() else {
                throw StoreError.notFound("the payout")
            }
            let payout = try Payout(row: row)
            guard payout.status == .pending else { return payout }
            let onItsWay = LedgerAccountKey(.providerPaid, owner: payout.providerID, currency: payout.amount.currency)
            let destination = status == .paid
                ? LedgerAccountKey(.processorClearing, currency: payout.amount.currency)
                : LedgerAccountKey(.providerPayable, owner: payout.providerID, currency: payout.amount.currency)
            _ = try await Ledger.post(
                try LedgerTransactionDraft(
                    idempotencyKey: "payout:\(payoutID):\(status.rawValue)", kind: status == .paid ? .payout : .reversal,
                    reference: "payout:\(payoutID)", actorID: nil,
                    lines: [.init(onItsWay, -payout.amount.minorUnits), .init(destination, payout.amount.minorUnits)]
                ),
                now: now, engine: store.engine, on: db
            )
            guard let updated = try await db.raw("""
                UPDATE payouts SET status = \(state: status), processor_payout_id = \(bind: processorPayoutID), failure_code = \(bind: failure?.rawValue),
                    paid_at = \(bind: status == .paid ? now : nil), updated_at = \(bind: now)
                WHERE id = \(bind: payoutID) AND status = \(state: PayoutStatus.pending)
                RETURNING \(Payout.columns)
                """).first() else { throw StoreError.conflict("the payout changed at the same time") }
            return try Payout(row: updated)
        }
    }

    // MARK: Inside a transaction

    static func account(of userID: Int64, on db: any SQLDatabase, lock: Bool) async throws -> PayoutAccount? {
        let forUpdate: SQLQueryString = lock && db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let row = try await db.raw("""
            SELECT holder_name, iban, bic, schedule, updated_at FROM payout_accounts WHERE user_id = \(bind: userID)\(forUpdate)
            """).first() else { return nil }
        let details = try PayoutAccountDetails(.init(
            holderName: try row.decode(column: "holder_name", as: String.self), iban: try row.decode(column: "iban", as: String.self),
            bic: try row.decode(column: "bic", as: String.self), schedule: try row.decode(column: "schedule", as: String.self)
        ))
        return PayoutAccount(details: details, updatedAt: try row.decode(column: "updated_at", as: Date.self))
    }

    /// Released money clears the hold `holdDays` after its release; money a failed payout gave back is available at
    /// once (its transaction is a reversal).
    static func wallets(of userID: Int64, holdDays: Int, now: Date, on db: any SQLDatabase) async throws -> [Wallet] {
        let cutoff = now.addingTimeInterval(-TimeInterval(holdDays) * 86_400)
        var figures: [String: (escrow: Int64, released: Int64, cleared: Int64, withdrawn: Int64, paid: Int64)] = [:]
        for row in try await db.raw("""
            SELECT a.currency,
                CAST(COALESCE(SUM(CASE WHEN e.amount_minor > 0 THEN e.amount_minor ELSE 0 END), 0) AS BIGINT) AS released,
                CAST(COALESCE(SUM(CASE WHEN e.amount_minor > 0 AND (t.created_at <= \(bind: cutoff) OR t.kind = \(state: LedgerTransactionKind.reversal))
                    THEN e.amount_minor ELSE 0 END), 0) AS BIGINT) AS cleared,
                CAST(COALESCE(SUM(CASE WHEN e.amount_minor < 0 THEN -e.amount_minor ELSE 0 END), 0) AS BIGINT) AS withdrawn
            FROM ledger_entries e JOIN ledger_transactions t ON t.id = e.transaction_id JOIN ledger_accounts a ON a.id = e.account_id
            WHERE a.kind = \(state: LedgerAccountKind.providerPayable) AND a.owner_id = \(bind: userID)
            GROUP BY a.currency
            """).all() {
            let currency = try row.decode(column: "currency", as: String.self)
            figures[currency, default: (0, 0, 0, 0, 0)].released = try row.decode(column: "released", as: Int64.self)
            figures[currency, default: (0, 0, 0, 0, 0)].cleared = try row.decode(column: "cleared", as: Int64.self)
            figures[currency, default: (0, 0, 0, 0, 0)].withdrawn = try row.decode(column: "withdrawn", as: Int64.self)
        }
        for row in try await db.raw("""
            SELECT m.currency, CAST(COALESCE(SUM(m.escrow_amount_minor - m.escrow_released_minor - m.escrow_refunded_minor), 0) AS BIGINT) AS held
            FROM project_milestones m JOIN projects p ON p.id = m.project_id
            WHERE (p.provider_id = \(bind: userID) OR p.client_id = \(bind: userID)) AND m.escrow_amount_minor > 0
            GROUP BY m.currency
            """).all() {
            figures[try row.decode(column: "currency", as: String.self), default: (0, 0, 0, 0, 0)].escrow = try row.decode(column: "held", as: Int64.self)
        }
        for row in try await db.raw("""
            SELECT currency, CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS held FROM week_payments
            WHERE (provider_id = \(bind: userID) OR payer_id = \(bind: userID)) AND status = \(state: WeekPaymentStatus.held)
            GROUP BY currency
            """).all() {
            figures[try row.decode(column: "currency", as: String.self), default: (0, 0, 0, 0, 0)].escrow += try row.decode(column: "held", as: Int64.self)
        }
        for row in try await db.raw("""
            SELECT currency, CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS paid FROM payouts
            WHERE provider_id = \(bind: userID) AND status = \(state: PayoutStatus.paid) GROUP BY currency
            """).all() {
            figures[try row.decode(column: "currency", as: String.self), default: (0, 0, 0, 0, 0)].paid = try row.decode(column: "paid", as: Int64.self)
        }
        return try figures.keys.sorted().map { code in
            let figure = figures[code] ?? (0, 0, 0, 0, 0)
            return Wallet(
                currency: try CurrencyCode(code), inEscrow: figure.escrow, released: figure.released, releasedBeforeHold: figure.cleared,
                withdrawn: figure.withdrawn, paidOut: figure.paid
            )
        }
    }
}
