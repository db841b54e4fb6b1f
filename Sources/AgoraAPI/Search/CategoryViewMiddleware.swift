import AgoraDomain
import Hummingbird

/// Counts the views of category pages the service itself serves (`/categories/{slug}/` and its later pages) for
/// the category analytics. Pages served by a CDN or another web server are not seen here.
struct CategoryViewMiddleware: RouterMiddleware {
    typealias Context = AgoraRequestContext
    let catalog: SearchCatalog
    let analytics: SearchAnalytics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        let path = request.uri.path
        guard request.method == .get, response.status == .ok, path.hasPrefix(PagePaths.categoriesPrefix) else { return response }
        let parts = path.split(separator: "/")
        if parts.count >= 2, let slug = try? Slug(String(parts[1])),
           let category = try? await catalog.categoryTree.get().category(slug: slug) {
            await analytics.recordView(categoryID: category.id)
        }
        return response
    }
}
