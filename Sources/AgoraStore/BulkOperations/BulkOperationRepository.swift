import AgoraDomain
import Foundation
import SQLKit

/// Bulk operations on accounts. Starting one freezes the accounts the filter matches and the action applies to, in
/// one transaction with the operation and its audit entry; a worker then changes them a chunk at a time, each chunk
/// in one transaction with its accounts' audit entries, emails and the operation's progress. A worker that stops
/// (a restart, a crash) leaves whole chunks behind, never half of one, and the next claim goes on from there; an
/// undo runs the same way over the accounts the operation changed.
public struct BulkOperationRepository: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Composes the email an account's owner gets; it is queued in the account's chunk.
    public typealias Notify = @Sendable (UserAccount, AccountNotice) throws -> NewOutboxEmail

    /// Accounts changed per transaction: large enough that 10,000 take a few dozen statements, small enough that a
    /// chunk holds the write lock only briefly.
    static let chunkSize = 500
    /// How long a worker keeps an operation it claimed; after it another worker may go on with it.
    public static let lease: TimeInterval = 30

    /// How many accounts the query matches, how many the action applies to, and the first few of those.
    public func preview(_ action: BulkAction, matching query: UserDirectoryQuery, sampleSize: Int) async throws -> BulkPreview {
        let matching = UserDirectory.conditions(query)
        let applicable = matching + [Self.applies(action)]
        let counts = try await store.sql.raw("""
            SELECT (SELECT COUNT(*) FROM users \(UserDirectory.whereClause(matching))) AS matching,
                   (SELECT COUNT(*) FROM users \(UserDirectory.whereClause(applicable))) AS applicable
            """).first()
        let sample = try await store.sql.raw("""
            SELECT \(UserRepository.accountColumns) FROM users \(UserDirectory.whereClause(applicable)) ORDER BY id LIMIT \(bind: sampleSize)
            """).all().map(UserRepository.account(from:))
        return BulkPreview(
            matching: try counts?.decode(column: "matching", as: Int.self) ?? 0,
            applicable: try counts?.decode(column: "applicable", as: Int.self) ?? 0, sample: sample
        )
    }

    /// Starts an operation on the accounts the query matches and the action applies to (`filter` is the query as
    /// the users page writes it). A field error when it applies to none.
    public func start(
        _ request: BulkOperationRequest, matching query: UserDirectoryQuery, filter: String, by actor: AuditActor, now: Date
    ) async throws -> BulkOperation {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            guard let row = try await db.raw("""
                INSERT INTO bulk_operations (action, suspension_kind, suspension_days, reason, filter, status, actor_id, started_by, created_at)
                VALUES (\(bind: request.action.rawValue), \(bind: request.suspension?.kind.rawValue), \(bind: request.suspension?.days),
                        \(bind: request.reason), \(bind: filter), \(state: BulkOperationStatus.running), \(bind: actor.userID),
                        \(bind: try Self.json(actor)), \(bind: now))
                RETURNING id
                """).first() else { throw StoreError.conflict("the operation was not recorded") }
            let id = try row.decode(column: "id", as: Int64.self)
            try await db.raw("""
                INSERT INTO bulk_operation_targets (operation_id, user_id, state)
                SELECT CAST(\(bind: id) AS BIGINT), id, \(state: BulkTargetState.waiting) FROM users
                \(UserDirectory.whereClause(UserDirectory.conditions(query) + [Self.applies(request.action)]))
                """).run()
            let total = try await db.raw("SELECT COUNT(*) AS total FROM bulk_operation_targets WHERE operation_id = \(bind: id)").first()?
                .decode(column: "total", as: Int.self) ?? 0
            guard total > 0 else {
                throw ValidationError(field: "filter", message: "matches no account that can be asked to \(request.action.title)")
            }
            try await db.raw("UPDATE bulk_operations SET total = \(bind: total) WHERE id = \(bind: id)").run()
            try await AuditLog(store: store, in: transaction).append(actor.because(request.reason).entry(
                .bulkOperationStarted, on: .bulkOperation, id: id, before: [:],
                after: ["action": request.action.rawValue, "accounts": String(total), "filter": filter], at: now
            ))
            return try await Self.find(id, on: db)
        }
    }

    /// Asks for the operation to be undone: a worker then puts back the accounts it changed. 404 for no such
    /// operation; 409 when its action cannot be undone or it is not finished, or was undone already.
    public func undo(_ id: Int64, by actor: AuditActor, now: Date) async throws -> BulkOperation {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            let operation = try await Self.find(id, on: db)
            guard operation.request.action.undoable else { throw StoreError.conflict("\(operation.request.action.title) cannot be undone") }
            switch operation.status {
            case .running: throw StoreError.conflict("the operation is still running; undo it when it has finished")
            case .undoing, .undone: throw StoreError.conflict("the operation was undone already")
            case .completed: break
            }
            guard operation.changed > 0 else { throw StoreError.conflict("the operation changed no account") }
            try await db.raw("""
                UPDATE bulk_operations SET status = \(state: BulkOperationStatus.undoing), undone_by = \(bind: try Self.json(actor)),
                    undo_requested_at = \(bind: now), claimed_until = NULL, last_error = ''
                WHERE id = \(bind: id)
                """).run()
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .bulkOperationUndone, on: .bulkOperation, id: id, before: ["status": operation.status.rawValue],
                after: ["status": BulkOperationStatus.undoing.rawValue, "accounts": String(operation.changed)], at: now
            ))
            return try await Self.find(id, on: db)
        }
    }

    /// One operation; 404 when there is none with this id.
    public func find(_ id: Int64) async throws -> BulkOperation {
        try await Self.find(id, on: store.sql)
    }

    /// The newest operations first, at most `limit`.
    public func recent(limit: Int) async throws -> [BulkOperation] {
        try await store.sql.raw("SELECT \(Self.columns) FROM bulk_operations ORDER BY id DESC LIMIT \(bind: limit)").all().map(Self.operation(from:))
    }

    // MARK: Running

    /// Claims the oldest operation with accounts left that no worker holds (or whose worker's claim ran out), for
    /// `lease` seconds; nil when there is none.
    public func claimNext(now: Date) async throws -> Int64? {
        let due: SQLQueryString = """
            status IN (\(states: BulkOperationStatus.allCases.filter(\.isActive))) AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            """
        // A plain read first: an idle queue, looked at every second, must not take SQLite's write lock each time.
        guard let row = try await store.sql.raw("SELECT id FROM bulk_operations WHERE \(due) ORDER BY id LIMIT 1").first() else { return nil }
        let id = try row.decode(column: "id", as: Int64.self)
        return try await store.sql.raw("""
            UPDATE bulk_operations SET claimed_until = \(bind: now.addingTimeInterval(Self.lease)) WHERE id = \(bind: id) AND \(due) RETURNING id
            """).first()?.decode(column: "id", as: Int64.self)
    }

    /// Changes (or, when undoing, puts back) the next chunk of the operation's accounts in one transaction, and
    /// renews the claim. Returns false when none were left: the operation is then finished and released.
    public func runChunk(of id: Int64, now: Date, notify: @escaping Notify) async throws -> Bool {
        try await store.inTransaction { [store] transaction in
            let db = transaction.sql
            // Renewing the claim first takes the operation's row (PostgreSQL) or the write lock (SQLite), so that a
            // second worker on the same operation waits and then finds the accounts gone from the waiting list.
            guard let row = try await db.raw("""
                UPDATE bulk_operations SET claimed_until = \(bind: now.addingTimeInterval(Self.lease)), last_error = ''
                WHERE id = \(bind: id) AND status IN (\(states: BulkOperationStatus.allCases.filter(\.isActive))) RETURNING \(Self.columns)
                """).first() else { return false }
            let operation = try Self.operation(from: row)
            let undoing = operation.status == .undoing
            let userIDs = try await db.raw("""
                SELECT user_id FROM bulk_operation_targets
                WHERE operation_id = \(bind: id) AND state = \(state: undoing ? BulkTargetState.changed : .waiting)
                ORDER BY user_id LIMIT \(bind: Self.chunkSize)
                """).all().map { try $0.decode(column: "user_id", as: Int64.self) }
            guard !userIDs.isEmpty else {
                try await db.raw("""
                    UPDATE bulk_operations SET status = \(state: undoing ? BulkOperationStatus.undone : .completed), claimed_until = NULL,
                        \(unsafeRaw: undoing ? "undone_at" : "finished_at") = \(bind: now)
                    WHERE id = \(bind: id)
                    """).run()
                if operation.request.action.changesPages, (undoing ? operation.reverted : operation.changed) > 0 {
                    // One incremental build publishes every page the operation changed (it finds them by their stamps).
                    try await SiteChangeQueue(store: store, on: db).enqueue(
                        [.site], reason: "bulk operation \(id) \(undoing ? "undone" : "finished")", now: now
                    )
                }
                return false
            }
            let chunk = BulkChunk(operation: operation, userIDs: userIDs, now: now, notify: notify, store: store, transaction: transaction)
            let done = undoing ? try await chunk.putBack() : try await chunk.apply()
            let (doneState, leftState, doneCounter, leftCounter) = undoing
                ? (BulkTargetState.reverted, BulkTargetState.alreadyBack, "reverted", "revert_skipped")
                : (BulkTargetState.changed, BulkTargetState.skipped, "changed", "skipped")
            try await db.raw("""
                UPDATE bulk_operation_targets SET state = \(state: doneState) WHERE operation_id = \(bind: id) AND user_id IN (\(binds: done.isEmpty ? [-1] : done))
                """).run()
            try await db.raw("""
                UPDATE bulk_operation_targets SET state = \(state: leftState)
                WHERE operation_id = \(bind: id) AND user_id IN (\(binds: userIDs)) AND state = \(state: undoing ? BulkTargetState.changed : .waiting)
                """).run()
            try await db.raw("""
                UPDATE bulk_operations SET \(unsafeRaw: doneCounter) = \(unsafeRaw: doneCounter) + \(bind: done.count),
                    \(unsafeRaw: leftCounter) = \(unsafeRaw: leftCounter) + \(bind: userIDs.count - done.count)
                WHERE id = \(bind: id)
                """).run()
            return true
        }
    }

    /// Keeps the failure of the last chunk for the operation's page; the claim is left to run out, and then the
    /// chunk is tried again.
    public func recordFailure(of id: Int64, _ error: String) async throws {
        try await store.sql.raw("UPDATE bulk_operations SET last_error = \(bind: String(error.prefix(500))) WHERE id = \(bind: id)").run()
    }

    /// Lets another worker go on with the operation at once (this one is stopping).
    public func release(_ id: Int64) async throws {
        try await store.sql.raw("UPDATE bulk_operations SET claimed_until = NULL WHERE id = \(bind: id)").run()
    }

    // MARK: Rows

    /// Which accounts an action applies to: customers (staff are changed by the staff routes), in a status the
    /// action leads away from.
    static func applies(_ action: BulkAction) -> SQLQueryString {
        let status: SQLQueryString = action.appliesTo.map { "verification_status = \(state: $0)" }
            ?? "verification_status <> \(state: VerificationStatus.suspended)"
        return "\(status) AND id NOT IN (SELECT user_id FROM staff_members)"
    }

    static let columns: SQLQueryString = """
        id, action, suspension_kind, suspension_days, reason, filter, status, total, changed, skipped, reverted, revert_skipped,
        started_by, undone_by, created_at, finished_at, undone_at, last_error
        """

    static func find(_ id: Int64, on db: any SQLDatabase) async throws -> BulkOperation {
        guard let row = try await db.raw("SELECT \(columns) FROM bulk_operations WHERE id = \(bind: id)").first() else {
            throw StoreError.notFound("no bulk operation has this id")
        }
        return try operation(from: row)
    }

    static func json(_ actor: AuditActor) throws -> String {
        String(decoding: try JSONEncoder.sorted.encode(actor), as: UTF8.self)
    }

    static func actor(_ json: String) throws -> AuditActor {
        try JSONDecoder().decode(AuditActor.self, from: Data(json.utf8))
    }

    static func operation(from row: any SQLRow) throws -> BulkOperation {
        guard let action = BulkAction(rawValue: try row.decode(column: "action", as: String.self)),
              let status = BulkOperationStatus(rawValue: try row.decode(column: "status", as: String.self))
        else { throw StoreError.conflict("a bulk operation row holds an unknown action or status") }
        let reason = try row.decode(column: "reason", as: String.self)
        let suspension = try row.decodeIfPresent(column: "suspension_kind", as: String.self).map { kind in
            try SuspensionDecision(kind: kind, reason: reason, days: try row.decodeIfPresent(column: "suspension_days", as: Int.self))
        }
        return BulkOperation(
            id: try row.decode(column: "id", as: Int64.self),
            request: BulkOperationRequest(action: action, reason: reason, suspension: suspension),
            filter: try row.decode(column: "filter", as: String.self), status: status,
            total: try row.decode(column: "total", as: Int.self), changed: try row.decode(column: "changed", as: Int.self),
            skipped: try row.decode(column: "skipped", as: Int.self), reverted: try row.decode(column: "reverted", as: Int.self),
            revertSkipped: try row.decode(column: "revert_skipped", as: Int.self),
            startedBy: try actor(try row.decode(column: "started_by", as: String.self)),
            undoneBy: try row.decodeIfPresent(column: "undone_by", as: String.self).map(actor),
            createdAt: try row.decode(column: "created_at", as: Date.self), finishedAt: try row.decodeIfPresent(column: "finished_at", as: Date.self),
            undoneAt: try row.decodeIfPresent(column: "undone_at", as: Date.self), lastError: try row.decode(column: "last_error", as: String.self)
        )
    }
}

/// Where each account of a bulk operation is.
enum BulkTargetState: String {
    case waiting
    case changed
    /// The action no longer applied when its turn came.
    case skipped
    /// Put back by the undo.
    case reverted
    /// Already back when the undo came (its suspension lifted by hand or run out).
    case alreadyBack = "already-back"
}
