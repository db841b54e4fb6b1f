import AgoraDomain
import Hummingbird

/// Guards the routes behind it: a request needs `Authorization: Bearer <access token>` for an open session of
/// an account allowed in, and, when `roles` is set, one of those roles. Fills `context.identity`.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AgoraRequestContext
    let signIn: SignInService
    var roles: Set<UserType>?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Problem.unauthenticated
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        guard token.utf8.count <= 4_096 else { throw Problem.unauthenticated }
        var context = context
        let identity = try await signIn.authenticate(bearer: token)
        if let roles, !roles.contains(identity.role) {
            throw Problem.forbidden("This needs a \(roles.map(\.rawValue).sorted().joined(separator: " or ")) account.")
        }
        // A staff member's view of an account reads; it never changes anything.
        if identity.viewedBy != nil, request.method != .get, request.method != .head { throw Problem.viewOnly }
        context.identity = identity
        return try await next(request, context)
    }
}
