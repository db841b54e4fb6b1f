import AgoraDomain
import Foundation

/// A row of the site-changes queue: the change, why it was made, and what became of it.
public struct QueuedSiteChange: Sendable, Hashable {
    public enum Status: String, Sendable {
        /// Waiting for the worker (again, after a failed build, from `nextAttemptAt`).
        case pending
        /// Claimed by a worker that is building it.
        case building
        /// Published: `buildKind` and `pagesWritten` say how.
        case done
        /// Every attempt failed; `lastError` says why. The next plain build publishes it anyway.
        case failed
    }

    public let id: Int64
    public let change: SiteChange
    public let reason: String
    public let status: Status
    public let attempts: Int
    public let buildKind: SiteBuildKind?
    public let pagesWritten: Int?
    public let lastError: String?
    public let createdAt: Date
    public let finishedAt: Date?
}
