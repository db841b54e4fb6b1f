@testable import AgoraAPI
import AgoraDomain
import AgoraJobs
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
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
    /// The service's email composer, for the background workers a test runs by hand.
    let composer: EmailComposer
    /// The secrets the service seals project messages with.
    let messageKeys: [[UInt8]]
    /// The secret documents and CalDAV passwords are sealed with.
    let documentKey: [UInt8]

    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let password = "Violet-Harbour-Lantern-7"

    /// `overrides` are platform settings as the environment would set them.
    static func with(
        _ engine: TestDatabase = .sqlite, captcha: CaptchaMode = .off, adjust: @escaping @Sendable (inout AuthSettings) -> Void = { _ in },
        overrides: [PlatformSetting: SettingValue] = [:], testing: TestingSetup = .router, chatTiming: ChatSocketTiming? = nil,
        stripe: StripeSettings? = nil, _ body: @escaping @Sendable (AuthHarness) async throws -> Void
    ) async throws {
        let clock = ManualClock(start)
        try await engine.withStore { store async throws in
            var made = try await TestConfiguration.make(
                site: URL(fileURLWithPath: "/nonexistent"), clock: clock, captcha: captcha, adjust: adjust
            )
            made.platformSettings = await LivePlatformSettings.read(from: store, overrides: overrides)
            if let chatTiming { made.chatTiming = chatTiming }
            made.stripe = stripe
            let configuration = made
            defer { try? FileManager.default.removeItem(at: configuration.storageDirectory) }
            let app = try await buildApplication(configuration: configuration, store: store)
            try await app.test(testing) { client in
                try await body(AuthHarness(
                    client: client, store: store, clock: clock, storage: configuration.storageDirectory, composer: configuration.email,
                    messageKeys: configuration.messageKeys, documentKey: configuration.documentKey
                ))
            }
        }
    }

    // MARK: Requests

    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ path: String, json: String? = nil, bearer: String? = nil, cookie: String? = nil,
        contentType: String = "application/json", userAgent: String = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0",
        idempotencyKey: String? = nil
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let idempotencyKey { headers[HTTPField.Name("Idempotency-Key")!] = idempotencyKey }
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

    /// An administrator made the way `agora admin create` makes one (grace@example.com), signed in with two factors.
    func signedInAdministrator() async throws -> SignIn {
        try await signedInStaff("grace@example.com")
    }

    /// A staff account made the way `agora admin create` makes one, signed in; two factors are turned on in that
    /// session, which administration requires.
    func signedInStaff(_ email: String, role: StaffRole = .owner) async throws -> SignIn {
        _ = try await createStaff(email, role: role)
        let signIn = try SignIn(try await login(email))
        try await enrolTwoFactor(signIn.accessToken)
        return signIn
    }

    /// A staff account made the way `agora admin create` makes one; returns its id.
    func createStaff(_ email: String, role: StaffRole = .owner) async throws -> Int64 {
        var settings = AuthSettings(signingKey: TestConfiguration.signingKey)
        settings.bcryptCost = 4
        return try await Administrators.create(
            firstName: "Grace", lastName: "Admin", email: email, password: Self.password, role: role,
            settings: settings, store: store, now: Self.start
        )
    }

    /// Turns two factors on for the signed-in account through the API (enrolment, then a code from the secret);
    /// returns the secret and the recovery codes.
    @discardableResult
    func enrolTwoFactor(_ token: String) async throws -> (secret: [UInt8], recoveryCodes: [String]) {
        try await Self.enrolTwoFactor(client: client, token: token, now: clock.now)
    }

    @discardableResult
    static func enrolTwoFactor(client: any TestClientProtocol, token: String, now: Date) async throws -> (secret: [UInt8], recoveryCodes: [String]) {
        let headers: HTTPFields = [.contentType: "application/json", .authorization: "Bearer \(token)"]
        let started = try await client.execute(uri: "/api/auth/two-factor/enrolment", method: .post, headers: headers)
        try #require(started.status == .created)
        let secret = try #require(base32Decode(try started.json()["secret"] as? String ?? ""))
        let code = TOTP(secret: secret).code(at: now)
        let confirmed = try await client.execute(
            uri: "/api/auth/two-factor/enrolment/confirm", method: .post, headers: headers, body: ByteBuffer(string: #"{"code": "\#(code)"}"#)
        )
        try #require(confirmed.status == .ok)
        return (secret, try confirmed.json()["recovery_codes"] as? [String] ?? [])
    }

    /// Signs in an account that has two factors: the password, then the authenticator's code of the next time step
    /// (the clock moves 30 s, since a step's code works once), read from the secret the store keeps.
    func signInWithSecondFactor(_ email: String) async throws -> SignIn {
        let challenged = try await login(email)
        try #require(challenged.problemType == ProblemType.secondFactorRequired.uri)
        let challenge = try #require((try challenged.json()["second_factor"] as? [String: Any])?["challenge"] as? String)
        let user = try #require(try await UserRepository(store: store).find(email: try Email(email)))
        clock.advance(by: 30)
        let code = try await authenticatorCode(userID: user.id)
        return try SignIn(try await send(.post, "/api/auth/login/second-factor", json: #"{"challenge": "\#(challenge)", "code": "\#(code)"}"#))
    }

    /// The code an account's authenticator shows now.
    func authenticatorCode(userID: Int64) async throws -> String {
        let credential = try #require(try await TwoFactorRepository(store: store).credential(userID: userID))
        let sealer = TokenSealer(signingKey: TestConfiguration.signingKey, purpose: .authenticatorSecret)
        let secret = try #require(sealer.open(credential.secretSealed).flatMap(Base64URL.decode))
        return TOTP(secret: Array(secret)).code(at: clock.now)
    }

    /// RFC 4648 base32, as an authenticator app reads the secret the enrolment shows.
    static func base32Decode(_ text: String) -> [UInt8]? {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var bytes: [UInt8] = []
        var buffer = 0
        var bits = 0
        for character in text {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            buffer = (buffer << 5 | value) & 0xFFFF
            bits += 5
            if bits >= 8 {
                bytes.append(UInt8(buffer >> (bits - 8) & 0xFF))
                bits -= 8
            }
        }
        return bytes
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
