import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation

/// Passwords: reset links, resetting from one, and changing the password of a signed-in account. Each change ends
/// the sessions it should and tells the owner.
struct PasswordService: Sendable {
    let store: Store
    let settings: AuthSettings
    let hasher: any PasswordHasher
    let rateLimiter: RateLimiter
    let journal: AuthJournal
    let mail: AccountMail
    let clock: any AgoraClock

    /// Sends a reset link when the address has an account, at most three per hour per address. The answer is the
    /// same either way.
    func forgotPassword(email raw: String, client: ClientInfo) async throws {
        let email = try Email(raw)
        try await rateLimiter.hit(.passwordResetRequest, key: client.limitKey)
        let now = clock.now
        try await store.inTransaction { transaction in
            guard let user = try await UserRepository(store: store, in: transaction).find(email: email), user.verificationStatus != .suspended else {
                try await journal.record(.forgotPassword, .failure, user: nil, client: client, detail: "unknown email", in: transaction)
                return
            }
            let resets = OneTimeTokenRepository(.passwordReset, store: store, in: transaction)
            guard try await resets.count(userID: user.id, since: now.addingTimeInterval(-3_600)) < Self.resetsPerHour else {
                try await journal.record(.forgotPassword, .locked, user: user.id, client: client, detail: "hourly limit", in: transaction)
                return
            }
            let token = SecureToken.generate()
            try await resets.insert(userID: user.id, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(settings.resetTokenLifetime), now: now)
            try await mail.queue("password-reset", to: user, values: ["link": mail.link(PagePaths.resetPassword, ["token": token])], in: transaction)
            try await journal.record(.forgotPassword, .success, user: user.id, client: client, in: transaction)
        }
    }

    static let resetsPerHour = 3

    /// Sets a new password from a reset link: every session ends, the link and its siblings are used up, and the
    /// owner is told. A pending account becomes verified, since the link proves the inbox is theirs. The new password
    /// is hashed only once the link is known to be good: a made-up token costs a lookup, never a hash.
    func resetPassword(token: String?, newPassword: String?, client: ClientInfo) async throws {
        try await rateLimiter.hit(.passwordReset, key: client.limitKey)
        var errors: [FieldError] = []
        if token == nil { errors.append(FieldError(field: "token", message: "is required")) }
        if let newPassword { errors += PasswordPolicy.problems(with: newPassword, field: "password") } else {
            errors.append(FieldError(field: "password", message: "is required"))
        }
        guard errors.isEmpty, let token, let newPassword else { throw ValidationError(errors) }
        guard SecureToken.isWellFormed(token) else { throw Problem.invalidLink }
        switch try await OneTimeTokenRepository(.passwordReset, store: store).state(tokenHash: SecureToken.hash(token), now: clock.now) {
        case .unknown:
            try await journal.record(.resetPassword, .failure, user: nil, client: client, detail: "unknown token")
            throw Problem.invalidLink
        case .expired(let userID):
            try await journal.record(.resetPassword, .failure, user: userID, client: client, detail: "expired")
            throw Problem.expiredLink
        case .valid:
            break
        }
        let hash = try await hasher.hash(newPassword)
        let now = clock.now
        let outcome: Problem? = try await store.inTransaction { transaction in
            let resets = OneTimeTokenRepository(.passwordReset, store: store, in: transaction)
            switch try await resets.redeem(tokenHash: SecureToken.hash(token), now: now) {
            case .unknown:
                return .invalidLink
            case .expired(let userID):
                try await journal.record(.resetPassword, .failure, user: userID, client: client, detail: "expired", in: transaction)
                return .expiredLink
            case .redeemed(let userID):
                let users = UserRepository(store: store, in: transaction)
                try await users.setPasswordHash(hash, userID: userID, now: now)
                try await users.markVerified(userID: userID, now: now)
                try await resets.deleteAll(userID: userID)
                try await SessionRepository(store: store, in: transaction).revokeAll(userID: userID, reason: .passwordReset, now: now)
                guard let user = try await users.find(id: userID) else { return .invalidLink }
                try await notifyPasswordChanged(user, how: "reset", in: transaction)
                try await journal.record(.resetPassword, .success, user: userID, client: client, subject: SignInSubject(user.email), in: transaction)
                return nil
            }
        }
        if let outcome {
            if outcome == .invalidLink { try await journal.record(.resetPassword, .failure, user: nil, client: client, detail: "unknown token") }
            throw outcome
        }
    }

    /// Changes the password of a signed-in account: the current one is required, every other session ends.
    func changePassword(_ identity: Identity, current: String?, new: String?, client: ClientInfo) async throws {
        try await rateLimiter.hit(.passwordChange, key: String(identity.userID))
        var errors: [FieldError] = []
        if current == nil { errors.append(FieldError(field: "current_password", message: "is required")) }
        if let new { errors += PasswordPolicy.problems(with: new, field: "new_password") } else {
            errors.append(FieldError(field: "new_password", message: "is required"))
        }
        if let current, let new, current == new {
            errors.append(FieldError(field: "new_password", message: "must differ from the current password"))
        }
        guard errors.isEmpty, let current, let new else { throw ValidationError(errors) }
        guard let credentials = try await UserRepository(store: store).credentials(id: identity.userID) else { throw Problem.unauthenticated }
        guard let stored = credentials.passwordHash, try await hasher.verify(current, hash: stored) else {
            try await journal.record(.changePassword, .failure, user: identity.userID, client: client, detail: "wrong current password")
            throw ValidationError(field: "current_password", message: "is not your current password")
        }
        let hash = try await hasher.hash(new)
        let now = clock.now
        try await store.inTransaction { transaction in
            try await UserRepository(store: store, in: transaction).setPasswordHash(hash, userID: identity.userID, now: now)
            let sessions = SessionRepository(store: store, in: transaction)
            let keep = try await sessions.find(family: identity.session)?.id
            try await sessions.revokeAll(userID: identity.userID, keeping: keep, reason: .passwordChanged, now: now)
            try await notifyPasswordChanged(credentials.account, how: "changed", in: transaction)
            try await journal.record(.changePassword, .success, user: identity.userID, client: client, in: transaction)
        }
    }

    private func notifyPasswordChanged(_ user: UserAccount, how: String, in transaction: StoreTransaction) async throws {
        try await mail.notify(
            .passwordChanged, to: user, title: "Your password was \(how)",
            message: "If it was not you, reset your password at once and look at where you are signed in.", link: PagePaths.securitySettings,
            values: ["how": how, "when": EmailComposer.moment(clock.now), "reset_link": mail.link(PagePaths.forgotPassword)], in: transaction
        )
    }
}
