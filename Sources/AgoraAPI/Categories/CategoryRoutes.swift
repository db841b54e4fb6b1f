import AgoraDomain
import AgoraStore
import Hummingbird

/// `GET /api/categories`: the visible category tree with the number of public providers in each category and
/// the categories below it.
struct CategoryRoutes: Sendable {
    let store: Store

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.get("categories", use: tree)
    }

    @Sendable func tree(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<CategoryTreeBody> {
        let categories = try await CategoryNode.tree(of: store, forAdministrators: false)
        return EditedResponse(headers: [.cacheControl: SearchRoutes.cacheControl], response: CategoryTreeBody(categories: categories))
    }
}
