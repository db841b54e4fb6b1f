import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/providers/{slug}`: a published profile as JSON, what its static page shows. A profile that is not
/// public (a draft, waiting, offline, or its account kept out) is a 404 like one that does not exist.
struct PublicProviderRoutes: Sendable {
    let store: Store

    struct ProviderBody: ResponseEncodable {
        struct Statistics: ResponseEncodable {
            /// The displayed rating, as the page shows it; absent before the first rating.
            let rating: Double?
            let ratingAverage: Double
            let ratingCount: Int
            let completedProjects: Int
            let completionRate: Double
            let responseTimeMinutes: Int?
        }

        let slug: String
        let name: String
        let title: String
        let bio: String
        let city: String?
        let country: String?
        let remote: Bool
        let hourlyRate: String?
        let currency: String?
        let skills: [String]
        let languages: [String]
        let categories: [String]
        let availability: String
        let verified: Bool
        let photoUrl: String?
        let photo: PhotoBody?
        let experience: [BackgroundEntryBody]
        let education: [BackgroundEntryBody]
        let certifications: [BackgroundEntryBody]
        let portfolio: [PortfolioItemBody]
        let badges: [BadgeBody]
        let statistics: Statistics
        let pagePath: String
        let updatedAt: Date

        init(_ profile: ProviderProfile, prior: RatingPrior) {
            slug = profile.slug.value
            name = profile.displayName
            title = profile.title
            bio = profile.bio
            city = profile.location?.city
            country = profile.location?.countryCode
            remote = profile.remote
            hourlyRate = profile.hourlyRate?.majorText
            currency = profile.hourlyRate?.currency.code
            skills = profile.skills
            languages = profile.languages
            categories = profile.categorySlugs.map(\.value)
            availability = profile.availability.rawValue
            verified = profile.verified
            photoUrl = profile.photo?.fallbackURL(cssWidth: ProfilePhoto.pageWidth)
            photo = profile.photo.map(PhotoBody.init)
            experience = (profile.background[.experience] ?? []).map(BackgroundEntryBody.init)
            education = (profile.background[.education] ?? []).map(BackgroundEntryBody.init)
            certifications = (profile.background[.certification] ?? []).map(BackgroundEntryBody.init)
            portfolio = profile.portfolio.map { PortfolioItemBody($0, forOwner: false) }
            badges = profile.badges.map(BadgeBody.init)
            let record = profile.statistics
            statistics = Statistics(
                rating: record.displayedRating(prior).map(RatingText.shown), ratingAverage: record.ratingAverage, ratingCount: record.ratingCount, completedProjects: record.completedProjects,
                completionRate: record.completionRate, responseTimeMinutes: record.responseTimeMinutes
            )
            pagePath = PagePaths.provider(profile.slug)
            updatedAt = profile.updatedAt
        }
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("providers/{slug}", use: show)
    }

    static let notFound = Problem(status: .notFound, detail: "No published provider has this address.")

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> ProviderBody {
        guard let raw = context.parameters.get("slug"), let slug = try? Slug(raw),
              let profile = try await ProviderRepository(store: store).find(slug: slug) else { throw Self.notFound }
        return ProviderBody(profile, prior: try await ReviewRepository(store: store).ratingPrior())
    }
}
