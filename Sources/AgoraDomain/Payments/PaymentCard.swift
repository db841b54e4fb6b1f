import Foundation

/// A card as a payer types it into the local processor's checkout: checked whole, every bad field named. Only the
/// processor sees the number; what the platform keeps of it is `summary` (brand, last four digits, expiry).
public struct PaymentCard: Sendable, Hashable {
    public let number: String
    public let expiryMonth: Int
    public let expiryYear: Int
    public let brand: CardBrand

    /// The raw fields: the number with or without spaces and dashes, the month 1–12, the year in two or four digits,
    /// the three or four digits of the security code.
    public struct Input: Sendable {
        public var number: String?
        public var expiryMonth: Int?
        public var expiryYear: Int?
        public var securityCode: String?

        public init(number: String? = nil, expiryMonth: Int? = nil, expiryYear: Int? = nil, securityCode: String? = nil) {
            self.number = number
            self.expiryMonth = expiryMonth
            self.expiryYear = expiryYear
            self.securityCode = securityCode
        }
    }

    public static let numberLength = 12...19

    public init(_ input: Input, now: Date) throws {
        var errors: [FieldError] = []
        let digits = (input.number ?? "").filter { $0 != " " && $0 != "-" }
        if digits.isEmpty {
            errors.append(FieldError(field: "number", message: "is required"))
        } else if !digits.allSatisfy(Self.isDigit) || !Self.numberLength.contains(digits.count) {
            errors.append(FieldError(field: "number", message: "must be \(Self.numberLength.lowerBound) to \(Self.numberLength.upperBound) digits"))
        } else if !Self.passesLuhn(digits) {
            errors.append(FieldError(field: "number", message: "is not a card number (its check digit is wrong)"))
        }
        let month = input.expiryMonth
        if month == nil || !(1...12).contains(month!) {
            errors.append(FieldError(field: "expiry_month", message: "must be a month from 1 to 12"))
        }
        var year = input.expiryYear
        if let twoDigits = year, (0...99).contains(twoDigits) { year = 2000 + twoDigits }
        if year == nil || !(2000...2099).contains(year!) {
            errors.append(FieldError(field: "expiry_year", message: "must be a year such as 2029"))
        } else if let month, (1...12).contains(month), let year, Self.hasExpired(month: month, year: year, now: now) {
            errors.append(FieldError(field: "expiry_year", message: "the card expired at the end of \(month)/\(year)"))
        }
        let code = input.securityCode ?? ""
        if !(3...4).contains(code.count) || !code.allSatisfy(Self.isDigit) {
            errors.append(FieldError(field: "security_code", message: "must be the 3 or 4 digits on the card"))
        }
        guard errors.isEmpty, let month, let year else { throw ValidationError(errors) }
        number = digits
        expiryMonth = month
        expiryYear = year
        brand = CardBrand(number: digits)
    }

    /// What the platform keeps of a card: never the number or the code.
    public var summary: CardSummary { CardSummary(brand: brand, lastFour: String(number.suffix(4))) }

    private static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    /// The Luhn check every card number carries in its last digit.
    static func passesLuhn(_ digits: String) -> Bool {
        var sum = 0
        for (index, character) in digits.reversed().enumerated() {
            guard let digit = character.wholeNumberValue else { return false }
            let weighted = index % 2 == 1 ? digit * 2 : digit
            sum += weighted > 9 ? weighted - 9 : weighted
        }
        return sum % 10 == 0
    }

    /// A card is good through the last day of its expiry month (UTC).
    static func hasExpired(month: Int, year: Int, now: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let today = calendar.dateComponents([.year, .month], from: now)
        guard let thisYear = today.year, let thisMonth = today.month else { return false }
        return (year, month) < (thisYear, thisMonth)
    }
}

/// The card networks told apart by their number's first digits.
public enum CardBrand: String, Sendable, Codable, CaseIterable {
    case visa, mastercard, amex, other

    init(number: String) {
        let two = Int(number.prefix(2)) ?? 0
        let four = Int(number.prefix(4)) ?? 0
        if number.hasPrefix("4") {
            self = .visa
        } else if (51...55).contains(two) || (2221...2720).contains(four) {
            self = .mastercard
        } else if two == 34 || two == 37 {
            self = .amex
        } else {
            self = .other
        }
    }

    public var label: String {
        switch self {
        case .visa: "Visa"
        case .mastercard: "Mastercard"
        case .amex: "American Express"
        case .other: "Card"
        }
    }
}

/// A card as receipts and the payment's page show it.
public struct CardSummary: Sendable, Hashable, Codable {
    public let brand: CardBrand
    public let lastFour: String

    public init(brand: CardBrand, lastFour: String) {
        self.brand = brand
        self.lastFour = lastFour
    }

    /// "Visa •••• 4242".
    public var label: String { "\(brand.label) •••• \(lastFour)" }
}
