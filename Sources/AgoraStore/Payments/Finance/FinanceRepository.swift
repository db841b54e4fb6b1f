import AgoraDomain
import Foundation
import SQLKit

/// The figures of the finance summary: the ledger's balances summed per kind of account, everyone's movements in a
/// period summed per kind (`MoneyTotals`, the statements' own arithmetic), and the counts of what waits.
public struct FinanceRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public func summary(over period: Range<Date>) async throws -> FinanceSummary {
        let waiting = try await waiting(failedIn: period)
        return FinanceSummary(
            balances: try await balances(), period: period, volume: try await volume(over: period),
            openDisputes: waiting.openDisputes, pendingRefunds: waiting.pendingRefunds, pendingPayouts: waiting.pendingPayouts,
            failedPayouts: waiting.failedPayouts
        )
    }

    /// What every kind of account holds together now, per currency (the ledger's balances).
    public func balances() async throws -> [CurrencyCode: [LedgerAccountKind: Int64]] {
        var balances: [CurrencyCode: [LedgerAccountKind: Int64]] = [:]
        for row in try await store.sql.raw("""
            SELECT a.kind, a.currency, CAST(SUM(b.balance_minor) AS BIGINT) AS balance
            FROM ledger_accounts a JOIN ledger_balances b ON b.account_id = a.id GROUP BY a.kind, a.currency
            """).all() {
            let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
            balances[currency, default: [:]][try row.decodeState(column: "kind", as: LedgerAccountKind.self)] = try row.decode(column: "balance", as: Int64.self)
        }
        return balances
    }

    /// What waits for someone: open disputes, refunds and payouts the processor has not paid, payouts that failed in
    /// `period`.
    public func waiting(failedIn period: Range<Date>) async throws -> FinanceWaiting {
        FinanceWaiting(
            openDisputes: try await count("SELECT COUNT(*) AS n FROM disputes WHERE status = \(state: DisputeStatus.open)"),
            pendingRefunds: try await count("SELECT COUNT(*) AS n FROM payment_refunds WHERE status = \(state: RefundStatus.pending)"),
            pendingPayouts: try await count("SELECT COUNT(*) AS n FROM payouts WHERE status = \(state: PayoutStatus.pending)"),
            failedPayouts: try await count("""
                SELECT COUNT(*) AS n FROM payouts WHERE status = \(state: PayoutStatus.failed)
                AND updated_at >= \(bind: period.lowerBound) AND updated_at < \(bind: period.upperBound)
                """)
        )
    }

    /// Everyone's movements in the period, summed per currency by the statements' own arithmetic.
    private func volume(over period: Range<Date>) async throws -> [CurrencyCode: MoneyTotals] {
        var volume: [CurrencyCode: MoneyTotals] = [:]
        for row in try await store.sql.raw("""
            SELECT kind_rank, currency, status, COUNT(*) AS movements,
                CAST(SUM(amount_minor) AS BIGINT) AS amount, CAST(SUM(fee_minor) AS BIGINT) AS fee, CAST(SUM(tax_minor) AS BIGINT) AS tax
            FROM (\(MoneyMovementRepository.movements(of: nil))) mv
            WHERE occurred_at >= \(bind: period.lowerBound) AND occurred_at < \(bind: period.upperBound)
            GROUP BY kind_rank, currency, status
            """).all() {
            let rank = try row.decode(column: "kind_rank", as: Int.self)
            guard let kind = MoneyMovementKind(rank: rank) else { throw StoreError.conflict("a movement of an unknown kind (\(rank))") }
            let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
            let status = try row.decode(column: "status", as: String.self)
            guard let state = MoneyMovementState(kind, status: status) else {
                throw StoreError.conflict("a \(kind.rawValue) in an unknown state (\(status))")
            }
            volume[currency, default: MoneyTotals(currency: currency)].add(
                kind, amount: try row.decode(column: "amount", as: Int64.self), fee: try row.decode(column: "fee", as: Int64.self),
                tax: try row.decode(column: "tax", as: Int64.self), state: state, count: try row.decode(column: "movements", as: Int.self)
            )
        }
        return volume
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await store.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
