import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// A provider's public profile.
struct ProviderPage: SitePage {
    struct Fact: TemplateFields {
        let label: String
        let value: String

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "label": .text(label)
            case "value": .text(value)
            default: nil
            }
        }
    }

    struct Content: TemplateFields {
        /// A `ProviderCardView`, made a template value once: the template reads a dozen of its fields.
        let card: TemplateValue
        /// What the page's view beacon names (`ProfileViewKind`).
        let slug: String
        /// The photo at the page's larger size.
        let photo: PhotoView?
        let bioParagraphs: [String]
        let facts: [Fact]
        let languages: [String]
        let skills: [String]
        let categories: [NavigationLink]
        let hasCategories: Bool
        let background: [BackgroundView]
        let portfolio: [PortfolioView]
        let actions: ProviderActionsView
        let reviews: ProviderReviewsView
        let similar: [ProviderCardView]

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "card": card
            case "slug": .text(slug)
            case "photo": .optional(photo)
            case "bioParagraphs": .texts(bioParagraphs)
            case "facts": .objects(facts)
            case "languages": .texts(languages)
            case "skills": .texts(skills)
            case "categories": .objects(categories)
            case "hasCategories": .flag(hasCategories)
            case "background": .objects(background)
            case "portfolio": .objects(portfolio)
            case "hasPortfolio": .flag(!portfolio.isEmpty)
            case "actions": .fields(actions)
            case "reviews": .fields(reviews)
            case "similar": .objects(similar)
            case "hasSimilar": .flag(!similar.isEmpty)
            default: nil
            }
        }
    }

    let context: SiteContext
    let providerID: Int64
    /// The providers shown as similar (`SimilarProviders`), in order.
    let similarIDs: [Int64]
    let path: String
    let key: InputKey

    /// The page of the provider a stamp describes, showing `similar` as its similar providers. Its key is what the
    /// page depends on besides the site: the provider's fields (any change to the profile or the record moves
    /// `updatedAt`), its categories, and which similar providers it shows as they last changed.
    init(_ stamp: ProviderStamp, similar: [RankedProvider], context: SiteContext, siteKey: InputKey) {
        self.context = context
        providerID = stamp.id
        similarIDs = similar.map(\.id)
        path = Self.path(for: stamp.slug)
        var key = siteKey
        key.combine(stamp.slug.value)
        key.combine(stamp.updatedAt)
        for category in stamp.categorySlugs { key.combine(category.value) }
        key.combine("similar")
        for provider in similar {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        self.key = key
    }

    static func path(for slug: Slug) -> String { PagePaths.provider(slug) }

    var providerIDs: [Int64] { [providerID] + similarIDs }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        try providers[providerID].map { try render($0, similar: similarIDs.compactMap { providers[$0] }) }
    }

    /// The page; a similar provider no longer published by the time it is loaded is left out (its change makes
    /// the next build choose again).
    private func render(_ provider: ProviderProfile, similar: [ProviderProfile]) throws -> RenderedPage {
        let tree = context.categories
        let categories = tree.shown(provider.categorySlugs)
        var trail = [(name: "Home", url: "/")]
        if let primary = categories.first {
            trail += tree.path(to: primary).map { (name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1)) }
        }
        trail.append((name: provider.displayName, url: path))
        let statistics = provider.statistics
        var facts: [Fact] = []
        if let rate = provider.hourlyRate { facts.append(Fact(label: "Hourly rate", value: rate.formatted)) }
        if let rating = statistics.displayedRating(context.ratingPrior) {
            facts.append(Fact(label: "Rating", value: "\(RatingText.format(rating)) / 5 from \(CountText.of(statistics.ratingCount, "review"))"))
        }
        facts.append(Fact(label: "Projects completed", value: GroupedDigits.format(statistics.completedProjects)))
        if statistics.completedProjects > 0 {
            facts.append(Fact(label: "Completion rate", value: "\(Int((statistics.completionRate * 100).rounded()))%"))
        }
        if let minutes = statistics.responseTimeMinutes { facts.append(Fact(label: "Usually replies", value: ResponseTimeText.format(minutes: minutes))) }
        let place = provider.location.map { " in \($0.city)" } ?? ""
        let meta = context.meta(
            title: "\(provider.displayName) — \(provider.title)\(place)",
            description: "\(provider.title)\(place). \(provider.bio)",
            path: path,
            type: "profile",
            image: provider.photo?.shareURL
        )
        let described = StructuredData.provider(
            provider, prior: context.ratingPrior, path: path, site: context.configuration, baseURL: context.baseURL
        )
        let html = try context.render("provider", meta: meta, breadcrumbs: Breadcrumb.trail(trail), structuredData: [described], content: Content(
            card: .fields(ProviderCardView(provider, prior: context.ratingPrior)),
            slug: provider.slug.value,
            photo: provider.photo.map { PhotoView($0, cssWidth: ProfilePhoto.pageWidth, lazy: false) },
            bioParagraphs: provider.bio.components(separatedBy: "\n\n").map(PageMeta.collapsingWhitespace).filter { !$0.isEmpty },
            facts: facts,
            languages: provider.languages.map(LanguageNames.name(of:)),
            skills: provider.skills,
            categories: categories.map { NavigationLink(name: $0.name, url: CategoryPage.path(for: $0.slug, page: 1)) },
            hasCategories: !categories.isEmpty,
            background: BackgroundView.sections(of: provider),
            portfolio: provider.portfolio.map(PortfolioView.init),
            actions: ProviderActionsView(provider, primaryCategory: categories.first?.slug, pageURL: context.baseURL.absolute(path)),
            reviews: ProviderReviewsView(
                providerID: provider.id, statistics: statistics, prior: context.ratingPrior, reputation: provider.reputation
            ),
            similar: similar.map { ProviderCardView($0, prior: context.ratingPrior) }
        ))
        var page = RenderedPage(path: path, html: html, lastModified: provider.updatedAt, inSitemap: true)
        page.sitemapImage = provider.photo?.shareURL
        page.listedIn = provider.categorySlugs.map(\.value)
        page.providerTally = ProviderTally(provider, categories: tree)
        page.rank = ListingRank(provider.statistics)
        page.similarProviders = similarIDs
        return page
    }
}

/// "within an hour", "within 3 hours", "within a day".
enum ResponseTimeText {
    static func format(minutes: Int) -> String {
        switch minutes {
        case ..<60: "within an hour"
        case ..<1440: "within \((minutes + 59) / 60) hours"
        default: "within \((minutes + 1439) / 1440) days"
        }
    }
}
