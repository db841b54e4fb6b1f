/// A provider as every listing shows them — the generated category and home pages, the search API and the search
/// page's island: the one definition of which facts a card holds and how each is written.
public struct ProviderCard: Sendable, Hashable {
    /// Skills a card names; the profile lists them all.
    public static let skillsShown = 4

    public let name: String
    /// Shown in place of a photo.
    public let initials: String
    public let url: String
    public let title: String
    /// `Lyon, France`.
    public let location: String?
    /// `€45.00/hr`.
    public let rate: String?
    /// `4.8`: the displayed rating (`ProviderStatistics.displayedRating`), nil before the first rating.
    public let rating: String?
    public let ratingCount: Int
    public let skills: [String]
    /// `Available now`.
    public let availability: String
    public let isAvailable: Bool
    public let photo: ProfilePhoto?
    public let badges: [ProviderBadge]

    public init(_ provider: ProviderProfile, prior: RatingPrior) {
        name = provider.displayName
        initials = String(provider.firstName.prefix(1) + provider.lastName.prefix(1)).uppercased()
        url = PagePaths.provider(provider.slug)
        title = provider.title
        location = provider.location?.displayName
        rate = provider.hourlyRate.map { "\($0.formatted)/hr" }
        rating = provider.statistics.displayedRating(prior).map(RatingText.format)
        ratingCount = provider.statistics.ratingCount
        skills = Array(provider.skills.prefix(Self.skillsShown))
        availability = provider.availability.label
        isAvailable = provider.availability == .available
        photo = provider.photo
        badges = provider.badges
    }
}

/// Ratings are shown with one decimal: `4.8`.
public enum RatingText {
    public static func format(_ value: Double) -> String {
        // Ratings are between 0 and 5; whole tenths avoid a C format string per rating.
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The value as shown, to the tenth: what "4.5 and up" compares, so that a card showing 4.5 is in it.
    public static func shown(_ value: Double) -> Double {
        (value * 10).rounded() / 10
    }
}
