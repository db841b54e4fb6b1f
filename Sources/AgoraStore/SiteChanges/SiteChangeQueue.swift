import AgoraDomain
import Foundation
import SQLKit

/// The site-changes queue: a change to what the public pages show is queued in the same transaction as the change
/// (the outbox pattern of `EmailOutbox`), so that pages are never rebuilt for a change rolled back nor left behind
/// by one committed. The regeneration worker claims every due row at once with a lease (skipping rows another
/// worker holds, on PostgreSQL), publishes them with one build and records the outcome on each row.
public struct SiteChangeQueue: Sendable {
    let store: Store
    let sql: any SQLDatabase

    /// The queue on the store, or inside a transaction of it (`on:`), where a change queues its pages.
    public init(store: Store, on database: (any SQLDatabase)? = nil) {
        self.store = store
        self.sql = database ?? store.sql
    }

    private static let columns: SQLQueryString = """
        id, kind, item, reason, status, attempts, build_kind, pages_written, last_error, created_at, finished_at
        """

    /// Queues changes for one reason (what an administrator did, say), in one statement.
    public func enqueue(_ changes: [SiteChange], reason: String, now: Date) async throws {
        try await Self.enqueue(changes, reason: reason, now: now, on: sql)
    }

    /// Queues changes in the caller's transaction, for writers that hold only its connection.
    static func enqueue(_ changes: [SiteChange], reason: String, now: Date, on sql: any SQLDatabase) async throws {
        guard !changes.isEmpty else { return }
        let rows = changes.map { change -> SQLQueryString in
            "(\(bind: change.kind.rawValue), \(bind: change.item), \(bind: String(reason.prefix(500))), \(state: QueuedSiteChange.Status.pending), \(bind: now), \(bind: now))"
        }
        try await sql.raw("""
            INSERT INTO site_changes (kind, item, reason, status, next_attempt_at, created_at)
            VALUES \(rows.joined(separator: ", "))
            """).run()
    }

    /// Claims up to `limit` due changes for `lease` seconds and counts the attempt: pending ones whose time has
    /// come, and those whose worker's lease ran out.
    public func claimDue(now: Date, limit: Int, lease: TimeInterval) async throws -> [QueuedSiteChange] {
        let due: SQLQueryString = """
            (status = \(state: QueuedSiteChange.Status.pending) AND next_attempt_at <= \(bind: now))
            OR (status = \(state: QueuedSiteChange.Status.building) AND claimed_until < \(bind: now))
            """
        // A plain read first: an idle queue, looked at every second, must not take SQLite's write lock each time.
        guard try await sql.raw("SELECT id FROM site_changes WHERE \(due) LIMIT 1").first() != nil else { return [] }
        let lockClause: SQLQueryString = store.engine == .postgresql ? "FOR UPDATE SKIP LOCKED" : ""
        return try await store.transaction { tx in
            let ids = try await tx.raw("SELECT id FROM site_changes WHERE \(due) ORDER BY id LIMIT \(bind: limit) \(lockClause)")
                .all().map { try $0.decode(column: "id", as: Int64.self) }
            guard !ids.isEmpty else { return [] }
            return try await tx.raw("""
                UPDATE site_changes SET status = \(state: QueuedSiteChange.Status.building), attempts = attempts + 1,
                                        claimed_until = \(bind: now.addingTimeInterval(lease))
                WHERE id IN (\(binds: ids)) RETURNING \(Self.columns)
                """).all().map(Self.change(from:)).sorted { $0.id < $1.id }
        }
    }

    /// Records that a build published these changes, and how long it ran.
    public func markBuilt(_ ids: [Int64], kind: SiteBuildKind, pagesWritten: Int, duration: Duration, now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await sql.raw("""
            UPDATE site_changes SET status = \(state: QueuedSiteChange.Status.done), build_kind = \(bind: kind.rawValue),
                                    pages_written = \(bind: pagesWritten), finished_at = \(bind: now), claimed_until = NULL,
                                    last_error = NULL, build_milliseconds = \(bind: Int(duration.milliseconds.rounded()))
            WHERE id IN (\(binds: ids))
            """).run()
    }

    /// Puts a change whose build failed back in the queue for `retryAt`, or marks it failed for good when nil.
    public func markFailed(_ id: Int64, error: String, retryAt: Date?, now: Date) async throws {
        let status: QueuedSiteChange.Status = retryAt == nil ? .failed : .pending
        try await sql.raw("""
            UPDATE site_changes SET status = \(bind: status.rawValue), last_error = \(bind: String(error.prefix(2_000))),
                                    next_attempt_at = COALESCE(\(bind: retryAt), next_attempt_at), claimed_until = NULL,
                                    finished_at = \(bind: retryAt == nil ? now : nil)
            WHERE id = \(bind: id)
            """).run()
    }

    /// The latest changes, newest first: what was queued and what each build did.
    public func recent(limit: Int = 50) async throws -> [QueuedSiteChange] {
        try await sql.raw("SELECT \(Self.columns) FROM site_changes ORDER BY id DESC LIMIT \(bind: limit)")
            .all().map(Self.change(from:))
    }

    /// Removes the changes that finished (published or failed for good) before `cutoff`; returns how many.
    @discardableResult
    public func removeFinished(before cutoff: Date) async throws -> Int {
        try await sql.raw("""
            DELETE FROM site_changes WHERE status IN (\(states: [QueuedSiteChange.Status.done, .failed]))
            AND finished_at < \(bind: cutoff) RETURNING id
            """).all().count
    }

    /// A row as a queued change. A row this version cannot read asks for the whole site to be looked at: that
    /// build publishes whatever it named.
    static func change(from row: any SQLRow) throws -> QueuedSiteChange {
        let kind = SiteChange.Kind(rawValue: try row.decode(column: "kind", as: String.self))
        let item = try row.decode(column: "item", as: String.self)
        let status = QueuedSiteChange.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .failed
        return QueuedSiteChange(
            id: try row.decode(column: "id", as: Int64.self),
            change: kind.flatMap { SiteChange(kind: $0, item: item) } ?? .site,
            reason: try row.decode(column: "reason", as: String.self),
            status: status,
            attempts: try row.decode(column: "attempts", as: Int.self),
            buildKind: try row.decodeIfPresent(column: "build_kind", as: String.self).flatMap(SiteBuildKind.init(rawValue:)),
            pagesWritten: try row.decodeIfPresent(column: "pages_written", as: Int.self),
            lastError: try row.decodeIfPresent(column: "last_error", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            finishedAt: try row.decodeIfPresent(column: "finished_at", as: Date.self)
        )
    }
}
