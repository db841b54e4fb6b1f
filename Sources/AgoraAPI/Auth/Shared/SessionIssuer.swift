import AgoraDomain
import AgoraStore
import Foundation

/// A signed-in session handed to the client: the access token for the `Authorization` header and the refresh
/// token for the cookie.
struct IssuedSession: Sendable {
    let accessToken: String
    let refreshToken: String
    let refreshExpiresAt: Date
    let user: UserAccount
}

/// Where a sign-in stands once the first factor (a password, a link, an issuer) is proven: signed in, or waiting for
/// the second factor of an account that has one.
enum SignInStep: Sendable {
    case signedIn(IssuedSession)
    case secondFactorRequired(SecondFactorPrompt)
}

/// Opens sessions: a refresh token stored hashed in `user_sessions` (at most `sessionCap` open per account, the
/// oldest ended first) and an access token for it. Every way of signing in ends here, through `begin` (which asks
/// for the second factor when the account has one) or, once it was shown, `start`.
struct SessionIssuer: Sendable {
    let store: Store
    let settings: AuthSettings
    let accessTokens: AccessTokens
    let clock: any AgoraClock

    /// After a first factor: a session, or, for an account with two factors, a challenge to finish with the second
    /// (`second_factor_challenges`, good for `secondFactorChallengeLifetime`).
    func begin(for user: UserAccount, rememberMe: Bool, client: ClientInfo, in transaction: StoreTransaction) async throws -> SignInStep {
        guard try await TwoFactorRepository(store: store, in: transaction).isEnabled(userID: user.id) else {
            return .signedIn(try await start(for: user, rememberMe: rememberMe, secondFactor: false, client: client, in: transaction))
        }
        let now = clock.now
        let token = SecureToken.generate()
        let expiresAt = now.addingTimeInterval(settings.secondFactorChallengeLifetime)
        try await SecondFactorChallengeRepository(store: store, in: transaction).insert(
            tokenHash: SecureToken.hash(token), userID: user.id, rememberMe: rememberMe, expiresAt: expiresAt, now: now
        )
        return .secondFactorRequired(SecondFactorPrompt(challenge: token, expiresAt: expiresAt))
    }

    /// Opens a session for the user inside the caller's transaction and returns its tokens; `secondFactor` says
    /// whether the sign-in included one.
    func start(
        for user: UserAccount, rememberMe: Bool, secondFactor: Bool, client: ClientInfo, in transaction: StoreTransaction
    ) async throws -> IssuedSession {
        let now = clock.now
        let refreshToken = SecureToken.generate()
        let lifetime = rememberMe ? settings.rememberedRefreshTokenLifetime : settings.refreshTokenLifetime
        let sessions = SessionRepository(store: store, in: transaction)
        let session = try await sessions.insert(NewSession(
            userID: user.id, family: SecureToken.generate(bytes: 16), refreshTokenHash: SecureToken.hash(refreshToken),
            deviceInfo: Self.describeDevice(client.userAgent), ipAddress: client.ipAddress, rememberMe: rememberMe,
            expiresAt: now.addingTimeInterval(lifetime), secondFactor: secondFactor
        ), now: now)
        try await sessions.enforceCap(settings.sessionCap, userID: user.id, now: now)
        let access = try await accessTokens.issue(userID: user.id, role: user.userType, session: session.family, now: now)
        return IssuedSession(accessToken: access, refreshToken: refreshToken, refreshExpiresAt: session.expiresAt, user: user)
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
