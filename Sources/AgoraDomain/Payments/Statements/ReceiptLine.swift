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
    /// then the fee added or the commission taken off, then the tax on it under `taxNote` (`TaxTreatment.note`:
    /// its rate and place, or why none was charged). They add up to `total(amount:fee:tax:)`.
    public func receiptLines(amount: Money, fee: Money, tax: Money, taxNote: String, subject: String?) -> [ReceiptLine] {
        let about = subject.map { ": \($0)" } ?? ""
        let taxLine = taxNote.isEmpty ? "Tax on the fee" : taxNote
        switch self {
        case .payment:
            return [ReceiptLine("Milestone\(about)", amount), ReceiptLine("Service fee", fee), ReceiptLine(taxLine, tax)]
        case .refund:
            return [ReceiptLine("Refund for milestone\(about)", amount), ReceiptLine("Service fee returned", fee), ReceiptLine("\(taxLine), returned", tax)]
        case .earning:
            return [
                ReceiptLine("Released for milestone\(about)", amount), ReceiptLine("Commission", Money(minorUnits: -fee.minorUnits, currency: fee.currency)),
                ReceiptLine("\(taxNote.isEmpty ? "Tax on the commission" : taxNote)", Money(minorUnits: -tax.minorUnits, currency: tax.currency)),
            ]
        case .payout:
            return [ReceiptLine("Paid out to your bank account", amount)]
        case .plan:
            return [ReceiptLine("Pro plan\(about)", amount), ReceiptLine(taxNote.isEmpty ? "Tax" : taxNote, tax)]
        case .weekPayment, .weekEarning:
            let lines = counterpart.receiptLines(amount: amount, fee: fee, tax: tax, taxNote: taxNote, subject: subject)
            return [ReceiptLine(self == .weekPayment ? "Hours worked\(about)" : "Released for hours worked\(about)", amount)] + lines.dropFirst()
        }
    }
}
