/// What a person's movements in one currency add up to over a period: the one place statements, the spending and
/// earnings figures and the finance summary sum them. Failed movements count for nothing.
public struct MoneyTotals: Sendable, Hashable {
    public let currency: CurrencyCode
    /// Charged for milestones, service fees included.
    public private(set) var paid: Int64 = 0
    /// The service fees in what was paid, less the shares that went back with refunds.
    public private(set) var serviceFees: Int64 = 0
    /// The tax on the platform's fees: on service fees (less what went back) for a client, on commission and on
    /// their plan for a provider.
    public private(set) var taxOnFees: Int64 = 0
    /// Given back, service-fee shares included.
    public private(set) var refunded: Int64 = 0
    /// Released to the person as a provider, before commission.
    public private(set) var earned: Int64 = 0
    public private(set) var commission: Int64 = 0
    /// Sent to the person's bank (or on its way).
    public private(set) var paidOut: Int64 = 0
    /// Paid for a provider's plan, tax included (the tax is in `taxOnFees` too).
    public private(set) var plans: Int64 = 0
    public private(set) var movements = 0

    public init(currency: CurrencyCode) { self.currency = currency }

    /// What the person spent in the end: what they paid less what came back.
    public var netSpent: Int64 { paid - refunded }
    /// What the person earned in the end: earnings less commission and its tax.
    public var netEarned: Int64 { earned - commission - commissionTax }
    /// The tax on commission (within `taxOnFees`).
    public private(set) var commissionTax: Int64 = 0

    /// Adds `count` movements of one kind whose amounts, fees and taxes sum to `amount`, `fee` and `tax` (one movement
    /// by default).
    public mutating func add(_ kind: MoneyMovementKind, amount: Int64, fee: Int64, tax: Int64, state: MoneyMovementState, count: Int = 1) {
        guard state.counts else { return }
        movements += count
        switch kind.counterpart {
        case .payment:
            paid += kind.total(amount: amount, fee: fee, tax: tax)
            serviceFees += fee
            taxOnFees += tax
        case .refund:
            refunded += kind.total(amount: amount, fee: fee, tax: tax)
            serviceFees -= fee
            taxOnFees -= tax
        case .earning:
            earned += amount
            commission += fee
            commissionTax += tax
            taxOnFees += tax
        case .plan:
            plans += kind.total(amount: amount, fee: fee, tax: tax)
            taxOnFees += tax
        case .payout, .weekPayment, .weekEarning:
            paidOut += amount
        }
    }

    public func money(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: currency) }
}
