import AgoraDomain
import AgoraStore
import AgoraTemplates
import Foundation

/// A page of one category's listing: its providers (and those of its subcategories), best rated first,
/// `ListingPagination.providersPerPage` to a page.
struct CategoryPage: SitePage {
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
    /// Which page of the listing this is, from 1.
    let number: Int
    let listing: ListingPagination
    let path: String
    let key: InputKey
    /// The providers this page shows, in order.
    let providerIDs: [Int64]
    private let parent: NavigationLink?
    private let subcategories: [NavigationLink]
    private let trail: [(name: String, url: String)]

    static func path(for slug: Slug, page: Int) -> String { PagePaths.category(slug, page: page) }

    /// Every page of the category's listing, from its ranking (the providers it lists, its own and its visible
    /// subcategories', in the order shown: `PageSources.ranking(of:)`).
    static func pages(of category: Category, ranked: [RankedProvider], context: SiteContext, siteKey: InputKey) -> [CategoryPage] {
        let listing = ListingPagination(totalItems: ranked.count)
        return (1...listing.pageCount).map { number in
            let start = listing.offset(ofPage: number)
            let listed = ranked[min(start, ranked.count)..<min(start + listing.perPage, ranked.count)]
            return CategoryPage(category, number: number, of: ranked.count, showing: Array(listed), context: context, siteKey: siteKey)
        }
    }

    /// One page of the category's listing: its number, how many providers the whole listing has, and those the
    /// page shows, in order. A build that knows a page's providers did not move makes it again from these alone.
    init(_ category: Category, number: Int, of total: Int, showing listed: [RankedProvider], context: SiteContext, siteKey: InputKey) {
        let tree = context.categories
        var key = siteKey
        key.combine(number)
        key.combine(total)
        for provider in listed {
            key.combine(Int(provider.id))
            key.combine(provider.updatedAt)
        }
        self.context = context
        self.category = category
        self.number = number
        self.key = key
        listing = ListingPagination(totalItems: total)
        path = Self.path(for: category.slug, page: number)
        providerIDs = listed.map(\.id)
        parent = tree.parent(of: category).map { NavigationLink(name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
        subcategories = tree.children(of: category).filter(\.active).map { NavigationLink(name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
        trail = [(name: "Home", url: "/")] + tree.path(to: category).map { (name: $0.name, url: Self.path(for: $0.slug, page: 1)) }
    }

    func render(with providers: [Int64: ProviderProfile]) throws -> RenderedPage? {
        try render(providers: providerIDs.compactMap { providers[$0] })
    }

    private func render(providers: [ProviderProfile]) throws -> RenderedPage {
        let total = listing.totalItems
        let pageSuffix = number > 1 ? " — page \(number)" : ""
        let meta = context.meta(
            title: "\(category.name) experts for hire\(pageSuffix)",
            description: "\(category.description) Compare \(CountText.of(total, "provider")) by rating, rate and availability.",
            path: path
        )
        // A category without providers lists nothing: an empty ItemList is invalid structured data.
        let itemList = providers.isEmpty ? [] : [StructuredData.itemList(
            providers.map { ProviderPage.path(for: $0.slug) }, firstPosition: listing.offset(ofPage: number) + 1, baseURL: context.baseURL
        )]
        let html = try context.render("category", meta: meta, breadcrumbs: Breadcrumb.trail(trail), structuredData: itemList, content: Content(
            name: category.name,
            description: category.description,
            searchURL: PagePaths.search(category: category.slug),
            providerCount: CountText.of(total, "provider"),
            parent: parent,
            subcategories: subcategories,
            hasSubcategories: !subcategories.isEmpty,
            providers: providers.map { ProviderCardView($0, prior: context.ratingPrior) },
            hasProviders: !providers.isEmpty,
            pagination: .fields(pagination(number, of: listing.pageCount))
        ))
        var page = RenderedPage(path: path, html: html, lastModified: providers.map(\.updatedAt).max(), inSitemap: true)
        page.listing = (total, providerIDs)
        return page
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
