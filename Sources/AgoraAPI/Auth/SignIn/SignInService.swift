import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Signing in with a password, refreshing a session, checking access tokens, and the account's own sessions.
struct SignInService: Sendable {
    let store: Store
    let settings: AuthSettings
    let hasher: any PasswordHasher
    let accessTokens: AccessTokens
    let sealer: TokenSealer
    let issuer: SessionIssuer
    let journal: AuthJournal
    let clock: any AgoraClock
    let logger: Logger
    /// A real bcrypt hash at the configured cost, checked against when the email is unknown so that an unknown
    /// address takes as long to refuse as a wrong password.
    let decoyHash: String

    /// Checks an email and password and opens a session. An unknown email and a wrong password get the same answer
    /// in the same time; after `accountLockout.failures` failures the account waits, and so does an address after
    /// `addressLockout.failures`.
    func login(email raw: String, password: String, rememberMe: Bool, client: ClientInfo) async throws -> IssuedSession {
        let now = clock.now
        let events = AuthEventRepository(store: store)
        let fromAddress = try await events.failedLogins(
            network: client.limitKey, since: now.addingTimeInterval(-2 * settings.addressLockout.window),
            limit: settings.addressLockout.failures
        )
        if let until = settings.addressLockout.lockedUntil(latestFailures: fromAddress, now: now) {
            try await journal.record(.login, .locked, user: nil, client: client, detail: "address locked")
            throw Problem.addressLocked(retryAfter: Int(ceil(until.timeIntervalSince(now))))
        }
        guard let email = try? Email(raw),
              let credentials = try await UserRepository(store: store).credentials(email: email)
        else {
            _ = try await hasher.verify(password, hash: decoyHash)
            try await journal.record(.login, .failure, user: nil, client: client, detail: "unknown email")
            throw Problem.invalidCredentials
        }
        let user = credentials.account
        if let until = try await accountLockedUntil(user.id, now: now) {
            try await journal.record(.login, .locked, user: user.id, client: client, detail: "account locked")
            throw Problem.accountLocked(retryAfter: Int(ceil(until.timeIntervalSince(now))))
        }
        let matches = try await hasher.verify(password, hash: credentials.passwordHash ?? decoyHash)
        guard matches, credentials.passwordHash != nil else {
            try await journal.record(.login, .failure, user: user.id, client: client, detail: "wrong password")
            let afterFailure = clock.now
            if let until = try await accountLockedUntil(user.id, now: afterFailure) {
                throw Problem.accountLocked(retryAfter: Int(ceil(until.timeIntervalSince(afterFailure))))
            }
            throw Problem.invalidCredentials
        }
        switch user.verificationStatus {
        case .pending:
            try await journal.record(.login, .locked, user: user.id, client: client, detail: "email not verified")
            throw Problem.emailNotVerified
        case .suspended:
            try await journal.record(.login, .locked, user: user.id, client: client, detail: "suspended")
            throw Problem.accountSuspended
        case .verified:
            return try await store.inTransaction { transaction in
                try await journal.record(.login, .success, user: user.id, client: client, in: transaction)
                return try await issuer.start(for: user, rememberMe: rememberMe, client: client, in: transaction)
            }
        }
    }

    private func accountLockedUntil(_ userID: Int64, now: Date) async throws -> Date? {
        let failures = try await AuthEventRepository(store: store).failedLogins(
            userID: userID, since: now.addingTimeInterval(-2 * settings.accountLockout.window),
            limit: settings.accountLockout.failures
        )
        return settings.accountLockout.lockedUntil(latestFailures: failures, now: now)
    }

    /// Exchanges a refresh token for a new pair. The old token is retired; presenting it again within the grace
    /// window returns the same new token (two tabs refreshing at once), and after it revokes the whole session.
    func refresh(token: String?, client: ClientInfo) async throws -> IssuedSession {
        guard let token, SecureToken.isWellFormed(token) else { throw Problem.sessionEnded }
        let now = clock.now
        let hash = SecureToken.hash(token)
        let sessions = SessionRepository(store: store)
        if let session = try await sessions.find(refreshTokenHash: hash) {
            guard session.isActive(at: now) else { throw Problem.sessionEnded }
            let user = try await signInAllowed(userID: session.userID)
            let next = SecureToken.generate()
            let sealed = try sealer.seal(next)
            // The new token and the old one's retirement land together or not at all: a token replaced but not
            // retired would end the session for a client that never received its successor.
            let rotated = try await store.inTransaction { transaction in
                guard try await SessionRepository(store: store, in: transaction).rotate(
                    sessionID: session.id, from: hash, to: SecureToken.hash(next), successorSealed: sealed, now: now
                ) else { return false }
                try await journal.record(.refresh, .success, user: user.id, client: client, in: transaction)
                return true
            }
            if rotated {
                let access = try await accessTokens.issue(userID: user.id, role: user.userType, session: session.family, now: now)
                return IssuedSession(accessToken: access, refreshToken: next, refreshExpiresAt: session.expiresAt, user: user)
            }
        }
        guard let retired = try await sessions.findRetired(tokenHash: hash) else {
            try await journal.record(.refresh, .failure, user: nil, client: client, detail: "unknown token")
            throw Problem.sessionEnded
        }
        let session = retired.session
        guard session.isActive(at: now) else { throw Problem.sessionEnded }
        if let sealed = retired.successorSealed, let successor = sealer.open(sealed),
           now.timeIntervalSince(retired.retiredAt) <= settings.refreshGraceWindow {
            let user = try await signInAllowed(userID: session.userID)
            try await journal.record(.refresh, .success, user: user.id, client: client, detail: "within grace window")
            let access = try await accessTokens.issue(userID: user.id, role: user.userType, session: session.family, now: now)
            return IssuedSession(accessToken: access, refreshToken: successor, refreshExpiresAt: session.expiresAt, user: user)
        }
        try await store.inTransaction { transaction in
            try await SessionRepository(store: store, in: transaction).revoke(sessionID: session.id, reason: .refreshTokenReuse, now: now)
            try await journal.record(.refresh, .reuse, user: session.userID, client: client, detail: "rotated token presented again; session revoked", in: transaction)
        }
        logger.warning("refresh token reuse: session revoked", metadata: ["user_id": "\(session.userID)"])
        throw Problem.refreshTokenReused
    }

    /// The account behind a session, if it may still be signed in.
    func signInAllowed(userID: Int64) async throws -> UserAccount {
        guard let user = try await UserRepository(store: store).find(id: userID) else { throw Problem.sessionEnded }
        switch user.verificationStatus {
        case .verified: return user
        case .pending: throw Problem.emailNotVerified
        case .suspended: throw Problem.accountSuspended
        }
    }

    /// The identity behind an access token: signed by this service, not expired, its session still open and its
    /// account still allowed in. A logged-out session's tokens are refused at once, not when they expire.
    func authenticate(bearer token: String) async throws -> Identity {
        let now = clock.now
        guard let claims = await accessTokens.verify(token, now: now), let userID = Int64(claims.sub.value),
              let session = try await SessionRepository(store: store).find(family: claims.sid),
              session.userID == userID, session.isActive(at: now)
        else { throw Problem.unauthenticated }
        let user: UserAccount
        do {
            user = try await signInAllowed(userID: userID)
        } catch {
            throw Problem.unauthenticated
        }
        return Identity(userID: user.id, role: user.userType, session: session.family)
    }
}
