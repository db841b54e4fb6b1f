import AgoraDomain
import AgoraStore
import Crypto
import Foundation
import Logging

/// One sign-in through the issuer in flight, kept in a sealed cookie between the redirect and the callback so that
/// any instance can finish it: the state and nonce to check, the PKCE verifier, where to go after, and, when an
/// account links the identity from its settings, which account.
struct OIDCAttempt: Codable, Sendable {
    let state: String
    let nonce: String
    let verifier: String
    let next: String
    let linkUserID: Int64?
    let expires: Date
}

/// How a callback from the issuer ended.
enum OIDCOutcome: Sendable {
    case signedIn(SignInStep, next: String)
    case linked
    case failed(OIDCFailure)
}

/// Where the sign-in routes live, for the redirect URI registered at the issuer.
enum OIDCRoutesPaths {
    static let start = "/api/auth/google"
    static let callback = "/api/auth/google/callback"
}

/// Sign-in through an OpenID Connect issuer (Google by default): the redirect with state, nonce and PKCE, and the
/// callback that signs in, links or opens an account.
struct SocialSignInService: Sendable {
    /// Nil when no issuer is configured: the routes answer 404.
    let provider: OIDCProvider?
    let store: Store
    let settings: AuthSettings
    let sealer: TokenSealer
    let sessions: SessionIssuer
    let journal: AuthJournal
    let mail: AccountMail
    let clock: any AgoraClock
    let logger: Logger
    /// Whether sign-ups are open (`features.registration`), for a first sign-in that would open an account.
    let platformSettings: LivePlatformSettings

    /// The issuer's authorization URL (state, nonce, PKCE S256) and the sealed attempt for the cookie.
    func startOIDC(next: String, linkUserID: Int64? = nil) async throws -> (url: String, cookie: String) {
        guard let oidc = provider else { throw OIDCFailure.disabled }
        let verifier = SecureToken.generate()
        let challenge = Base64URL.encode(SHA256.hash(data: Data(verifier.utf8)))
        let attempt = OIDCAttempt(
            state: SecureToken.generate(bytes: 16), nonce: SecureToken.generate(bytes: 16), verifier: verifier,
            next: next, linkUserID: linkUserID, expires: clock.now.addingTimeInterval(600)
        )
        let url = try await oidc.authorizationURL(state: attempt.state, nonce: attempt.nonce, codeChallenge: challenge)
        return (url, try sealer.seal(String(decoding: try JSONEncoder().encode(attempt), as: UTF8.self)))
    }

    /// Finishes a sign-in: checks the state against the cookie, exchanges the code, verifies the ID token, then finds
    /// the account by (issuer, subject), or links a verified account with the same verified address, or opens a new
    /// verified account. An unverified address never takes over an existing account.
    func finishOIDC(code: String?, state: String?, error: String?, cookie: String?, client: ClientInfo) async -> OIDCOutcome {
        guard let oidc = provider else { return .failed(.disabled) }
        guard let cookie, let opened = sealer.open(cookie),
              let attempt = try? JSONDecoder().decode(OIDCAttempt.self, from: Data(opened.utf8)),
              attempt.expires > clock.now, let state, state == attempt.state
        else {
            try? await journal.record(.oidcLogin, .failure, user: nil, client: client, detail: "bad or expired state")
            return .failed(.failed)
        }
        if let error {
            try? await journal.record(.oidcLogin, .failure, user: attempt.linkUserID, client: client, detail: "issuer said \(error.prefix(40))")
            return .failed(error == "access_denied" ? .denied : .failed)
        }
        guard let code, let claims = try? await oidc.signIn(code: code, codeVerifier: attempt.verifier, nonce: attempt.nonce) else {
            try? await journal.record(.oidcLogin, .failure, user: attempt.linkUserID, client: client, detail: "code exchange or ID token refused")
            return .failed(.failed)
        }
        do {
            return try await store.inTransaction { transaction in
                try await self.settle(claims, attempt: attempt, issuer: oidc.settings.issuer, client: client, in: transaction)
            }
        } catch let failure as OIDCFailure {
            return .failed(failure)
        } catch StoreError.conflict {
            return .failed(.alreadyLinked)
        } catch {
            logger.warning("sign-in through the issuer failed: \(error)")
            return .failed(.failed)
        }
    }

    private func settle(
        _ claims: IDTokenClaims, attempt: OIDCAttempt, issuer: String, client: ClientInfo, in transaction: StoreTransaction
    ) async throws -> OIDCOutcome {
        let now = clock.now
        let links = SocialLoginRepository(store: store, in: transaction)
        let users = UserRepository(store: store, in: transaction)
        let subject = claims.sub.value
        if let userID = attempt.linkUserID {
            try await links.link(userID: userID, issuer: issuer, subject: subject, now: now)
            try await journal.record(.oidcLogin, .success, user: userID, client: client, detail: "linked", in: transaction)
            return .linked
        }
        if let userID = try await links.userID(issuer: issuer, subject: subject) {
            guard let user = try await users.find(id: userID), user.verificationStatus == .verified else { throw OIDCFailure.failed }
            try await journal.record(.oidcLogin, .success, user: userID, client: client, in: transaction)
            return .signedIn(try await sessions.begin(for: user, rememberMe: false, client: client, in: transaction), next: attempt.next)
        }
        guard let address = claims.email, let email = try? Email(address) else { throw OIDCFailure.failed }
        if let existing = try await users.find(email: email) {
            guard claims.emailVerified == true, existing.verificationStatus == .verified else {
                try await journal.record(.oidcLogin, .failure, user: existing.id, client: client, detail: "link required", in: transaction)
                return .failed(.linkRequired)
            }
            try await links.link(userID: existing.id, issuer: issuer, subject: subject, now: now)
            try await journal.record(.oidcLogin, .success, user: existing.id, client: client, detail: "linked by verified address", in: transaction)
            return .signedIn(try await sessions.begin(for: existing, rememberMe: false, client: client, in: transaction), next: attempt.next)
        }
        guard claims.emailVerified == true else {
            try await journal.record(.oidcLogin, .failure, user: nil, client: client, detail: "address not verified by the issuer", in: transaction)
            return .failed(.unverifiedEmail)
        }
        guard platformSettings.current.isOn(.registrationOpen) else {
            try await journal.record(.oidcLogin, .failure, user: nil, client: client, detail: "sign-ups are closed", in: transaction)
            return .failed(.registrationClosed)
        }
        let (first, last) = Self.names(from: claims)
        let id = try await users.insert(NewUser(
            firstName: first, lastName: last, email: email, passwordHash: nil, phone: nil, countryCode: nil,
            userType: .client, verificationStatus: .verified, legal: settings.legal
        ), now: now)
        try await links.link(userID: id, issuer: issuer, subject: subject, now: now)
        guard let user = try await users.find(id: id) else { throw OIDCFailure.failed }
        try await mail.queue("welcome", to: user, values: ["link": mail.link("/")], in: transaction)
        try await journal.record(.oidcLogin, .success, user: id, client: client, detail: "new account", in: transaction)
        return .signedIn(try await sessions.begin(for: user, rememberMe: false, client: client, in: transaction), next: attempt.next)
    }

    /// First and last name from the token's claims, checked with the same rule as the register form; what does not
    /// pass becomes a neutral placeholder the person can change later.
    static func names(from claims: IDTokenClaims) -> (String, String) {
        let parts = (claims.name ?? "").split(separator: " ", maxSplits: 1).map(String.init)
        let first = (try? PersonName(claims.givenName ?? parts.first ?? "", field: "first_name"))?.value ?? "New"
        let last = (try? PersonName(claims.familyName ?? (parts.count > 1 ? parts[1] : ""), field: "last_name"))?.value ?? "Member"
        return (first, last)
    }
}
