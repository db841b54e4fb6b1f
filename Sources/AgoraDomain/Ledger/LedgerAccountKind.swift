/// The kinds of account money sits in. Each account is one kind, one owner and one currency
/// (`LedgerAccountKey`); whether it may go below zero is the kind's to say, here and nowhere else.
public enum LedgerAccountKind: String, Sendable, Codable, CaseIterable {
    /// What a client paid in and has not yet put into escrow (owner: the client).
    case clientFunds = "client-funds"
    /// Money held for one milestone (owner: the milestone).
    case escrow
    /// Money held for one week of hourly work (owner: the week's payment).
    case weekEscrow = "week-escrow"
    /// Released to a provider, on hold or available for payout (owner: the provider).
    case providerPayable = "provider-payable"
    /// A payout on its way to a provider's own account: taken from their payable money when decided, sent out
    /// through the processor once it is paid (owner: the provider).
    case providerPaid = "provider-paid"
    /// The platform's commission and fees (owner: none).
    case platformRevenue = "platform-revenue"
    /// Tax collected on the platform's fees, owed to the tax authority (owner: none).
    case taxPayable = "tax-payable"
    /// The mirror of the payment processor: money comes in from it and goes out through it (owner: none).
    case processorClearing = "processor-clearing"
    /// A refund on its way back to a client: taken out of escrow when decided, sent out through the processor once
    /// it is paid back (owner: the client).
    case refunds

    /// Only the processor's mirror may go below zero: every payment in takes it down, every payment out brings it
    /// back. Every other account holds real money and never owes any.
    public var mayGoNegative: Bool { self == .processorClearing }

    /// Whether an account of this kind belongs to someone (a user, a milestone) rather than to the platform.
    public var hasOwner: Bool {
        switch self {
        case .clientFunds, .escrow, .weekEscrow, .providerPayable, .providerPaid, .refunds: true
        case .platformRevenue, .taxPayable, .processorClearing: false
        }
    }
}

/// One account: its kind, whose it is (0 for the platform's own), and its currency.
public struct LedgerAccountKey: Hashable, Sendable {
    public let kind: LedgerAccountKind
    public let ownerID: Int64
    public let currency: CurrencyCode

    public init(_ kind: LedgerAccountKind, owner ownerID: Int64 = 0, currency: CurrencyCode) {
        self.kind = kind
        self.ownerID = kind.hasOwner ? ownerID : 0
        self.currency = currency
    }
}
