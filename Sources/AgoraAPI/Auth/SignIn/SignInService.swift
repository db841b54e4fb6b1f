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
    let throttle: SignInThrottling
    let twoFactor: TwoFactorService
    let mail: AccountMail
    /// A real bcrypt hash at the configured cost, checked against when the email is unknown so that an unknown
    /// address takes as long to refuse as a wrong password.
    let decoyHash: String

    /// Checks an email and password and opens a session. An unknown email and a wrong password get the same answer
    /// in the same time. Repeated failures for one address ask for a CAPTCHA (`SignInThrottle`) and never lock the
    /// account; repeated failures from one network wait (`networkLockout`).
    func login(
        email raw: String, password: String, rememberMe: Bool, captcha answer: CaptchaAnswer, client: ClientInfo
    ) async throws -> SignInStep {
        let now = clock.now
        if let lockout = settings.networkLockout {
            let fromNetwork = try await AuthEventRepository(store: store).failedLogins(
                network: client.limitKey, since: now.addingTimeInterval(-2 * lockout.window), limit: lockout.failures
            )
            if let until = lockout.lockedUntil(latestFailures: fromNetwork, now: now) {
                try await journal.record(.login, .locked, user: nil, client: client, detail: "network locked")
                throw Problem.networkLocked(retryAfter: Int(ceil(until.timeIntervalSince(now))))
            }
        }
        let subject = SignInSubject(typed: raw)
        try await throttle.requireCaptchaIfNeeded(for: subject, answer: answer, client: client, now: now)
        guard let email = try? Email(raw),
              let credentials = try await UserRepository(store: store).credentials(email: email)
        else {
            _ = try await hasher.verify(password, hash: decoyHash)
            try await throttle.failed(subject, user: nil, client: client, detail: "unknown email")
            throw Problem.invalidCredentials
        }
        let user = try await standing(of: credentials.account)
        let matches = try await hasher.verify(password, hash: credentials.passwordHash ?? decoyHash)
        guard matches, credentials.passwordHash != nil else {
            try await throttle.failed(subject, user: user, client: client, detail: "wrong password")
            throw Problem.invalidCredentials
        }
        switch user.verificationStatus {
        case .pending:
            try await journal.record(.login, .locked, user: user.id, client: client, subject: subject, detail: "email not verified")
            throw Problem.emailNotVerified
        case .suspended:
            try await journal.record(.login, .locked, user: user.id, client: client, subject: subject, detail: "suspended")
            throw Problem.accountSuspended
        case .verified:
            return try await store.inTransaction { transaction in
                try await journal.record(.login, .success, user: user.id, client: client, subject: subject, in: transaction)
                return try await issuer.begin(for: user, rememberMe: rememberMe, client: client, in: transaction)
            }
        }
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
        guard let found = try await UserRepository(store: store).find(id: userID) else { throw Problem.sessionEnded }
        let user = try await standing(of: found)
        switch user.verificationStatus {
        case .verified: return user
        case .pending: throw Problem.emailNotVerified
        case .suspended: throw Problem.accountSuspended
        }
    }

    /// The account as it stands now: a suspension that ran out is lifted here rather than at the next hourly
    /// clean-up, so its owner is not kept out for the rest of the hour.
    func standing(of user: UserAccount) async throws -> UserAccount {
        guard user.verificationStatus == .suspended,
              !(try await SuspensionRepository(store: store).liftExpired(now: clock.now, userID: user.id)).isEmpty
        else { return user }
        return try await UserRepository(store: store).find(id: user.id) ?? user
    }

    /// The identity behind an access token: signed by this service, not expired, its session still open and its
    /// account still allowed in. A logged-out session's tokens are refused at once, not when they expire.
    func authenticate(bearer token: String) async throws -> Identity {
        let now = clock.now
        guard let claims = await accessTokens.verify(token, now: now), let userID = Int64(claims.sub.value) else { throw Problem.unauthenticated }
        if let viewer = claims.viewer { return try await viewing(userID, by: viewer, session: claims.sid, now: now) }
        guard let session = try await SessionRepository(store: store).find(family: claims.sid),
              session.userID == userID, session.isActive(at: now)
        else { throw Problem.unauthenticated }
        let user: UserAccount
        do {
            user = try await signInAllowed(userID: userID)
        } catch {
            throw Problem.unauthenticated
        }
        return Identity(
            userID: user.id, role: user.userType, session: session.family, secondFactor: session.secondFactorAt != nil,
            reauthenticatedAt: session.reauthenticatedAt
        )
    }

    /// A staff member's read-only view of an account: it holds while their session is open with two factors and
    /// their role still allows `users.impersonate`, whatever the account's own standing.
    private func viewing(_ userID: Int64, by viewer: String, session family: String, now: Date) async throws -> Identity {
        guard let staffID = Int64(viewer), let session = try await SessionRepository(store: store).find(family: family),
              session.userID == staffID, session.isActive(at: now), session.secondFactorAt != nil,
              try await StaffRepository(store: store).access(of: staffID, to: .usersImpersonate)?.permitted == true,
              let user = try await UserRepository(store: store).find(id: userID)
        else { throw Problem.unauthenticated }
        var identity = Identity(userID: user.id, role: user.userType, session: family, secondFactor: false, reauthenticatedAt: .distantPast)
        identity.viewedBy = staffID
        return identity
    }

    /// A token for a staff member's read-only view of an account, in the staff member's session, good for
    /// `ViewAsRoutes.lifetime`.
    func viewToken(of user: UserAccount, by staff: Identity) async throws -> String {
        try await accessTokens.issue(
            userID: user.id, role: user.userType, session: staff.session, now: clock.now, viewer: staff.userID, lifetime: ViewAsRoutes.lifetime
        )
    }
}
