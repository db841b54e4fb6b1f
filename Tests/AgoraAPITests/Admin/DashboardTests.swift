@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("The administration's dashboard")
struct DashboardTests {
    @Test("the figures count what is there: accounts, sign-ups per day, queues, staff without two factors", arguments: TestDatabase.engines)
    func figures(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            _ = try await harness.signedUp("ada@example.com")
            harness.clock.advance(by: 86_400)
            _ = try await harness.signedUp("bob@example.com", type: "provider")
            _ = try await harness.register("pending@example.com")
            _ = try await harness.createStaff("new@example.com", role: .support)
            let owner = try await harness.signedInAdministrator()
            let answer = try await harness.send(.get, "/api/admin/dashboard", bearer: owner.accessToken)
            #expect(answer.status == .ok, "\(answer.text)")
            let figures = try answer.json()
            #expect(figures["accounts"] as? [String: Int] == ["client": 2, "provider": 1, "admin": 2])
            let signUps = try #require(figures["sign_ups"] as? [[String: Any]])
            #expect(signUps.count == 30)
            #expect(signUps.suffix(2).compactMap { $0["count"] as? Int } == [3, 2], "ada and the two staff (made on the first day) then bob and a pending account")
            #expect(figures["staff_without_two_factors"] as? Int == 1)
            #expect((figures["emails"] as? [String: Int])?["waiting"] ?? 0 >= 3)
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            #expect(try await harness.send(.get, "/api/admin/dashboard", bearer: support.accessToken).status == .forbidden)
        }
    }

    @Test("the access route tells the pages what a person may do; a client is told nothing opens", arguments: TestDatabase.engines)
    func access(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let access = try await harness.send(.get, "/api/auth/me/administration", bearer: support.accessToken).json()
            #expect(access["role"] as? String == "support" && access["second_factor"] as? Bool == true)
            #expect(Set(access["permissions"] as? [String] ?? []) == Set(StaffRole.support.defaultPermissions.map(\.rawValue)))
            #expect(Set(access["areas"] as? [String] ?? []) == ["orders", "users", "suspensions", "accounts"])
            let ada = try await harness.signedUp("ada@example.com")
            let none = try await harness.send(.get, "/api/auth/me/administration", bearer: ada.accessToken).json()
            #expect(none["role"] == nil && (none["areas"] as? [String])?.isEmpty == true)
            #expect(try await harness.send(.get, "/api/auth/me/administration").status == .unauthorized)
        }
    }
}
