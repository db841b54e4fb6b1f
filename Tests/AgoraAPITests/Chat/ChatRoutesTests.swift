import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Project chat", .serialized)
struct ChatRoutesTests {
    func send(_ fixture: ProjectFixture, _ body: String, as member: SignIn, replyTo: Int64? = nil) async throws -> TestResponse {
        let reply = replyTo.map { #", "reply_to": \#($0)"# } ?? ""
        let json = String(decoding: try JSONSerialization.data(withJSONObject: ["body": body]), as: UTF8.self).dropLast() + reply + "}"
        return try await fixture.harness.send(.post, "/api/projects/\(fixture.projectID)/messages", json: String(json), bearer: member.accessToken)
    }

    func sent(_ fixture: ProjectFixture, _ body: String, as member: SignIn) async throws -> Int64 {
        let response = try await send(fixture, body, as: member)
        try #require(response.status == .created, "\(response.text)")
        return try #require((try response.json()["id"] as? NSNumber)?.int64Value)
    }

    func history(_ fixture: ProjectFixture, as member: SignIn, query: String = "") async throws -> [String: Any] {
        let response = try await fixture.harness.send(.get, "/api/projects/\(fixture.projectID)/messages\(query)", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        return try response.json()
    }

    func search(_ fixture: ProjectFixture, _ text: String, as member: SignIn) async throws -> TestResponse {
        let q = text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return try await fixture.harness.send(.get, "/api/projects/\(fixture.projectID)/messages/search?q=\(q)", bearer: member.accessToken)
    }

    func foundIDs(_ response: TestResponse) throws -> [Int64] {
        try (response.json()["messages"] as? [[String: Any]] ?? []).compactMap { ($0["id"] as? NSNumber)?.int64Value }
    }

    @Test("members write, reply, page back through the room and mark what they read; anyone else finds nothing", arguments: TestDatabase.engines)
    func conversation(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let first = try await send(fixture, "Hello **Paula**, <script>alert(1)</script> the [brief](javascript:alert(1)) is ready.", as: market.ada)
            #expect(first.status == .created, "\(first.text)")
            let message = try first.json()
            let firstID = try #require((message["id"] as? NSNumber)?.int64Value)
            #expect(message["sender"] as? String == "client" && message["mine"] as? Bool == true && message["editable_until"] is String)
            let html = try #require(message["body_html"] as? String)
            #expect(html.contains("<strong>Paula</strong>") && !html.contains("<script") && !html.contains("javascript:"))

            let asProvider = try await history(fixture, as: market.paula)
            let messages = try #require(asProvider["messages"] as? [[String: Any]])
            #expect(messages.count == 1 && messages[0]["mine"] as? Bool == false && messages[0]["editable_until"] == nil)
            #expect(messages[0]["sender"] as? String == "client")
            let reads = try #require(asProvider["read_up_to"] as? [String: Any])
            #expect((reads["client"] as? NSNumber)?.int64Value == firstID && reads["provider"] == nil, "the sender has read what they wrote")
            let sequence = try #require(asProvider["sequence"] as? Int)
            #expect(sequence >= 2, "the project's start and the message are the room's events")

            let reply = try await send(fixture, "Thanks, reading it now.", as: market.paula, replyTo: firstID)
            let replyBody = try reply.json()
            #expect(reply.status == .created && (replyBody["reply_to"] as? NSNumber)?.int64Value == firstID)
            #expect(try await send(fixture, "Lost", as: market.paula, replyTo: 999_999).fieldErrors == ["reply_to"])
            #expect(try await send(fixture, "   ", as: market.paula).fieldErrors == ["body"])
            #expect(try await send(fixture, String(repeating: "x", count: ChatRules.bodyLength.upperBound + 1), as: market.paula).fieldErrors == ["body"])
            #expect(try await history(fixture, as: market.ada)["sequence"] as? Int == sequence + 1, "one event per message")

            // Reading moves forward only.
            let read = try await harness.send(.post, "/api/projects/\(fixture.projectID)/messages/read", json: #"{"message_id": \#(firstID)}"#, bearer: market.paula.accessToken)
            #expect(read.status == .ok, "\(read.text)")
            let replyID = try #require((try reply.json()["id"] as? NSNumber)?.int64Value)
            #expect(((try read.json()["read_up_to"] as? [String: Any])?["provider"] as? NSNumber)?.int64Value == replyID, "their own reply is read already")
            #expect(try await harness.send(.post, "/api/projects/\(fixture.projectID)/messages/read", json: #"{"message_id": 999999}"#, bearer: market.paula.accessToken).fieldErrors == ["message_id"])

            // Pages, newest first by page, oldest first within one.
            for index in 1...5 { _ = try await sent(fixture, "Update \(index)", as: market.ada) }
            let newest = try await history(fixture, as: market.ada, query: "?limit=3")
            #expect((newest["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["Update 3", "Update 4", "Update 5"])
            let before = try #require(newest["next_before"] as? Int)
            let older = try await history(fixture, as: market.ada, query: "?limit=3&before=\(before)")
            #expect((older["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["Thanks, reading it now.", "Update 1", "Update 2"])
            let oldest = try await history(fixture, as: market.ada, query: "?limit=3&before=\(try #require(older["next_before"] as? Int))")
            #expect((oldest["messages"] as? [[String: Any]])?.count == 1 && oldest["next_before"] == nil)

            for stranger in [market.bob, market.seeded] {
                #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/messages", bearer: stranger.accessToken).status == .notFound)
                #expect(try await send(fixture, "Hi", as: stranger).status == .notFound)
                #expect(try await search(fixture, "update", as: stranger).status == .notFound)
                #expect(try await harness.send(.post, "/api/projects/\(fixture.projectID)/messages/read", json: #"{"message_id": \#(firstID)}"#, bearer: stranger.accessToken).status == .notFound)
                #expect(try await harness.send(.patch, "/api/messages/\(firstID)", json: #"{"body": "Mine now"}"#, bearer: stranger.accessToken).status == .notFound)
                #expect(try await harness.send(.delete, "/api/messages/\(firstID)", bearer: stranger.accessToken).status == .notFound)
            }
            #expect(try await harness.send(.get, "/api/projects/\(fixture.projectID)/messages").status == .unauthorized)
        }
    }

    @Test("at rest the database holds no text and the index no word; search finds whole words, any case and accent, no prefixes", arguments: TestDatabase.engines)
    func sealedAndSearchable(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let coffee = try await sent(fixture, "Le café est prêt pour la livraison de lundi.", as: market.ada)
            let other = try await sent(fixture, "Le logo arrive mardi.", as: market.paula)
            let stored = try await harness.store.sql.raw("SELECT sealed_body, key_id FROM project_messages ORDER BY id").all()
            for row in stored {
                let sealed = try row.decode(column: "sealed_body", as: String.self)
                #expect(!sealed.contains("caf") && !sealed.contains("livraison") && !sealed.contains("logo"))
                #expect(try row.decode(column: "key_id", as: String.self) == MessageKeyring(secrets: harness.messageKeys).current.id)
            }
            let terms = try await harness.store.sql.raw("SELECT term FROM message_terms").all().map { try $0.decode(column: "term", as: String.self) }
            #expect(!terms.isEmpty && terms.allSatisfy { $0.wholeMatch(of: /[0-9a-f]{32}/) != nil })

            #expect(try foundIDs(try await search(fixture, "CAFE", as: market.paula)) == [coffee])
            #expect(try foundIDs(try await search(fixture, "livraison café", as: market.paula)) == [coffee])
            #expect(try foundIDs(try await search(fixture, "le", as: market.paula)) == [other, coffee], "newest first")
            #expect(try foundIDs(try await search(fixture, "livr", as: market.paula)).isEmpty, "whole words only")
            #expect(try foundIDs(try await search(fixture, "café logo", as: market.paula)).isEmpty, "every word")
            #expect(try await search(fixture, "a", as: market.paula).fieldErrors == ["q"])
            #expect(try await search(fixture, "", as: market.paula).fieldErrors == ["q"])
            #expect(try await search(fixture, (1...9).map { "word\($0)" }.joined(separator: " "), as: market.paula).fieldErrors == ["q"])
        }
    }

    @Test("its author edits a message for ten minutes and deletes it, leaving a line; no one else may")
    func editAndDelete() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            let id = try await sent(fixture, "The deadline is Friday.", as: market.ada)
            #expect(try await harness.send(.patch, "/api/messages/\(id)", json: #"{"body": "Mine"}"#, bearer: market.paula.accessToken).status == .conflict)
            #expect(try await harness.send(.patch, "/api/messages/\(id)", json: #"{"body": " "}"#, bearer: market.ada.accessToken).fieldErrors == ["body"])
            let edited = try await harness.send(.patch, "/api/messages/\(id)", json: #"{"body": "The deadline is Monday."}"#, bearer: market.ada.accessToken)
            let editedBody = try edited.json()
            #expect(edited.status == .ok && editedBody["body"] as? String == "The deadline is Monday." && editedBody["edited_at"] is String)
            #expect(try foundIDs(try await search(fixture, "monday", as: market.paula)) == [id])
            #expect(try foundIDs(try await search(fixture, "friday", as: market.paula)).isEmpty, "the old words are gone from the index")

            harness.clock.advance(by: ChatRules.editWindow + 1)
            let ada = try SignIn(try await harness.login("ada@example.com"))
            #expect(try await harness.send(.patch, "/api/messages/\(id)", json: #"{"body": "Too late"}"#, bearer: ada.accessToken).status == .conflict)
            let paula = try SignIn(try await harness.login("paula@example.com"))
            #expect(try await harness.send(.delete, "/api/messages/\(id)", bearer: paula.accessToken).status == .conflict)
            let deleted = try await harness.send(.delete, "/api/messages/\(id)", bearer: ada.accessToken)
            let deletedBody = try deleted.json()
            #expect(deleted.status == .ok && deletedBody["deleted"] as? Bool == true && deletedBody["body"] == nil)
            let line = try #require((try await history(fixture, as: paula)["messages"] as? [[String: Any]])?.first)
            #expect(line["deleted"] as? Bool == true && line["body"] == nil && line["body_html"] == nil)
            #expect(try foundIDs(try await search(fixture, "monday", as: paula)).isEmpty)
            #expect(try await harness.store.sql.raw("SELECT COUNT(*) AS n FROM message_terms WHERE message_id = \(bind: id)").first()?.decode(column: "n", as: Int.self) == 0)
            #expect(try await harness.send(.delete, "/api/messages/\(id)", bearer: ada.accessToken).status == .conflict)
        }
    }

    @Test("a member sends at most twenty messages in ten seconds to one room; then 429 with when to try again")
    func floodLimit() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            for index in 1...ChatRules.floodMessages { _ = try await sent(fixture, "Line \(index)", as: market.ada) }
            let refused = try await send(fixture, "One more", as: market.ada)
            #expect(refused.status == .tooManyRequests && refused.headers[.retryAfter] != nil)
            #expect(try await send(fixture, "Still here", as: market.paula).status == .created, "the limit is per member")
            market.harness.clock.advance(by: ChatRules.floodWindow + 1)
            #expect(try await send(fixture, "One more", as: market.ada).status == .created)
        }
    }

    @Test("a rotation seals every message again under the new key and rebuilds its index; the old key is then not needed")
    func keyRotation() async throws {
        try await OrderMarketplace.with { market in
            let fixture = try await ProjectFixture.accepted(in: market)
            let harness = market.harness
            for index in 1...7 { _ = try await sent(fixture, "Delivery note number\(index) about the invoice", as: market.ada) }
            let newSecret = Array("a new secret of at least thirty-two characters".utf8)
            let during = MessageKeyring(secrets: [newSecret] + harness.messageKeys)
            let rotation = MessageKeyRotation(store: harness.store, keyring: during)
            #expect(try await rotation.remaining() == 7)
            #expect(try await rotation.rotateBatch(size: 3) == 3)
            let project = try #require(try await ChatRepository(store: harness.store, keyring: during).room(fixture.projectID, for: market.ada.userID))
            #expect(try await ChatRepository(store: harness.store, keyring: during).search(in: project, words: ["invoice"], limit: 20).count == 7,
                    "half-way, search hashes under both keys")
            while try await rotation.rotateBatch(size: 3) > 0 {}
            #expect(try await rotation.remaining() == 0)
            let after = ChatRepository(store: harness.store, keyring: MessageKeyring(secrets: [newSecret]))
            #expect(try await after.page(of: project, before: nil, limit: 50).messages.compactMap(\.body).count == 7)
            #expect(try await after.search(in: project, words: ["number3"], limit: 20).count == 1)
            let forgotten = ChatRepository(store: harness.store, keyring: MessageKeyring(secrets: harness.messageKeys))
            await #expect(throws: MessageKeyError.self) { try await forgotten.page(of: project, before: nil, limit: 50) }
        }
    }
}
