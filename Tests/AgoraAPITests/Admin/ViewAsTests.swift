@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("Viewing as an account")
struct ViewAsTests {
    static func view(_ harness: AuthHarness, _ userID: Int64, by token: String) async throws -> String {
        let answer = try await harness.send(.post, "/api/admin/view-as/\(userID)", json: #"{"reason": "Ticket 4521: the client sees no proposals."}"#, bearer: token)
        try #require(answer.status == .ok, "\(answer.text)")
        return try #require(try answer.json()["access_token"] as? String)
    }

    @Test("support reads the account's pages as its owner does, changes nothing, and the view is audited and short", arguments: TestDatabase.engines)
    func readOnly(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let owner = try await harness.signedInAdministrator()
            let orderID = try await market.postOrder(market.ada)
            let token = try await Self.view(harness, market.ada.userID, by: owner.accessToken)
            let me = try await harness.send(.get, "/api/auth/me", bearer: token)
            #expect(me.status == .ok && me.text.contains("ada@example.com"))
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: token).status == .ok)
            let changed = try await harness.send(.post, "/api/orders/\(orderID)/cancel", bearer: token)
            #expect(changed.status == .forbidden && changed.problemType == ProblemType.viewOnly.uri)
            #expect(try await harness.send(.put, "/api/auth/change-password", json: #"{"current_password": "x", "new_password": "y"}"#, bearer: token).problemType == ProblemType.viewOnly.uri)
            #expect(try await OrderRepository(store: harness.store).find(orderID)?.status == .open)
            #expect(try await harness.send(.get, "/api/admin/users", bearer: token).status == .forbidden, "a view of a client opens no admin route")
            let audited = try #require(try await AuditLog(store: harness.store).entries(about: .user, id: market.ada.userID).first)
            #expect(audited.action == .userViewed && audited.reason == "Ticket 4521: the client sees no proposals.")

            harness.clock.advance(by: ViewAsRoutes.lifetime + 1)
            #expect(try await harness.send(.get, "/api/auth/me", bearer: token).status == .unauthorized, "the view ends on its own")
        }
    }

    @Test("a provider's view does not mark offers seen; signing out ends the view; staff are not viewed; other roles are refused", arguments: TestDatabase.engines)
    func limits(engine: TestDatabase) async throws {
        try await OrderMarketplace.with(engine) { market in
            let harness = market.harness
            let owner = try await harness.signedInAdministrator()
            let orderID = try await market.postOrder(market.ada)
            let offered = try #require(try await OrderRouteRepository(store: harness.store).routes(orderID: orderID).first)
            let token = try await Self.view(harness, offered.providerID, by: owner.accessToken)
            #expect(try await harness.send(.get, "/api/orders/\(orderID)", bearer: token).status == .ok)
            #expect(try await OrderRouteRepository(store: harness.store).routes(orderID: orderID).first { $0.providerID == offered.providerID }?.viewedAt == nil)

            let support = try await harness.signedInStaff("sue@example.com", role: .support)
            #expect(try await harness.send(.post, "/api/admin/view-as/\(market.ada.userID)", json: #"{"reason": "x"}"#, bearer: support.accessToken).status == .forbidden)
            #expect(try await harness.send(.post, "/api/admin/view-as/\(support.userID)", json: #"{"reason": "x"}"#, bearer: owner.accessToken).status == .conflict)
            #expect(try await harness.send(.post, "/api/admin/view-as/\(market.ada.userID)", json: "{}", bearer: owner.accessToken).fieldErrors == ["reason"])
            #expect(try await harness.send(.post, "/api/admin/view-as/\(market.ada.userID)", json: #"{"reason": "x"}"#, bearer: market.bob.accessToken).status == .forbidden)

            #expect(try await harness.send(.post, "/api/auth/logout", bearer: owner.accessToken).status == .noContent)
            #expect(try await harness.send(.get, "/api/auth/me", bearer: token).status == .unauthorized, "the view lived in the staff member's session")
        }
    }
}
