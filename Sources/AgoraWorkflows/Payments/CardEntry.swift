import AgoraDomain

/// How a card reaches the platform: typed into the platform's own checkout (the local processor, which takes only
/// its test cards), or already made into a payment method by the processor's own script in the browser (Stripe.js's
/// `pm_…`), so that the card's number never reaches the service. Each processor takes the one it can.
public enum CardEntry: Sendable, Hashable {
    case typed(PaymentCard)
    case processorMethod(String)

    /// The request field a processor's refusal of this entry is about.
    public var field: String {
        switch self {
        case .typed: "number"
        case .processorMethod: "processor_method_id"
        }
    }
}

/// A card a processor saved for later charges: its id there, and what the platform shows of it.
public struct ProcessorSavedCard: Sendable, Hashable {
    public let id: String
    public let card: CardSummary
    public let expiryMonth: Int
    public let expiryYear: Int

    public init(id: String, card: CardSummary, expiryMonth: Int, expiryYear: Int) {
        self.id = id
        self.card = card
        self.expiryMonth = expiryMonth
        self.expiryYear = expiryYear
    }
}

/// What the checkout page loads to take cards with the processor's own script (Stripe.js), when the processor has one,
/// and the origins that script loads from, frames and calls, which the pages' Content-Security-Policy allows.
public struct CheckoutScript: Sendable, Hashable {
    public let url: String
    public let publishableKey: String
    public let origins: [String]

    public init(url: String, publishableKey: String, origins: [String]) {
        self.url = url
        self.publishableKey = publishableKey
        self.origins = origins
    }
}
