/// How well a provider fits an order, from 0 to 1: the weighted mean of six factors, each from 0 to 1.
///
///     score = Σ wᵢ·fᵢ / Σ wᵢ
///
/// - skills: the share of the order's skills the provider lists (½ when the order names none);
/// - rate: 1 when a day of work (8 hours at the provider's rate, converted) fits the budget's maximum, falling
///   linearly to 0 at twice the maximum (½ when the provider shows no rate);
/// - location: 1 for a provider in the wanted country or circle (others are not considered at all); for a remote
///   order, 1 for providers who work remotely and 0.8 for the others;
/// - availability: 1 available now, ½ limited (unavailable providers are not considered);
/// - rating: the provider's `BayesianRating` over 5;
/// - responsiveness: 1 / (1 + hours to respond), ½ when unknown.
///
/// Only providers listed in the order's category or one of its subcategories are scored.
public struct RoutingScore: Sendable, Hashable {
    public struct Weights: Sendable, Hashable {
        public var skills = 3.0
        public var rate = 2.0
        public var location = 1.0
        public var availability = 1.0
        public var rating = 2.0
        public var responsiveness = 1.0

        public init() {}

        var total: Double { skills + rate + location + availability + rating + responsiveness }
    }

    public let skills: Double
    public let rate: Double
    public let location: Double
    public let availability: Double
    public let rating: Double
    public let responsiveness: Double

    public init(skills: Double, rate: Double, location: Double, availability: Double, rating: Double, responsiveness: Double) {
        self.skills = skills
        self.rate = rate
        self.location = location
        self.availability = availability
        self.rating = rating
        self.responsiveness = responsiveness
    }

    public func value(_ weights: Weights) -> Double {
        (weights.skills * skills + weights.rate * rate + weights.location * location + weights.availability * availability
            + weights.rating * rating + weights.responsiveness * responsiveness) / weights.total
    }

    public static func skills(matched: Int, wanted: Int) -> Double {
        wanted == 0 ? 0.5 : Double(matched) / Double(wanted)
    }

    /// `dayCost` and `budgetMaximum` in the same minor units; nil cost: the provider shows no rate.
    public static func rate(dayCost: Double?, budgetMaximum: Double) -> Double {
        guard let dayCost else { return 0.5 }
        guard dayCost > budgetMaximum else { return 1 }
        return max(0, 1 - (dayCost - budgetMaximum) / budgetMaximum)
    }

    public static let hoursPerDay = 8.0

    /// The displayed rating over 5.
    public static func rating(average: Double, count: Int, prior: RatingPrior) -> Double {
        prior.displayed(average: average, count: count) / 5
    }

    public static func responsiveness(minutes: Int?) -> Double {
        guard let minutes else { return 0.5 }
        return 1 / (1 + Double(minutes) / 60)
    }

    /// The strongest reasons in words, for the route's `reason` and the provider's inbox.
    public func reason(matchedSkills: Int, wantedSkills: Int) -> String {
        var parts = ["in the category"]
        if wantedSkills > 0 { parts.append("\(matchedSkills) of \(wantedSkills) skills") }
        if rate >= 1 { parts.append("rate fits the budget") }
        if rating >= 0.9 { parts.append("highly rated") }
        if responsiveness >= 0.5 { parts.append("answers within the hour") }
        if availability >= 1 { parts.append("available now") }
        return parts.joined(separator: "; ")
    }
}

/// When and how widely orders are offered: `batchSize` providers at a time; when fewer than `enoughProposals`
/// proposals came within `responseWindow` seconds, the next batch; at most `maximumBatches` batches.
public struct RoutingSettings: Sendable, Hashable {
    public var batchSize: Int
    public var responseWindow: Double
    public var enoughProposals: Int
    public var maximumBatches: Int
    public var weights = RoutingScore.Weights()

    /// The defaults of the platform settings (`PlatformSetting.routingBatchSize` and the rest).
    public init() {
        self = PlatformSettings().routing
    }

    public init(batchSize: Int, responseWindow: Double, enoughProposals: Int, maximumBatches: Int) {
        self.batchSize = batchSize
        self.responseWindow = responseWindow
        self.enoughProposals = enoughProposals
        self.maximumBatches = maximumBatches
    }
}
