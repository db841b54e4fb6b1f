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
            balances: try await balances(), period: period, volume: try await MoneyMovementRepository(store: store).totals(of: nil, over: period),
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

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await store.sql.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
