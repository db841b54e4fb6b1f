import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Logging

/// Keeps the double-blind promise's other half: when a project's review window (`reviews.window-days`) closes, the
/// reviews written in it publish even though the other party never wrote theirs. And reminds the parties who have not
/// reviewed (`ReviewRepository.remindDue`), and recomputes ratings untouched for `ratingAge` as their reviews age.
public struct ReviewPublicationJob: PeriodicJob {
    let store: Store
    let settings: LivePlatformSettings
    let announcer: ReviewAnnouncer
    let clock: any AgoraClock
    public let interval: Duration
    public let logger: Logger
    public let name = "review publication"

    /// Projects published and reminded, and ratings recomputed, per pass at most, each.
    static let batchSize = 200
    /// How long a rating stands before it is recomputed for its reviews' age.
    public static let ratingAge: TimeInterval = 30 * 86_400

    public init(
        store: Store, settings: LivePlatformSettings, announcer: ReviewAnnouncer, clock: any AgoraClock = SystemClock(),
        interval: Duration = .seconds(300), logger: Logger = Logger(label: "agora.jobs.review-publication")
    ) {
        self.store = store
        self.settings = settings
        self.announcer = announcer
        self.clock = clock
        self.interval = interval
        self.logger = logger
    }

    /// What one pass did.
    public struct Pass: Sendable, Equatable {
        public let published: Int
        public let reminded: Int
        public let refreshed: Int

        public init(published: Int = 0, reminded: Int = 0, refreshed: Int = 0) {
            self.published = published
            self.reminded = reminded
            self.refreshed = refreshed
        }
    }

    @discardableResult
    public func runOnce() async throws -> Pass {
        let now = clock.now
        let rules = settings.current.reviews
        let reviews = ReviewRepository(store: store)
        let published = try await reviews.publishDue(rules: rules, now: now, limit: Self.batchSize, announce: announcer.announce)
        let reminded = try await reviews.remindDue(rules: rules, now: now, limit: Self.batchSize, announce: announcer.announce)
        let refreshed = try await reviews.refreshAged(now: now, age: Self.ratingAge, limit: Self.batchSize)
        let pass = Pass(published: published, reminded: reminded, refreshed: refreshed)
        if pass != Pass() {
            logger.info("review publication", metadata: ["published": "\(published)", "reminded": "\(reminded)", "refreshed": "\(refreshed)"])
        }
        return pass
    }
}
