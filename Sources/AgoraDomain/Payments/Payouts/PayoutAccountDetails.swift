/// Where a provider's money is paid out: a bank account by IBAN (its ISO 13616 mod-97 check) and BIC (ISO 9362
/// format), in the holder's name, and how often. Checked whole, every bad field named.
public struct PayoutAccountDetails: Sendable, Hashable {
    public let holderName: String
    /// Upper case, without spaces.
    public let iban: String
    public let bic: String
    public let schedule: PayoutSchedule

    public struct Input: Sendable {
        public var holderName: String?
        public var iban: String?
        public var bic: String?
        public var schedule: String?

        public init(holderName: String? = nil, iban: String? = nil, bic: String? = nil, schedule: String? = nil) {
            self.holderName = holderName
            self.iban = iban
            self.bic = bic
            self.schedule = schedule
        }
    }

    public static let holderNameLength = 2...100

    public init(_ input: Input) throws {
        var errors: [FieldError] = []
        let holder = FieldReading.text(input.holderName, field: "holder_name", length: Self.holderNameLength, multiline: false, errors: &errors)
        let iban = (input.iban ?? "").filter { $0 != " " }.uppercased()
        if !Self.isIBAN(iban) {
            errors.append(FieldError(field: "iban", message: "is not an IBAN: two letters of the country, two check digits and the account, 15 to 34 characters (its check digits must match)"))
        }
        let bic = (input.bic ?? "").filter { $0 != " " }.uppercased()
        if !Self.isBIC(bic) {
            errors.append(FieldError(field: "bic", message: "is not a BIC: 8 or 11 letters and digits, such as DEUTDEFF or DEUTDEFF500"))
        }
        let schedule = FieldReading.choice(input.schedule, field: "schedule", default: PayoutSchedule.weekly, errors: &errors)
        guard errors.isEmpty, let holder, let schedule else { throw ValidationError(errors) }
        holderName = holder
        self.iban = iban
        self.bic = bic
        self.schedule = schedule
    }

    /// The IBAN as statements show it: its country, then dots, then its last four characters.
    public var maskedIBAN: String { String(iban.prefix(2)) + " •••• " + String(iban.suffix(4)) }

    /// ISO 13616: letters of the country, two check digits, up to 30 letters and digits; moved the first four
    /// characters to the end and letters made numbers (A = 10 … Z = 35), the number mod 97 is 1.
    static func isIBAN(_ text: String) -> Bool {
        guard (15...34).contains(text.count), text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        let characters = Array(text)
        guard characters[0].isLetter, characters[1].isLetter, characters[2].isNumber, characters[3].isNumber else { return false }
        var remainder = 0
        for character in characters[4...] + characters[..<4] {
            guard let value = character.isNumber ? character.wholeNumberValue : Int(character.asciiValue ?? 0) - 55 else { return false }
            for digit in String(value) { remainder = (remainder * 10 + (digit.wholeNumberValue ?? 0)) % 97 }
        }
        return remainder == 1
    }

    /// ISO 9362: four letters of the bank, two of the country, two letters or digits of the place, and optionally three
    /// of the branch.
    static func isBIC(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 8 || characters.count == 11, characters.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
        return characters[0..<6].allSatisfy(\.isLetter)
    }
}

/// How often a provider's available money is paid out.
public enum PayoutSchedule: String, Sendable, Codable, CaseIterable {
    case weekly
    case monthly
    /// Only when the provider asks.
    case manual
}

/// Where a payout stands: decided (out of the provider's available money), then paid by the processor, or failed
/// and given back.
public enum PayoutStatus: String, Sendable, Codable, CaseIterable {
    case pending
    case paid
    case failed
}

/// The bank accounts the local processor knows, after Stripe's test bank accounts: payouts to this one fail as a
/// closed account; every other valid IBAN is paid. It moves no real money.
public enum LocalTestBankAccount {
    public static let closed = "DE68370400440000000000"
}
