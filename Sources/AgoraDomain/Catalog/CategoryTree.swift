/// The categories arranged as a tree, in display order. Built once from the flat list the store returns.
public struct CategoryTree: Sendable {
    public let all: [Category]
    private let childrenByParent: [Int64?: [Category]]
    private let byID: [Int64: Category]
    private let bySlug: [Slug: Category]

    public init(_ categories: [Category]) {
        let ordered = categories.sorted { ($0.sortOrder, $0.name) < ($1.sortOrder, $1.name) }
        all = ordered
        childrenByParent = Dictionary(grouping: ordered, by: \.parentID)
        byID = Dictionary(uniqueKeysWithValues: ordered.map { ($0.id, $0) })
        bySlug = Dictionary(ordered.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var roots: [Category] { childrenByParent[nil] ?? [] }

    public func children(of category: Category) -> [Category] { childrenByParent[category.id] ?? [] }

    public func category(id: Int64) -> Category? { byID[id] }

    public func category(slug: Slug) -> Category? { bySlug[slug] }

    public func parent(of category: Category) -> Category? { category.parentID.flatMap { byID[$0] } }

    /// The category and everything below it: a listing of a category shows the providers of its subcategories too.
    public func subtreeIDs(of category: Category) -> [Int64] {
        subtree(of: category).map(\.id)
    }

    /// Every category, each followed by its subcategories (depth first, in display order).
    public var depthFirst: [Category] { roots.flatMap(subtree(of:)) }

    private func subtree(of category: Category) -> [Category] {
        [category] + children(of: category).flatMap(subtree(of:))
    }

    /// From the root down to the category itself, for breadcrumbs.
    public func path(to category: Category) -> [Category] {
        var path = [category]
        var current = category
        while let parent = parent(of: current), !path.contains(parent) {
            path.insert(parent, at: 0)
            current = parent
        }
        return path
    }

    /// A category is shown when it and all its ancestors are active.
    public func isVisible(_ category: Category) -> Bool {
        path(to: category).allSatisfy(\.active)
    }

    /// The visible ones of a provider's categories, in the order given. The first is the provider's primary
    /// category: its page's breadcrumb, where "Request a proposal" starts, and whose providers are its similar ones.
    public func shown(_ slugs: [Slug]) -> [Category] {
        slugs.compactMap(category(slug:)).filter(isVisible)
    }
}
