@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Account interventions")
struct AccountInterventionTests {
    @Test("support corrects names and a phone number by the registration rules; only what changed is written and audited; a provider's page is rebuilt", arguments: TestDatabase.engines)
    func edit(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let path = "/api/admin/accounts/\(market.ada.userID)"
            let bad = try await harness.send(.patch, path, json: #"{"first_name": "<script>", "phone": "12", "country": "ZZ"}"#, bearer: support.accessToken)
            #expect(bad.status == .unprocessableContent)
            #expect(Set(bad.fieldErrors) == ["reason", "first_name", "country"])
            #expect(try await harness.send(.patch, path, json: #"{"reason": "Nothing."}"#, bearer: support.accessToken).fieldErrors == ["account"])
            let edited = try await harness.send(
                .patch, path, json: #"{"first_name": "Adaline", "last_name": "Lovelace", "phone": "06 98 76 54 32", "reason": "Asked by phone."}"#,
                bearer: support.accessToken
            )
            #expect(edited.status == .ok, "\(edited.text)")
            #expect(try edited.json()["first_name"] as? String == "Adaline")
            #expect(try edited.json()["phone"] as? String == "+33698765432", "the current country checks the number")
            let audited = try #require(try await AuditLog(store: harness.store).entries(about: .user, id: market.ada.userID).first)
            #expect(audited.action == .userEdited && audited.reason == "Asked by phone.")
            #expect(audited.before == #"{"first_name":"Ada","phone":"+33612345678"}"#, "the unchanged last name is left out")
            #expect(audited.after == #"{"first_name":"Adaline","phone":"+33698765432"}"#)
            let wrongCountry = try await harness.send(.patch, path, json: #"{"country": "US", "reason": "Moved."}"#, bearer: support.accessToken)
            #expect(wrongCountry.fieldErrors == ["phone"], "the current French number does not fit the United States")

            let seeded = try await harness.send(.patch, "/api/admin/accounts/\(market.seeded.userID)", json: #"{"last_name": "Renamed", "reason": "Legal name."}"#, bearer: support.accessToken)
            #expect(seeded.status == .ok)
            let queued = try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM site_changes WHERE reason LIKE 'provider % renamed'").first()?.decode(column: "n", as: Int.self)
            #expect(queued == 1)
            #expect(try await harness.send(.patch, "/api/admin/accounts/\(support.userID)", json: #"{"last_name": "X", "reason": "x"}"#, bearer: support.accessToken).status == .conflict)
            #expect(try await harness.send(.patch, path, json: #"{"last_name": "X", "reason": "x"}"#, bearer: market.bob.accessToken).status == .forbidden)
        }
    }

    @Test("support requires a new password: the old one and every session stop at once, the owner gets a link", arguments: TestDatabase.engines)
    func passwordReset(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let ada = try await harness.signedUp("ada@example.com")
            let path = "/api/admin/accounts/\(ada.userID)/password-reset"
            #expect(try await harness.send(.post, path, json: "{}", bearer: support.accessToken).fieldErrors == ["reason"])
            #expect(try await harness.send(.post, path, json: #"{"reason": "Password seen in a breach."}"#, bearer: support.accessToken).status == .noContent)
            #expect(try await harness.send(.get, "/api/auth/me", bearer: ada.accessToken).status == .unauthorized)
            #expect(try await harness.login("ada@example.com").status == .unauthorized, "the old password no longer works")
            let email = try #require(try await harness.emails(to: "ada@example.com").first)
            #expect(email.template == "password-reset-required" && email.textBody.contains("Password seen in a breach."))
            let token = try #require(AuthHarness.token(inLinkOf: email.textBody))
            let chosen = try await harness.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "Granite-Orchard-Violin-58"}"#)
            #expect(chosen.status == .noContent)
            #expect(try await harness.login("ada@example.com", password: "Granite-Orchard-Violin-58").status == .ok)
            let audited = try await AuditLog(store: harness.store).entries(about: .user, id: ada.userID)
            #expect(audited.first?.action == .passwordResetForced && audited.first?.reason == "Password seen in a breach.")
            #expect(try await harness.send(.post, "/api/admin/accounts/\(support.userID)/password-reset", json: #"{"reason": "x"}"#, bearer: support.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/admin/accounts/999999/password-reset", json: #"{"reason": "x"}"#, bearer: support.accessToken).status == .notFound)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, path, json: #"{"reason": "x"}"#, bearer: moderator.accessToken).status == .forbidden)
        }
    }

    @Test("support confirms a pending address by hand, once; a confirmed one is a conflict", arguments: TestDatabase.engines)
    func verification(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            _ = try await harness.register("pending@example.com")
            let pending = try #require(try await UserRepository(store: harness.store).find(email: try Email("pending@example.com")))
            let path = "/api/admin/accounts/\(pending.id)/verification"
            #expect(try await harness.send(.post, path, json: #"{"reason": "Showed the confirmation email on a call."}"#, bearer: support.accessToken).status == .noContent)
            #expect(try await UserRepository(store: harness.store).find(id: pending.id)?.verificationStatus == .verified)
            #expect(try await harness.login("pending@example.com").status == .ok)
            #expect(try await harness.send(.post, path, json: #"{"reason": "Again."}"#, bearer: support.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/admin/accounts/999999/verification", json: #"{"reason": "x"}"#, bearer: support.accessToken).status == .notFound)
            #expect(try await AuditLog(store: harness.store).entries(about: .user, id: pending.id).map(\.action) == [.addressVerified])
        }
    }

    @Test("a database made before users.edit existed gives it to the roles whose defaults hold it", arguments: TestDatabase.engines)
    func migration(engine: TestDatabase) async throws {
        try await engine.withStore(migrated: false) { store async throws in
            try await Migrator(store: store, migrations: Migrations.all.filter { $0.version < 18 }).migrate()
            try await store.sql.raw("DELETE FROM role_permissions WHERE permission = 'users.edit'").run()
            try await Migrator(store: store).migrate()
            let roles = try await StaffRepository(store: store).permissions()
            #expect(roles[.support]?.contains(.usersEdit) == true && roles[.owner]?.contains(.usersEdit) == true)
            #expect(roles[.moderator]?.contains(.usersEdit) == false)
        }
    }
}
