import AgoraDomain
import Foundation
import SQLKit

/// A person's transactions: the payments they made and the refunds they got as a client, the earnings released to
/// them, their payouts and their plan's months as a provider — read from the records behind each ledger transaction, newest first.
public struct MoneyMovementRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// A page of the person's movements, newest first, and where the next page starts (nil on the last).
    public func movements(
        of userID: Int64, _ filter: MoneyMovementFilter, after cursor: MoneyMovementCursor? = nil, limit: Int
    ) async throws -> (movements: [MoneyMovement], next: MoneyMovementCursor?) {
        var conditions = Self.conditions(filter)
        if let cursor {
            conditions.append("""
                (transaction_id < \(bind: cursor.transactionID) OR (transaction_id = \(bind: cursor.transactionID) AND kind_rank < \(bind: cursor.rank)))
                """)
        }
        let rows = try await store.sql.raw("""
            SELECT * FROM (\(Self.movements(of: userID))) mv
            WHERE \(conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "))
            ORDER BY transaction_id DESC, kind_rank DESC LIMIT \(bind: limit + 1)
            """).all()
        let movements = try rows.prefix(limit).map(MoneyMovement.init(row:))
        return (movements, rows.count > limit ? movements.last?.cursor : nil)
    }

    /// The person's movements the filter selects, newest first: all of them, or the newest `limit` (statements and
    /// CSV exports).
    public func all(of userID: Int64, _ filter: MoneyMovementFilter, limit: Int? = nil) async throws -> [MoneyMovement] {
        let conditions = Self.conditions(filter)
        let bounded: SQLQueryString = limit.map { " LIMIT \(bind: $0)" } ?? ""
        return try await store.sql.raw("""
            SELECT * FROM (\(Self.movements(of: userID))) mv
            WHERE \(conditions.isEmpty ? "1 = 1" : conditions.joined(separator: " AND "))
            ORDER BY transaction_id DESC, kind_rank DESC\(bounded)
            """).all().map(MoneyMovement.init(row:))
    }

    /// One of the person's movements; nil when there is none by that id, or it is someone else's.
    public func movement(_ id: MoneyMovementID, of userID: Int64) async throws -> MoneyMovement? {
        try await store.sql.raw("""
            SELECT * FROM (\(Self.movements(of: userID))) mv WHERE kind_rank = \(bind: id.kind.rank) AND record_id = \(bind: id.recordID)
            """).first().map(MoneyMovement.init(row:))
    }

    /// The years the person has movements in, newest first.
    public func years(of userID: Int64) async throws -> [Int] {
        let dates = try await store.sql.raw("SELECT occurred_at FROM (\(Self.movements(of: userID))) mv")
            .all().map { try $0.decode(column: "occurred_at", as: Date.self) }
        return Set(dates.map { MoneyStatement.year(of: $0) }).sorted(by: >)
    }

    /// The movements of one person (nil: everyone's) in the period (nil: all time), summed per currency by the
    /// statements' own arithmetic (`MoneyTotals`), in the database.
    public func totals(of userID: Int64?, over period: Range<Date>?) async throws -> [CurrencyCode: MoneyTotals] {
        let during: SQLQueryString = period.map { "occurred_at >= \(bind: $0.lowerBound) AND occurred_at < \(bind: $0.upperBound)" } ?? "1 = 1"
        var totals: [CurrencyCode: MoneyTotals] = [:]
        for row in try await store.sql.raw("""
            SELECT kind_rank, currency, status, COUNT(*) AS movements,
                CAST(SUM(amount_minor) AS BIGINT) AS amount, CAST(SUM(fee_minor) AS BIGINT) AS fee, CAST(SUM(tax_minor) AS BIGINT) AS tax
            FROM (\(Self.movements(of: userID))) mv
            WHERE \(during)
            GROUP BY kind_rank, currency, status
            """).all() {
            let rank = try row.decode(column: "kind_rank", as: Int.self)
            guard let kind = MoneyMovementKind(rank: rank) else { throw StoreError.conflict("a movement of an unknown kind (\(rank))") }
            let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
            let status = try row.decode(column: "status", as: String.self)
            guard let state = MoneyMovementState(kind, status: status) else {
                throw StoreError.conflict("a \(kind.rawValue) in an unknown state (\(status))")
            }
            totals[currency, default: MoneyTotals(currency: currency)].add(
                kind, amount: try row.decode(column: "amount", as: Int64.self), fee: try row.decode(column: "fee", as: Int64.self),
                tax: try row.decode(column: "tax", as: Int64.self), state: state, count: try row.decode(column: "movements", as: Int.self)
            )
        }
        return totals
    }

    private static func conditions(_ filter: MoneyMovementFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if !filter.kinds.isEmpty {
            conditions.append("kind_rank IN (\(binds: filter.kinds.map(\.rank)))")
        }
        if let currency = filter.currency { conditions.append("currency = \(bind: currency.code)") }
        if let from = filter.from { conditions.append("occurred_at >= \(bind: from)") }
        if let until = filter.until { conditions.append("occurred_at < \(bind: until)") }
        if let projectID = filter.projectID { conditions.append("project_id = \(bind: projectID)") }
        return conditions
    }

    /// Every movement of one person (nil: of everyone), one branch per kind, in the same columns. Each branch joins the ledger
    /// transaction that moved the money: it gives the time and the order, and leaves out anything the ledger has not
    /// recorded (a card charged for a milestone that could no longer be funded, refunded at once).
    static func movements(of userID: Int64?) -> SQLQueryString {
        func whose(_ column: String) -> SQLQueryString {
            guard let userID else { return "1 = 1" }
            return "\(unsafeRaw: column) = \(bind: userID)"
        }
        return """
        SELECT \(unsafeRaw: String(MoneyMovementKind.payment.rank)) AS kind_rank, p.id AS record_id, lt.id AS transaction_id,
            lt.created_at AS occurred_at, p.currency, p.amount_minor, p.client_fee_minor AS fee_minor, p.fee_tax_minor AS tax_minor, p.tax_note,
            \(state: MoneyMovementState.completed) AS status,
            p.project_id, pr.title AS project_title, p.milestone_id, m.title AS milestone_title, u.first_name, u.last_name,
            p.card_brand AS detail, p.card_last_four AS detail_extra
        FROM payments p
        JOIN ledger_transactions lt ON lt.idempotency_key = 'payment:' || p.id || ':funded'
        JOIN projects pr ON pr.id = p.project_id JOIN project_milestones m ON m.id = p.milestone_id JOIN users u ON u.id = pr.provider_id
        WHERE \(whose("p.payer_id")) AND p.status = \(state: PaymentStatus.succeeded)
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.refund.rank)), r.id, lt.id, lt.created_at, p.currency, r.amount_minor, r.fee_share_minor,
            r.fee_tax_share_minor, p.tax_note, r.status, p.project_id, pr.title, p.milestone_id, m.title, u.first_name, u.last_name, r.reason, NULL
        FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
        JOIN ledger_transactions lt ON lt.idempotency_key = r.ledger_key
        JOIN projects pr ON pr.id = p.project_id JOIN project_milestones m ON m.id = p.milestone_id JOIN users u ON u.id = pr.provider_id
        WHERE \(whose("p.payer_id"))
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.earning.rank)), e.id, lt.id, lt.created_at, e.currency, e.amount_minor, e.commission_minor,
            e.commission_tax_minor, e.tax_note, \(state: MoneyMovementState.completed), e.project_id, pr.title, e.milestone_id, m.title, u.first_name, u.last_name, NULL, NULL
        FROM escrow_releases e
        JOIN ledger_transactions lt ON lt.idempotency_key = e.ledger_key
        JOIN projects pr ON pr.id = e.project_id JOIN project_milestones m ON m.id = e.milestone_id JOIN users u ON u.id = e.client_id
        WHERE \(whose("e.provider_id"))
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.payout.rank)), o.id, lt.id, lt.created_at, o.currency, o.amount_minor, 0, 0, '',
            o.status, NULL, NULL, NULL, NULL, NULL, NULL, o.iban_masked, o.failure_code
        FROM payouts o
        JOIN ledger_transactions lt ON lt.idempotency_key = 'payout:' || o.id
        WHERE \(whose("o.provider_id"))
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.weekPayment.rank)), w.id, lt.id, lt.created_at, w.currency, w.amount_minor, w.client_fee_minor,
            w.fee_tax_minor, w.tax_note, \(state: MoneyMovementState.completed), w.project_id, pr.title, NULL, NULL, u.first_name, u.last_name,
            w.card_brand, w.card_last_four
        FROM week_payments w
        JOIN ledger_transactions lt ON lt.idempotency_key = 'week-payment:' || w.id || ':paid'
        JOIN projects pr ON pr.id = w.project_id JOIN users u ON u.id = w.provider_id
        WHERE \(whose("w.payer_id"))
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.weekEarning.rank)), w.id, lt.id, lt.created_at, w.currency, w.amount_minor, w.commission_minor,
            w.commission_tax_minor, w.commission_tax_note, \(state: MoneyMovementState.completed), w.project_id, pr.title, NULL, NULL,
            u.first_name, u.last_name, NULL, NULL
        FROM week_payments w
        JOIN ledger_transactions lt ON lt.idempotency_key = 'week-payment:' || w.id || ':released'
        JOIN projects pr ON pr.id = w.project_id JOIN users u ON u.id = w.payer_id
        WHERE \(whose("w.provider_id"))
        UNION ALL
        SELECT \(unsafeRaw: String(MoneyMovementKind.plan.rank)), i.id, lt.id, lt.created_at, i.currency, i.amount_minor, 0, i.tax_minor, i.tax_note,
            \(state: MoneyMovementState.completed), NULL, NULL, NULL, NULL, NULL, NULL, i.card_brand, i.card_last_four
        FROM subscription_invoices i JOIN subscriptions s ON s.id = i.subscription_id
        JOIN ledger_transactions lt ON lt.idempotency_key = 'subscription-invoice:' || i.id || ':paid'
        WHERE \(whose("s.user_id"))
        """
    }
}
