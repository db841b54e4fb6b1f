import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import Logging
import Testing

/// A test's side of a chat connection: frames sent as JSON, frames read one at a time with a deadline (a task
/// copies what arrives into a mailbox the test reads).
struct SocketSession {
    /// What arrived and was not read yet.
    actor Mailbox {
        var frames: [String] = []
        var ended = false

        func add(_ frame: String) { frames.append(frame) }
        func end() { ended = true }
        func take() -> String? { frames.isEmpty ? nil : frames.removeFirst() }
    }

    let mailbox = Mailbox()
    let outbound: WebSocketOutboundWriter
    /// Reads the inbound frames; the connection's handler must not return before it ends.
    let reader: Task<Void, Never>

    init(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) {
        self.outbound = outbound
        let mailbox = mailbox
        reader = Task {
            do {
                for try await message in inbound.messages(maxSize: 1 << 16) {
                    if case .text(let text) = message { await mailbox.add(text) }
                }
            } catch {}
            await mailbox.end()
        }
    }

    /// Closes the connection and waits until its frames are read to the end; one the service closed already is
    /// closed (suites side by side make the end of a test race the service's own close).
    func close() async throws {
        do {
            try await outbound.close(.normalClosure, reason: nil)
        } catch {
            Issue.record("the service closed the connection first: \(error)", severity: .warning)
        }
        await reader.value
    }

    func send(_ frame: [String: Any]) async throws {
        try await outbound.write(.text(String(decoding: try JSONSerialization.data(withJSONObject: frame), as: UTF8.self)))
    }

    /// The next frame; fails after `seconds`, or when the connection ended.
    func next(within seconds: Double = 5) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1_000))
        while ContinuousClock.now < deadline {
            if let text = await mailbox.take() {
                return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            }
            if await mailbox.ended { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw SocketTimeout()
    }

    /// The next frame of `type` (and `kind`, for events), skipping presence, typing and heartbeats.
    func next(_ type: String, kind: String? = nil, within seconds: Double = 5) async throws -> [String: Any] {
        while true {
            let frame = try await next(within: seconds)
            if frame["type"] as? String == type, kind == nil || frame["kind"] as? String == kind { return frame }
            if ["presence", "typing", "ping"].contains(frame["type"] as? String ?? "") || frame["kind"] as? String == "project.changed" { continue }
            Issue.record("expected \(type) \(kind ?? ""), got \(frame)")
            return frame
        }
    }

    /// Signs in and listens to a room from `after` (its latest event when nil).
    func join(_ room: Int64, as member: SignIn, after: Int? = nil) async throws {
        try await send(["type": "auth", "token": member.accessToken])
        #expect(try await next("ready")["user_id"] as? Int == Int(member.userID))
        var subscribe: [String: Any] = ["type": "subscribe", "room": room]
        if let after { subscribe["after"] = after }
        try await send(subscribe)
        #expect(try await next("subscribed")["room"] as? Int == Int(room))
    }
}

struct SocketTimeout: Error {}

extension MachineBound {
    @Suite("Live chat", .serialized)
    struct ChatSocketTests {
        func post(_ fixture: ProjectFixture, _ body: String, as member: SignIn) async throws -> Int {
            let json = String(decoding: try JSONSerialization.data(withJSONObject: ["body": body]), as: UTF8.self)
            let response = try await fixture.harness.send(.post, "/api/projects/\(fixture.projectID)/messages", json: json, bearer: member.accessToken)
            try #require(response.status == .created, "\(response.text)")
            return try #require(try response.json()["id"] as? Int)
        }

        @Test("a member signs in with the first frame, hears each message of their room in order, and a room not theirs is refused")
        func liveMessages() async throws {
            try await OrderMarketplace.with(testing: .live) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                try await market.harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.join(fixture.projectID, as: market.paula)
                    try await session.send(["type": "subscribe", "room": 999_999])
                    #expect(try await session.next("error")["code"] as? String == "not-found")
                    let metrics = try await market.harness.send(.get, "/metrics").text
                    #expect(metrics.contains("agora_chat_connections 1") && metrics.contains("agora_chat_rooms 1"), "the live connection is counted")

                    let first = try await post(fixture, "Hello **Paula**", as: market.ada)
                    let created = try await session.next("event", kind: "message.created")
                    let message = try #require(created["message"] as? [String: Any])
                    #expect(message["id"] as? Int == first && message["body"] as? String == "Hello **Paula**" && message["mine"] as? Bool == false)
                    #expect((message["body_html"] as? String)?.contains("<strong>Paula</strong>") == true)
                    let sequence = try #require(created["sequence"] as? Int)

                    let edited = try await market.harness.send(.patch, "/api/messages/\(first)", json: #"{"body": "Hello Paula, again"}"#, bearer: market.ada.accessToken)
                    #expect(edited.status == .ok)
                    let change = try await session.next("event", kind: "message.edited")
                    #expect(change["sequence"] as? Int == sequence + 1)
                    #expect((change["message"] as? [String: Any])?["body"] as? String == "Hello Paula, again")

                    let read = try await market.harness.send(.post, "/api/projects/\(fixture.projectID)/messages/read", json: #"{"message_id": \#(first)}"#, bearer: market.paula.accessToken)
                    #expect(read.status == .ok)
                    let receipt = try await session.next("event", kind: "messages.read")
                    #expect(receipt["reader"] as? String == "provider" && receipt["message_id"] as? Int == first)

                    // A milestone step reaches the room too.
                    #expect(try await fixture.fund(fixture.milestoneIDs[0]).status == .ok)
                    #expect(try await fixture.step("start", fixture.milestoneIDs[0], as: market.paula).status == .ok)
                    var changed: [String: Any] = [:]
                    while changed["kind"] as? String != "project.changed" { changed = try await session.next() }
                    #expect(changed["activity_id"] is Int)
                    try await session.close()
                }
            }
        }

        @Test("a member who comes back with the last sequence they saw is sent exactly what they missed, in order")
        func resume() async throws {
            try await OrderMarketplace.with(testing: .live) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                let harness = market.harness
                let history = try await harness.send(.get, "/api/projects/\(fixture.projectID)/messages", bearer: market.paula.accessToken).json()
                let start = try #require(history["sequence"] as? Int)
                var posted: [Int] = []
                for index in 1...5 { posted.append(try await post(fixture, "While you were away \(index)", as: market.ada)) }
                let missed = posted
                try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.join(fixture.projectID, as: market.paula, after: start)
                    var sequences: [Int] = []
                    var ids: [Int] = []
                    while ids.count < 5 {
                        let event = try await session.next("event", kind: "message.created")
                        sequences.append(try #require(event["sequence"] as? Int))
                        ids.append(try #require((event["message"] as? [String: Any])?["id"] as? Int))
                    }
                    #expect(ids == missed)
                    #expect(sequences == Array(start + 1...start + 5))
                    await #expect(throws: SocketTimeout.self, "nothing more, nothing twice") { _ = try await session.next("event", within: 1.5) }
                    try await session.close()
                }
            }
        }

        @Test("connections that come back to one room at once each get every missed event once, in order, whoever joins during a delivery")
        func resumeTogether() async throws {
            try await OrderMarketplace.with(testing: .live) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                let harness = market.harness
                let start = try #require(try await harness.send(.get, "/api/projects/\(fixture.projectID)/messages", bearer: market.paula.accessToken).json()["sequence"] as? Int)
                for index in 1...20 { _ = try await post(fixture, "Missed \(index)", as: market.ada) }
                let received = try await withThrowingTaskGroup(of: [Int].self) { group in
                    for tab in 0..<6 {
                        group.addTask {
                            let seen = SocketSession.Mailbox()
                            try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                                let session = SocketSession(inbound: inbound, outbound: outbound)
                                try await session.join(fixture.projectID, as: tab.isMultiple(of: 2) ? market.paula : market.ada, after: start)
                                for _ in 1...20 { await seen.add(String(try #require(try await session.next("event", kind: "message.created")["sequence"] as? Int))) }
                                try await session.close()
                            }
                            return await seen.frames.compactMap { Int($0) }
                        }
                    }
                    return try await group.reduce(into: [[Int]]()) { $0.append($1) }
                }
                #expect(received.count == 6 && received.allSatisfy { $0 == Array(start + 1...start + 20) })
            }
        }

        @Test("a connection that does not sign in first is closed, and a token not ours is refused")
        func signInFirst() async throws {
            try await OrderMarketplace.with(testing: .live) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                let closed = try await market.harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.send(["type": "subscribe", "room": fixture.projectID])
                    await #expect(throws: SocketTimeout.self) { _ = try await session.next(within: 2) }
                    await session.reader.value
                }
                #expect(closed?.closeCode == .policyViolation)
                let forged = try await market.harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.send(["type": "auth", "token": "not-a-token"])
                    await #expect(throws: SocketTimeout.self) { _ = try await session.next(within: 2) }
                    await session.reader.value
                }
                #expect(forged?.closeCode == .policyViolation)
            }
        }

        @Test("the service sends a heartbeat; a connection that answers stays, one silent past the limit is closed")
        func heartbeat() async throws {
            let timing = ChatSocketTiming(ping: .milliseconds(300), silence: .seconds(2), authWindow: .seconds(300))
            try await OrderMarketplace.with(testing: .live, chatTiming: timing) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                let answering = try await market.harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.join(fixture.projectID, as: market.ada)
                    let until = ContinuousClock.now + .seconds(4)
                    var heartbeats = 0
                    while ContinuousClock.now < until {
                        guard let frame = try? await session.next(within: 1) else { continue }
                        if frame["type"] as? String == "ping" {
                            heartbeats += 1
                            try await session.send(["type": "pong"])
                        }
                    }
                    #expect(heartbeats >= 3, "a heartbeat every 300 ms")
                    #expect(!(await session.mailbox.ended), "answered, the connection stays open past the silence limit")
                    try await session.close()
                }
                #expect(answering?.closeCode == .normalClosure)
                let silent = try await market.harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let session = SocketSession(inbound: inbound, outbound: outbound)
                    try await session.join(fixture.projectID, as: market.ada)
                    await session.reader.value
                }
                #expect(silent?.closeCode == .goingAway, "closed after two seconds without a word")
            }
        }

        @Test("two instances on one PostgreSQL: a message sent through one reaches a member connected to the other, with typing and presence",
              .enabled(if: TestDatabase.engines.contains(.postgresql), "needs PostgreSQL: run through Tests/Support/with-postgres.sh"))
        func acrossInstances() async throws {
            try await OrderMarketplace.with(.postgresql, testing: .live) { market in
                let fixture = try await ProjectFixture.accepted(in: market)
                let harness = market.harness
                let second = try await Store.open(harness.store.location, logger: Logger(label: "agora.test.second"))
                var configuration = try await TestConfiguration.make(site: URL(fileURLWithPath: "/nonexistent"), clock: harness.clock)
                configuration.messageKeys = harness.messageKeys
                let other = try await buildApplication(configuration: configuration, store: second)
                try await other.test(.live) { otherClient in
                    try await otherClient.ws("/api/ws") { inbound, outbound, _ in
                        let provider = SocketSession(inbound: inbound, outbound: outbound)
                        try await provider.join(fixture.projectID, as: market.paula)
                        try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                            let client = SocketSession(inbound: inbound, outbound: outbound)
                            try await client.join(fixture.projectID, as: market.ada)
                            var presence: [String: Any] = [:]
                            while presence["type"] as? String != "presence" { presence = try await client.next() }
                            #expect(presence["who"] as? String == "provider" && presence["state"] as? String == "online",
                                    "the client learns the provider is in the room, on the other instance")
                            try await client.send(["type": "typing", "room": fixture.projectID, "state": "start"])
                            var typing: [String: Any] = [:]
                            while typing["type"] as? String != "typing" { typing = try await provider.next() }
                            #expect(typing["who"] as? String == "client" && typing["state"] as? String == "start")

                            let id = try await post(fixture, "Across the instances", as: market.ada)
                            let event = try await provider.next("event", kind: "message.created")
                            #expect((event["message"] as? [String: Any])?["id"] as? Int == id)
                            #expect((event["message"] as? [String: Any])?["mine"] as? Bool == false)
                            let own = try await client.next("event", kind: "message.created")
                            #expect(own["sequence"] as? Int == event["sequence"] as? Int && (own["message"] as? [String: Any])?["mine"] as? Bool == true)
                            try await client.close()
                        }
                        var gone: [String: Any] = [:]
                        while !(gone["type"] as? String == "presence" && gone["state"] as? String == "offline") { gone = try await provider.next() }
                        #expect(gone["who"] as? String == "client")
                        try await provider.close()
                    }
                }
                await second.close()
            }
        }
    }
}
