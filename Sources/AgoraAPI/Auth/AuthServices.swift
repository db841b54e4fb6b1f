import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Logging

/// Accounts and sign-in, by concern: registration, signing in and sessions, passwords, two-factor sign-in, and
/// sign-in through an OpenID Connect issuer. Routes decode and encode; everything they may do to an account goes through one of these.
/// They share the pieces every concern needs — the authentication log, the account emails, the session issuer —
/// and take the rate limiter and the CAPTCHA from whoever builds them.
struct AuthServices: Sendable {
    let registration: RegistrationService
    let signIn: SignInService
    let passwords: PasswordService
    let social: SocialSignInService
    let twoFactor: TwoFactorService
    /// The emails about accounts, for the other parts of the API that write to an account's owner.
    let mail: AccountMail
    let settings: AuthSettings

    init(
        store: Store, settings: AuthSettings, mail composer: EmailComposer, rateLimiter: RateLimiter, captcha: Captcha,
        platformSettings: LivePlatformSettings, clock: any AgoraClock, logger: Logger, hasher: (any PasswordHasher)? = nil
    ) async throws {
        let hasher = hasher ?? BcryptPasswordHasher(cost: settings.bcryptCost)
        let accessTokens = await AccessTokens(signingKey: settings.signingKey, previousKeys: settings.previousSigningKeys, lifetime: settings.accessTokenLifetime)
        let sealer = TokenSealer(signingKey: settings.signingKey, previousKeys: settings.previousSigningKeys)
        let journal = AuthJournal(store: store, clock: clock, logger: logger)
        let mail = AccountMail(store: store, composer: composer, clock: clock)
        self.mail = mail
        let issuer = SessionIssuer(store: store, settings: settings, accessTokens: accessTokens, clock: clock)
        self.settings = settings
        twoFactor = TwoFactorService(
            store: store,
            sealer: TokenSealer(signingKey: settings.signingKey, previousKeys: settings.previousSigningKeys, purpose: .authenticatorSecret),
            journal: journal, clock: clock, issuerName: settings.twoFactorIssuer,
            failureLimit: settings.secondFactorFailureLimit, failureWindow: settings.secondFactorFailureWindow
        )
        registration = RegistrationService(
            store: store, settings: settings, hasher: hasher, captcha: captcha, rateLimiter: rateLimiter, issuer: issuer,
            journal: journal, mail: mail, clock: clock, platformSettings: platformSettings
        )
        signIn = SignInService(
            store: store, settings: settings, hasher: hasher, accessTokens: accessTokens, sealer: sealer, issuer: issuer,
            journal: journal, clock: clock, logger: logger,
            throttle: SignInThrottling(store: store, rule: settings.signInThrottle, captcha: captcha, journal: journal, mail: mail, clock: clock),
            twoFactor: twoFactor, mail: mail,
            decoyHash: try await hasher.hash(SecureToken.generate())
        )
        passwords = PasswordService(
            store: store, settings: settings, hasher: hasher, rateLimiter: rateLimiter, journal: journal, mail: mail, clock: clock
        )
        social = SocialSignInService(
            provider: settings.oidc.map { OIDCProvider(settings: $0, redirectURI: composer.baseURL + OIDCRoutesPaths.callback, clock: clock) },
            store: store, settings: settings, sealer: sealer, sessions: issuer, journal: journal, mail: mail, clock: clock, logger: logger,
            platformSettings: platformSettings
        )
    }

    /// What dangerous actions anywhere in the API sit behind: a recent proof of who is asking.
    var recentAuthentication: RecentAuthenticationMiddleware {
        RecentAuthenticationMiddleware(window: settings.reauthenticationWindow, clock: signIn.clock)
    }
}
