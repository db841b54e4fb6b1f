import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/staff` (`staff.manage`): the staff accounts with their roles, changing a role, and what each role may
/// do (`roles`), all audited. Nobody changes their own role, and the owner role keeps every permission, so the owners
/// cannot lock themselves out by mistake.
struct StaffRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    /// Changing roles and permissions needs a recent proof of who is asking.
    let recentAuthentication: RecentAuthenticationMiddleware
    let invitations: StaffInvitations

    struct MemberBody: ResponseEncodable {
        let userId: Int64
        let firstName: String
        let lastName: String
        let email: String
        let role: String

        init(_ account: UserAccount, role: StaffRole) {
            userId = account.id
            firstName = account.firstName
            lastName = account.lastName
            email = account.email.value
            self.role = role.rawValue
        }
    }

    struct MembersBody: ResponseEncodable {
        let staff: [MemberBody]
    }

    struct RoleInput: RequestBody {
        static let fields: Set<String> = ["role"]
        let role: String?

        init(reading body: inout JSONObjectBody) {
            role = body.string("role", maximumLength: 40)
        }
    }

    struct InvitationInput: RequestBody {
        static let fields: Set<String> = ["email", "first_name", "last_name", "role"]
        let email: String?
        let firstName: String?
        let lastName: String?
        let role: String?

        init(reading body: inout JSONObjectBody) {
            email = body.string("email", maximumLength: AuthRoutes.typedEmailLimit)
            firstName = body.string("first_name", maximumLength: 200)
            lastName = body.string("last_name", maximumLength: 200)
            role = body.string("role", maximumLength: 40)
        }
    }

    struct RoleBody: ResponseEncodable {
        let role: String
        let permissions: [String]
    }

    struct RolesBody: ResponseEncodable {
        let roles: [RoleBody]
    }

    struct PermissionsInput: RequestBody {
        static let fields: Set<String> = ["permissions"]
        let permissions: [String]?

        init(reading body: inout JSONObjectBody) {
            permissions = body.strings("permissions", maximumCount: AdminPermission.allCases.count, maximumLength: 60)
        }
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let staff = AdminArea.staff.group(on: admin, store: store)
        staff.get(use: list)
        staff.get("roles", use: roles)
        let dangerous = staff.group().add(middleware: recentAuthentication)
        dangerous.post("invitations", use: invite)
        dangerous.delete("{userId}", use: remove)
        dangerous.put("{userId}/role", use: changeRole)
        dangerous.put("roles/{role}/permissions", use: changePermissions)
    }

    @Sendable func roles(_ request: Request, context: AgoraRequestContext) async throws -> RolesBody {
        let table = try await StaffRepository(store: store).permissions()
        return RolesBody(roles: StaffRole.allCases.map { role in
            RoleBody(role: role.rawValue, permissions: (table[role] ?? []).map(\.rawValue).sorted())
        })
    }

    /// `{"permissions": ["users.read", …]}`: what the role may do from the next request on. The owner role keeps
    /// everything (409).
    @Sendable func changePermissions(_ request: Request, context: AgoraRequestContext) async throws -> RoleBody {
        guard let role = context.parameters.get("role").flatMap(StaffRole.init(rawValue:)) else {
            throw Problem(status: .notFound, detail: "No staff role has this name.")
        }
        let input = try await request.decode(as: PermissionsInput.self, context: context)
        guard let names = input.permissions else { throw ValidationError(field: "permissions", message: "is required") }
        let unknown = names.filter { AdminPermission(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            throw ValidationError(field: "permissions", message: "has names that are not permissions: \(unknown.joined(separator: ", "))")
        }
        let permissions = Set(names.compactMap(AdminPermission.init(rawValue:)))
        try await StaffRepository(store: store).setPermissions(permissions, of: role, by: try AuditActor(request, context), now: clock.now)
        return RoleBody(role: role.rawValue, permissions: permissions.map(\.rawValue).sorted())
    }

    static let notFound = Problem(status: .notFound, detail: "No staff account has this id.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> MembersBody {
        MembersBody(staff: try await StaffRepository(store: store).members().map { MemberBody($0.account, role: $0.role) })
    }

    /// `{"email", "first_name", "last_name", "role"}`: a new staff account that waits for its owner to choose a
    /// password from the emailed link.
    @Sendable func invite(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<MemberBody> {
        let input = try await request.decode(as: InvitationInput.self, context: context)
        let invitation = try StaffInvitations.Invitation(email: input.email, firstName: input.firstName, lastName: input.lastName, role: input.role)
        let account = try await invitations.invite(invitation, by: try AuditActor(request, context))
        return EditedResponse(status: .created, response: MemberBody(account, role: invitation.role))
    }

    /// Takes an account out of the staff: its role goes and its sessions end at once. Nobody removes themselves.
    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let actor = try AuditActor(request, context)
        guard userID != actor.userID else {
            throw Problem(status: .conflict, detail: "Nobody removes themselves from the staff; ask another owner.", type: .invalidTransition)
        }
        guard try await StaffRepository(store: store).remove(userID, by: actor, now: clock.now) != nil else { throw Self.notFound }
        return Response(status: .noContent)
    }

    @Sendable func changeRole(_ request: Request, context: AgoraRequestContext) async throws -> MemberBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let input = try await request.decode(as: RoleInput.self, context: context)
        guard let role = StaffRole(rawValue: input.role ?? "") else {
            throw ValidationError(field: "role", message: "must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let actor = try AuditActor(request, context)
        guard userID != actor.userID else {
            throw Problem(status: .conflict, detail: "Nobody changes their own role; ask another owner.", type: .invalidTransition)
        }
        guard try await StaffRepository(store: store).change(userID, to: role, by: actor, now: clock.now) != nil,
              let account = try await UserRepository(store: store).find(id: userID)
        else { throw Self.notFound }
        return MemberBody(account, role: role)
    }
}
