import Foundation

/// A person's money over one calendar year in UTC: the year's totals per currency and each month's, as the yearly
/// statement, the transactions CSV's period and the spending and earnings charts read them.
public struct MoneyStatement: Sendable, Hashable {
    public let year: Int
    public private(set) var totals: [CurrencyCode: MoneyTotals] = [:]
    /// 1 to 12 → the month's totals per currency (months without movements are absent).
    public private(set) var months: [Int: [CurrencyCode: MoneyTotals]] = [:]

    /// A year statements may be asked for.
    public static let years = 2000...2100

    public init(year: Int) throws {
        guard Self.years.contains(year) else {
            throw ValidationError(field: "year", message: "must be a year from \(Self.years.lowerBound) to \(Self.years.upperBound)")
        }
        self.year = year
    }

    /// The year as a span of time: from its first instant (UTC) to the next year's.
    public var period: Range<Date> {
        Self.start(year: year, month: 1)..<Self.start(year: year + 1, month: 1)
    }

    /// The currencies moved in, in code order.
    public var currencies: [CurrencyCode] { totals.keys.sorted { $0.code < $1.code } }

    /// Adds a movement that happened `at` (in the year).
    public mutating func add(_ kind: MoneyMovementKind, amount: Money, fee: Money, tax: Money, state: MoneyMovementState, at date: Date) {
        let currency = amount.currency
        totals[currency, default: MoneyTotals(currency: currency)]
            .add(kind, amount: amount.minorUnits, fee: fee.minorUnits, tax: tax.minorUnits, state: state)
        let month = Self.calendar.component(.month, from: date)
        months[month, default: [:]][currency, default: MoneyTotals(currency: currency)]
            .add(kind, amount: amount.minorUnits, fee: fee.minorUnits, tax: tax.minorUnits, state: state)
    }

    /// The year `date` falls in, in UTC.
    public static func year(of date: Date) -> Int { calendar.component(.year, from: date) }

    /// The start of the UTC day after the one `date` falls in: the end of a period that takes in all of today.
    public static func dayAfter(_ date: Date) -> Date {
        let day = calendar.startOfDay(for: date)
        return calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    private static func start(year: Int, month: Int) -> Date {
        calendar.date(from: DateComponents(year: year, month: month, day: 1)) ?? Date(timeIntervalSince1970: 0)
    }
}
