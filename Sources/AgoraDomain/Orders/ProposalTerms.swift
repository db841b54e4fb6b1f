/// What a provider offers, or a client counters with: a price in the order's currency, a timeline, a message and
/// an optional plan of milestones. The one place that holds the rules for every step of a negotiation.
public struct ProposalTerms: Hashable, Sendable {
    public static let messageLength = 10...5_000
    public static let timelineDays = 1...730
    public static let maximumMilestones = 10

    /// One step of the plan: what is delivered, what it costs, and how many days after the start it is due.
    public struct Milestone: Hashable, Sendable, Codable {
        public let title: String
        public let amount: Money
        public let dueInDays: Int

        public init(title: String, amount: Money, dueInDays: Int) {
            self.title = title
            self.amount = amount
            self.dueInDays = dueInDays
        }
    }

    public let message: String
    public let price: Money
    public let timelineDays: Int
    /// Empty, or milestones whose amounts add up to the price and whose days rise to at most the timeline.
    public let milestones: [Milestone]

    /// The raw fields, as a request carries them. Amounts are text in major units.
    public struct Input: Sendable {
        public var message: String?
        public var price: String?
        public var currency: String?
        public var timelineDays: Int?
        public var milestones: [(title: String?, amount: String?, dueInDays: Int?)] = []

        public init() {}
    }

    /// Checks every field against the order's currency and throws one `ValidationError` naming each bad one.
    public init(_ input: Input, currency: CurrencyCode) throws {
        var errors: [FieldError] = []
        let message = FieldReading.text(input.message, field: "message", length: Self.messageLength, multiline: true, errors: &errors)
        if let named = input.currency, named.uppercased() != currency.code {
            errors.append(FieldError(field: "currency", message: "must be the order's currency, \(currency.code)"))
        }
        let price = OrderDetails.amount(input.price, field: "price", currency: currency, errors: &errors)
        var timeline = input.timelineDays
        if let days = timeline, !Self.timelineDays.contains(days) {
            errors.append(FieldError(field: "timeline_days", message: "must be a whole number of days from 1 to \(Self.timelineDays.upperBound)"))
            timeline = nil
        } else if timeline == nil {
            errors.append(FieldError(field: "timeline_days", message: "is required"))
        }
        var milestones: [Milestone] = []
        if input.milestones.count > Self.maximumMilestones {
            errors.append(FieldError(field: "milestones", message: "must have at most \(Self.maximumMilestones) entries"))
        } else {
            for (index, raw) in input.milestones.enumerated() {
                let field = "milestones[\(index)]"
                let title = FieldReading.text(raw.title, field: "\(field).title", length: 3...200, multiline: false, errors: &errors)
                let amount = OrderDetails.amount(raw.amount, field: "\(field).amount", currency: currency, errors: &errors)
                var days = raw.dueInDays
                if let due = days, due < 1 || due > (timeline ?? Self.timelineDays.upperBound) {
                    errors.append(FieldError(field: "\(field).due_in_days", message: "must be from 1 to the timeline's \(timeline ?? Self.timelineDays.upperBound) days"))
                    days = nil
                } else if days == nil {
                    errors.append(FieldError(field: "\(field).due_in_days", message: "is required"))
                }
                if let title, let amount, let days { milestones.append(Milestone(title: title, amount: amount, dueInDays: days)) }
            }
            if milestones.count == input.milestones.count, !milestones.isEmpty {
                if zip(milestones, milestones.dropFirst()).contains(where: { $0.dueInDays > $1.dueInDays }) {
                    errors.append(FieldError(field: "milestones", message: "must be in the order they are due"))
                }
                if let price, milestones.reduce(0, { $0 + $1.amount.minorUnits }) != price.minorUnits {
                    errors.append(FieldError(field: "milestones", message: "must add up to the price, \(price.formatted)"))
                }
            }
        }
        guard errors.isEmpty, let message, let price, let timeline else { throw ValidationError(errors) }
        self.message = message
        self.price = price
        timelineDays = timeline
        self.milestones = milestones
    }

    public init(message: String, price: Money, timelineDays: Int, milestones: [Milestone]) {
        self.message = message
        self.price = price
        self.timelineDays = timelineDays
        self.milestones = milestones
    }
}
