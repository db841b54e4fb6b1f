/// An ISO 4217 currency code together with the number of digits of its minor unit.
public struct CurrencyCode: Hashable, Sendable, Codable, CustomStringConvertible {
    public let code: String

    /// Digits after the decimal separator (2 for EUR, 0 for JPY, 3 for KWD).
    public var minorUnitDigits: Int { Self.minorUnitDigits[code] ?? 2 }

    /// The symbol shown before an amount; the code itself when no symbol is common.
    public var symbol: String { Self.symbols[code] ?? code + " " }

    public var description: String { code }

    /// Accepts a three-letter code the marketplace settles in.
    public init(_ code: String) throws {
        let upper = code.uppercased()
        guard Self.supported.contains(upper) else {
            throw ValidationError(field: "currency", message: "\(code) is not a supported currency (use one of \(Self.supported.sorted().joined(separator: ", ")))")
        }
        self.code = upper
    }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    public static let eur = try! CurrencyCode("EUR")
    public static let usd = try! CurrencyCode("USD")
    public static let gbp = try! CurrencyCode("GBP")

    /// The currencies providers may quote in.
    public static let supported: Set<String> = ["EUR", "USD", "GBP", "CHF", "SEK", "PLN", "CAD", "AUD", "JPY", "INR", "BRL", "KWD"]

    /// ISO 4217's minor-unit digits where they are not 2.
    private static let minorUnitDigits: [String: Int] = ["JPY": 0, "KWD": 3]
    private static let symbols: [String: String] = [
        "EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "INR": "₹", "BRL": "R$",
        "CAD": "CA$", "AUD": "A$",
    ]
}
