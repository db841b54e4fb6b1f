@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Staff invitations")
struct StaffInvitationTests {
    static let invitation = #"{"email": "nia@example.com", "first_name": "Nia", "last_name": "Moderator", "role": "moderator"}"#

    @Test("an owner invites a moderator, who chooses a password from the email, turns on two factors and works", arguments: TestDatabase.engines)
    func invitation(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let invited = try await harness.send(.post, "/api/admin/staff/invitations", json: Self.invitation, bearer: owner.accessToken)
            #expect(invited.status == .created)
            let nia = try #require((try invited.json()["user_id"] as? NSNumber)?.int64Value)
            #expect(try await StaffRepository(store: harness.store).role(of: nia) == .moderator)
            #expect(try await UserRepository(store: harness.store).find(id: nia)?.verificationStatus == .pending)
            let audited = try await AuditLog(store: harness.store).entries(about: .staffMember, id: nia)
            #expect(audited.map(\.action) == [.staffInvited] && audited.first?.actorID == owner.userID)
            let email = try #require(try await harness.emails(to: "nia@example.com").first)
            #expect(email.template == "staff-invitation" && email.textBody.contains("as moderator") && email.textBody.contains("Grace Admin"))
            #expect(try await harness.login("nia@example.com").status == .unauthorized, "no password until the link is used")

            let token = try #require(AuthHarness.token(inLinkOf: email.textBody))
            let chosen = try await harness.send(.post, "/api/auth/reset-password", json: #"{"token": "\#(token)", "password": "\#(AuthHarness.password)"}"#)
            #expect(chosen.status == .noContent)
            let signedIn = try SignIn(try await harness.login("nia@example.com"))
            #expect(try await harness.send(.get, "/api/admin/testimonials", bearer: signedIn.accessToken).problemType == ProblemType.twoFactorRequired.uri)
            try await harness.enrolTwoFactor(signedIn.accessToken)
            #expect(try await harness.send(.get, "/api/admin/testimonials", bearer: signedIn.accessToken).status == .ok)
            #expect(try await harness.send(.get, "/api/admin/staff", bearer: signedIn.accessToken).status == .forbidden, "a moderator does not manage staff")
        }
    }

    @Test("bad invitations name each bad field; a used address, a moderator and a stale sign-in are refused; nothing is made", arguments: TestDatabase.engines)
    func refusals(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let bad = try await harness.send(
                .post, "/api/admin/staff/invitations", json: #"{"email": "nope", "first_name": "", "last_name": "Ok", "role": "wizard"}"#, bearer: owner.accessToken
            )
            #expect(bad.fieldErrors == ["first_name", "email", "role"])
            #expect(try await harness.send(.post, "/api/admin/staff/invitations", json: #"{"email": "a@example.com"}"#, bearer: owner.accessToken).status == .unprocessableContent)
            _ = try await harness.signedUp("ada@example.com")
            let used = try await harness.send(
                .post, "/api/admin/staff/invitations", json: #"{"email": "ADA@example.com", "first_name": "Ada", "last_name": "L", "role": "support"}"#, bearer: owner.accessToken
            )
            #expect(used.status == .conflict)
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/staff/invitations", json: Self.invitation, bearer: moderator.accessToken).status == .forbidden)
            harness.clock.advance(by: 11 * 60)
            #expect(try await harness.send(.post, "/api/admin/staff/invitations", json: Self.invitation, bearer: owner.accessToken).problemType
                    == ProblemType.reauthenticationRequired.uri)
            #expect(try await UserRepository(store: harness.store).find(email: try Email("nia@example.com")) == nil)
            #expect(try await harness.emails(to: "nia@example.com").isEmpty)
            var invitations = AuditLogQuery()
            invitations.action = .staffInvited
            #expect(try await AuditLog(store: harness.store).search(invitations, limit: 10).isEmpty)
        }
    }

    @Test("an owner removes a staff member: the role goes, the sessions end at once, audited; never oneself", arguments: TestDatabase.engines)
    func removal(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let owner = try await harness.signedInAdministrator()
            let moderator = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.delete, "/api/admin/staff/\(owner.userID)", bearer: owner.accessToken).status == .conflict)
            #expect(try await harness.send(.delete, "/api/admin/staff/\(moderator.userID)", bearer: moderator.accessToken).status == .forbidden)
            #expect(try await harness.send(.delete, "/api/admin/staff/\(moderator.userID)", bearer: owner.accessToken).status == .noContent)
            #expect(try await harness.send(.get, "/api/auth/me", bearer: moderator.accessToken).status == .unauthorized, "signed out at once")
            #expect(try await StaffRepository(store: harness.store).role(of: moderator.userID) == nil)
            let audited = try await AuditLog(store: harness.store).entries(about: .staffMember, id: moderator.userID)
            #expect(audited.map(\.action) == [.staffRemoved] && audited.first?.before == #"{"role":"moderator"}"#)
            #expect(try await harness.send(.delete, "/api/admin/staff/\(moderator.userID)", bearer: owner.accessToken).status == .notFound)
            #expect(try await harness.send(.delete, "/api/admin/staff/abc", bearer: owner.accessToken).status == .notFound)
        }
    }
}
