import AgoraDomain
import AgoraStore
import Foundation

/// Registration: opening pending accounts, confirming their addresses (which signs the person in), new
/// verification links, and the register form's live check of an address.
struct RegistrationService: Sendable {
    let store: Store
    let settings: AuthSettings
    let hasher: any PasswordHasher
    let captcha: Captcha
    let rateLimiter: RateLimiter
    let issuer: SessionIssuer
    let journal: AuthJournal
    let mail: AccountMail
    let clock: any AgoraClock
    /// Whether sign-ups are open (`features.registration`).
    let platformSettings: LivePlatformSettings

    /// Opens a pending account and queues its verification email. An address that already has an account gets the
    /// same answer, and its owner an email saying someone tried: the answer never tells whether an address is known.
    /// The hourly limit per address counts valid forms only: a person correcting typos is not slowed down, and
    /// invalid forms cost no bcrypt work.
    func register(_ form: RegistrationForm, captchaChallenge: String?, captchaSolution: String?, client: ClientInfo) async throws {
        guard platformSettings.current.isOn(.registrationOpen) else { throw Problem.registrationClosed }
        var problems: [FieldError] = []
        var registration: Registration?
        do {
            registration = try form.validated(current: settings.legal)
        } catch let error as ValidationError {
            problems += error.errors
        }
        do {
            try await captcha.check(challenge: captchaChallenge, solution: captchaSolution, remoteIP: client.ipAddress)
        } catch let error as ValidationError {
            problems += error.errors
        }
        guard problems.isEmpty, let registration else { throw ValidationError(problems) }
        try await rateLimiter.hit(.registration, key: client.limitKey)
        // Hashing happens for a known address too, so both answers take the same time.
        let hash = try await hasher.hash(registration.password)
        let now = clock.now
        let token = SecureToken.generate()
        try await store.inTransaction { transaction in
            let users = UserRepository(store: store, in: transaction)
            if let existing = try await users.find(email: registration.email) {
                try await mail.queue("signup-attempt", to: existing, values: [
                    "login_link": mail.link(PagePaths.login), "reset_link": mail.link(PagePaths.forgotPassword),
                ], in: transaction)
                try await journal.record(.register, .failure, user: existing.id, client: client, detail: "email already registered", in: transaction)
                return
            }
            let id = try await users.insert(NewUser(
                firstName: registration.firstName.value, lastName: registration.lastName.value, email: registration.email,
                passwordHash: hash, phone: registration.phone.e164, countryCode: registration.phone.countryCode,
                userType: registration.userType, verificationStatus: .pending, legal: registration.legal
            ), now: now)
            guard let user = try await users.find(id: id) else { throw StoreError.notFound("the new account") }
            if registration.userType == .provider {
                try await ProfileRepository.createDraft(
                    for: id, firstName: user.firstName, lastName: user.lastName, now: now, in: transaction, store: store
                )
            }
            try await OneTimeTokenRepository(.emailVerification, store: store, in: transaction).insert(
                userID: id, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(settings.verificationTokenLifetime), now: now
            )
            try await mail.queue("verification", to: user, values: ["link": mail.link(PagePaths.verifyEmail, ["token": token])], in: transaction)
            try await journal.record(.register, .success, user: id, client: client, in: transaction)
        }
    }

    /// Confirms the address behind a verification link, and signs the person in.
    func verifyEmail(token: String, client: ClientInfo) async throws -> IssuedSession {
        let now = clock.now
        return try await journal.redeemLink(token, kind: .verifyEmail, client: client) { transaction in
            let tokens = OneTimeTokenRepository(.emailVerification, store: store, in: transaction)
            switch try await tokens.redeem(tokenHash: SecureToken.hash(token), now: now) {
            case .unknown:
                return .failure(.invalidLink)
            case .expired(let userID):
                try await journal.record(.verifyEmail, .failure, user: userID, client: client, detail: "expired", in: transaction)
                return .failure(.expiredLink)
            case .redeemed(let userID):
                let users = UserRepository(store: store, in: transaction)
                try await users.markVerified(userID: userID, now: now)
                try await tokens.deleteAll(userID: userID)
                guard let user = try await users.find(id: userID) else { return .failure(.invalidLink) }
                guard user.verificationStatus == .verified else { return .failure(.accountSuspended) }
                try await mail.queue("welcome", to: user, values: ["link": mail.link("/")], in: transaction)
                try await journal.record(.verifyEmail, .success, user: userID, client: client, in: transaction)
                return .success(try await issuer.start(for: user, rememberMe: false, secondFactor: false, client: client, in: transaction))
            }
        }
    }

    /// Sends a new verification link to a pending account. Always answers the same, known address or not.
    func resendVerification(email raw: String, client: ClientInfo) async throws {
        let email = try Email(raw)
        try await rateLimiter.hit(.verificationResend, key: client.limitKey)
        try await rateLimiter.hit(.verificationResend, key: email.value)
        let now = clock.now
        try await store.inTransaction { transaction in
            guard let user = try await UserRepository(store: store, in: transaction).find(email: email),
                  user.verificationStatus == .pending
            else { return }
            let token = SecureToken.generate()
            try await OneTimeTokenRepository(.emailVerification, store: store, in: transaction).insert(
                userID: user.id, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(settings.verificationTokenLifetime), now: now
            )
            try await mail.queue("verification", to: user, values: ["link": mail.link(PagePaths.verifyEmail, ["token": token])], in: transaction)
            try await journal.record(.resendVerification, .success, user: user.id, client: client, in: transaction)
        }
    }

    /// Whether an address is free, for the register form's live check. Rate-limited hard, because it does tell.
    func isEmailAvailable(_ raw: String, client: ClientInfo) async throws -> Bool {
        try await rateLimiter.hit(.emailAvailability, key: client.limitKey)
        let email = try Email(raw)
        return try await UserRepository(store: store).find(email: email) == nil
    }
}
