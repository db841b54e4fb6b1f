import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The books, for staff with `finance.read`: `GET /api/admin/finance/summary` (what every kind of account holds,
/// what moved in a period, what waits) and `GET /api/admin/ledger/verify` (every balance recomputed from the
/// entries and the hash chain checked, as `agora ledger verify` does).
struct FinanceAdminRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    /// The period the summary covers when none is asked for: the 30 days up to the end of today (UTC).
    static let defaultPeriodDays = 30

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        AdminArea.finance.group(on: admin, store: store).get("summary", use: summary)
        AdminArea.ledger.group(on: admin, store: store).get("verify", use: verify)
    }

    /// `?from=&to=` (UTC days, `to` inclusive).
    @Sendable func summary(_ request: Request, context: AgoraRequestContext) async throws -> FinanceSummaryBody {
        var reader = AdminQuery()
        var from: Date?
        var until: Date?
        for (name, value) in try QueryParameters.pairs(of: request) {
            switch name {
            case "from": from = reader.day(value, name)
            case "to": until = reader.day(value, name)?.addingTimeInterval(86_400)
            default: reader.unknown(name)
            }
        }
        try reader.check()
        let end = until ?? MoneyStatement.dayAfter(clock.now)
        let start = from ?? end.addingTimeInterval(-Double(Self.defaultPeriodDays) * 86_400)
        guard start < end else { throw Problem.invalidQuery([FieldError(field: "from", message: "must be before the end of the period (to)")]) }
        return FinanceSummaryBody(try await FinanceRepository(store: store).summary(over: start..<end))
    }

    @Sendable func verify(_ request: Request, context: AgoraRequestContext) async throws -> LedgerVerificationBody {
        let started = ContinuousClock.now
        let verification = try await Ledger(store: store).verify()
        return LedgerVerificationBody(verification, milliseconds: Int((ContinuousClock.now - started).milliseconds.rounded()), checkedAt: clock.now)
    }
}

/// The finance summary: per currency what the accounts hold now and what moved in the period; what waits.
struct FinanceSummaryBody: ResponseEncodable {
    struct Currency: Encodable {
        let currency: String
        /// Every kind of account, by its name (`escrow`, `provider-payable`, …), summed.
        let balances: [String: MoneyBody]
        let volume: MoneyTotalsBody
    }

    let from: Date
    let to: Date
    let currencies: [Currency]
    let openDisputes: Int
    let pendingRefunds: Int
    let pendingPayouts: Int
    let failedPayouts: Int

    init(_ summary: FinanceSummary) {
        from = summary.period.lowerBound
        to = summary.period.upperBound
        currencies = summary.currencies.map { currency in
            let held = summary.balances[currency] ?? [:]
            return Currency(
                currency: currency.code,
                balances: Dictionary(uniqueKeysWithValues: LedgerAccountKind.allCases.map {
                    ($0.rawValue, MoneyBody(Money(minorUnits: held[$0] ?? 0, currency: currency)))
                }),
                volume: MoneyTotalsBody(summary.volume[currency] ?? MoneyTotals(currency: currency))
            )
        }
        openDisputes = summary.openDisputes
        pendingRefunds = summary.pendingRefunds
        pendingPayouts = summary.pendingPayouts
        failedPayouts = summary.failedPayouts
    }
}

/// What the ledger's verification found: sound or not, how much it read, each difference, and how long it took.
struct LedgerVerificationBody: ResponseEncodable {
    let sound: Bool
    let transactions: Int
    let entries: Int
    let problems: [String]
    let milliseconds: Int
    let checkedAt: Date

    init(_ verification: LedgerVerification, milliseconds: Int, checkedAt: Date) {
        sound = verification.isSound
        transactions = verification.transactions
        entries = verification.entries
        problems = verification.problems
        self.milliseconds = milliseconds
        self.checkedAt = checkedAt
    }
}
