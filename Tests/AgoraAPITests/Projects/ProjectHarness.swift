import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A project between Ada (client) and Paula (provider), from an accepted proposal, on `OrderMarketplace`.
struct ProjectFixture {
    let market: OrderMarketplace
    let projectID: Int64
    let orderID: Int64
    let milestoneIDs: [Int64]

    var harness: AuthHarness { market.harness }

    /// A proposal with a two-step plan (600 + 1,200 EUR), accepted.
    static let plannedProposal = #"{"message": "Two weeks, with a design round first.", "price": "1800", "timeline_days": 14, "milestones": [{"title": "Design", "amount": "600", "due_in_days": 5}, {"title": "Launch", "amount": "1200", "due_in_days": 14}]}"#

    /// `provider` proposes (Paula unless told).
    static func accepted(in market: OrderMarketplace, proposal: String = plannedProposal, provider: SignIn? = nil) async throws -> ProjectFixture {
        let orderID = try await market.postOrder(market.ada)
        let proposalID = try await market.propose(orderID, as: provider ?? market.paula, json: proposal)
        let accepted = try await market.harness.send(.post, "/api/proposals/\(proposalID)/accept", bearer: market.ada.accessToken)
        try #require(accepted.status == .ok, "\(accepted.text)")
        let projectID = try #require(((try accepted.json()["project"] as? [String: Any])?["id"] as? NSNumber)?.int64Value)
        let project = try await market.harness.send(.get, "/api/projects/\(projectID)", bearer: market.ada.accessToken).json()
        let milestones = try #require(project["milestones"] as? [[String: Any]])
        return ProjectFixture(market: market, projectID: projectID, orderID: orderID, milestoneIDs: milestones.compactMap { ($0["id"] as? NSNumber)?.int64Value })
    }

    /// The project as `member` sees it.
    func project(as member: SignIn) async throws -> [String: Any] {
        let response = try await harness.send(.get, "/api/projects/\(projectID)", bearer: member.accessToken)
        try #require(response.status == .ok, "\(response.text)")
        return try response.json()
    }

    /// A milestone of the project as `member` sees it.
    func milestone(_ id: Int64, as member: SignIn) async throws -> [String: Any] {
        try #require((try await project(as: member)["milestones"] as? [[String: Any]])?.first { ($0["id"] as? NSNumber)?.int64Value == id })
    }

    /// Takes a step; `note` for submit and request-changes.
    @discardableResult
    func step(_ step: String, _ milestoneID: Int64, as member: SignIn, note: String? = nil) async throws -> TestResponse {
        let body = note.map { #"{"note": \#(String(decoding: try! JSONEncoder().encode($0), as: UTF8.self))}"# }
        return try await harness.send(.post, "/api/milestones/\(milestoneID)/\(step)", json: body, bearer: member.accessToken)
    }

    /// The client funds a milestone with a card (the local processor's always-succeeding one unless told): the
    /// payment opened, then confirmed. Returns the confirmation's answer.
    @discardableResult
    func fund(_ milestoneID: Int64, card: String = "4242424242424242") async throws -> TestResponse {
        let opened = try await harness.send(.post, "/api/milestones/\(milestoneID)/fund", bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString)
        try #require(opened.status == .created, "\(String(buffer: opened.body))")
        let paymentID = try #require((try opened.json()["id"] as? NSNumber)?.int64Value)
        return try await harness.send(
            .post, "/api/payments/\(paymentID)/confirm", json: Self.card(card), bearer: market.ada.accessToken, idempotencyKey: UUID().uuidString
        )
    }

    /// A card as the checkout sends it.
    static func card(_ number: String) -> String {
        #"{"number": "\#(number)", "expiry_month": 12, "expiry_year": 2034, "security_code": "123"}"#
    }

    /// The kinds of the project's activity, oldest first, as `member` (the client by default) reads them.
    func activityKinds(as member: SignIn? = nil) async throws -> [String] {
        let feed = try await harness.send(.get, "/api/projects/\(projectID)/activity?limit=100", bearer: (member ?? market.ada).accessToken).json()
        return ((feed["activity"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }.reversed()
    }
}
