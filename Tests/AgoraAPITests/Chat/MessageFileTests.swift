import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

/// Files shared in a project's chat: a message of kind `file` whose name is sealed like any text and found by search,
/// downloaded by the room's members only, gone with its message.
@Suite("Message files", .serialized)
struct MessageFileTests {
    func share(_ fixture: ProjectFixture, name: String = "logo draft.pdf", bytes: [UInt8] = OrderFileTests.pdf, as member: SignIn) async throws -> TestResponse {
        try await OrderFileTests.upload(
            fixture.harness, to: "/api/projects/\(fixture.projectID)/messages/files", body: OrderFileTests.multipart([("file", name, bytes)]),
            bearer: member.accessToken
        )
    }

    @Test("a member shares a file: the other member sees it in the room, finds it by name and downloads it; its name is sealed; strangers find nothing", arguments: TestDatabase.engines)
    func share(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let chat = ChatRoutesTests()
            #expect(try await share(fixture, as: market.bob).status == .notFound)
            #expect(try await share(fixture, name: "notes.exe", bytes: Array("MZ\u{90}\u{0}binary".utf8), as: market.ada).status == .unsupportedMediaType)

            let shared = try await share(fixture, as: market.ada)
            #expect(shared.status == .created, "\(shared.text)")
            let message = try shared.json()
            let messageID = try #require((message["id"] as? NSNumber)?.int64Value)
            let file = try #require(message["file"] as? [String: Any])
            #expect(message["kind"] as? String == "file" && message["body"] as? String == "logo draft.pdf" && message["body_html"] == nil)
            #expect(file["media_type"] as? String == "application/pdf" && file["byte_size"] as? Int == OrderFileTests.pdf.count)
            let url = try #require(file["url"] as? String)
            #expect(url == "/api/messages/\(messageID)/file" && shared.headers[.location] == url)
            #expect(message["editable_until"] == nil, "a shared file is not edited")

            let seen = try #require((try await chat.history(fixture, as: market.paula)["messages"] as? [[String: Any]])?.last)
            #expect((seen["file"] as? [String: Any])?["name"] as? String == "logo draft.pdf")
            #expect(try chat.foundIDs(try await chat.search(fixture, "draft", as: market.paula)) == [messageID], "found by a word of its name")
            for member in [market.ada, market.paula] {
                let download = try await harness.send(.get, url, bearer: member.accessToken)
                #expect(download.status == .ok && Array(download.body.readableBytesView) == OrderFileTests.pdf)
                #expect(download.headers[.contentDisposition]?.contains("logo draft.pdf") == true && download.headers[.contentType] == "application/pdf")
            }
            #expect(try await harness.send(.get, url, bearer: market.bob.accessToken).status == .notFound)
            #expect(try await harness.send(.get, "/api/messages/999999/file", bearer: market.ada.accessToken).status == .notFound)
            let textID = try await chat.sent(fixture, "No file here.", as: market.ada)
            #expect(try await harness.send(.get, "/api/messages/\(textID)/file", bearer: market.ada.accessToken).status == .notFound)

            // At rest: neither the name nor the body is readable in the database.
            let rows = try await harness.store.sql.raw("SELECT sealed_body FROM project_messages WHERE id = \(bind: messageID)").all()
            let sealed = try rows.map { try $0.decode(column: "sealed_body", as: String.self) }
            #expect(sealed.count == 1 && !sealed[0].contains("logo"))
            #expect(try await harness.send(.patch, "/api/messages/\(messageID)", json: #"{"body": "renamed.pdf"}"#, bearer: market.ada.accessToken).status == .conflict)
            #expect(try await harness.send(.delete, "/api/messages/\(messageID)", bearer: market.paula.accessToken).status == .conflict, "only its author")

            // Deleted, it goes with its file.
            let deleted = try await harness.send(.delete, "/api/messages/\(messageID)", bearer: market.ada.accessToken)
            #expect(deleted.status == .ok, "\(deleted.text)")
            let gone = try deleted.json()
            #expect(gone["deleted"] as? Bool == true && gone["file"] == nil)
            #expect(try await harness.send(.get, url, bearer: market.paula.accessToken).status == .notFound)
            #expect(try await AttachmentLedger(store: harness.store).storageNames().isEmpty, "the sweep may take its bytes")
            #expect(try chat.foundIDs(try await chat.search(fixture, "draft", as: market.paula)).isEmpty)
        }
    }
}
