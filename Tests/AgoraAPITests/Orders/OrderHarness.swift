import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// A seeded marketplace with two clients, a provider who registered (no public profile) and a seeded provider
/// who can sign in, over `AuthHarness`.
struct OrderMarketplace: Sendable {
    let harness: AuthHarness
    let ada: SignIn
    let bob: SignIn
    /// A provider account without a public profile: routing never picks them, but they may browse and propose.
    let paula: SignIn
    /// A seeded provider with a public profile, listed in `categoryID`, signed in.
    let seeded: SignIn
    /// The category with the most seeded providers.
    let categoryID: Int64

    static func with(
        _ engine: TestDatabase = .sqlite, providers: Int = 40, testing: TestingSetup = .router, chatTiming: ChatSocketTiming? = nil,
        stripe: StripeSettings? = nil, _ body: @escaping @Sendable (OrderMarketplace) async throws -> Void
    ) async throws {
        try await AuthHarness.with(engine, testing: testing, chatTiming: chatTiming, stripe: stripe) { harness in
            try await MarketplaceSeeder(store: harness.store).seed(providers: providers, seed: 5, now: AuthHarness.start)
            let ada = try await harness.signedUp("ada@example.com")
            let bob = try await harness.signedUp("bob@example.com")
            let paula = try await harness.signedUp("paula@example.com", type: "provider")
            let busiest = try #require(try await harness.store.sql.raw("""
                SELECT pc.category_id, MIN(pc.provider_id) AS provider_id, COUNT(*) AS n FROM provider_categories pc
                JOIN user_profiles p ON p.user_id = pc.provider_id AND p.published = TRUE
                GROUP BY pc.category_id ORDER BY n DESC, pc.category_id LIMIT 1
                """).first())
            let categoryID = try busiest.decode(column: "category_id", as: Int64.self)
            let seededID = try busiest.decode(column: "provider_id", as: Int64.self)
            let seeded = try await harness.signInSeeded(seededID, borrowingPasswordOf: paula.userID, email: "seeded.provider@example.com")
            try await body(OrderMarketplace(harness: harness, ada: ada, bob: bob, paula: paula, seeded: seeded, categoryID: categoryID))
        }
    }

    /// An order body valid at the harness's start, in `categoryID`, with changes spliced in as JSON members.
    func orderJSON(_ extra: String = "", category: Int64? = nil) -> String {
        """
        {"title": "A booking site for our bakery", "description": "We need a small site where customers order bread for the next morning.\\nPayments by card.",
         "category_id": \(category ?? categoryID), "budget_min": 1500, "budget_max": "2500.50", "currency": "EUR",
         "deadline": "2026-12-20T17:00", "time_zone": "Europe/Paris", "skills": ["Swift"], "requirements": ["Works on phones"]\(extra)}
        """
    }

    static let proposalJSON = #"{"message": "I have built three booking sites for bakeries.", "price": "2000", "timeline_days": 20}"#

    /// Posts an order as `client` and returns its id.
    func postOrder(_ client: SignIn, _ extra: String = "") async throws -> Int64 {
        let created = try await harness.send(.post, "/api/orders", json: orderJSON(extra), bearer: client.accessToken)
        try #require(created.status == .created, "\(created.text)")
        return try #require((try created.json()["id"] as? NSNumber)?.int64Value)
    }

    /// Proposes on an order as `provider` and returns the proposal's id.
    func propose(_ orderID: Int64, as provider: SignIn, json: String = OrderMarketplace.proposalJSON) async throws -> Int64 {
        let sent = try await harness.send(.post, "/api/orders/\(orderID)/proposals", json: json, bearer: provider.accessToken)
        try #require(sent.status == .created, "\(sent.text)")
        return try #require((try sent.json()["id"] as? NSNumber)?.int64Value)
    }

    /// Quiet hours from the start of the harness clock's hour (UTC) to the next, as the preferences take them:
    /// optional email written now waits for the next hour.
    func quietHoursAroundNow() -> String {
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC")!
        let hour = utc.component(.hour, from: harness.clock.now)
        return #"{"start": "\#(String(format: "%02d:00", hour))", "end": "\#(String(format: "%02d:00", (hour + 1) % 24))"}"#
    }

    /// What became of a member's notifications on each channel, newest first: `channel:status`.
    func deliveries(of userID: Int64) async throws -> [String] {
        try await harness.store.sql.raw("""
            SELECT d.channel, d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
            WHERE n.user_id = \(bind: userID) ORDER BY d.notification_id DESC, d.channel
            """).all().map { "\(try $0.decode(column: "channel", as: String.self)):\(try $0.decode(column: "status", as: String.self))" }
    }
}

extension AuthHarness {
    /// Signs in as a seeded provider (seeds have no password) by giving them the password hash of an account the
    /// test registered, and a known address.
    func signInSeeded(_ providerID: Int64, borrowingPasswordOf donorID: Int64, email: String) async throws -> SignIn {
        try await store.sql.raw("""
            UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = \(bind: donorID)),
                email = \(bind: email), verification_status = 'verified'
            WHERE id = \(bind: providerID)
            """).run()
        let response = try await login(email)
        try #require(response.status == .ok, "\(response.text)")
        return try SignIn(response)
    }
}
