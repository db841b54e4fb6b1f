import AgoraDomain
import Foundation

/// Every number and secret of sign-in, with the values a production service uses. `agora serve` reads the
/// overrides from the environment (see the README's configuration table).
public struct AuthSettings: Sendable {
    /// bcrypt's work factor: each step doubles the time of a hash. 14 takes about a second on one core here.
    public var bcryptCost: Int = 14
    /// The key that signs access tokens (HS256) and seals what the service keeps secret in the database: the refresh
    /// tokens kept for the grace window and the authenticator secrets of two-factor sign-in.
    public var signingKey: [UInt8]
    public var accessTokenLifetime: TimeInterval = 15 * 60
    public var refreshTokenLifetime: TimeInterval = 7 * 24 * 3_600
    public var rememberedRefreshTokenLifetime: TimeInterval = 30 * 24 * 3_600
    /// How long a rotated refresh token still returns its successor, so two tabs refreshing at once both stay in.
    public var refreshGraceWindow: TimeInterval = 20
    /// The most sessions one account may hold; signing in once more ends the oldest.
    public var sessionCap: Int = 10
    /// Failed sign-ins to one address, whether it has an account or not: never a lock, a growing CAPTCHA.
    public var signInThrottle = SignInThrottle()
    /// Failed logins from one network (an IPv4 address, an IPv6 /64), whatever the accounts: stops credential stuffing
    /// from one source. Nil when limits are off (`AGORA_RATE_LIMITS=off`).
    public var networkLockout: LockoutRule? = .network
    /// How long a password sign-in waits for its second factor, and how many wrong codes one challenge allows.
    public var secondFactorChallengeLifetime: TimeInterval = defaultSecondFactorChallengeLifetime
    public var secondFactorChallengeAttempts = defaultSecondFactorChallengeAttempts
    static let defaultSecondFactorChallengeLifetime: TimeInterval = 5 * 60
    static let defaultSecondFactorChallengeAttempts = 5
    /// Wrong second-factor codes per account, across challenges and sessions, within `secondFactorFailureWindow`
    /// before the next code must wait.
    public var secondFactorFailureLimit = 10
    public var secondFactorFailureWindow: TimeInterval = 15 * 60
    /// How long proving who one is (signing in, or again) allows dangerous actions: changing staff roles and
    /// permissions, new recovery codes, turning two factors off.
    public var reauthenticationWindow: TimeInterval = defaultReauthenticationWindow
    static let defaultReauthenticationWindow: TimeInterval = 10 * 60
    /// The name authenticator apps show beside the account.
    public var twoFactorIssuer = "Agora"
    public var verificationTokenLifetime: TimeInterval = 24 * 3_600
    public var resetTokenLifetime: TimeInterval = 3_600
    public var legal = LegalVersions(terms: "2026-11-01", privacy: "2026-11-01")
    public var captcha: CaptchaMode = .proofOfWork(difficulty: 18)
    /// The public address of the site, used in email links (`https://agora.example`).
    public var publicBaseURL: String = "http://127.0.0.1:8080"
    /// Cookies carry `Secure` when the public URL is https: the scheme the browser sees, not the `Host` header a
    /// proxy forwards. `agora serve` refuses an http public URL in production.
    public var secureCookies: Bool { publicBaseURL.lowercased().hasPrefix("https://") }
    /// "Sign in with Google" (any OpenID Connect issuer); nil turns it off.
    public var oidc: OIDCSettings?

    /// Keys signed with before the current one (`AGORA_JWT_PREVIOUS_SECRET`): what they signed or sealed is still
    /// accepted — access tokens until they expire, refresh successors, unsubscribe links.
    public var previousSigningKeys: [[UInt8]] = []

    public init(signingKey: [UInt8]) {
        self.signingKey = signingKey
    }
}

/// What repeated failed sign-ins to one address cost, with no lever for an attacker: the account is never locked, so
/// the right password always gets in. After `failuresBeforeCaptcha` failures within `window` (since the address's last
/// sign-in), every attempt for that address must carry a solved CAPTCHA, whose proof of work doubles with each further
/// failure up to `maximumExtraBits` more bits; the owner is emailed a one-time sign-in link, valid `linkLifetime`, once
/// per window. An address without an account is counted and answered the same way, so answers tell nothing.
public struct SignInThrottle: Sendable, Hashable {
    public var failuresBeforeCaptcha = 5
    public var window: TimeInterval = 15 * 60
    public var maximumExtraBits = 4
    public var linkLifetime: TimeInterval = 15 * 60

    public init() {}

    /// The extra proof-of-work bits the next attempt needs after `failures`, or nil when it needs no CAPTCHA.
    public func extraBits(afterFailures failures: Int) -> Int? {
        guard failures >= failuresBeforeCaptcha else { return nil }
        return min(failures - failuresBeforeCaptcha, maximumExtraBits)
    }
}

/// After `failures` failed attempts within `window` seconds, further attempts wait until `window` seconds after
/// the last failure.
public struct LockoutRule: Sendable, Hashable {
    public var failures: Int
    public var window: TimeInterval

    /// Failed sign-ins from one network.
    public static let network = LockoutRule(failures: 20, window: 15 * 60)

    public init(failures: Int, window: TimeInterval) {
        self.failures = failures
        self.window = window
    }

    /// When the lock ends, given the latest failures (newest first), or nil when there is no lock at `now`.
    public func lockedUntil(latestFailures: [Date], now: Date) -> Date? {
        guard latestFailures.count >= failures, let newest = latestFailures.first else { return nil }
        let oldest = latestFailures[failures - 1]
        guard newest.timeIntervalSince(oldest) <= window else { return nil }
        let end = newest.addingTimeInterval(window)
        return end > now ? end : nil
    }
}

/// How registrations prove a person is behind them.
public enum CaptchaMode: Sendable, Hashable {
    /// An embedded proof-of-work challenge: the browser finds a number whose hash with the challenge starts with
    /// `difficulty` zero bits (about a second of work at 18), which makes scripted sign-ups expensive.
    case proofOfWork(difficulty: Int)
    /// A widget of hCaptcha or Cloudflare Turnstile on the page, its token checked with the service's `siteverify`.
    case hosted(HostedCaptcha)
    /// No check, for automated test environments; refused when `AGORA_ENVIRONMENT=production`.
    case off
}

/// A CAPTCHA service that shows its own widget and verifies its tokens over HTTP.
public struct HostedCaptcha: Sendable, Hashable {
    public enum Service: String, Sendable, CaseIterable {
        case hcaptcha
        case turnstile

        /// Where the service checks a token (`secret`, `response`, `remoteip` as a form; `{"success": true}` back).
        var verifyURL: String {
            switch self {
            case .hcaptcha: "https://api.hcaptcha.com/siteverify"
            case .turnstile: "https://challenges.cloudflare.com/turnstile/v0/siteverify"
            }
        }

        /// The origins the widget loads its script, frames, styles and requests from, which the register page's
        /// Content-Security-Policy must allow (as each service documents).
        var widgetOrigins: [String] {
            switch self {
            case .hcaptcha: ["https://hcaptcha.com", "https://*.hcaptcha.com"]
            case .turnstile: ["https://challenges.cloudflare.com"]
            }
        }
    }

    public let service: Service
    public let siteKey: String
    public let secret: String
    /// The service's verification endpoint; another one only for a proxy in front of it.
    public var verifyURL: String

    public init(service: Service, siteKey: String, secret: String) {
        self.service = service
        self.siteKey = siteKey
        self.secret = secret
        self.verifyURL = service.verifyURL
    }
}
