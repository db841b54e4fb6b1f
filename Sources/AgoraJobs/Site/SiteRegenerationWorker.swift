import AgoraDomain
import AgoraSite
import AgoraStore
import Foundation
import Logging

/// Drains the site-changes queue: claims every due change at once, folds them into one build — targeted
/// (`--only`) when they name providers, categories or pages, incremental when one concerns the whole site — runs
/// it, and records on each row what the build did. One build at a time per worker; several workers (`agora serve`
/// instances and `agora jobs`) on one PostgreSQL never claim the same change. A failed build puts its changes back
/// with a backoff and the live site stays as it was. Runs inside `agora serve` and `agora jobs`.
public struct SiteRegenerationWorker: QueueWorker {
    let store: Store
    let options: SiteBuildOptions
    let clock: any AgoraClock
    let retry: RetryPolicy
    public let pollInterval: Duration
    public let logger: Logger
    public let name = "site changes"

    /// How long claimed changes are reserved for this worker: longer than a full build of a large site.
    static let lease: TimeInterval = 1_800
    /// Changes folded into one build at most.
    static let batchSize = 1_000
    /// How long finished changes stay in the queue as its history.
    static let retention: TimeInterval = 7 * 86_400
    /// How often an idle worker looks at the queue: a provider's edit waits for the next look before its build starts,
    /// so this bounds the wait; a look at an idle queue is one indexed read that takes no write lock.
    public static let idlePoll = Duration.milliseconds(100)

    public init(
        store: Store, options: SiteBuildOptions, clock: any AgoraClock = SystemClock(), retry: RetryPolicy = .standard,
        pollInterval: Duration = SiteRegenerationWorker.idlePoll, logger: Logger = Logger(label: "agora.site")
    ) {
        self.store = store
        self.options = options
        self.clock = clock
        self.retry = retry
        self.pollInterval = pollInterval
        self.logger = logger
    }

    /// Publishes the due changes with one build; returns how many changes it handled.
    @discardableResult
    public func drainOnce() async throws -> Int {
        let queue = SiteChangeQueue(store: store)
        let claimed = try await queue.claimDue(now: clock.now, limit: Self.batchSize, lease: Self.lease)
        guard !claimed.isEmpty else { return 0 }
        let mode = Self.mode(for: claimed.map(\.change))
        do {
            // Real time, not the injected clock: this is how long the build ran, for /metrics.
            let started = ContinuousClock.now
            let summary = try await build(mode)
            let duration = ContinuousClock.now - started
            try await queue.markBuilt(claimed.map(\.id), kind: summary.kind, pagesWritten: summary.written, duration: duration, now: clock.now)
            try await queue.removeFinished(before: clock.now.addingTimeInterval(-Self.retention))
            logger.info("site changes published", metadata: [
                "changes": "\(claimed.count)", "kind": "\(summary.kind.rawValue)", "written": "\(summary.written)",
            ])
        } catch {
            logger.error("site rebuild failed, the live site is unchanged: \(error)")
            for change in claimed {
                let retryAt = retry.nextAttempt(after: change.attempts, now: clock.now)
                try await queue.markFailed(change.id, error: "\(error)", retryAt: retryAt, now: clock.now)
            }
        }
        return claimed.count
    }

    /// A targeted build when every change names an item; the generator's incremental build when one concerns the
    /// whole site.
    static func mode(for changes: [SiteChange]) -> BuildMode {
        var targets: [BuildTarget] = []
        for change in changes {
            let target: BuildTarget
            switch change {
            case .site: return .incremental
            case .provider(let slug): target = .provider(slug.value)
            case .category(let slug): target = .category(slug.value)
            case .content(let path): target = .content(path)
            }
            if !targets.contains(target) { targets.append(target) }
        }
        return .only(targets)
    }

    /// Runs the build. A targeted build that cannot run (no earlier build with the same templates and categories,
    /// or a category gone since the change) becomes an incremental one, which finds what changed by itself.
    private func build(_ mode: BuildMode) async throws -> BuildSummary {
        let build = SiteBuild(store: store, options: options, clock: clock)
        guard case .only = mode else { return try await build.run(mode) }
        do {
            return try await build.run(mode)
        } catch let error as SiteError {
            logger.info("targeted rebuild not possible (\(error)); building incrementally")
            return try await build.run(.incremental)
        }
    }
}
