import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Every `interval`, lets back in the accounts whose suspension ran out, and deletes what sign-in no longer needs:
/// expired verification and reset tokens and second-factor challenges, sessions that
/// ended more than `sessionRetention` ago (kept a while so the security log can still name them), and the sealed
/// successors of rotated refresh tokens past their grace window, and outbox messages that left the queue more than
/// `outboxRetention` ago, rate-limit hits no window reaches any more, and the kept answers of money-moving requests
/// past `IdempotentRequestLog.retention`.
public struct AccountCleanupJob: PeriodicJob {
    let store: Store
    let clock: any AgoraClock
    public let interval: Duration
    let sessionRetention: TimeInterval
    let outboxRetention: TimeInterval
    public let logger: Logger
    public let name = "account clean-up"

    /// The longest refresh grace window `agora serve` accepts (`AGORA_REFRESH_GRACE_SECONDS`); a successor is kept
    /// that long at least, and the refresh route checks the window's own length itself.
    public static let longestGraceWindow: TimeInterval = 300

    public init(
        store: Store, clock: any AgoraClock = SystemClock(), interval: Duration = .seconds(3_600),
        sessionRetention: TimeInterval = 30 * 24 * 3_600, outboxRetention: TimeInterval = 30 * 24 * 3_600,
        logger: Logger = Logger(label: "agora.jobs.cleanup")
    ) {
        self.store = store
        self.clock = clock
        self.interval = interval
        self.sessionRetention = sessionRetention
        self.outboxRetention = outboxRetention
        self.logger = logger
    }

    /// One pass; returns what it removed, for the log and the tests.
    @discardableResult
    public func runOnce() async throws -> (tokens: Int, sessions: Int, emails: Int) {
        let now = clock.now
        let restored = try await SuspensionRepository(store: store).liftExpired(now: now)
        if !restored.isEmpty { logger.info("suspensions ran out", metadata: ["accounts": "\(restored.count)"]) }
        var tokens = 0
        for purpose in [OneTimeTokenPurpose.emailVerification, .passwordReset, .signInLink] {
            tokens += try await OneTimeTokenRepository(purpose, store: store).deleteExpired(now: now)
        }
        tokens += try await SecondFactorChallengeRepository(store: store).deleteExpired(before: now)
        let sessions = SessionRepository(store: store)
        let ended = try await sessions.deleteFinished(before: now.addingTimeInterval(-sessionRetention))
        try await sessions.dropSuccessors(retiredBefore: now.addingTimeInterval(-Self.longestGraceWindow))
        let emails = try await EmailOutbox(store: store).purge(finishedBefore: now.addingTimeInterval(-outboxRetention))
        try await RateLimitHits(store: store).purge(before: now.addingTimeInterval(-RateLimitHits.retention))
        try await ProfileViews(store: store).forgetOld(now: now)
        _ = try await IdempotentRequestLog(store: store).prune(now: now)
        if tokens + ended + emails > 0 {
            logger.info("account clean-up", metadata: ["tokens": "\(tokens)", "sessions": "\(ended)", "emails": "\(emails)"])
        }
        return (tokens, ended, emails)
    }
}
