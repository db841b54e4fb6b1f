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

    @Test("the money figures: what escrow holds per currency and the disputes waiting for a decision", arguments: TestDatabase.engines)
    func money(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let owner = try await market.harness.signedInAdministrator()
            let before = try await market.harness.send(.get, "/api/admin/dashboard", bearer: owner.accessToken).json()
            #expect((before["money"] as? [String: Any])?["in_escrow"] as? [Any] != nil)
            #expect(((before["money"] as? [String: Any])?["in_escrow"] as? [Any])?.isEmpty == true)
            let fixture = try await ProjectFixture.accepted(in: market)
            let design = fixture.milestoneIDs[0]
            #expect(try await fixture.fund(design).status == .ok)
            #expect(try await market.harness.send(
                .post, "/api/projects/\(fixture.projectID)/disputes",
                json: #"{"milestone_id": \#(design), "reason": "quality", "statement": "Nothing of what was agreed has been delivered so far."}"#,
                bearer: market.ada.accessToken
            ).status == .created)
            let after = try await market.harness.send(.get, "/api/admin/dashboard", bearer: owner.accessToken).json()
            let money = try #require(after["money"] as? [String: Any])
            let held = try #require((money["in_escrow"] as? [[String: Any]])?.first)
            #expect(held["currency"] as? String == "EUR" && held["amount_minor"] as? Int == 61_800, "the milestone and its service fee")
            #expect(money["open_disputes"] as? Int == 1 && money["failed_payouts"] as? Int == 0 && money["pending_refunds"] as? Int == 0)
        }
    }

    @Test("active accounts per day and weekly cohorts count sign-ins and renewals, each account once per day or week", arguments: TestDatabase.engines)
    func engagement(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            // The harness starts on a Monday: three weeks, ada active in each, bob only in his first.
            _ = try await harness.signedUp("ada@example.com")
            _ = try await harness.login("ada@example.com")
            harness.clock.advance(by: 7 * 86_400)
            _ = try await harness.signedUp("bob@example.com", type: "provider")
            let ada = try SignIn(try await harness.login("ada@example.com"))
            harness.clock.advance(by: 86_400)
            #expect(try await harness.send(.post, "/api/auth/refresh", cookie: ada.refreshCookie).status == .ok)
            harness.clock.advance(by: 6 * 86_400)
            _ = try await harness.login("ada@example.com")
            _ = try await harness.login("nobody@example.com")
            let owner = try await harness.signedInAdministrator()
            let figures = try await harness.send(.get, "/api/admin/dashboard", bearer: owner.accessToken).json()
            let active = try #require(figures["active_users"] as? [[String: Any]])
            #expect(active.count == 30)
            #expect(active.last?["count"] as? Int == 2, "ada and the owner signed in today; a failed sign-in is not activity")
            #expect(active.compactMap { $0["count"] as? Int }.reduce(0, +) == 6, "ada on four days (one of them a renewal), bob once, the owner once")
            let cohorts = try #require(figures["cohorts"] as? [[String: Any]])
            #expect(cohorts.count == 8)
            // The owner's account was made on the first day (as `agora admin create` dates it), so it joins ada's cohort.
            #expect(cohorts.suffix(3).map { $0["size"] as? Int } == [2, 1, 0])
            #expect(cohorts.suffix(3).map { $0["active"] as? [Int] } == [[1, 1, 2], [1, 0], [0]])
            #expect(cohorts.first?["active"] as? [Int] == Array(repeating: 0, count: 8))
        }
    }

    @Test("the access route tells the pages what a person may do; a client is told nothing opens", arguments: TestDatabase.engines)
    func access(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let access = try await harness.send(.get, "/api/auth/me/administration", bearer: support.accessToken).json()
            #expect(access["role"] as? String == "support" && access["second_factor"] as? Bool == true)
            #expect(Set(access["permissions"] as? [String] ?? []) == Set(StaffRole.support.defaultPermissions.map(\.rawValue)))
            #expect(Set(access["areas"] as? [String] ?? []) == ["orders", "users", "suspensions", "accounts", "messages", "bulk", "verifications"])
            let ada = try await harness.signedUp("ada@example.com")
            let none = try await harness.send(.get, "/api/auth/me/administration", bearer: ada.accessToken).json()
            #expect(none["role"] == nil && (none["areas"] as? [String])?.isEmpty == true)
            #expect(try await harness.send(.get, "/api/auth/me/administration").status == .unauthorized)
        }
    }
}
