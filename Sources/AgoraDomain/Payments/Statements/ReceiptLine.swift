/// One line of a receipt: what it is for and its amount, negative for what is taken off (commission).
public struct ReceiptLine: Sendable, Hashable {
    public let label: String
    public let amount: Money

    public init(_ label: String, _ amount: Money) {
        self.label = label
        self.amount = amount
    }
}

extension MoneyMovementKind {
    /// The lines a receipt shows for a movement of this kind, about `subject` (the milestone's title): the part,
    /// then the fee added or the commission taken off. They add up to `total(amount:fee:)`.
    public func receiptLines(amount: Money, fee: Money, subject: String?) -> [ReceiptLine] {
        let about = subject.map { ": \($0)" } ?? ""
        switch self {
        case .payment:
            return [ReceiptLine("Milestone\(about)", amount), ReceiptLine("Service fee", fee)]
        case .refund:
            return [ReceiptLine("Refund for milestone\(about)", amount), ReceiptLine("Service fee returned", fee)]
        case .earning:
            return [ReceiptLine("Released for milestone\(about)", amount), ReceiptLine("Commission", Money(minorUnits: -fee.minorUnits, currency: fee.currency))]
        case .payout:
            return [ReceiptLine("Paid out to your bank account", amount)]
        }
    }
}
