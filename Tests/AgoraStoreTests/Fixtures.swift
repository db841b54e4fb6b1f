import AgoraDomain
import AgoraStore
import Foundation

/// Small hand-made data for repository tests.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)

    static func category(_ name: String, parent: String? = nil, order: Int = 0) -> NewCategory {
        NewCategory(
            parentSlug: parent.map { try! Slug($0) }, name: name, slug: Slug.from(title: name)!,
            description: "All about \(name).", icon: nil, sortOrder: order
        )
    }

    static func provider(_ slug: String, email: String? = nil, categories: [String], rating: Double = 4.5, ratings: Int = 10, skills: [String] = ["Swift", "SQL"]) -> NewProvider {
        NewProvider(
            firstName: "Ada", lastName: slug.capitalized, email: try! Email(email ?? "\(slug)@example.com"), phone: "+33612345678",
            slug: try! Slug(slug), title: "Developer", bio: "Builds things.",
            location: ProviderLocation(city: "Lyon", region: "Auvergne-Rhône-Alpes", countryCode: "FR", latitude: 45.76, longitude: 4.84),
            hourlyRate: .major(60, .eur), skills: skills, languages: ["fr", "en"],
            availability: .available, photo: nil,
            categorySlugs: categories.map { try! Slug($0) },
            statistics: ProviderStatistics(ratingAverage: rating, ratingCount: ratings, completedProjects: ratings, completionRate: 0.9, responseTimeMinutes: 30)
        )
    }
}
