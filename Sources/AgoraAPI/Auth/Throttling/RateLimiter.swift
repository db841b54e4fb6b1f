import AgoraDomain
import Foundation

/// A sliding-window limit: at most `limit` hits per `window` seconds for one key.
struct RateLimit: Sendable, Hashable {
    let name: String
    let limit: Int
    let window: TimeInterval

    static let registration = RateLimit(name: "register", limit: 5, window: 3_600)
    static let emailAvailability = RateLimit(name: "email-available", limit: 10, window: 60)
    static let verificationResend = RateLimit(name: "resend-verification", limit: 5, window: 3_600)
    static let passwordResetRequest = RateLimit(name: "forgot-password", limit: 10, window: 3_600)
    static let passwordReset = RateLimit(name: "reset-password", limit: 10, window: 15 * 60)
    static let passwordChange = RateLimit(name: "change-password", limit: 5, window: 15 * 60)
    static let searchClick = RateLimit(name: "search-click", limit: 120, window: 60)
}

/// Counts hits per limit and key in this process: the embedded default. With several `agora serve` instances
/// each counts its own share, so a client behind a balancer gets up to N times the limit; the lockouts that
/// matter most (failed logins) are counted in the database and hold across instances.
actor RateLimiter {
    private var hits: [String: [Date]] = [:]
    private let clock: any AgoraClock

    init(clock: any AgoraClock) {
        self.clock = clock
    }

    /// Records a hit, or throws a 429 problem with `Retry-After` when the key is over its limit.
    func hit(_ limit: RateLimit, key: String) throws {
        let now = clock.now
        let slot = "\(limit.name)|\(key)"
        let recent = (hits[slot] ?? []).filter { now.timeIntervalSince($0) < limit.window }
        if recent.count >= limit.limit, let oldest = recent.first {
            hits[slot] = recent
            let wait = Int(ceil(limit.window - now.timeIntervalSince(oldest)))
            throw Problem(
                status: .tooManyRequests, detail: "Too many attempts. Try again in \(Self.describe(seconds: wait)).",
                type: .rateLimited, retryAfter: max(wait, 1)
            )
        }
        hits[slot] = recent + [now]
        if hits.count > 50_000 { prune(now: now) }
    }

    private func prune(now: Date) {
        hits = hits.filter { _, times in times.contains { now.timeIntervalSince($0) < 3_600 } }
    }

    static func describe(seconds: Int) -> String {
        seconds < 90 ? "\(max(seconds, 1)) seconds" : "\(Int((Double(seconds) / 60).rounded(.up))) minutes"
    }
}
