/// Why money moved: what a ledger transaction records itself as.
public enum LedgerTransactionKind: String, Sendable, Codable, CaseIterable {
    /// A client's payment came in from the processor.
    case payment
    /// A milestone or a week of hourly work was funded from the client's money.
    case funding
    /// Escrow released to the provider, less the platform's fees and their tax.
    case release
    /// Money returned to the client.
    case refund
    /// A dispute settled by a split.
    case disputeResolution = "dispute-resolution"
    /// A provider's available money paid out.
    case payout
    /// A provider's plan paid for: the platform's revenue and the tax on it.
    case subscription
    /// The exact opposite of an earlier transaction: how mistakes are corrected (entries are never changed).
    case reversal
}

/// A transaction to write, checked whole before the store sees it: an idempotency key, what it is and what it refers
/// to, and its lines, which must balance. The store adds what only it can check (balances that may not go negative,
/// the key used before).
public struct LedgerTransactionDraft: Sendable, Hashable {
    /// One line: an amount in the account's currency's minor units, positive into the account, negative out of it.
    public struct Line: Sendable, Hashable {
        public let account: LedgerAccountKey
        public let amount: Int64

        public init(_ account: LedgerAccountKey, _ amount: Int64) {
            self.account = account
            self.amount = amount
        }
    }

    public static let keyLength = 1...200
    public static let maximumLines = 50

    public let idempotencyKey: String
    public let kind: LedgerTransactionKind
    /// What it refers to, as `milestone:12`, `payment:34`: free-form for the money flows that build on the ledger.
    public let reference: String
    public let actorID: Int64?
    public let lines: [Line]

    /// Refuses a draft with no lines or a line of zero, an account twice, or lines that do not sum to zero in
    /// each currency.
    public init(idempotencyKey: String, kind: LedgerTransactionKind, reference: String, actorID: Int64?, lines: [Line]) throws {
        var errors: [FieldError] = []
        if !Self.keyLength.contains(idempotencyKey.count) || idempotencyKey.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value > 0x7E }) {
            errors.append(FieldError(field: "idempotency_key", message: "must be 1 to \(Self.keyLength.upperBound) visible ASCII characters"))
        }
        if lines.count < 2 || lines.count > Self.maximumLines {
            errors.append(FieldError(field: "lines", message: "must be 2 to \(Self.maximumLines) lines"))
        }
        if lines.contains(where: { $0.amount == 0 }) {
            errors.append(FieldError(field: "lines", message: "must not hold a line of zero"))
        }
        if Set(lines.map(\.account)).count != lines.count {
            errors.append(FieldError(field: "lines", message: "must name each account once"))
        }
        for (currency, total) in Self.totals(lines) where total != 0 {
            errors.append(FieldError(field: "lines", message: "must sum to zero in \(currency.code); they sum to \(total) minor units"))
        }
        guard errors.isEmpty else { throw ValidationError(errors) }
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.reference = reference
        self.actorID = actorID
        self.lines = lines
    }

    /// The sum of the lines in each currency (zero in every one, for a draft that was accepted).
    public static func totals(_ lines: [Line]) -> [CurrencyCode: Int64] {
        var totals: [CurrencyCode: Int64] = [:]
        for line in lines {
            let (sum, overflow) = totals[line.account.currency, default: 0].addingReportingOverflow(line.amount)
            totals[line.account.currency] = overflow ? .max : sum
        }
        return totals
    }

    /// The draft that undoes this one: every line the other way, under its own key.
    public func reversal(key: String, actorID: Int64?) throws -> LedgerTransactionDraft {
        try LedgerTransactionDraft(
            idempotencyKey: key, kind: .reversal, reference: reference, actorID: actorID, lines: lines.map { Line($0.account, -$0.amount) }
        )
    }

    /// The text the chain's hash covers and a repeated request is compared by: every field, in a fixed order.
    public var canonicalText: String {
        let parts = lines.map { "\($0.account.kind.rawValue)/\($0.account.ownerID)/\($0.account.currency.code)=\($0.amount)" }
        return [idempotencyKey, kind.rawValue, reference, actorID.map(String.init) ?? "-"].joined(separator: "|") + "|" + parts.joined(separator: ",")
    }
}
