/// What a line of a person's transactions is, seen from their side: the money they paid in for a milestone, got
/// back, earned, or had paid out to their bank. The rank orders movements that one ledger transaction made together
/// (a dispute's decision releases and refunds at once).
public enum MoneyMovementKind: String, Sendable, Codable, CaseIterable {
    /// A client funded a milestone: the amount and the client's service fee, charged to their card.
    case payment
    /// Money given back to a client out of escrow, with its share of the service fee.
    case refund
    /// Escrow released to a provider, less the commission.
    case earning
    /// A provider's available money sent to their bank account.
    case payout
    /// A client's hourly week charged to their saved card: the week's amount and the service fee.
    case weekPayment = "week-payment"
    /// An hourly week's payment released to a provider, less the commission.
    case weekEarning = "week-earning"
    /// A month of a provider's Pro plan charged to their saved card, with the tax on it.
    case plan

    /// The milestone kind a week's kind counts as: the money moves the same way.
    public var counterpart: MoneyMovementKind {
        switch self {
        case .weekPayment: .payment
        case .weekEarning: .earning
        case .payment, .refund, .earning, .payout, .plan: self
        }
    }

    /// Whether the money comes to the person (a refund, an earning) or leaves them (a payment, a payout).
    public var isIncoming: Bool { counterpart == .refund || counterpart == .earning }

    /// What the person is left with of `amount` once `fee` and the `tax` on it are counted: the charge with the fee
    /// and its tax on top for payments and refunds, the earning less the commission and its tax.
    public func total(amount: Int64, fee: Int64, tax: Int64) -> Int64 {
        switch counterpart {
        case .payment, .refund: amount + fee + tax
        case .earning: amount - fee - tax
        // A plan has no fee of its own: its price and the tax on it.
        case .plan: amount + tax
        case .payout, .weekPayment, .weekEarning: amount
        }
    }

    /// What the fee column means for this kind.
    public var feeLabel: String {
        switch counterpart {
        case .payment, .refund: "service fee"
        case .earning: "commission"
        case .payout, .weekPayment, .weekEarning, .plan: "fee"
        }
    }

    public var label: String {
        switch self {
        case .payment: "Payment"
        case .refund: "Refund"
        case .earning: "Earning"
        case .payout: "Payout"
        case .weekPayment: "Hourly week"
        case .weekEarning: "Hourly earning"
        case .plan: "Pro plan"
        }
    }

    public init?(rank: Int) {
        guard let kind = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = kind
    }

    public var rank: Int {
        switch self {
        case .payment: 0
        case .refund: 1
        case .earning: 2
        case .payout: 3
        case .weekPayment: 4
        case .weekEarning: 5
        case .plan: 6
        }
    }
}

/// Where a movement stands for the person: done, waiting for the processor, or failed (a payout the bank refused;
/// its money went back to the wallet).
public enum MoneyMovementState: String, Sendable, Codable, CaseIterable {
    case completed
    case pending
    case failed

    /// Whether it counts in totals: a failed movement moved nothing in the end.
    public var counts: Bool { self != .failed }

    /// The state of a movement of `kind` whose record stands at `status`: a refund's or a payout's own status;
    /// payments and earnings are recorded when done (`completed`). Nil for a status the kind does not have.
    public init?(_ kind: MoneyMovementKind, status: String) {
        switch kind {
        case .payment, .earning, .weekPayment, .weekEarning, .plan:
            guard status == Self.completed.rawValue else { return nil }
            self = .completed
        case .refund:
            guard let refund = RefundStatus(rawValue: status) else { return nil }
            self = refund == .succeeded ? .completed : .pending
        case .payout:
            switch PayoutStatus(rawValue: status) {
            case .pending: self = .pending
            case .paid: self = .completed
            case .failed: self = .failed
            case nil: return nil
            }
        }
    }
}

/// A movement's public id, as transactions list it and receipts are asked for by: its kind and the id of the record
/// behind it (`payment-12`, `earning-3`).
public struct MoneyMovementID: Hashable, Sendable, CustomStringConvertible {
    public let kind: MoneyMovementKind
    public let recordID: Int64

    public init(_ kind: MoneyMovementKind, _ recordID: Int64) {
        self.kind = kind
        self.recordID = recordID
    }

    /// Reads `payment-12`, `week-payment-3`; nil for anything else.
    public init?(_ text: String) {
        guard let dash = text.lastIndex(of: "-"), let kind = MoneyMovementKind(rawValue: String(text[..<dash])) else { return nil }
        let digits = text[text.index(after: dash)...]
        guard let id = Int64(digits), id > 0, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(kind, id)
    }

    public var description: String { "\(kind.rawValue)-\(recordID)" }
}
