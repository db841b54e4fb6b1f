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

    @Test("each role reaches the admin routes its permissions allow and gets 403 on the others", arguments: TestDatabase.engines)
    func matrix(engine: TestDatabase) async throws {
        let routes = try await Self.adminRoutes()
        #expect(routes.count >= 10)
        try await AuthHarness.with(engine) { harness in
            var settings = AuthSettings(signingKey: TestConfiguration.signingKey)
            settings.bcryptCost = 4
            var tokens: [StaffRole: String] = [:]
            for role in StaffRole.allCases {
                let email = "\(role.rawValue)@example.com"
                _ = try await Administrators.create(
                    firstName: "Staff", lastName: "Member", email: email, password: AuthHarness.password, role: role,
                    settings: settings, store: harness.store, now: AuthHarness.start
                )
                tokens[role] = try SignIn(try await harness.login(email)).accessToken
            }
            let demoted = try await Administrators.create(
                firstName: "Former", lastName: "Staff", email: "former@example.com", password: AuthHarness.password,
                settings: settings, store: harness.store, now: AuthHarness.start
            )
            try await harness.store.sql.raw("DELETE FROM staff_members WHERE user_id = \(bind: demoted)").run()
            let former = try SignIn(try await harness.login("former@example.com")).accessToken
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
                }
            }
            let details = Set(try refusals.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }.compactMap { $0?["detail"] as? String })
            #expect(details == ["Your role does not allow this."], "a refusal says nothing of the route")
        }
    }

    @Test("the owner can take a permission from a role, and it holds at once")
    func tableIsData() async throws {
        try await AuthHarness.with { harness in
            var settings = AuthSettings(signingKey: TestConfiguration.signingKey)
            settings.bcryptCost = 4
            _ = try await Administrators.create(
                firstName: "Content", lastName: "Editor", email: "editor@example.com", password: AuthHarness.password, role: .contentEditor,
                settings: settings, store: harness.store, now: AuthHarness.start
            )
            let editor = try SignIn(try await harness.login("editor@example.com")).accessToken
            #expect(try await harness.send(.get, "/api/admin/categories", bearer: editor).status == .ok)
            try await harness.store.sql.raw("DELETE FROM role_permissions WHERE role = 'content-editor' AND permission = 'categories.edit'").run()
            #expect(try await harness.send(.get, "/api/admin/categories", bearer: editor).status == .forbidden)
        }
    }
}
