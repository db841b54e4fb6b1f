/// An amount of money as an integer number of minor units (cents) in one currency. Never a floating-point value.
public struct Money: Hashable, Sendable, Codable {
    public let minorUnits: Int64
    public let currency: CurrencyCode

    public init(minorUnits: Int64, currency: CurrencyCode) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Builds an amount from whole major units (e.g. 45 EUR), for seeds and tests.
    public static func major(_ units: Int64, _ currency: CurrencyCode) -> Money {
        var factor: Int64 = 1
        for _ in 0..<currency.minorUnitDigits { factor *= 10 }
        return Money(minorUnits: units * factor, currency: currency)
    }

    /// The part `numerator / denominator` of this amount (a fee's rate, minutes of an hour), rounded half away from
    /// zero to the currency's minor unit: the one rounding every computed amount uses. `denominator` is positive.
    public func portion(_ numerator: Int64, of denominator: Int64) -> Money {
        precondition(denominator > 0, "a portion of a positive whole")
        let (product, overflow) = minorUnits.multipliedReportingOverflow(by: numerator)
        precondition(!overflow, "an amount too large to take a portion of")
        let quotient = product / denominator
        let remainder = product % denominator
        let roundsAway = remainder.magnitude * 2 >= UInt64(denominator)
        return Money(minorUnits: roundsAway ? quotient + (product < 0 ? -1 : 1) : quotient, currency: currency)
    }

    /// A display string such as `€45` or `€45.50`: cents are shown only when there are any.
    public var formatted: String {
        let digits = currency.minorUnitDigits
        var factor: Int64 = 1
        for _ in 0..<digits { factor *= 10 }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let major = magnitude / UInt64(factor)
        let minor = magnitude % UInt64(factor)
        var text = sign + currency.symbol + GroupedDigits.format(magnitude: major)
        if minor != 0 {
            let minorText = String(minor)
            text += "." + String(repeating: "0", count: digits - minorText.count) + minorText
        }
        return text
    }
}
