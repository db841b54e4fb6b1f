@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// A chat message reported to moderation: the other member of the room reports it with its text for the moderator,
/// a decision against it hides it from that member (never from its author), and the room is told at once.
@Suite("Message reports", .serialized)
struct MessageReportTests {
    @Test("the other member reports a message with its text; a removal hides it from them and not from its author; nobody else may report it", arguments: TestDatabase.engines)
    func reportAndRemove(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let chat = ChatRoutesTests()
            let text = "Pay me outside the platform: wire the money to my own account and we skip the fees."
            let messageID = try await chat.sent(fixture, text, as: market.paula)
            let path = "/api/messages/\(messageID)/report"
            let sequenceBefore = try #require(try await chat.history(fixture, as: market.ada)["sequence"] as? Int)

            #expect(try await harness.send(.post, path, json: #"{"reason": "money"}"#, bearer: market.ada.accessToken).fieldErrors == ["reason"])
            #expect(try await harness.send(.post, path, json: #"{"reason": "off-platform"}"#, bearer: market.paula.accessToken).status == .conflict, "not one's own")
            #expect(try await harness.send(.post, path, json: #"{"reason": "off-platform"}"#, bearer: market.bob.accessToken).status == .notFound, "not a member")
            #expect(try await harness.send(.post, "/api/messages/999999/report", json: #"{"reason": "spam"}"#, bearer: market.ada.accessToken).status == .notFound)
            #expect(try await harness.send(.post, path, json: #"{"reason": "off-platform", "detail": "Asks to pay outside.", "extra": 1}"#, bearer: market.ada.accessToken).status == .unprocessableContent)
            let reported = try await harness.send(.post, path, json: #"{"reason": "off-platform", "detail": "Asks to pay outside."}"#, bearer: market.ada.accessToken)
            #expect(reported.status == .created, "\(reported.text)")
            #expect(try await harness.send(.post, path, json: #"{"reason": "spam"}"#, bearer: market.ada.accessToken).status == .conflict, "once per member")
            let generic = try await harness.send(.post, "/api/reports", json: #"{"subject": "message", "id": \#(messageID), "reason": "spam"}"#, bearer: market.ada.accessToken)
            #expect(generic.status == .conflict, "the general route knows messages too: already reported")

            // The moderator reads the message's text in the queue: the report brought it, opened.
            let mo = try await harness.signedInStaff("mo@example.com", role: .moderator)
            let item = try #require(try await ModerationTests.items(harness, mo.accessToken).first { $0["subject"] as? String == "message" })
            #expect((item["excerpt"] as? String) == text)
            let itemPath = "/api/admin/moderation/items/\(ModerationTests.id(item))"
            let edit = try await harness.send(.post, itemPath + "/decision", json: #"{"decision": "edit", "reason": "Removed the account details.", "replacement": "Let us talk here."}"#, bearer: mo.accessToken)
            #expect(edit.status == .conflict, "a sealed message is not edited by moderation: \(edit.text)")
            let removed = try await harness.send(.post, itemPath + "/decision", json: #"{"decision": "remove", "reason": "Asks to pay outside the platform."}"#, bearer: mo.accessToken)
            #expect(removed.status == .ok, "\(removed.text)")

            let asReporter = try #require((try await chat.history(fixture, as: market.ada)["messages"] as? [[String: Any]])?.first { ($0["id"] as? NSNumber)?.int64Value == messageID })
            #expect(asReporter["hidden"] as? Bool == true && asReporter["body"] == nil && asReporter["body_html"] == nil)
            let asAuthor = try #require((try await chat.history(fixture, as: market.paula)["messages"] as? [[String: Any]])?.first { ($0["id"] as? NSNumber)?.int64Value == messageID })
            #expect(asAuthor["hidden"] as? Bool == true && asAuthor["body"] as? String == text, "its author still reads it")
            let found = try await chat.search(fixture, "fees", as: market.ada)
            #expect((try found.json()["messages"] as? [[String: Any]])?.allSatisfy { $0["body"] == nil } == true, "search does not show it either")
            let sequenceAfter = try #require(try await chat.history(fixture, as: market.ada)["sequence"] as? Int)
            #expect(sequenceAfter > sequenceBefore, "the room was told, so open rooms show it hidden at once")
            let told = try #require(try await harness.emails(to: "paula@example.com").first { $0.template == "moderation-decision" })
            #expect(told.textBody.contains("chat message") && told.textBody.contains("Asks to pay outside the platform."))
            #expect(try await harness.send(.post, path, json: #"{"reason": "spam"}"#, bearer: market.ada.accessToken).status == .notFound, "hidden from the reporter now")
        }
    }
}
