import AgoraDomain
import Foundation
import Testing

@Suite("Money statements")
struct MoneyStatementTests {
    func money(_ minor: Int64, _ currency: CurrencyCode = .eur) -> Money { Money(minorUnits: minor, currency: currency) }

    @Test("a movement id reads back what it writes, and nothing else")
    func movementIDs() {
        for kind in MoneyMovementKind.allCases {
            let id = MoneyMovementID(kind, 42)
            #expect(MoneyMovementID(id.description) == id)
            #expect(MoneyMovementKind(rank: kind.rank) == kind)
        }
        for bad in ["payment", "payment-", "payment-0", "payment--1", "payment-+1", "payment-1x", "gift-1", "Payment-1", "payment-١"] {
            #expect(MoneyMovementID(bad) == nil, "\(bad)")
        }
    }

    @Test("every kind's receipt lines add up to its total", arguments: MoneyMovementKind.allCases)
    func receiptLines(kind: MoneyMovementKind) {
        for (amount, fee, tax) in [(Int64(60_000), Int64(1_800), Int64(342)), (1, 0, 0), (99_999, 4_321, 0)] {
            let fee = kind == .payout ? 0 : fee
            let tax = kind == .payout ? 0 : tax
            let lines = kind.receiptLines(amount: money(amount), fee: money(fee), tax: money(tax), taxNote: "VAT 19 % (Germany)", subject: "Design")
            #expect(lines.map(\.amount.minorUnits).reduce(0, +) == kind.total(amount: amount, fee: fee, tax: tax))
            #expect(kind == .payout || lines.contains { $0.label.hasPrefix("VAT 19 % (Germany)") })
            #expect(lines.first?.label.hasSuffix(kind == .payout ? "account" : ": Design") == true)
        }
    }

    @Test("totals: what was paid less what came back; earnings less commission; failed movements count for nothing")
    func totals() {
        var totals = MoneyTotals(currency: .eur)
        totals.add(.payment, amount: 60_000, fee: 1_800, tax: 342, state: .completed)
        totals.add(.refund, amount: 30_000, fee: 900, tax: 171, state: .pending)
        totals.add(.earning, amount: 20_000, fee: 2_000, tax: 380, state: .completed)
        totals.add(.payout, amount: 18_000, fee: 0, tax: 0, state: .failed)
        totals.add(.payout, amount: 18_000, fee: 0, tax: 0, state: .completed)
        #expect(totals.paid == 62_142 && totals.refunded == 31_071 && totals.netSpent == 31_071 && totals.serviceFees == 900)
        #expect(totals.earned == 20_000 && totals.commission == 2_000 && totals.commissionTax == 380 && totals.netEarned == 17_620)
        #expect(totals.taxOnFees == 342 - 171 + 380)
        #expect(totals.paidOut == 18_000 && totals.movements == 4)
    }

    @Test("a statement's year runs from its first UTC instant to the next year's; months and currencies kept apart")
    func statement() throws {
        let jpy = try CurrencyCode("JPY")
        var statement = try MoneyStatement(year: 2026)
        let start = statement.period.lowerBound
        #expect(start == Date(timeIntervalSince1970: 1_767_225_600), "2026-01-01T00:00:00Z")
        #expect(statement.period.upperBound == Date(timeIntervalSince1970: 1_798_761_600), "2027-01-01T00:00:00Z")
        statement.add(.payment, amount: money(10_000), fee: money(300), tax: money(0), state: .completed, at: start)
        statement.add(
            .payment, amount: money(5_000, jpy), fee: money(150, jpy), tax: money(0, jpy), state: .completed, at: start.addingTimeInterval(40 * 86_400)
        )
        #expect(statement.currencies == [.eur, jpy])
        #expect(statement.totals[.eur]?.paid == 10_300 && statement.months[1]?[.eur]?.paid == 10_300)
        #expect(statement.months[2]?[jpy]?.paid == 5_150 && statement.months[2]?[.eur] == nil)
        #expect(MoneyStatement.year(of: statement.period.upperBound.addingTimeInterval(-0.001)) == 2026)
        #expect(MoneyStatement.dayAfter(start.addingTimeInterval(3_600)) == start.addingTimeInterval(86_400))
        for year in [1999, 2101] {
            #expect(throws: ValidationError.self) { try MoneyStatement(year: year) }
        }
    }

    @Test("a refund's or a payout's status gives its state; payments and earnings are done when recorded")
    func states() {
        #expect(MoneyMovementState(.refund, status: "pending") == .pending)
        #expect(MoneyMovementState(.refund, status: "succeeded") == .completed)
        #expect(MoneyMovementState(.payout, status: "failed") == .failed)
        #expect(MoneyMovementState(.payout, status: "paid") == .completed)
        #expect(MoneyMovementState(.payment, status: "completed") == .completed)
        #expect(MoneyMovementState(.payment, status: "paid") == nil)
        #expect(MoneyMovementState(.refund, status: "failed") == nil)
    }
}
