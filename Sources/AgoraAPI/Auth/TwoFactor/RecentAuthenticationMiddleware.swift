import AgoraDomain
import Foundation
import Hummingbird

/// Guards dangerous actions: the person must have proved who they are in this session within `window` (signing in,
/// or `POST /api/auth/reauthenticate`), else 403 `reauthentication-required`, which the pages answer by asking for
/// the code and trying again.
struct RecentAuthenticationMiddleware: RouterMiddleware {
    typealias Context = AgoraRequestContext
    let window: TimeInterval
    let clock: any AgoraClock

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity = try context.requireIdentity()
        guard clock.now.timeIntervalSince(identity.reauthenticatedAt) <= window else { throw Problem.reauthenticationRequired }
        return try await next(request, context)
    }
}
