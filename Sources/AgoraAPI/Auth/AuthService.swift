import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging
import SQLKit

/// Where a request comes from, for rate limits, the sessions page and the authentication log.
struct ClientInfo: Sendable {
    let ipAddress: String
    let userAgent: String
}

/// A signed-in session handed to the client: the access token for the `Authorization` header and the refresh
/// token for the cookie.
struct IssuedSession: Sendable {
    let accessToken: String
    let refreshToken: String
    let refreshExpiresAt: Date
    let user: UserAccount
}

/// Accounts and sign-in: the rules of registration, verification, login, sessions and passwords, over the store.
/// Routes decode and encode; everything they may do to an account goes through here.
struct AuthService: Sendable {
    let store: Store
    let settings: AuthSettings
    let hasher: any PasswordHasher
    let accessTokens: AccessTokens
    let sealer: TokenSealer
    let rateLimiter: RateLimiter
    let captcha: Captcha
    let mail: EmailComposer
    let clock: any AgoraClock
    let logger: Logger
    /// The OpenID Connect issuer, when sign-in through it is configured.
    let oidc: OIDCProvider?
    /// A real bcrypt hash at the configured cost, checked against when the email is unknown so that an unknown
    /// address takes as long to refuse as a wrong password.
    let decoyHash: String

    init(
        store: Store, settings: AuthSettings, mail: EmailComposer, clock: any AgoraClock, logger: Logger,
        hasher: (any PasswordHasher)? = nil
    ) async throws {
        self.store = store
        self.settings = settings
        self.hasher = hasher ?? BcryptPasswordHasher(cost: settings.bcryptCost)
        self.accessTokens = await AccessTokens(signingKey: settings.signingKey, lifetime: settings.accessTokenLifetime)
        self.sealer = TokenSealer(signingKey: settings.signingKey)
        self.rateLimiter = RateLimiter(clock: clock)
        self.captcha = Captcha(mode: settings.captcha, signingKey: settings.signingKey, clock: clock)
        self.mail = mail
        self.clock = clock
        self.logger = logger
        self.oidc = settings.oidc.map {
            OIDCProvider(settings: $0, redirectURI: mail.baseURL + OIDCRoutesPaths.callback, clock: clock)
        }
        self.decoyHash = try await self.hasher.hash(SecureToken.generate())
    }

    // MARK: Shared steps

    /// Opens a session for the user and returns its tokens. Runs inside the caller's transaction.
    func startSession(
        for user: UserAccount, rememberMe: Bool, client: ClientInfo, on db: any SQLDatabase
    ) async throws -> IssuedSession {
        let now = clock.now
        let refreshToken = SecureToken.generate()
        let lifetime = rememberMe ? settings.rememberedRefreshTokenLifetime : settings.refreshTokenLifetime
        let sessions = SessionRepository(store: store, on: db)
        let session = try await sessions.insert(NewSession(
            userID: user.id, family: SecureToken.generate(bytes: 16), refreshTokenHash: SecureToken.hash(refreshToken),
            deviceInfo: Self.describeDevice(client.userAgent), ipAddress: client.ipAddress, rememberMe: rememberMe,
            expiresAt: now.addingTimeInterval(lifetime)
        ), now: now)
        try await sessions.enforceCap(settings.sessionCap, userID: user.id, now: now)
        let access = try await accessTokens.issue(userID: user.id, role: user.userType, session: session.family, now: now)
        return IssuedSession(accessToken: access, refreshToken: refreshToken, refreshExpiresAt: session.expiresAt, user: user)
    }

    func log(
        _ kind: AuthEvent.Kind, _ outcome: AuthEvent.Outcome, user: Int64?, client: ClientInfo, detail: String = "",
        on db: (any SQLDatabase)? = nil
    ) async throws {
        try await AuthEventRepository(store: store, on: db).record(AuthEvent(
            userID: user, kind: kind, outcome: outcome, ipAddress: client.ipAddress, userAgent: client.userAgent,
            detail: detail, createdAt: clock.now
        ))
        logger.info("auth event", metadata: [
            "kind": "\(kind.rawValue)", "outcome": "\(outcome.rawValue)", "user_id": "\(user.map(String.init) ?? "-")",
            "detail": "\(detail)",
        ])
    }

    /// Renders an email and queues it in the caller's transaction.
    func queueEmail(_ template: String, to user: UserAccount, values: [String: String], on db: any SQLDatabase) async throws {
        var all = values
        all["first_name"] = user.firstName
        let email = try mail.compose(template, to: user.email.value, values: all)
        try await EmailOutbox(store: store, on: db).enqueue(email, now: clock.now)
    }

    /// A link to a page of the site, with query items.
    func link(_ path: String, _ query: [String: String] = [:]) -> String {
        var components = URLComponents(string: mail.baseURL + path)
        if !query.isEmpty { components?.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) } }
        return components?.string ?? mail.baseURL + path
    }

    /// A short, readable device name from a user agent (`Firefox on Linux`), kept instead of the raw header.
    static func describeDevice(_ userAgent: String) -> String {
        let browsers = [("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"), ("curl/", "curl")]
        let systems = [("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Windows", "Windows"),
                       ("Mac OS X", "macOS"), ("Linux", "Linux")]
        let browser = browsers.first { userAgent.contains($0.0) }?.1
        let system = systems.first { userAgent.contains($0.0) }?.1
        switch (browser, system) {
        case let (browser?, system?): return "\(browser) on \(system)"
        case let (browser?, nil): return browser
        case let (nil, system?): return "A browser on \(system)"
        case (nil, nil): return userAgent.isEmpty ? "Unknown device" : String(userAgent.prefix(60))
        }
    }
}
