/// How much of each supported currency one euro buys: the table that price filters, price sorting and price
/// facets use to compare hourly rates quoted in different currencies. Amounts are converted, never stored
/// converted: a provider's rate stays in the currency they chose.
///
/// The figures are reference rates of late November 2026, rounded to four significant digits. Searching is the
/// only use: payments never convert with this table.
public enum ExchangeRates {
    public static let unitsPerEuro: [String: Double] = [
        "EUR": 1, "USD": 1.058, "GBP": 0.8331, "CHF": 0.9312, "SEK": 11.52, "PLN": 4.318,
        "CAD": 1.481, "AUD": 1.627, "JPY": 159.8, "INR": 89.37, "BRL": 6.152,
        "KWD": 0.3251,
    ]

    /// Minor units of `target` worth one minor unit of `source` (e.g. 1 JPY yen → 0.6258 EUR cents).
    public static func minorUnitFactor(from source: CurrencyCode, to target: CurrencyCode) -> Double {
        let sourceMajor = (unitsPerEuro[source.code] ?? 1) * Double(power10(source.minorUnitDigits))
        let targetMajor = (unitsPerEuro[target.code] ?? 1) * Double(power10(target.minorUnitDigits))
        return targetMajor / sourceMajor
    }

    /// The amount in minor units of `target`, rounded to the nearest minor unit.
    public static func convert(_ amount: Money, to target: CurrencyCode) -> Int64 {
        Int64((Double(amount.minorUnits) * minorUnitFactor(from: amount.currency, to: target)).rounded())
    }

    static func power10(_ digits: Int) -> Int64 {
        (0..<digits).reduce(1) { value, _ in value * 10 }
    }
}
