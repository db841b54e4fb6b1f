import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// The audit log (`admin_actions`): entries appended in the transaction of the change they describe, each hashed
/// over the previous entry's hash, and a check of the whole chain.
public struct AuditLog: Sendable {
    let store: Store
    let sql: any SQLDatabase

    public init(store: Store) {
        self.store = store
        self.sql = store.sql
    }

    /// The log inside a transaction of the store, where entries are appended.
    public init(store: Store, in transaction: StoreTransaction) {
        self.store = store
        self.sql = transaction.sql
    }

    /// Appends an entry after the newest one.
    public func append(_ entry: AuditEntry) async throws {
        try await append(contentsOf: [entry])
    }

    /// Appends entries in order after the newest one, chained in memory and written a few hundred rows per
    /// statement (a bulk operation writes one per account). On PostgreSQL a transaction lock makes appenders take
    /// turns, so that two entries never chain to the same predecessor (SQLite's writers take turns already).
    public func append(contentsOf entries: [AuditEntry]) async throws {
        guard !entries.isEmpty else { return }
        if store.engine == .postgresql {
            try await sql.raw("SELECT pg_advisory_xact_lock(hashtext('admin_actions'))").run()
        }
        var previous = try await sql.raw("SELECT hash FROM admin_actions ORDER BY id DESC LIMIT 1").first()?
            .decode(column: "hash", as: String.self) ?? AuditEntry.firstPreviousHash
        for start in stride(from: 0, to: entries.count, by: Self.rowsPerStatement) {
            var rows: [SQLQueryString] = []
            for entry in entries[start..<min(start + Self.rowsPerStatement, entries.count)] {
                let hash = Self.hash(entry, previous: previous)
                rows.append("""
                    (\(bind: entry.actorID), \(bind: entry.actorRole), \(bind: entry.action.rawValue), \(bind: entry.target.rawValue),
                     \(bind: entry.targetID), \(bind: entry.before), \(bind: entry.after), \(bind: entry.reason), \(bind: entry.ipAddress),
                     \(bind: entry.userAgent), \(bind: entry.requestID), \(bind: entry.createdAt), \(bind: previous), \(bind: hash))
                    """)
                previous = hash
            }
            try await sql.raw("""
                INSERT INTO admin_actions (actor_id, actor_role, action, target, target_id, before_fields, after_fields, reason,
                                           ip_address, user_agent, request_id, created_at, previous_hash, hash)
                VALUES \(rows.joined(separator: ", "))
                """).run()
        }
    }

    /// Entries one INSERT writes: 14 values each, well under either engine's limit of bound values.
    static let rowsPerStatement = 500

    /// The entries about one target, newest first.
    public func entries(about target: AuditTarget, id: Int64, limit: Int = 100) async throws -> [AuditEntry] {
        try await sql.raw("""
            SELECT \(Self.columns) FROM admin_actions WHERE target = \(bind: target.rawValue) AND target_id = \(bind: id)
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { try Self.entry(from: $0) }
    }

    /// Entries matching `query`, newest first, a page at a time: `before` is the id the previous page ended at.
    public func search(_ query: AuditLogQuery, before: Int64? = nil, limit: Int) async throws -> [(id: Int64, entry: AuditEntry)] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let actorID = query.actorID { conditions.append("actor_id = \(bind: actorID)") }
        if let action = query.action { conditions.append("action = \(bind: action.rawValue)") }
        if let target = query.target { conditions.append("target = \(bind: target.rawValue)") }
        if let targetID = query.targetID { conditions.append("target_id = \(bind: targetID)") }
        if let from = query.from { conditions.append("created_at >= \(bind: from)") }
        if let until = query.until { conditions.append("created_at < \(bind: until)") }
        if let before { conditions.append("id < \(bind: before)") }
        return try await sql.raw("""
            SELECT id, \(Self.columns) FROM admin_actions WHERE \(conditions.joined(separator: " AND "))
            ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { (try $0.decode(column: "id", as: Int64.self), try Self.entry(from: $0)) }
    }

    /// Walks the whole chain in order: every entry's fields must hash to its stored hash, and every entry must chain
    /// to the one before it. The first entry that does not is named.
    public func verify() async throws -> AuditVerification {
        var previous = AuditEntry.firstPreviousHash
        var checked = 0
        var after: Int64 = 0
        while true {
            let rows = try await sql.raw("""
                SELECT id, previous_hash, hash, \(Self.columns) FROM admin_actions WHERE id > \(bind: after) ORDER BY id LIMIT 1000
                """).all()
            guard !rows.isEmpty else { return .intact(entries: checked) }
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let storedPrevious = try row.decode(column: "previous_hash", as: String.self)
                let stored = try row.decode(column: "hash", as: String.self)
                guard storedPrevious == previous else {
                    return .broken(entryID: id, reason: "does not follow the entry before it (one was removed or reordered)")
                }
                guard let entry = try? Self.entry(from: row), Self.hash(entry, previous: storedPrevious) == stored else {
                    return .broken(entryID: id, reason: "its fields do not match its hash (it was edited)")
                }
                previous = stored
                checked += 1
                after = id
            }
        }
    }

    static let columns: SQLQueryString = """
        actor_id, actor_role, action, target, target_id, before_fields, after_fields, reason, ip_address, user_agent, request_id, created_at
        """

    static func hash(_ entry: AuditEntry, previous: String) -> String {
        SHA256.hash(data: Data(entry.chainText(previousHash: previous).utf8)).hexadecimal
    }

    static func entry(from row: any SQLRow) throws -> AuditEntry {
        let action = try row.decode(column: "action", as: String.self)
        let target = try row.decode(column: "target", as: String.self)
        guard let known = AuditedAction(rawValue: action), let kind = AuditTarget(rawValue: target) else {
            throw StoreError.conflict("unknown audited action \(action) on \(target)")
        }
        return AuditEntry(
            actorID: try row.decode(column: "actor_id", as: Int64.self), actorRole: try row.decode(column: "actor_role", as: String.self),
            action: known, target: kind, targetID: try row.decode(column: "target_id", as: Int64.self),
            before: try row.decode(column: "before_fields", as: String.self), after: try row.decode(column: "after_fields", as: String.self),
            reason: try row.decode(column: "reason", as: String.self), ipAddress: try row.decode(column: "ip_address", as: String.self),
            userAgent: try row.decode(column: "user_agent", as: String.self), requestID: try row.decode(column: "request_id", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}

/// Which entries a search of the audit log wants; nil matches anything.
public struct AuditLogQuery: Sendable, Hashable {
    public var actorID: Int64?
    public var action: AuditedAction?
    public var target: AuditTarget?
    public var targetID: Int64?
    /// From this time on, and before `until`.
    public var from: Date?
    public var until: Date?

    public init() {}
}

/// What checking the audit log's chain found.
public enum AuditVerification: Sendable, Equatable {
    case intact(entries: Int)
    /// The first entry that breaks the chain, and how.
    case broken(entryID: Int64, reason: String)
}
