import AgoraTestSupport
import AgoraWorkflows
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// localstripe as the service's Stripe, and what the browser's Stripe.js would do there: make a payment method from
/// a card (the number goes to Stripe, never to the service) and answer a card's authentication step.
struct StripeStandIn {
    let server: LocalStripeServer

    var settings: StripeSettings {
        StripeSettings(
            secretKey: server.secretKey, publishableKey: server.publishableKey, webhookSecret: server.webhookSecret, apiURL: server.url,
            scriptURL: server.scriptURL
        )
    }

    /// A payment method for a test card, as Stripe.js's card element makes it; its id.
    func paymentMethod(_ number: String) async throws -> String {
        let made = try await call(.POST, "/v1/payment_methods", form: "type=card&card[number]=\(number)&card[exp_month]=12&card[exp_year]=2034&card[cvc]=123")
        return try #require(made["id"] as? String)
    }

    /// Confirms a card setup with a test card, as Stripe.js's `confirmCardSetup` does with the setup's client secret;
    /// the payment method it made.
    func confirmSetup(clientSecret: String, number: String) async throws -> String {
        let setup = clientSecret.components(separatedBy: "_secret_")[0]
        let confirmed = try await call(.POST, "/v1/setup_intents/\(setup)/confirm", json: """
            {"key": "\(server.publishableKey)", "use_stripe_sdk": true, "client_secret": "\(clientSecret)",
             "payment_method_data": {"type": "card", "card": {"number": "\(number)", "exp_month": "12", "exp_year": "2034", "cvc": "123"}}}
            """)
        #expect(confirmed["status"] as? String == "succeeded")
        return try #require(confirmed["payment_method"] as? String)
    }

    /// Answers the authentication step of a payment intent, as Stripe.js's dialog does with the client secret.
    func authenticate(clientSecret: String, success: Bool) async throws {
        let intent = clientSecret.components(separatedBy: "_secret_")[0]
        _ = try await call(.POST, "/v1/payment_intents/\(intent)/_authenticate?success=\(success)", json: #"{"key": "\#(server.publishableKey)", "client_secret": "\#(clientSecret)"}"#)
    }

    /// An object as Stripe holds it.
    func object(_ path: String) async throws -> [String: Any] { try await call(.GET, path) }

    private func call(_ method: HTTPMethod, _ path: String, form: String? = nil, json: String? = nil) async throws -> [String: Any] {
        var request = HTTPClientRequest(url: server.url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(server.secretKey)")
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        } else if let json {
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let body = try await response.body.collect(upTo: 1 << 20)
        try #require((200..<300).contains(response.status.code), "\(response.status.code) \(String(buffer: body))")
        return try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
    }
}
