import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import HummingbirdWSTesting
import Testing

extension MachineBound {
    @Suite("Live notifications", .serialized)
    struct NotificationSocketTests {
        /// Signs in on the connection and follows the person's notifications (from `after`, or from now); the latest id.
        func follow(_ session: SocketSession, as member: SignIn, after: Int? = nil) async throws -> Int {
            try await session.send(["type": "auth", "token": member.accessToken])
            #expect(try await session.next("ready")["user_id"] as? Int == Int(member.userID))
            var frame: [String: Any] = ["type": "notifications"]
            if let after { frame["after"] = after }
            try await session.send(frame)
            return try #require(try await session.next("notifications-following")["latest"] as? Int)
        }

        /// The next `notifications` frame, with news when `news` (a change may be told twice on PostgreSQL: by this
        /// process and by the database's notification; the second carries only the count) and this unread count when
        /// `unread` is given.
        func change(_ session: SocketSession, news: Bool = false, unread: Int? = nil, within seconds: Double = 15) async throws -> [String: Any] {
            while true {
                let frame = try await session.next("notifications", within: seconds)
                if (!news || !titles(frame).isEmpty) && (unread == nil || frame["unread"] as? Int == unread) { return frame }
            }
        }

        func titles(_ frame: [String: Any]) -> [String] {
            (frame["notifications"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        }

        /// Bob follows his own notifications while Ada's change: Ada hears each change, Bob nothing of hers.
        func whileBobListens(in market: OrderMarketplace, ada: SocketSession) async throws {
            let harness = market.harness
            try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                let bob = SocketSession(inbound: inbound, outbound: outbound)
                _ = try await follow(bob, as: market.bob)
                #expect(try await change(bob)["unread"] as? Int == 0)

                _ = try await market.postOrder(market.ada)
                let news = try await change(ada, news: true)
                #expect(news["unread"] as? Int == 2 && titles(news).count == 1 && titles(news).first?.hasSuffix("is open") == true)
                let read = try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.ada.accessToken)
                #expect(read.status == .ok)
                #expect(try await change(ada, unread: 0)["unread"] as? Int == 0, "a read in another tab reaches this one")
                let heardByBob = try? await change(bob, within: 1.5)
                #expect(heardByBob == nil, "Ada's notifications reach nobody else")
                try await bob.close()
            }
        }

        @Test("every open tab of a person hears their new notifications and the unread count at once, from the last id it saw; nobody else does", arguments: TestDatabase.engines)
        func live(engine: TestDatabase) async throws {
            try await OrderMarketplace.with(engine, testing: .live) { market in
                let harness = market.harness
                _ = try await market.postOrder(market.ada)
                let listed = try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()
                let seen = try #require((listed["notifications"] as? [[String: Any]])?.first?["id"] as? Int)
                try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let ada = SocketSession(inbound: inbound, outbound: outbound)
                    #expect(try await follow(ada, as: market.ada) == seen)
                    let opening = try await change(ada)
                    #expect(opening["unread"] as? Int == 1 && titles(opening).isEmpty, "the count at once; what came before is read through the API")
                    try await whileBobListens(in: market, ada: ada)
                    try await ada.close()
                }
                // A tab that comes back with the last id it saw is sent what it missed.
                _ = try await market.postOrder(market.ada)
                try await harness.client.ws("/api/ws") { inbound, outbound, _ in
                    let again = SocketSession(inbound: inbound, outbound: outbound)
                    _ = try await follow(again, as: market.ada, after: seen)
                    let missed = try await change(again, news: true)
                    #expect(titles(missed).count == 2 && missed["unread"] as? Int == 1)
                    try await again.close()
                }
            }
        }
    }
}
