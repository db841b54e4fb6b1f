import AgoraDomain
import AgoraStore
import Foundation

/// A sliding-window limit: at most `limit` hits per `window` seconds for one key. The quotas on what an account can
/// multiply take their limit from the platform settings, so staff can change them while the service runs.
struct RateLimit: Sendable, Hashable {
    enum Limit: Sendable, Hashable {
        case fixed(Int)
        case setting(PlatformSetting)
    }

    let name: String
    let limit: Limit
    let window: TimeInterval

    static let registration = RateLimit(name: "register", limit: .fixed(5), window: 3_600)
    static let emailAvailability = RateLimit(name: "email-available", limit: .fixed(10), window: 60)
    static let verificationResend = RateLimit(name: "resend-verification", limit: .fixed(5), window: 3_600)
    static let passwordResetRequest = RateLimit(name: "forgot-password", limit: .fixed(10), window: 3_600)
    static let passwordReset = RateLimit(name: "reset-password", limit: .fixed(10), window: 15 * 60)
    static let passwordChange = RateLimit(name: "change-password", limit: .fixed(5), window: 15 * 60)
    static let searchClick = RateLimit(name: "search-click", limit: .fixed(120), window: 60)
    /// Searches and suggestions the answer cache could not serve, per client: the ones that cost the database.
    static let uncachedSearch = RateLimit(name: "uncached-search", limit: .fixed(120), window: 60)
    /// Quotas on what an account can multiply, per day.
    static let orderPosting = RateLimit(name: "post-order", limit: .setting(.ordersPerDay), window: 86_400)
    static let proposalSending = RateLimit(name: "send-proposal", limit: .setting(.proposalsPerDay), window: 86_400)
    static let fileUpload = RateLimit(name: "upload-file", limit: .setting(.uploadsPerDay), window: 86_400)
    /// The chat's flood limit, per member and room.
    static let chatMessage = RateLimit(name: "chat-message", limit: .fixed(ChatRules.floodMessages), window: ChatRules.floodWindow)

    init(name: String, limit: Limit, window: TimeInterval) {
        precondition(window <= RateLimitHits.retention, "the clean-up keeps hits for \(RateLimitHits.retention) seconds")
        self.name = name
        self.limit = limit
        self.window = window
    }

    /// The number of hits allowed per window under `settings`.
    func count(under settings: PlatformSettings) -> Int {
        switch limit {
        case .fixed(let count): count
        case .setting(let setting): settings.number(setting)
        }
    }
}

/// Counts hits per limit and key in the database (`RateLimitHits`), so that every instance of the service enforces
/// one limit: a client behind a balancer gets the limit once, not once per instance.
/// With `enabled` false (`AGORA_RATE_LIMITS=off`, refused in production) nothing is counted: for benchmarks and
/// contract fuzzing, which send more than any person would.
struct RateLimiter: Sendable {
    let hits: RateLimitHits
    let clock: any AgoraClock
    let settings: LivePlatformSettings
    let enabled: Bool

    init(store: Store, clock: any AgoraClock, settings: LivePlatformSettings, enabled: Bool = true) {
        hits = RateLimitHits(store: store)
        self.clock = clock
        self.settings = settings
        self.enabled = enabled
    }

    /// A quota on an amount rather than a count (bytes uploaded in a day): throws a 429 problem when `used` plus
    /// `adding` would pass `limit`, with `Retry-After` until the earliest counted item leaves the window.
    func checkAmount(used: Int64, adding: Int64, limit: Int64, window: TimeInterval, earliest: Date?, what: String) throws {
        guard enabled, used + adding > limit else { return }
        let wait = earliest.map { Int(ceil(window - clock.now.timeIntervalSince($0))) } ?? Int(window)
        throw Problem(
            status: .tooManyRequests, detail: "\(what) Try again in \(Self.describe(seconds: wait)).",
            type: .rateLimited, retryAfter: max(wait, 1)
        )
    }

    /// Records a hit, or throws a 429 problem with `Retry-After` when the key is over its limit.
    func hit(_ limit: RateLimit, key: String) async throws {
        guard enabled else { return }
        let now = clock.now
        guard case .refused(let oldest) = try await hits.hit(
            name: limit.name, key: key, limit: limit.count(under: settings.current), window: limit.window, now: now
        ) else {
            return
        }
        let wait = Int(ceil(limit.window - now.timeIntervalSince(oldest)))
        throw Problem(
            status: .tooManyRequests, detail: "Too many attempts. Try again in \(Self.describe(seconds: wait)).",
            type: .rateLimited, retryAfter: max(wait, 1)
        )
    }

    static func describe(seconds: Int) -> String {
        seconds < 90 ? "\(max(seconds, 1)) seconds" : "\(Int((Double(seconds) / 60).rounded(.up))) minutes"
    }
}
