import AgoraDomain
import AgoraStore
import Hummingbird

/// The parts of `/api/admin`, each behind the one permission its routes need. Routes are registered on an area's
/// group (`group(on:store:)`), so that no admin route exists without a permission; a test walks every admin route
/// with every staff role.
enum AdminArea: String, CaseIterable, Sendable {
    case categories
    case testimonials
    case searchAnalytics = "search"
    case orderRouting = "orders"
    case auditLog = "audit-log"
    case staff
    case users
    case suspensions
    case dashboard
    case accounts
    case settings
    case moderation
    case messages
    case viewAs = "view-as"
    case bulk
    case profiles
    case verifications
    case skills
    case disputes
    case finance
    case ledger
    /// Payments; refunding one also needs `finance.refund` (`PaymentAdminRoutes`).
    case payments
    case reviews
    case announcements
    /// What became of notifications, per kind.
    case notifications
    case emailTemplates = "email-templates"

    var permission: AdminPermission {
        switch self {
        case .categories: .categoriesEdit
        case .testimonials: .moderationDecide
        case .searchAnalytics: .analyticsRead
        case .orderRouting: .ordersRoute
        case .auditLog: .auditRead
        case .staff: .staffManage
        case .users: .usersRead
        case .suspensions: .usersSuspend
        case .dashboard: .analyticsRead
        case .accounts: .usersEdit
        case .settings: .settingsEdit
        case .moderation: .moderationDecide
        case .messages: .usersEdit
        case .viewAs: .usersImpersonate
        case .bulk: .usersSuspend
        case .profiles, .reviews: .moderationDecide
        case .verifications: .usersEdit
        case .skills: .categoriesEdit
        case .disputes: .financeResolveDispute
        case .finance, .ledger, .payments: .financeRead
        case .announcements: .announcementsSend
        case .notifications: .analyticsRead
        case .emailTemplates: .contentEdit
        }
    }

    /// The path of the area under `/api/admin`.
    var path: String { rawValue }

    /// The area's group under the admin group, behind its permission.
    func group(on admin: RouterGroup<AgoraRequestContext>, store: Store) -> RouterGroup<AgoraRequestContext> {
        admin.group(RouterPath(path)).add(middleware: PermissionMiddleware(permission: permission, store: store))
    }
}

/// Lets through staff whose role holds the permission (as `role_permissions` says now) and whose session was opened
/// with two factors, and notes the role for the audit log; anyone else gets 403, with nothing about the route.
struct PermissionMiddleware: RouterMiddleware {
    typealias Context = AgoraRequestContext
    let permission: AdminPermission
    let store: Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity = try context.requireIdentity()
        guard let access = try await StaffRepository(store: store).access(of: identity.userID, to: permission), access.permitted else {
            throw Problem.forbidden("Your role does not allow this.")
        }
        guard identity.secondFactor else { throw Problem.twoFactorRequired }
        var context = context
        context.staffRole = access.role
        return try await next(request, context)
    }
}
