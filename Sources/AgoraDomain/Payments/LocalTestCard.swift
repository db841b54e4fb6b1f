/// The card numbers the local processor knows, after Stripe's test cards, and what each does. The local processor
/// moves no real money, so it accepts no other number: anything else is declined as not a test card.
public enum LocalTestCard: String, Sendable, CaseIterable {
    case succeeds = "4242424242424242"
    case succeedsMastercard = "5555555555554444"
    case declined = "4000000000000002"
    case insufficientFunds = "4000000000009995"
    case requiresAuthentication = "4000002500003155"

    /// What confirming a payment with a card does at the local processor.
    public enum Outcome: Sendable, Hashable {
        case succeeds
        case requiresAuthentication
        case declined(PaymentFailure)
    }

    /// What the card does, in the checkout's words.
    public var effect: String {
        switch self {
        case .succeeds, .succeedsMastercard: "is paid"
        case .declined: "is declined"
        case .insufficientFunds: "is declined for insufficient funds"
        case .requiresAuthentication: "asks you to confirm the payment on the next page (3-D Secure)"
        }
    }

    /// The number grouped by four, as it is printed on a card.
    public var grouped: String {
        stride(from: 0, to: rawValue.count, by: 4).map { offset in
            let start = rawValue.index(rawValue.startIndex, offsetBy: offset)
            return String(rawValue[start..<rawValue.index(start, offsetBy: 4)])
        }.joined(separator: " ")
    }

    public static func outcome(for card: PaymentCard) -> Outcome {
        switch LocalTestCard(rawValue: card.number) {
        case .succeeds, .succeedsMastercard: .succeeds
        case .requiresAuthentication: .requiresAuthentication
        case .declined: .declined(.cardDeclined)
        case .insufficientFunds: .declined(.insufficientFunds)
        case nil: .declined(.notATestCard)
        }
    }
}

/// Why a payment did not go through, with Stripe's decline codes where it has one.
public enum PaymentFailure: String, Sendable, Codable, CaseIterable {
    case cardDeclined = "card_declined"
    case insufficientFunds = "insufficient_funds"
    case notATestCard = "not_a_test_card"
    case authenticationFailed = "authentication_failed"
    case processorError = "processor_error"
    /// A payout to a bank account that no longer takes money (Stripe's `account_closed`).
    case accountClosed = "account_closed"

    /// What the payer is told.
    public var message: String {
        switch self {
        case .cardDeclined: "The card was declined. Try another card."
        case .insufficientFunds: "The card has insufficient funds. Try another card."
        case .notATestCard: "The local processor takes only its test cards (see the payments documentation); no real card is charged."
        case .authenticationFailed: "The card's authentication was not completed. Try again or use another card."
        case .processorError: "The payment processor could not be reached. Nothing was charged; try again."
        case .accountClosed: "The bank account is closed: the payout came back to your available money. Check your payout account."
        }
    }
}
