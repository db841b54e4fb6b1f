import AgoraDomain
import AgoraStore
import Hummingbird

/// A category as the API shows it, with the categories below it. `provider_count` counts each public provider once,
/// in the category and everything below it. Administrators also see `active`, `sort_order` and `parent`; the public
/// tree leaves them out (it holds active categories only).
struct CategoryNode: ResponseEncodable {
    let id: Int64
    let slug: String
    let name: String
    let description: String
    let icon: String?
    let url: String
    let providerCount: Int
    let children: [CategoryNode]
    let active: Bool?
    let sortOrder: Int?
    let parent: String?

    /// The tree as it stands: every category for administrators, the active ones for everyone else. With `only`,
    /// that category alone with what is below it.
    static func tree(of store: Store, forAdministrators: Bool, only id: Int64? = nil) async throws -> [CategoryNode] {
        let repository = CategoryRepository(store: store)
        let tree = try await repository.tree()
        let counts = try await repository.providerCounts()
        func node(_ category: Category) -> CategoryNode {
            CategoryNode(
                id: category.id, slug: category.slug.value, name: category.name, description: category.description,
                icon: category.icon, url: PagePaths.category(category.slug), providerCount: counts[category.id] ?? 0,
                children: tree.children(of: category).filter { forAdministrators || $0.active }.map(node),
                active: forAdministrators ? category.active : nil,
                sortOrder: forAdministrators ? category.sortOrder : nil,
                parent: forAdministrators ? tree.parent(of: category)?.slug.value : nil
            )
        }
        if let id { return tree.category(id: id).map { [node($0)] } ?? [] }
        return tree.roots.filter { forAdministrators || $0.active }.map(node)
    }
}

/// A category tree answer.
struct CategoryTreeBody: ResponseEncodable {
    let categories: [CategoryNode]
}
