@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Messages from the staff")
struct StaffMessageTests {
    static let body = #"{"subject": "Planned maintenance", "message": "The site pauses on Sunday at 02:00 UTC for <b>ten</b> minutes."}"#

    @Test("a preview counts the confirmed accounts of a filter and shows the email; sending queues one email and one audit entry each", arguments: TestDatabase.engines)
    func segment(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            _ = try await harness.signedUp("ada@example.com", type: "provider")
            _ = try await harness.signedUp("bob@example.com", type: "provider")
            _ = try await harness.signedUp("cy@example.com")
            _ = try await harness.register("pending@example.com", type: "provider")
            let preview = try await harness.send(.post, "/api/admin/messages/preview?type=provider", json: Self.body, bearer: support.accessToken)
            #expect(preview.status == .ok, "\(preview.text)")
            #expect(try preview.json()["recipients"] as? Int == 2, "the pending account is left out")
            #expect(try preview.json()["sample"] as? [String] == ["ada@example.com", "bob@example.com"])
            #expect((try preview.json()["text"] as? String)?.contains("for <b>ten</b> minutes") == true)
            #expect(try await harness.emails(to: "ada@example.com").allSatisfy { $0.template != "staff-message" }, "a preview sends nothing")

            let sent = try await harness.send(.post, "/api/admin/messages?type=provider", json: Self.body, bearer: support.accessToken)
            #expect(sent.status == .accepted)
            let email = try #require(try await harness.emails(to: "bob@example.com").first { $0.template == "staff-message" })
            #expect(email.subject == "Planned maintenance")
            #expect(email.htmlBody.contains("&lt;b&gt;ten&lt;/b&gt;"), "the message is text in the HTML part")
            #expect(try await harness.emails(to: "cy@example.com").allSatisfy { $0.template != "staff-message" })
            var messaged = AuditLogQuery()
            messaged.action = .userMessaged
            #expect(try await AuditLog(store: harness.store).search(messaged, limit: 10).count == 2)

            let one = try await harness.send(.post, "/api/admin/messages/preview?user=\(support.userID + 1)", json: Self.body, bearer: support.accessToken)
            #expect(try one.json()["recipients"] as? Int == 1)
        }
    }

    @Test("bad filters and messages are named; a filter that matches nobody sends nothing; others are refused", arguments: TestDatabase.engines)
    func badInput(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            let filter = try await harness.send(.post, "/api/admin/messages/preview?type=martian&colour=red", json: Self.body, bearer: support.accessToken)
            #expect(filter.status == .badRequest)
            #expect(Set(filter.fieldErrors) == ["type", "colour"])
            let empty = try await harness.send(.post, "/api/admin/messages/preview", json: #"{"subject": " ", "message": ""}"#, bearer: support.accessToken)
            #expect(Set(empty.fieldErrors) == ["subject", "message"])
            let twoLines = try await harness.send(.post, "/api/admin/messages/preview", json: #"{"subject": "a\nb", "message": "x"}"#, bearer: support.accessToken)
            #expect(twoLines.fieldErrors == ["subject"])
            let nobody = try await harness.send(.post, "/api/admin/messages?q=nobody-at-all", json: Self.body, bearer: support.accessToken)
            #expect(nobody.fieldErrors == ["recipients"])
            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            #expect(try await harness.send(.post, "/api/admin/messages", json: Self.body, bearer: mo.accessToken).status == .forbidden)
        }
    }
}
