import AgoraDomain
import AgoraSite
import AgoraStore
import Hummingbird

/// `GET /api/categories`: the visible category tree with the number of public providers in each category and
/// the categories below it.
struct CategoryRoutes: Sendable {
    let store: Store

    struct Node: Encodable {
        let id: Int64
        let slug: String
        let name: String
        let description: String
        let icon: String?
        let url: String
        let providerCount: Int
        let children: [Node]
    }

    struct TreeBody: Encodable {
        let categories: [Node]
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("categories", use: tree)
    }

    @Sendable func tree(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let repository = CategoryRepository(store: store)
        let tree = try await repository.tree()
        let counts = try await repository.providerCounts()
        func node(_ category: Category) -> Node {
            Node(
                id: category.id, slug: category.slug.value, name: category.name, description: category.description,
                icon: category.icon, url: PagePaths.category(category.slug), providerCount: counts[category.id] ?? 0,
                children: tree.children(of: category).filter(\.active).map(node)
            )
        }
        return try JSONResponse.make(TreeBody(categories: tree.roots.filter(\.active).map(node)), cacheControl: SearchRoutes.cacheControl)
    }
}
