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

    /// Whether the money comes to the person (a refund, an earning) or leaves them (a payment, a payout).
    public var isIncoming: Bool { self == .refund || self == .earning }

    /// What the person is left with of `amount` once `fee` is counted: the charge with the fee on top for payments
    /// and refunds, the earning less the commission.
    public func total(amount: Int64, fee: Int64) -> Int64 {
        switch self {
        case .payment, .refund: amount + fee
        case .earning: amount - fee
        case .payout: amount
        }
    }

    /// What the fee column means for this kind.
    public var feeLabel: String {
        switch self {
        case .payment, .refund: "service fee"
        case .earning: "commission"
        case .payout: "fee"
        }
    }

    public var label: String {
        switch self {
        case .payment: "Payment"
        case .refund: "Refund"
        case .earning: "Earning"
        case .payout: "Payout"
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
        case .payment, .earning:
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

    /// Reads `payment-12`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let kind = MoneyMovementKind(rawValue: String(parts[0])),
              let id = Int64(parts[1]), id > 0, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(kind, id)
    }

    public var description: String { "\(kind.rawValue)-\(recordID)" }
}
