import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// The homepage: what Agora is, the figures, every top-level category and the best rated providers.
struct HomePage: SitePage {
    static let featuredProviders = 8
    static let path = "/"

    /// What the homepage is made from, read by the load stage (`PageSources.homepage()`).
    struct Sources: Sendable {
        /// The visible top-level categories, each with how many providers it lists.
        let categories: [(category: Category, providers: Int)]
        let totals: ProviderTotals
        let featured: [ProviderProfile]
    }

    struct CategoryCard: Sendable, TemplateFields {
        let name: String
        let description: String
        let url: String
        let icon: String?
        let providerCount: String
        let subcategories: [NavigationLink]

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "name": .text(self.name)
            case "description": .text(description)
            case "url": .text(url)
            case "icon": .optional(icon)
            case "providerCount": .text(providerCount)
            case "subcategories": .objects(subcategories)
            default: nil
            }
        }
    }

    struct Figure: Sendable, TemplateFields {
        let value: String
        let label: String
        /// The key of `/api/public/stats` the statistics island updates this figure from, if any.
        var live: String?

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "value": .text(value)
            case "label": .text(label)
            case "live": .optional(live)
            default: nil
            }
        }
    }

    struct Content: TemplateFields {
        /// The island that brings the figures up to date and shows the testimonials.
        let script: String
        let figures: [Figure]
        let categories: [CategoryCard]
        let providers: [ProviderCardView]

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "script": .text(script)
            case "figures": .objects(figures)
            case "categories": .objects(categories)
            case "providers": .objects(providers)
            case "hasProviders": .flag(!providers.isEmpty)
            default: nil
            }
        }
    }

    let context: SiteContext
    let cards: [CategoryCard]
    let figures: [Figure]
    let featured: [ProviderProfile]
    let key: InputKey
    var path: String { Self.path }

    init(_ sources: Sources, context: SiteContext, siteKey: InputKey) {
        self.context = context
        let tree = context.categories
        cards = sources.categories.map { category, providers in
            CategoryCard(
                name: category.name,
                description: category.description,
                url: CategoryPage.path(for: category.slug, page: 1),
                icon: category.icon,
                providerCount: CountText.of(providers, "provider"),
                subcategories: tree.children(of: category).filter(\.active).map {
                    NavigationLink(name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1))
                }
            )
        }
        let counts = sources.totals
        var figures = [
            Figure(value: GroupedDigits.format(counts.providers), label: "providers", live: "providers"),
            Figure(value: GroupedDigits.format(cards.count), label: "service categories"),
            Figure(value: GroupedDigits.format(counts.countries.count), label: "countries", live: "countries"),
        ]
        if let average = counts.averageRating {
            figures.append(Figure(value: RatingText.format(average) + "★", label: "from " + CountText.of(counts.ratings, "review")))
        }
        self.figures = figures
        featured = sources.featured
        var key = siteKey
        key.combine(counts.providers)
        key.combine(counts.countries.count)
        key.combine(counts.ratings)
        key.combine(counts.averageRating.map { String($0) } ?? "-")
        for card in cards { key.combine(card.providerCount) }
        for provider in featured {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        self.key = key
    }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        let meta = context.meta(
            title: "\(context.site.name) — hire freelancers and agencies", isFullTitle: true,
            description: context.configuration.description, path: Self.path
        )
        let structuredData = [
            StructuredData.organization(context.configuration, baseURL: context.baseURL),
            StructuredData.website(context.configuration, baseURL: context.baseURL),
        ]
        let html = try context.render("home", meta: meta, breadcrumbs: [], structuredData: structuredData, content: Content(
            script: context.assets.url(of: "/assets/js/pages/home.js"),
            figures: figures,
            categories: cards,
            providers: featured.map { ProviderCardView($0, prior: context.ratingPrior) }
        ))
        return RenderedPage(path: Self.path, html: html, lastModified: featured.map(\.updatedAt).max(), inSitemap: true)
    }
}
