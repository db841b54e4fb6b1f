import AgoraDomain
import Foundation

/// The platform's money at a glance, for staff with the finance permission: what every kind of account holds now
/// (from the ledger's balances), what moved in a period (payments, refunds, releases, commission, payouts), and
/// what waits for someone (open disputes, refunds and payouts the processor has not yet paid).
public struct FinanceSummary: Sendable, Hashable {
    /// What every account of each kind holds together now, per currency.
    public let balances: [CurrencyCode: [LedgerAccountKind: Int64]]
    /// Everyone's movements in the period, per currency.
    public let period: Range<Date>
    public let volume: [CurrencyCode: MoneyTotals]
    public let openDisputes: Int
    public let pendingRefunds: Int
    public let pendingPayouts: Int
    public let failedPayouts: Int

    /// Every currency with a balance or a movement, in code order.
    public var currencies: [CurrencyCode] {
        Set(balances.keys).union(volume.keys).sorted { $0.code < $1.code }
    }
}

/// What waits for someone in the books (`FinanceRepository.waiting`): the summary's and the dashboard's counts.
public struct FinanceWaiting: Sendable, Hashable {
    public let openDisputes: Int
    public let pendingRefunds: Int
    public let pendingPayouts: Int
    public let failedPayouts: Int
}
