/// Whose escrow account money is held in: a milestone's, or one hourly week's payment.
public enum EscrowHolder: Sendable, Hashable {
    case milestone(Int64)
    case week(paymentID: Int64)

    public func account(_ currency: CurrencyCode) -> LedgerAccountKey {
        switch self {
        case .milestone(let id): LedgerAccountKey(.escrow, owner: id, currency: currency)
        case .week(let paymentID): LedgerAccountKey(.weekEscrow, owner: paymentID, currency: currency)
        }
    }
}
