import AgoraDomain
import Foundation

/// A provider account with its public profile, as the seeders and (later) the sign-up flow create it.
public struct NewProvider: Sendable {
    public let firstName: String
    public let lastName: String
    public let email: Email
    public let phone: String?
    public let slug: Slug
    public let title: String
    public let bio: String
    public let location: ProviderLocation?
    public let hourlyRate: Money?
    public let skills: [String]
    public let languages: [String]
    /// Experience, education and certifications.
    public let background: [BackgroundKind: [BackgroundEntry]]
    public let availability: Availability
    public let photo: ProfilePhoto?
    public let categorySlugs: [Slug]
    public var statistics: ProviderStatistics
    /// Whether the profile carries the verified badge (its documents were checked).
    public let verified: Bool
    /// Whether the provider takes work from clients elsewhere.
    public let remote: Bool
    /// For a provider not taking work now: the day they are available again.
    public let availableFrom: Date?

    public init(
        firstName: String, lastName: String, email: Email, phone: String?, slug: Slug, title: String, bio: String,
        location: ProviderLocation?, hourlyRate: Money?, skills: [String], languages: [String],
        background: [BackgroundKind: [BackgroundEntry]] = [:], availability: Availability, photo: ProfilePhoto?,
        categorySlugs: [Slug], statistics: ProviderStatistics, verified: Bool = false, remote: Bool = true,
        availableFrom: Date? = nil
    ) {
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.slug = slug
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
        self.verified = verified
        self.remote = remote
        self.availableFrom = availableFrom
    }
}
