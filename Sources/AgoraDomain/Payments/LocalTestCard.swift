/// The card numbers the local processor knows, after Stripe's test cards, and what each does. The local processor
/// moves no real money, so it accepts no other number: anything else is declined as not a test card.
public enum LocalTestCard: String, Sendable, CaseIterable {
    case succeeds = "4242424242424242"
    case succeedsMastercard = "5555555555554444"
    case declined = "4000000000000002"
    case insufficientFunds = "4000000000009995"
    case requiresAuthentication = "4000002500003155"
    case declinesAfterSaving = "4000000000000341"

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
        case .declinesAfterSaving: "is declined; saved, it is declined when charged"
        }
    }

    /// What receipts show of the card.
    public var summary: CardSummary { CardSummary(brand: CardBrand(number: rawValue), lastFour: String(rawValue.suffix(4))) }

    /// The name the local processor keeps for a saved card: what charging it does, never its number.
    public var name: String {
        switch self {
        case .succeeds: "visa-succeeds"
        case .succeedsMastercard: "mastercard-succeeds"
        case .declined: "declined"
        case .insufficientFunds: "insufficient-funds"
        case .requiresAuthentication: "requires-authentication"
        case .declinesAfterSaving: "declines-after-saving"
        }
    }

    public init?(name: String) {
        guard let card = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = card
    }

    /// Why the local processor would not save `card` for later charges (Stripe refuses such cards when a setup
    /// intent attaches them); nil when it saves it, with the card it is (`name`).
    public static func savingRefusal(for card: PaymentCard) -> PaymentFailure? {
        switch LocalTestCard(rawValue: card.number) {
        case .declined: .cardDeclined
        case nil: .notATestCard
        case .succeeds, .succeedsMastercard, .insufficientFunds, .requiresAuthentication, .declinesAfterSaving: nil
        }
    }

    /// What charging the card, saved, does without its holder at hand (Stripe's off-session charges): a card that
    /// asks for authentication was confirmed when it was saved, and is charged.
    public var savedOutcome: Outcome {
        switch self {
        case .succeeds, .succeedsMastercard, .requiresAuthentication: .succeeds
        case .declined, .declinesAfterSaving: .declined(.cardDeclined)
        case .insufficientFunds: .declined(.insufficientFunds)
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
        case .declined, .declinesAfterSaving: .declined(.cardDeclined)
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
    /// A charge made for the payer (an hourly week) without a saved card to make it with.
    case noSavedCard = "no_saved_card"

    /// What the payer is told.
    public var message: String {
        switch self {
        case .cardDeclined: "The card was declined. Try another card."
        case .insufficientFunds: "The card has insufficient funds. Try another card."
        case .notATestCard: "The local processor takes only its test cards (see the payments documentation); no real card is charged."
        case .authenticationFailed: "The card's authentication was not completed. Try again or use another card."
        case .processorError: "The payment processor could not be reached. Nothing was charged; try again."
        case .accountClosed: "The bank account is closed: the payout came back to your available money. Check your payout account."
        case .noSavedCard: "No card is saved to pay hourly weeks with. Save one in your money settings; the week is charged again the next day."
        }
    }
}
