/// How `relevance` ranks providers: a text score blended with a quality score.
///
///     relevance = text × t/(1+t) + rating × B/5 + reviews × n/(n+K) + completion × c
///               + response × 60/(60+m) + verified × v
///
/// - `t` is the engine's text score: −bm25 with the field weights on SQLite, `ts_rank_cd` on PostgreSQL; t/(1+t)
///   maps both onto 0…1. Without search words the text term is 0 and quality alone ranks.
/// - `B` is the provider's `BayesianRating`, whose prior weight `C` is `priorRatings`.
/// - `K` is the number of reviews that counts as half of "many"; `c` the completion rate (0…1); `m` the median
///   minutes to a first reply (unknown counts as 0); `v` is 1 for a verified profile.
public struct RelevanceWeights: Hashable, Sendable, Codable {
    public var text = 0.6
    public var rating = 0.2
    public var reviews = 0.08
    public var completion = 0.05
    public var response = 0.04
    public var verified = 0.03
    /// `C`: the prior's weight in ratings (`BayesianRating`'s).
    public var priorRatings = BayesianRating().priorWeight
    /// `K`: reviews that make half the review score.
    public var reviewsHalfScore = 20.0
    /// Field weights for the text score: a word in the name counts most, then the title, the skills, the bio.
    public var nameField = 10.0
    public var titleField = 5.0
    public var skillsField = 3.0
    public var bioField = 1.0

    public init() {}

    /// The settings' names as `AGORA_SEARCH_WEIGHTS` spells them (`text=0.5,rating=0.3`).
    public static let settingNames = [
        "text", "rating", "reviews", "completion", "response", "verified", "prior_ratings", "reviews_half_score",
        "name_field", "title_field", "skills_field", "bio_field",
    ]

    /// Reads `name=value` pairs separated by commas; names left out keep their defaults. Each value must be a
    /// number of at least 0 (the two constants `prior_ratings` and `reviews_half_score` more than 0).
    public init(setting: String) throws {
        self.init()
        for pair in setting.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let value = Double(parts[1]), value.isFinite, value >= 0 else {
                throw ValidationError(field: "AGORA_SEARCH_WEIGHTS", message: "\"\(pair)\" is not name=number (a number of at least 0)")
            }
            switch parts[0] {
            case "text": text = value
            case "rating": rating = value
            case "reviews": reviews = value
            case "completion": completion = value
            case "response": response = value
            case "verified": verified = value
            case "prior_ratings" where value > 0: priorRatings = value
            case "reviews_half_score" where value > 0: reviewsHalfScore = value
            case "name_field": nameField = value
            case "title_field": titleField = value
            case "skills_field": skillsField = value
            case "bio_field": bioField = value
            case "prior_ratings", "reviews_half_score":
                throw ValidationError(field: "AGORA_SEARCH_WEIGHTS", message: "\(parts[0]) must be more than 0")
            default:
                throw ValidationError(field: "AGORA_SEARCH_WEIGHTS", message: "unknown weight \"\(parts[0])\" (known: \(Self.settingNames.joined(separator: ", ")))")
            }
        }
    }

    /// How ratings rank in search: the one Bayesian rating, with this prior weight.
    public var bayesianRating: BayesianRating { BayesianRating(priorWeight: priorRatings) }
}
