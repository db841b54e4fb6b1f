/// A person's money in one currency, as the wallet shows it: held in escrow for their milestones, released but still
/// in the security hold, available to be paid out, and paid out so far.
public struct Wallet: Sendable, Hashable {
    public let currency: CurrencyCode
    public let inEscrow: Money
    public let onHold: Money
    public let available: Money
    public let paidOut: Money

    public init(currency: CurrencyCode, inEscrow: Int64, released: Int64, releasedBeforeHold: Int64, withdrawn: Int64, paidOut: Int64) {
        self.currency = currency
        self.inEscrow = Money(minorUnits: inEscrow, currency: currency)
        // What left the payable account (payouts) is taken from what has cleared the hold first.
        let available = max(0, releasedBeforeHold - withdrawn)
        self.available = Money(minorUnits: available, currency: currency)
        onHold = Money(minorUnits: max(0, released - withdrawn - available), currency: currency)
        self.paidOut = Money(minorUnits: paidOut, currency: currency)
    }
}
