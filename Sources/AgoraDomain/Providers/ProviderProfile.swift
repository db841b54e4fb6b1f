import Foundation

/// A provider as the public site shows them: the account's name plus the profile, skills, categories and record.
public struct ProviderProfile: Hashable, Sendable, Codable, Identifiable {
    /// The provider's user id.
    public let id: Int64
    public let slug: Slug
    public let firstName: String
    public let lastName: String
    public let title: String
    public let bio: String
    public let location: ProviderLocation?
    public let hourlyRate: Money?
    public let skills: [String]
    /// ISO 639-1 codes, most fluent first.
    public let languages: [String]
    /// Experience, education and certifications, each in the provider's order.
    public let background: [BackgroundKind: [BackgroundEntry]]
    public let availability: Availability
    public let photo: ProfilePhoto?
    public let categorySlugs: [Slug]
    public let statistics: ProviderStatistics
    public let updatedAt: Date
    /// What staff (or the payment processor) verified and still holds.
    public let verifications: Set<VerificationKind>
    /// The provider takes work from clients elsewhere.
    public let remote: Bool
    /// The published items of the portfolio, in the provider's order.
    public let portfolio: [PortfolioItem]
    /// The rating's detail and the first reviews, from published reviews.
    public let reputation: ProviderReputation

    public init(
        id: Int64, slug: Slug, firstName: String, lastName: String, title: String, bio: String,
        location: ProviderLocation?, hourlyRate: Money?, skills: [String], languages: [String],
        background: [BackgroundKind: [BackgroundEntry]] = [:], availability: Availability,
        photo: ProfilePhoto?, categorySlugs: [Slug], statistics: ProviderStatistics, updatedAt: Date,
        verified: Bool = false, verifications: Set<VerificationKind> = [], remote: Bool = true, portfolio: [PortfolioItem] = [],
        reputation: ProviderReputation = .none
    ) {
        self.id = id
        self.slug = slug
        self.firstName = firstName
        self.lastName = lastName
        self.title = title
        self.bio = bio
        self.location = location
        self.hourlyRate = hourlyRate
        self.skills = skills
        self.languages = languages
        self.background = background
        self.availability = availability
        self.photo = photo
        self.categorySlugs = categorySlugs
        self.statistics = statistics
        self.updatedAt = updatedAt
        self.verifications = verified ? verifications.union([.identity]) : verifications
        self.remote = remote
        self.portfolio = portfolio
        self.reputation = reputation
    }

    public var displayName: String { "\(firstName) \(lastName)" }

    /// An identity document was checked: the search filter and the structured data say so.
    public var verified: Bool { verifications.contains(.identity) }

    /// The badges the cards and the page show.
    public var badges: [ProviderBadge] { ProviderBadge.earned(verified: verifications, statistics: statistics) }
}
