/// The badges a provider's card and page show, each with its rule — defined here once for the pages, the search
/// answers and the tests. Verified badges come from approved, unexpired verifications; "Top rated" from the record.
public enum ProviderBadge: String, Sendable, CaseIterable, Codable {
    case identityVerified = "identity-verified"
    case licenceVerified = "licence-verified"
    case paymentVerified = "payment-verified"
    case topRated = "top-rated"

    /// "Top rated": at least this many ratings, averaging at least `topRatedAverage`, and (once projects were
    /// completed) at least `topRatedCompletion` of them finished.
    public static let topRatedRatings = 10
    public static let topRatedAverage = 4.8
    public static let topRatedCompletion = 0.9

    public var label: String {
        switch self {
        case .identityVerified: "ID verified"
        case .licenceVerified: "Licence verified"
        case .paymentVerified: "Payment verified"
        case .topRated: "Top rated"
        }
    }

    /// What the badge means, for its `title` and the help pages.
    public var meaning: String {
        switch self {
        case .identityVerified: "Staff checked an identity document of this provider."
        case .licenceVerified: "Staff checked this provider's professional licence."
        case .paymentVerified: "The payment processor verified this provider's payment method."
        case .topRated:
            "At least \(Self.topRatedRatings) ratings averaging \(RatingText.format(Self.topRatedAverage)) or more, and \(Int(Self.topRatedCompletion * 100))% of projects completed."
        }
    }

    /// The badges earned, in this enum's order.
    public static func earned(verified: Set<VerificationKind>, statistics: ProviderStatistics) -> [ProviderBadge] {
        allCases.filter { badge in
            switch badge {
            case .identityVerified: verified.contains(.identity)
            case .licenceVerified: verified.contains(.licence)
            case .paymentVerified: verified.contains(.paymentMethod)
            case .topRated:
                statistics.ratingCount >= topRatedRatings && statistics.ratingAverage >= topRatedAverage
                    && (statistics.completedProjects == 0 || statistics.completionRate >= topRatedCompletion)
            }
        }
    }
}
