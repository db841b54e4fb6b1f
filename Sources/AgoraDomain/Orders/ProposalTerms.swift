/// What a provider offers, or a client counters with: a fixed price with an optional plan of milestones, or an
/// hourly rate with a weekly limit of hours (`Billing`), in the order's currency; a timeline and a message. The one
/// place that holds the rules for every step of a negotiation.
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
    public let billing: Billing
    /// The whole price of fixed-price work; the rate per hour of hourly work.
    public let price: Money
    public let timelineDays: Int
    /// Empty, or milestones whose amounts add up to the price and whose days rise to at most the timeline. Hourly
    /// work has none: it is billed by the week.
    public let milestones: [Milestone]

    /// The raw fields, as a request carries them. Amounts are text in major units.
    public struct Input: Sendable {
        public var message: String?
        public var billing: String?
        public var price: String?
        public var hourlyRate: String?
        public var weeklyLimitHours: Int?
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
        let kind = FieldReading.choice(input.billing, field: "billing", default: Billing.Kind.fixed, errors: &errors)
        let price: Money? = switch kind {
        case .hourly?: OrderDetails.amount(input.hourlyRate, field: "hourly_rate", currency: currency, errors: &errors)
        case .fixed?: OrderDetails.amount(input.price, field: "price", currency: currency, errors: &errors)
        case nil: nil
        }
        let billing = kind.flatMap { Self.billing($0, input, errors: &errors) }
        var timeline = input.timelineDays
        if let days = timeline, !Self.timelineDays.contains(days) {
            errors.append(FieldError(field: "timeline_days", message: "must be a whole number of days from 1 to \(Self.timelineDays.upperBound)"))
            timeline = nil
        } else if timeline == nil {
            errors.append(FieldError(field: "timeline_days", message: "is required"))
        }
        var milestones: [Milestone] = []
        if kind == .hourly, !input.milestones.isEmpty {
            errors.append(FieldError(field: "milestones", message: "are for fixed-price work: hourly work is billed by the week"))
        } else if input.milestones.count > Self.maximumMilestones {
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
        guard errors.isEmpty, let message, let billing, let price, let timeline else { throw ValidationError(errors) }
        self.message = message
        self.billing = billing
        self.price = price
        timelineDays = timeline
        self.milestones = milestones
    }

    /// The billing a request asks for, and the fields that go with it: `price` for fixed-price work (the default),
    /// `hourly_rate` and `weekly_limit_hours` for hourly work, never the other kind's.
    private static func billing(_ kind: Billing.Kind, _ input: Input, errors: inout [FieldError]) -> Billing? {
        switch kind {
        case .fixed:
            if input.hourlyRate != nil { errors.append(FieldError(field: "hourly_rate", message: "is for hourly work: send billing \"hourly\", or a price")) }
            if input.weeklyLimitHours != nil { errors.append(FieldError(field: "weekly_limit_hours", message: "is for hourly work: send billing \"hourly\"")) }
            return .fixed
        case .hourly:
            if input.price != nil { errors.append(FieldError(field: "price", message: "is for fixed-price work: hourly work has an hourly_rate")) }
            guard let hours = input.weeklyLimitHours else {
                errors.append(FieldError(field: "weekly_limit_hours", message: "is required for hourly work"))
                return nil
            }
            guard HourlyRules.weeklyLimitHours.contains(hours) else {
                errors.append(FieldError(
                    field: "weekly_limit_hours",
                    message: "must be a whole number of hours from \(HourlyRules.weeklyLimitHours.lowerBound) to \(HourlyRules.weeklyLimitHours.upperBound)"
                ))
                return nil
            }
            return .hourly(weeklyLimitHours: hours)
        }
    }

    public init(message: String, billing: Billing = .fixed, price: Money, timelineDays: Int, milestones: [Milestone]) {
        self.message = message
        self.billing = billing
        self.price = price
        self.timelineDays = timelineDays
        self.milestones = milestones
    }
}
