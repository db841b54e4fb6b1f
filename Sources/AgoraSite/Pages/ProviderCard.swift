import AgoraDomain
import AgoraTemplates
import Foundation

/// A provider as a listing shows them: enough to choose whom to open.
struct ProviderCard: Sendable, TemplateFields {
    let name: String
    let initials: String
    let url: String
    let title: String
    let location: String?
    let rate: String?
    let rating: String?
    let ratingCount: Int
    let skills: [String]
    let availability: String
    let isAvailable: Bool
    let photoURL: String?

    init(_ provider: ProviderProfile) {
        name = provider.displayName
        initials = String(provider.firstName.prefix(1) + provider.lastName.prefix(1)).uppercased()
        url = ProviderPage.path(for: provider.slug)
        title = provider.title
        location = provider.location?.displayName
        rate = provider.hourlyRate.map { "\($0.formatted)/hr" }
        rating = provider.statistics.hasRatings ? RatingText.format(provider.statistics.ratingAverage) : nil
        ratingCount = provider.statistics.ratingCount
        skills = Array(provider.skills.prefix(4))
        availability = provider.availability.label
        isAvailable = provider.availability == .available
        photoURL = provider.photoURL
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "initials": .text(initials)
        case "url": .text(url)
        case "title": .text(title)
        case "location": .optional(location)
        case "rate": .optional(rate)
        case "rating": .optional(rating)
        case "ratingCount": .number(ratingCount)
        case "skills": .texts(skills)
        case "availability": .text(availability)
        case "isAvailable": .flag(isAvailable)
        case "photoURL": .optional(photoURL)
        default: nil
        }
    }
}

/// Ratings are shown with one decimal: `4.8`.
enum RatingText {
    static func format(_ value: Double) -> String {
        // Ratings are between 0 and 5; whole tenths avoid a C format string per rating.
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
