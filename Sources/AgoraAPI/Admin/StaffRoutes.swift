import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/staff` (`staff.manage`): the staff accounts with their roles, and changing a role (audited). Nobody
/// changes their own role, so the last owner cannot lock the owners out by mistake.
struct StaffRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct MemberBody: ResponseEncodable {
        let userId: Int64
        let firstName: String
        let lastName: String
        let email: String
        let role: String
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

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let staff = AdminArea.staff.group(on: admin, store: store)
        staff.get(use: list)
        staff.put("{userId}/role", use: changeRole)
    }

    static let notFound = Problem(status: .notFound, detail: "No staff account has this id.")

    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> MembersBody {
        MembersBody(staff: try await StaffRepository(store: store).members().map { member in
            MemberBody(
                userId: member.account.id, firstName: member.account.firstName, lastName: member.account.lastName,
                email: member.account.email.value, role: member.role.rawValue
            )
        })
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
        return MemberBody(userId: account.id, firstName: account.firstName, lastName: account.lastName, email: account.email.value, role: role.rawValue)
    }
}
