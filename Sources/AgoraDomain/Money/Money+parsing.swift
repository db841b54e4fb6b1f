extension Money {
    /// Reads an amount written in major units (`45`, `45.5`, `45.50`; no sign, no exponent, at most the currency's
    /// minor digits) exactly, without going through floating point; nil when the text is not such an amount.
    public init?(major text: String, currency: CurrencyCode) {
        let digits = currency.minorUnitDigits
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.count <= 15, (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || (digits > 0 && (1...digits).contains(parts[1].count)),
              let major = Int64(parts[0])
        else { return nil }
        var minor = major * ExchangeRates.power10(digits)
        if parts.count == 2 {
            minor += Int64(String(parts[1]).padding(toLength: digits, withPad: "0", startingAt: 0)) ?? 0
        }
        self.init(minorUnits: minor, currency: currency)
    }

    /// What `init(major:currency:)` accepts, in words, for field errors.
    public static func amountRule(in currency: CurrencyCode) -> String {
        currency.minorUnitDigits > 0
            ? "must be an amount such as 45 or 45.50 in \(currency.code)"
            : "must be a whole amount in \(currency.code)"
    }
}

extension Money {
    /// The amount in major units as `init(major:currency:)` reads it back (`2500.50`, `2500`, `¥` amounts whole).
    public var majorText: String {
        let digits = currency.minorUnitDigits
        let factor = ExchangeRates.power10(digits)
        let major = minorUnits / factor
        guard digits > 0 else { return String(major) }
        let minor = String(minorUnits.magnitude % UInt64(factor))
        return "\(major).\(String(repeating: "0", count: digits - minor.count))\(minor)"
    }
}
