@testable import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Users in the administration")
struct UserAdminTests {
    @Test("support searches accounts by text, type, status and days, a page at a time; bad parameters are named", arguments: TestDatabase.engines)
    func search(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let ada = try await harness.signedUp("ada@example.com")
            _ = try await harness.signedUp("bob@example.com", type: "provider")
            _ = try await harness.register("pending_100%@example.com")
            func users(_ query: String) async throws -> [String] {
                let page = try await harness.send(.get, "/api/admin/users" + query, bearer: support.accessToken).json()
                return (page["users"] as? [[String: Any]] ?? []).compactMap { $0["email"] as? String }
            }
            #expect(try await users("?q=ADA@EX") == ["ada@example.com"])
            #expect(try await users("?q=lovelace").count == 3, "the name matches too")
            #expect(try await users("?q=100%25") == ["pending_100%@example.com"], "% and _ match themselves")
            #expect(try await users("?q=_") == ["pending_100%@example.com"])
            #expect(try await users("?type=provider") == ["bob@example.com"])
            #expect(try await users("?status=pending") == ["pending_100%@example.com"])
            #expect(try await users("?type=admin") == ["sue@example.com"])
            #expect(try await users("?from=2026-01-01&to=2026-01-02").isEmpty)
            let first = try await harness.send(.get, "/api/admin/users?limit=2", bearer: support.accessToken).json()
            let next = try #require((first["next_before"] as? NSNumber)?.int64Value)
            #expect(try await users("?limit=2&before=\(next)").count == 2)
            let bad = try await harness.send(.get, "/api/admin/users?type=wizard&country=France&limit=0&from=yesterday&sort=name", bearer: support.accessToken)
            #expect(bad.status == .badRequest && bad.fieldErrors == ["type", "country", "limit", "from", "sort"])

            let detail = try await harness.send(.get, "/api/admin/users/\(ada.userID)", bearer: support.accessToken).json()
            #expect((detail["user"] as? [String: Any])?["email"] as? String == "ada@example.com")
            #expect((detail["sessions"] as? [Any])?.count == 1 && (detail["events"] as? [[String: Any]])?.first?["kind"] as? String == "verify_email")
            #expect(detail["staff_role"] == nil && detail["two_factor"] as? Bool == false)
            #expect(try await harness.send(.get, "/api/admin/users/999999", bearer: support.accessToken).status == .notFound)
            let editor = try await harness.signedInStaff("ed@example.com", role: .contentEditor)
            #expect(try await harness.send(.get, "/api/admin/users", bearer: editor.accessToken).status == .forbidden)
            #expect(try await harness.send(.get, "/api/admin/users", bearer: ada.accessToken).status == .forbidden)
        }
    }

    @Test("an account's page counts its projects, reports and open disputes, and shows its money to finance staff only", arguments: TestDatabase.engines)
    func accountMoney(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let fixture = try await ProjectFixture.accepted(in: market)
            #expect(try await fixture.fund(fixture.milestoneIDs[0]).status == .ok)
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let finance = try await harness.signedInStaff("fin@example.com", role: .finance)
            let seen = try await harness.send(.get, "/api/admin/users/\(market.ada.userID)", bearer: support.accessToken).json()
            #expect(seen["projects"] as? Int == 1 && seen["open_disputes"] as? Int == 0 && seen["reports_about"] as? Int == 0)
            #expect(seen["money"] == nil, "support has no finance.read")
            let money = try #require(try await harness.send(.get, "/api/admin/users/\(market.ada.userID)", bearer: finance.accessToken).json()["money"] as? [String: Any])
            let wallet = try #require((money["wallets"] as? [[String: Any]])?.first)
            #expect(wallet["currency"] as? String == "EUR" && (wallet["in_escrow"] as? [String: Any])?["amount_minor"] as? Int == 60_000)
            let totals = try #require((money["totals"] as? [[String: Any]])?.first)
            #expect((totals["paid"] as? [String: Any])?["amount_minor"] as? Int == 61_800 && totals["transactions"] as? Int == 1)
        }
    }

    @Test("a suspension ends the sessions, withdraws the live proposals, takes the page offline, tells the owner; lifting undoes it", arguments: TestDatabase.engines)
    func suspension(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine, providers: 10) { market in
            let harness = market.harness
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let orderID = try await market.postOrder(market.ada)
            let proposalID = try await market.propose(orderID, as: market.seeded)
            let slug = try #require(try await harness.store.sql.raw("SELECT slug FROM user_profiles WHERE user_id = \(bind: market.seeded.userID)").first()?
                .decode(column: "slug", as: String.self))

            let body = #"{"user_id": \#(market.seeded.userID), "kind": "suspend", "reason": "Asked clients to pay outside the platform.", "days": 7}"#
            let suspended = try await harness.send(.post, "/api/admin/suspensions", json: body, bearer: support.accessToken)
            #expect(suspended.status == .created, "\(suspended.text)")
            #expect(try await harness.send(.get, "/api/auth/me", bearer: market.seeded.accessToken).status == .unauthorized, "signed out at once")
            #expect(try await harness.login("seeded.provider@example.com").problemType == ProblemType.accountSuspended.uri)
            #expect(try await ProposalRepository(store: harness.store).find(proposalID)?.status == .withdrawn)
            let withdrawal = try await OrderRepository(store: harness.store).events(of: orderID).last
            #expect(withdrawal?.kind == .proposalWithdrawn && withdrawal?.detail["reason"] == "provider suspended")
            #expect(try await SiteChangeQueue(store: harness.store).recent().contains { $0.change == .provider(try Slug(slug)) })
            let email = try #require(try await harness.emails(to: "seeded.provider@example.com").first)
            #expect(email.template == "account-suspended" && email.textBody.contains("Asked clients to pay outside the platform.") && email.textBody.contains("until"))
            let audited = try await AuditLog(store: harness.store).entries(about: .user, id: market.seeded.userID)
            #expect(audited.first?.action == .userSuspended && audited.first?.reason == "Asked clients to pay outside the platform.")
            #expect(try await harness.send(.post, "/api/admin/suspensions", json: body, bearer: support.accessToken).status == .conflict)

            #expect(try await harness.send(.post, "/api/admin/suspensions/\(market.seeded.userID)/lift", json: "{}", bearer: support.accessToken).fieldErrors == ["reason"])
            let lifted = try await harness.send(.post, "/api/admin/suspensions/\(market.seeded.userID)/lift", json: #"{"reason": "Appeal accepted."}"#, bearer: support.accessToken)
            #expect(lifted.status == .ok)
            #expect(try (lifted.json()["lifted_by"] as? NSNumber)?.int64Value == support.userID)
            #expect(try await harness.login("seeded.provider@example.com").status == .ok)
            #expect(try await harness.emails(to: "seeded.provider@example.com").first?.template == "account-restored")
            #expect(try await AuditLog(store: harness.store).entries(about: .user, id: market.seeded.userID).map(\.action).contains(.suspensionLifted))
            #expect(try await harness.send(.post, "/api/admin/suspensions/\(market.seeded.userID)/lift", json: #"{"reason": "Again."}"#, bearer: support.accessToken).status == .notFound)
            let detail = try await harness.send(.get, "/api/admin/users/\(market.seeded.userID)", bearer: support.accessToken).json()
            #expect((detail["suspensions"] as? [Any])?.count == 1 && detail["proposals"] as? Int == 1)
        }
    }

    @Test("bad suspensions name each bad field; staff, unknown accounts, a moderator and a stale sign-in are refused", arguments: TestDatabase.engines)
    func refusals(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let ada = try await harness.signedUp("ada@example.com")
            func suspend(_ json: String, _ token: String = support.accessToken) async throws -> TestResponse {
                try await harness.send(.post, "/api/admin/suspensions", json: json, bearer: token)
            }
            #expect(try await suspend(#"{"kind": "pause", "reason": " "}"#).fieldErrors == ["user_id", "kind", "reason"])
            #expect(try await suspend(#"{"user_id": \#(ada.userID), "kind": "suspend", "reason": "Spam."}"#).fieldErrors == ["days"])
            #expect(try await suspend(#"{"user_id": \#(ada.userID), "kind": "suspend", "reason": "Spam.", "days": 400}"#).fieldErrors == ["days"])
            #expect(try await suspend(#"{"user_id": \#(ada.userID), "kind": "ban", "reason": "Spam.", "days": 3}"#).fieldErrors == ["days"])
            #expect(try await suspend(#"{"user_id": 999999, "kind": "ban", "reason": "Spam."}"#).status == .notFound)
            #expect(try await suspend(#"{"user_id": \#(support.userID), "kind": "ban", "reason": "Spam."}"#).status == .conflict)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await suspend(#"{"user_id": \#(ada.userID), "kind": "ban", "reason": "Spam."}"#, moderator.accessToken).status == .forbidden)
            harness.clock.advance(by: 11 * 60)
            #expect(try await suspend(#"{"user_id": \#(ada.userID), "kind": "ban", "reason": "Spam."}"#).problemType == ProblemType.reauthenticationRequired.uri)
            #expect(try await UserRepository(store: harness.store).find(id: ada.userID)?.verificationStatus == .verified, "nothing happened")
            #expect(try await harness.send(.get, "/api/auth/me", bearer: ada.accessToken).status == .ok)
        }
    }

    @Test("a suspension that runs out lets the account in: at its next sign-in, or at the hourly clean-up", arguments: TestDatabase.engines)
    func expiry(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let ada = try await harness.signedUp("ada@example.com")
            let bob = try await harness.signedUp("bob@example.com")
            for user in [ada, bob] {
                let answer = try await harness.send(.post, "/api/admin/suspensions", json: #"{"user_id": \#(user.userID), "kind": "suspend", "reason": "Cooling off.", "days": 1}"#, bearer: support.accessToken)
                try #require(answer.status == .created)
            }
            harness.clock.advance(by: 86_000)
            #expect(try await harness.login("ada@example.com").problemType == ProblemType.accountSuspended.uri)
            harness.clock.advance(by: 401)
            #expect(try await harness.login("ada@example.com").status == .ok, "lifted as the owner signs in")
            let history = try await SuspensionRepository(store: harness.store).history(of: ada.userID)
            #expect(history.first?.liftedBy == nil && history.first?.liftReason == "ran out")
            try await AccountCleanupJob(store: harness.store, clock: harness.clock).runOnce()
            #expect(try await UserRepository(store: harness.store).find(id: bob.userID)?.verificationStatus == .verified)
        }
    }
}
