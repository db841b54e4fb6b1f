import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The service in-process over a fresh store, with a clock the test moves, and helpers that speak the auth API
/// the way the islands do: JSON bodies, the refresh cookie, the bearer token.
struct AuthHarness: Sendable {
    let client: any TestClientProtocol
    let store: Store
    let clock: ManualClock
    /// Where the service keeps uploads (a directory of this test's own, removed at the end).
    let storage: URL

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let password = "Violet-Harbour-Lantern-7"

    static func with(
        _ engine: TestDatabase = .sqlite, captcha: CaptchaMode = .off, adjust: @escaping @Sendable (inout AuthSettings) -> Void = { _ in },
        _ body: @escaping @Sendable (AuthHarness) async throws -> Void
    ) async throws {
        let clock = ManualClock(start)
        try await engine.withStore { store async throws in
            let configuration = try await TestConfiguration.make(
                site: URL(fileURLWithPath: "/nonexistent"), clock: clock, captcha: captcha, adjust: adjust
            )
            defer { try? FileManager.default.removeItem(at: configuration.storageDirectory) }
            let app = try await buildApplication(configuration: configuration, store: store)
            try await app.test(.router) { client in
                try await body(AuthHarness(client: client, store: store, clock: clock, storage: configuration.storageDirectory))
            }
        }
    }

    // MARK: Requests

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, bearer: String? = nil, cookie: String? = nil,
        contentType: String = "application/json", userAgent: String = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if json != nil { headers[.contentType] = contentType }
        if let bearer { headers[.authorization] = "Bearer \(bearer)" }
        if let cookie { headers[.cookie] = "agora_refresh=\(cookie)" }
        headers[.userAgent] = userAgent
        return try await client.execute(uri: path, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func registration(
        email: String, password: String = AuthHarness.password, type: String = "client", extra: String = ""
    ) -> String {
        """
        {"first_name": "Ada", "last_name": "Lovelace", "email": "\(email)", "password": "\(password)",
         "phone": "+33 6 12 34 56 78", "country": "FR", "user_type": "\(type)",
         "accepted_terms_version": "2026-11-01", "accepted_privacy_version": "2026-11-01"\(extra)}
        """
    }

    func register(_ email: String, type: String = "client") async throws -> TestResponse {
        try await send(.post, "/api/auth/register", json: Self.registration(email: email, type: type))
    }

    /// Registers and verifies an account (a client unless `type` says otherwise); returns the sign-in of the
    /// verification.
    func signedUp(_ email: String, type: String = "client") async throws -> SignIn {
        let registered = try await register(email, type: type)
        try #require(registered.status == .accepted)
        let token = try #require(try await latestLinkToken(to: email, template: "verification"))
        let verified = try await send(.get, "/api/auth/verify-email/\(token)")
        try #require(verified.status == .ok)
        return try SignIn(verified)
    }

    /// An administrator made the way `agora admin create` makes one (grace@example.com), signed in.
    func signedInAdministrator() async throws -> SignIn {
        var settings = AuthSettings(signingKey: TestConfiguration.signingKey)
        settings.bcryptCost = 4
        _ = try await Administrators.create(
            firstName: "Grace", lastName: "Admin", email: "grace@example.com", password: Self.password,
            settings: settings, store: store, now: Self.start
        )
        return try SignIn(try await login("grace@example.com"))
    }

    func login(_ email: String, password: String = AuthHarness.password, rememberMe: Bool = false) async throws -> TestResponse {
        try await send(.post, "/api/auth/login", json: #"{"email": "\#(email)", "password": "\#(password)", "remember_me": \#(rememberMe)}"#)
    }

    // MARK: Mail and tokens

    /// The messages queued for an address, newest first.
    func emails(to address: String) async throws -> [OutboxEmail] {
        try await EmailOutbox(store: store).messages(to: address)
    }

    /// The `token` query of the link in the newest email of this template to the address.
    func latestLinkToken(to address: String, template: String) async throws -> String? {
        guard let email = try await emails(to: address).first(where: { $0.template == template }) else { return nil }
        return Self.token(inLinkOf: email.textBody)
    }

    static func token(inLinkOf text: String) -> String? {
        guard let range = text.range(of: "token=") else { return nil }
        return String(text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }
}

/// What a successful sign-in answered: the access token, the refresh cookie and the account.
struct SignIn: Sendable {
    let accessToken: String
    let refreshCookie: String
    let userID: Int64
    let setCookie: String

    init(_ response: TestResponse) throws {
        let body = try response.json()
        accessToken = try #require(body["access_token"] as? String)
        let user = try #require(body["user"] as? [String: Any])
        userID = try #require((user["id"] as? NSNumber)?.int64Value)
        setCookie = try #require(response.headers[.setCookie])
        refreshCookie = try #require(Self.cookieValue(setCookie))
    }

    static func cookieValue(_ header: String) -> String? {
        guard header.hasPrefix("agora_refresh=") else { return nil }
        let value = header.dropFirst("agora_refresh=".count).prefix { $0 != ";" }
        return value.isEmpty ? nil : String(value)
    }
}

extension TestResponse {
    var problemType: String? { (try? json())?["type"] as? String }

    var fieldErrors: [String] {
        ((try? json())?["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }
}
