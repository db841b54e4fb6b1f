import AgoraDomain
import Foundation
import SQLKit

/// What waits in the queues the workers drain — the site-changes queue and the email outbox — what failed there for
/// good, and how long the oldest waiting item has waited (0 when none waits); and what waits for a moderator.
public struct QueueBacklogs: Sendable, Hashable {
    public let siteChangesWaiting: Int
    public let siteChangesFailed: Int
    public let siteChangesLag: TimeInterval
    /// How long the latest site build ran, and the longest in the last hour, in seconds (0 when none).
    public let siteBuildLast: TimeInterval
    public let siteBuildLongestLastHour: TimeInterval
    public let emailsWaiting: Int
    public let emailsFailed: Int
    public let emailsLag: TimeInterval
    /// Moderation items waiting for a decision (new, escalated, appealed), and how long the oldest has waited.
    public let moderationWaiting: Int
    public let moderationLag: TimeInterval

    public static func read(store: Store, now: Date) async throws -> QueueBacklogs {
        let sites = try await backlog(
            "site_changes", waiting: [QueuedSiteChange.Status.pending.rawValue, QueuedSiteChange.Status.building.rawValue],
            failed: QueuedSiteChange.Status.failed.rawValue, on: store.sql
        )
        let emails = try await backlog(
            "email_outbox", waiting: [OutboxEmail.Status.pending.rawValue, OutboxEmail.Status.sending.rawValue],
            failed: OutboxEmail.Status.failed.rawValue, on: store.sql
        )
        let builds = try await store.sql.raw("""
            SELECT (SELECT build_milliseconds FROM site_changes WHERE build_milliseconds IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1) AS latest,
                   (SELECT MAX(build_milliseconds) FROM site_changes WHERE build_milliseconds IS NOT NULL
                        AND finished_at >= \(bind: now.addingTimeInterval(-3_600))) AS longest
            """).first()
        let moderation = try await store.sql.raw("""
            SELECT COUNT(*) AS waiting, MIN(created_at) AS oldest FROM moderation_items WHERE status IN (\(states: ModerationStatus.waiting))
            """).first()
        return QueueBacklogs(
            siteChangesWaiting: sites.waiting, siteChangesFailed: sites.failed, siteChangesLag: sites.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0,
            siteBuildLast: Double(try builds?.decodeIfPresent(column: "latest", as: Int.self) ?? 0) / 1_000,
            siteBuildLongestLastHour: Double(try builds?.decodeIfPresent(column: "longest", as: Int.self) ?? 0) / 1_000,
            emailsWaiting: emails.waiting, emailsFailed: emails.failed, emailsLag: emails.oldest.map { max(0, now.timeIntervalSince($0)) } ?? 0,
            moderationWaiting: try moderation?.decode(column: "waiting", as: Int.self) ?? 0,
            moderationLag: try moderation?.decodeIfPresent(column: "oldest", as: Date.self).map { max(0, now.timeIntervalSince($0)) } ?? 0
        )
    }

    private static func backlog(
        _ table: String, waiting: [String], failed: String, on sql: any SQLDatabase
    ) async throws -> (waiting: Int, failed: Int, oldest: Date?) {
        let row = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM \(ident: table) WHERE status IN (\(binds: waiting))) AS waiting,
                   (SELECT COUNT(*) FROM \(ident: table) WHERE status = \(bind: failed)) AS failed,
                   (SELECT MIN(created_at) FROM \(ident: table) WHERE status IN (\(binds: waiting))) AS oldest
            """).first()
        return (
            try row?.decode(column: "waiting", as: Int.self) ?? 0, try row?.decode(column: "failed", as: Int.self) ?? 0,
            try row?.decodeIfPresent(column: "oldest", as: Date.self)
        )
    }
}
