import AgoraDomain
import AgoraStore
import Foundation

/// The homepage: what Agora is, the figures, every top-level category and the best rated providers.
struct HomePage {
    static let featuredProviders = 8

    struct CategoryCard {
        let name: String
        let description: String
        let url: String
        let icon: String?
        let providerCount: String
        let subcategories: [NavigationLink]
    }

    struct Figure {
        let value: String
        let label: String
        /// The key of `/api/public/stats` the statistics island updates this figure from, if any.
        var live: String?
    }

    struct Content {
        /// The island that brings the figures up to date and shows the testimonials.
        let script: String
        let figures: [Figure]
        let categories: [CategoryCard]
        let providers: [ProviderCardView]
        let hasProviders: Bool
    }

    let context: SiteContext

    func build(into sink: PageSink, siteKey: InputKey) async throws {
        let providers = ProviderRepository(store: context.store)
        let tree = context.categories
        var cards: [CategoryCard] = []
        for category in tree.roots where category.active {
            cards.append(CategoryCard(
                name: category.name,
                description: category.description,
                url: CategoryPage.path(for: category.slug, page: 1),
                icon: category.icon,
                providerCount: CountText.of(try await providers.countListed(inCategories: tree.subtreeIDs(of: category)), "provider"),
                subcategories: tree.children(of: category).filter(\.active).map {
                    NavigationLink(name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1))
                }
            ))
        }
        let figures = try await providers.figures()
        let featured = try await providers.topRated(limit: Self.featuredProviders)
        var shownFigures = [
            Figure(value: GroupedDigits.format(figures.providers), label: "vetted providers", live: "providers"),
            Figure(value: GroupedDigits.format(cards.count), label: "service categories"),
            Figure(value: GroupedDigits.format(figures.countries), label: "countries", live: "countries"),
        ]
        if let average = figures.averageRating {
            shownFigures.append(Figure(value: RatingText.format(average) + "★", label: "from " + CountText.of(figures.ratings, "review")))
        }
        var key = siteKey
        key.combine(figures.providers)
        key.combine(figures.countries)
        key.combine(figures.ratings)
        key.combine(figures.averageRating.map { String($0) } ?? "-")
        for card in cards { key.combine(card.providerCount) }
        for provider in featured {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        try await sink.page("/", key: key) { try render(cards: cards, figures: shownFigures, featured: featured) }
        try sink.manifest.setHomepageProviders(featured.map(\.slug.value))
    }

    /// Whether the provider is among the homepage's providers, or was when it was last built.
    func shows(_ provider: Slug, previously shown: Set<String>) async throws -> Bool {
        if shown.contains(provider.value) { return true }
        return try await ProviderRepository(store: context.store).topRated(limit: Self.featuredProviders).contains { $0.slug == provider }
    }

    private func render(cards: [CategoryCard], figures: [Figure], featured: [ProviderProfile]) throws -> RenderedPage {
        let meta = context.meta(
            title: "\(context.site.name) — hire trusted freelancers and agencies", isFullTitle: true,
            description: context.configuration.description, path: "/"
        )
        let structuredData = [
            StructuredData.organization(context.configuration, baseURL: context.baseURL),
            StructuredData.website(context.configuration, baseURL: context.baseURL),
        ]
        let html = try context.render("home", meta: meta, breadcrumbs: [], structuredData: structuredData, content: Content(
            script: context.assets.url(of: "/assets/js/pages/home.js"),
            figures: figures,
            categories: cards,
            providers: featured.map(ProviderCardView.init),
            hasProviders: !featured.isEmpty
        ))
        return RenderedPage(path: "/", html: html, lastModified: featured.map(\.updatedAt).max(), inSitemap: true)
    }
}
