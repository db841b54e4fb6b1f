import AgoraDomain
import AgoraStore
import Hummingbird

/// `GET /api/auth/me/administration`: what the signed-in person may do in the administration — their staff role,
/// its permissions as the table says now, and whether this session was opened with two factors. The admin pages
/// build their navigation from it; the routes check for themselves.
struct AdministrationAccessRoutes: Sendable {
    let store: Store

    struct AccessBody: ResponseEncodable {
        let role: String?
        let permissions: [String]
        let secondFactor: Bool
        /// The admin areas the permissions open, by path under `/api/admin`.
        let areas: [String]
    }

    func register(signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("auth/me/administration", use: access)
    }

    @Sendable func access(_ request: Request, context: AgoraRequestContext) async throws -> AccessBody {
        let identity = try context.requireIdentity()
        let staff = StaffRepository(store: store)
        guard let role = try await staff.role(of: identity.userID) else {
            return AccessBody(role: nil, permissions: [], secondFactor: identity.secondFactor, areas: [])
        }
        let permissions = try await staff.permissions()[role] ?? []
        return AccessBody(
            role: role.rawValue, permissions: permissions.map(\.rawValue).sorted(), secondFactor: identity.secondFactor,
            areas: AdminArea.allCases.filter { permissions.contains($0.permission) }.map(\.path)
        )
    }
}
