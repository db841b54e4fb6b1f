import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// The pages of one category: its providers (and those of its subcategories), best rated first,
/// `ListingPagination.providersPerPage` to a page.
struct CategoryPage: Sendable {
    struct PageLink: TemplateFields {
        let number: Int
        let url: String
        let isCurrent: Bool

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "number": .number(number)
            case "url": .text(url)
            case "isCurrent": .flag(isCurrent)
            default: nil
            }
        }
    }

    struct Pagination: TemplateFields {
        let current: Int
        let total: Int
        let previousURL: String?
        let nextURL: String?
        let pages: [PageLink]
        let isPaged: Bool

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "current": .number(current)
            case "total": .number(total)
            case "previousURL": .optional(previousURL)
            case "nextURL": .optional(nextURL)
            case "pages": .objects(pages)
            case "isPaged": .flag(isPaged)
            default: nil
            }
        }
    }

    struct Content: TemplateFields {
        let name: String
        let description: String
        /// The search page with this category chosen, for filtering its providers.
        let searchURL: String
        let providerCount: String
        let parent: NavigationLink?
        let subcategories: [NavigationLink]
        let hasSubcategories: Bool
        let providers: [ProviderCardView]
        let hasProviders: Bool
        /// A `Pagination`, made a template value once: the template reads most of its fields.
        let pagination: TemplateValue

        func templateValue(named name: String) -> TemplateValue? {
            switch name {
            case "name": .text(self.name)
            case "description": .text(description)
            case "searchURL": .text(searchURL)
            case "providerCount": .text(providerCount)
            case "parent": .optional(parent)
            case "subcategories": .objects(subcategories)
            case "hasSubcategories": .flag(hasSubcategories)
            case "providers": .objects(providers)
            case "hasProviders": .flag(hasProviders)
            case "pagination": pagination
            default: nil
            }
        }
    }

    let context: SiteContext
    let category: Category

    static func path(for slug: Slug, page: Int) -> String { PagePaths.category(slug, page: page) }

    /// The providers the category lists (its own and its visible subcategories'), in the order shown.
    func ranking() async throws -> [RankedProvider] {
        let tree = context.categories
        let ids = tree.subtreeIDs(of: category).filter { id in tree.category(id: id).map(tree.isVisible) ?? false }
        return try await ProviderRepository(store: context.store).ranking(inCategories: ids)
    }

    /// Every page of the category, to publish together. `ranked` is `ranking()`.
    func pages(siteKey: InputKey, ranked: [RankedProvider]) -> [ListingJob] {
        let tree = context.categories
        let total = ranked.count
        let listing = ListingPagination(totalItems: total)
        let parent = tree.parent(of: category).map { NavigationLink(name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
        let subcategories = tree.children(of: category).filter(\.active).map { NavigationLink(name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
        let trail = [(name: "Home", url: "/")] + tree.path(to: category).map { (name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
        return (1...listing.pageCount).map { number in
            let start = listing.offset(ofPage: number)
            let listed = ranked[min(start, total)..<min(start + listing.perPage, total)]
            let path = Self.path(for: category.slug, page: number)
            var key = siteKey
            key.combine(number)
            key.combine(total)
            for provider in listed {
                key.combine(Int(provider.id))
                key.combine(provider.updatedAt)
            }
            let ids = listed.map(\.id)
            return ListingJob(path: path, key: key, providerIDs: ids) { loaded in
                let providers = ids.compactMap { loaded[$0] }
                return try render(page: number, of: listing, total: total, providers: providers, path: path, parent: parent, subcategories: subcategories, trail: trail)
            }
        }
    }

    private func render(
        page number: Int, of listing: ListingPagination, total: Int, providers: [ProviderProfile], path: String,
        parent: NavigationLink?, subcategories: [NavigationLink], trail: [(name: String, url: String)]
    ) throws -> RenderedPage {
        let pageSuffix = number > 1 ? " — page \(number)" : ""
        let meta = context.meta(
            title: "\(category.name) experts for hire\(pageSuffix)",
            description: "\(category.description) Compare \(CountText.of(total, "provider")) by rating, rate and availability.",
            path: path
        )
        let itemList = StructuredData.itemList(
            providers.map { ProviderPage.path(for: $0.slug) }, firstPosition: listing.offset(ofPage: number) + 1, baseURL: context.baseURL
        )
        let html = try context.render("category", meta: meta, breadcrumbs: Breadcrumb.trail(trail), structuredData: [itemList], content: Content(
            name: category.name,
            description: category.description,
            searchURL: PagePaths.search(category: category.slug),
            providerCount: CountText.of(total, "provider"),
            parent: parent,
            subcategories: subcategories,
            hasSubcategories: !subcategories.isEmpty,
            providers: providers.map(ProviderCardView.init),
            hasProviders: !providers.isEmpty,
            pagination: .fields(pagination(number, of: listing.pageCount))
        ))
        return RenderedPage(path: path, html: html, lastModified: providers.map(\.updatedAt).max(), inSitemap: true)
    }

    private func pagination(_ current: Int, of total: Int) -> Pagination {
        // A window of pages around the current one keeps the control short on large categories.
        let window = max(1, current - 3)...min(total, current + 3)
        return Pagination(
            current: current,
            total: total,
            previousURL: current > 1 ? Self.path(for: category.slug, page: current - 1) : nil,
            nextURL: current < total ? Self.path(for: category.slug, page: current + 1) : nil,
            pages: window.map { PageLink(number: $0, url: Self.path(for: category.slug, page: $0), isCurrent: $0 == current) },
            isPaged: total > 1
        )
    }
}
