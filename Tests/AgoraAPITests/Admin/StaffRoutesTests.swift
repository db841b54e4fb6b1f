@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Staff roles")
struct StaffRoutesTests {
    @Test("an owner lists the staff and changes another's role, audited and in force at once; never their own", arguments: TestDatabase.engines)
    func changeRole(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let signedInModerator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let moderatorID = signedInModerator.userID
            let moderator = signedInModerator.accessToken
            let staff = try await harness.send(.get, "/api/admin/staff", bearer: owner.accessToken).json()["staff"] as? [[String: Any]] ?? []
            #expect(Set(staff.compactMap { $0["role"] as? String }) == ["owner", "moderator"])
            #expect(try await harness.send(.get, "/api/admin/search/analytics", bearer: moderator).status == .forbidden)

            let changed = try await harness.send(.put, "/api/admin/staff/\(moderatorID)/role", json: #"{"role": "finance"}"#, bearer: owner.accessToken)
            #expect(changed.status == .ok)
            #expect(try changed.json()["role"] as? String == "finance")
            #expect(try await harness.send(.get, "/api/admin/search/analytics", bearer: moderator).status == .ok, "the new role holds on the next request")
            let audited = try await AuditLog(store: harness.store).entries(about: .staffMember, id: moderatorID)
            #expect(audited.count == 1 && audited.first?.before == #"{"role":"moderator"}"# && audited.first?.after == #"{"role":"finance"}"#)

            #expect(try await harness.send(.put, "/api/admin/staff/\(owner.userID)/role", json: #"{"role": "support"}"#, bearer: owner.accessToken).status == .conflict)
            #expect(try await harness.send(.put, "/api/admin/staff/\(moderatorID)/role", json: #"{"role": "wizard"}"#, bearer: owner.accessToken).fieldErrors == ["role"])
            let client = try await harness.signedUp("ada@example.com")
            #expect(try await harness.send(.put, "/api/admin/staff/\(client.userID)/role", json: #"{"role": "owner"}"#, bearer: owner.accessToken).status == .notFound,
                    "only staff accounts have roles to change")
            #expect(try await harness.send(.put, "/api/admin/staff/\(owner.userID)/role", json: #"{"role": "support"}"#, bearer: moderator).status == .forbidden)
        }
    }

    @Test("an owner changes what a role may do: in force on the next request, audited; the owner role keeps everything", arguments: TestDatabase.engines)
    func changePermissions(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let support = try await harness.signedInStaff("sue@example.com", role: .support).accessToken
            let roles = try await harness.send(.get, "/api/admin/staff/roles", bearer: owner.accessToken).json()["roles"] as? [[String: Any]] ?? []
            let supportRole = try #require(roles.first { $0["role"] as? String == "support" })
            #expect(Set(supportRole["permissions"] as? [String] ?? []) == Set(StaffRole.support.defaultPermissions.map(\.rawValue)))
            #expect(try await harness.send(.get, "/api/admin/audit-log", bearer: support).status == .forbidden)

            let changed = try await harness.send(.put, "/api/admin/staff/roles/support/permissions", json: #"{"permissions": ["users.read", "audit.read"]}"#, bearer: owner.accessToken)
            #expect(changed.status == .ok)
            #expect(try await harness.send(.get, "/api/admin/audit-log", bearer: support).status == .ok)
            #expect(try await harness.send(.get, "/api/admin/orders/1/routes", bearer: support).status == .forbidden, "orders.route was taken away")
            let audited = try await AuditLog(store: harness.store).entries(about: .staffRole, id: StaffRole.support.number)
            #expect(audited.first?.after == #"{"permissions":"audit.read users.read","role":"support"}"#)

            #expect(try await harness.send(.put, "/api/admin/staff/roles/owner/permissions", json: #"{"permissions": []}"#, bearer: owner.accessToken).status == .conflict)
            #expect(try await harness.send(.put, "/api/admin/staff/roles/wizard/permissions", json: #"{"permissions": []}"#, bearer: owner.accessToken).status == .notFound)
            #expect(try await harness.send(.put, "/api/admin/staff/roles/support/permissions", json: #"{"permissions": ["fly"]}"#, bearer: owner.accessToken).fieldErrors == ["permissions"])
            #expect(try await harness.send(.put, "/api/admin/staff/roles/support/permissions", json: #"{"permissions": []}"#, bearer: support).status == .forbidden)
        }
    }
}
