@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// Every admin route, with every staff role, a staff account without a role and a client: 403 exactly where the
/// role lacks the route's permission, the same answer on every route, and never a 403 where it has it.
@Suite("Admin permissions")
struct AdminPermissionMatrixTests {
    /// The admin routes the router has, with ids filled in.
    static func adminRoutes() async throws -> [(method: HTTPRequest.Method, path: String)] {
        try await TestDatabase.sqlite.withStore { store async throws in
            let router = try await buildRouter(
                configuration: try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent")), store: store,
                logger: Logger(label: "test")
            )
            return router.routes.filter { $0.path.description.hasPrefix("/api/admin/") }.map { route in
                let path = route.path.description.replacingOccurrences(of: "{id}", with: "1").replacingOccurrences(of: "{providerId}", with: "1")
                return (route.method, path)
            }
        }
    }

    @Test("each role reaches the admin routes its permissions allow and gets 403 on the others; staff without a second factor reach none", arguments: TestDatabase.engines)
    func matrix(engine: TestDatabase) async throws {
        let routes = try await Self.adminRoutes()
        #expect(routes.count >= 10)
        try await AuthHarness.with(engine) { harness in
            var tokens: [StaffRole: String] = [:]
            for role in StaffRole.allCases {
                tokens[role] = try await harness.signedInStaff("\(role.rawValue)@example.com", role: role).accessToken
            }
            let demoted = try await harness.createStaff("former@example.com")
            try await harness.store.sql.raw("DELETE FROM staff_members WHERE user_id = \(bind: demoted)").run()
            let former = try SignIn(try await harness.login("former@example.com")).accessToken
            _ = try await harness.createStaff("password-only@example.com")
            let passwordOnly = try SignIn(try await harness.login("password-only@example.com")).accessToken
            let client = try await harness.signedUp("ada@example.com").accessToken

            var refusals: Set<String> = []
            for route in routes {
                let area = AdminArea.allCases.first { route.path == "/api/admin/\($0.path)" || route.path.hasPrefix("/api/admin/\($0.path)/") }
                let permission = try #require(area?.permission, "\(route.path) belongs to no admin area, so it names no permission")
                let body = [.post, .put, .patch].contains(route.method) ? "{}" : nil
                for role in StaffRole.allCases {
                    let answer = try await harness.send(route.method, route.path, json: body, bearer: tokens[role])
                    let allowed = role.defaultPermissions.contains(permission)
                    #expect((answer.status == .forbidden) == !allowed, "\(role.rawValue) \(route.method) \(route.path): \(answer.status)")
                    if !allowed { refusals.insert(answer.text) }
                }
                for outsider in [former, client] {
                    let answer = try await harness.send(route.method, route.path, json: body, bearer: outsider)
                    #expect(answer.status == .forbidden, "\(route.method) \(route.path): \(answer.status)")
                    #expect(answer.problemType == ProblemType.forbidden.uri, "a non-staff account learns nothing of two factors")
                }
                let withoutSecondFactor = try await harness.send(route.method, route.path, json: body, bearer: passwordOnly)
                #expect(withoutSecondFactor.status == .forbidden && withoutSecondFactor.problemType == ProblemType.twoFactorRequired.uri,
                        "an owner signed in with a password alone: \(route.method) \(route.path)")
            }
            let details = Set(try refusals.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.compactMap { $0?["detail"] as? String })
            #expect(details == ["Your role does not allow this."], "a refusal says nothing of the route")
        }
    }

    @Test("the owner can take a permission from a role, and it holds at once")
    func tableIsData() async throws {
        try await AuthHarness.with { harness in
            let editor = try await harness.signedInStaff("editor@example.com", role: .contentEditor).accessToken
            #expect(try await harness.send(.get, "/api/admin/categories", bearer: editor).status == .ok)
            try await harness.store.sql.raw("DELETE FROM role_permissions WHERE role = 'content-editor' AND permission = 'categories.edit'").run()
            #expect(try await harness.send(.get, "/api/admin/categories", bearer: editor).status == .forbidden)
        }
    }
}
