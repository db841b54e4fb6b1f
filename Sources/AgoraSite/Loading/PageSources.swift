import AgoraDomain
import AgoraStore

/// The load stage of a build: everything the pages show of the store, read before they render. Page types receive
/// these values and never hold the store; the providers of listing and profile pages are loaded by `PagePublisher`
/// in windows, for the pages whose key changed.
struct PageSources: Sendable {
    let store: Store
    let categories: CategoryTree

    var providers: ProviderRepository { ProviderRepository(store: store) }

    /// The providers a category's listing shows (its own and its visible subcategories'), in the order shown.
    func ranking(of category: Category) async throws -> [RankedProvider] {
        let ids = categories.subtreeIDs(of: category).filter { id in categories.category(id: id).map(categories.isVisible) ?? false }
        return try await providers.ranking(inCategories: ids)
    }

    /// The rankings of several categories, read at the same time.
    func rankings(of categories: [Category]) async throws -> [Int64: [RankedProvider]] {
        try await withThrowingTaskGroup(of: (Int64, [RankedProvider]).self) { group in
            for category in categories {
                group.addTask { (category.id, try await ranking(of: category)) }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
    }

    /// The similar providers of every provider's page, or only of those whose primary category is one of `primaries`.
    func similarProviders(primaryIn primaries: Set<Int64>? = nil) async throws -> SimilarProviders {
        let places = try await providers.places(inCategories: primaries.map(Array.init))
        return SimilarProviders(places, categories: categories, primaryIn: primaries)
    }

    /// What the homepage shows: the visible top-level categories with their provider counts and the marketplace's
    /// figures, as the provider pages the site holds add up (`totals`, from the manifest), and the best rated
    /// providers.
    func homepage(totals: ProviderTotals) async throws -> HomePage.Sources {
        HomePage.Sources(
            categories: categories.roots.filter(\.active).map { ($0, totals.byTopCategory[$0.id] ?? 0) },
            totals: totals,
            featured: try await providers.topRated(limit: HomePage.featuredProviders)
        )
    }

    /// The category a Markdown page embeds (front matter `providers:`) and its top providers; nil when it embeds none.
    func embedded(for page: ContentPage) async throws -> LandingPage.Embedded? {
        guard let embed = page.frontMatter.providers else { return nil }
        guard let slug = try? Slug(embed.category), let category = categories.category(slug: slug), categories.isVisible(category) else {
            throw SiteError(file: page.sourcePath, "front matter: `providers` names category \"\(embed.category)\", which does not exist or is inactive")
        }
        let shown = try await providers.listing(inCategories: categories.subtreeIDs(of: category), after: nil, limit: embed.limit)
        return LandingPage.Embedded(category: category, providers: shown)
    }
}
