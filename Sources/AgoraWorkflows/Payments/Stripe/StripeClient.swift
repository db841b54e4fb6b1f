import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Where Stripe is and how the platform signs in to it: the secret key, the API's base URL (Stripe's own, or a
/// stand-in such as localstripe on loopback), and what the browser needs for Stripe.js.
public struct StripeSettings: Sendable, Hashable {
    public let secretKey: String
    public let publishableKey: String
    /// Signs the webhook events Stripe sends (`whsec_…`).
    public let webhookSecret: String
    public let apiURL: String
    public let scriptURL: String

    public static let stripeAPI = "https://api.stripe.com"
    public static let stripeScript = "https://js.stripe.com/v3/"

    public init(secretKey: String, publishableKey: String, webhookSecret: String, apiURL: String = stripeAPI, scriptURL: String = stripeScript) {
        self.secretKey = secretKey
        self.publishableKey = publishableKey
        self.webhookSecret = webhookSecret
        self.apiURL = apiURL.hasSuffix("/") ? String(apiURL.dropLast()) : apiURL
        self.scriptURL = scriptURL
    }
}

/// Stripe's API over HTTP: form-encoded requests with the secret key, an `Idempotency-Key` on each create, JSON
/// answers decoded into the few objects the platform reads. A refusal Stripe explains (a declined card) is
/// `StripeRefusal`; anything else is `ProcessorUnavailable`.
struct StripeClient: Sendable {
    let settings: StripeSettings
    static let timeout: TimeAmount = .seconds(30)

    /// One client for the process, whose connections are kept between calls. A Stripe that cannot be reached fails
    /// a call after the connect timeout, not after the whole request's: a checkout waits seconds, not half a minute.
    static let http = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: .init(connect: .seconds(3), read: .seconds(30)))
    )

    /// A POST of `form` (pairs, in order, with Stripe's bracketed keys); answers the decoded object.
    func post<Object: Decodable>(_ path: String, _ form: [(String, String)] = [], idempotencyKey: String? = nil, as type: Object.Type) async throws -> Object {
        var request = HTTPClientRequest(url: settings.apiURL + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        if let idempotencyKey { request.headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        request.body = .bytes(ByteBuffer(string: Self.encoded(form)))
        return try await send(request, as: type)
    }

    func get<Object: Decodable>(_ path: String, as type: Object.Type) async throws -> Object {
        var request = HTTPClientRequest(url: settings.apiURL + path)
        request.method = .GET
        return try await send(request, as: type)
    }

    private func send<Object: Decodable>(_ request: HTTPClientRequest, as type: Object.Type) async throws -> Object {
        var request = request
        request.headers.add(name: "Authorization", value: "Bearer \(settings.secretKey)")
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await Self.http.execute(request, timeout: Self.timeout)
            body = try await response.body.collect(upTo: 1 << 20)
        } catch {
            throw ProcessorUnavailable("Stripe could not be reached")
        }
        let data = Data(buffer: body)
        guard (200..<300).contains(response.status.code) else {
            if let refusal = try? JSONDecoder().decode(StripeRefusal.Body.self, from: data).error, (400..<500).contains(response.status.code) {
                throw StripeRefusal(status: Int(response.status.code), code: refusal.declineCode ?? refusal.code, message: refusal.message)
            }
            throw ProcessorUnavailable("Stripe answered \(response.status.code)")
        }
        do {
            return try JSONDecoder().decode(Object.self, from: data)
        } catch {
            throw ProcessorUnavailable("Stripe's answer could not be read")
        }
    }

    /// `application/x-www-form-urlencoded`, with brackets in keys escaped the way Stripe's libraries send them.
    static func encoded(_ form: [(String, String)]) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return form.map { "\(escape($0.0))=\(escape($0.1))" }.joined(separator: "&")
    }
}

/// A request Stripe refused with a reason (HTTP 4xx with an `error` object): a declined card, an unknown object.
struct StripeRefusal: Error, Sendable {
    let status: Int
    /// Stripe's `decline_code` when it gave one, else its `code`.
    let code: String?
    let message: String?

    struct Body: Decodable {
        struct Detail: Decodable {
            let code: String?
            let declineCode: String?
            let message: String?

            enum CodingKeys: String, CodingKey {
                case code, message
                case declineCode = "decline_code"
            }
        }

        let error: Detail
    }
}
