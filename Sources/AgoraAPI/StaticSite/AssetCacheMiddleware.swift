import AgoraDomain
import AgoraPublishedSite
import HTTPTypes
import Hummingbird

/// Fingerprinted assets and media (whose keys change with every upload) never change under their name, so browsers
/// may keep them for a year without asking; every other file is checked again on each use (its ETag makes that cheap).
struct AssetCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    static var immutable: String { "public, max-age=31536000, immutable" }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        guard response.status == .ok || response.status == .notModified, response.headers[.cacheControl] == nil else { return response }
        let path = request.uri.path
        response.headers[.cacheControl] = FingerprintedAssets.isFingerprinted(path) || path.hasPrefix(PagePaths.media) ? Self.immutable : "no-cache"
        return response
    }
}
