import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// The one place money moves. `post` writes a balanced transaction with its entries and the balances they change,
/// all in one database transaction, or nothing: it refuses a key used for another transaction, and any line that
/// would take an account that may not go negative below zero. Each transaction is hashed over the one before it, so
/// `verify` can tell whether anything was changed behind the service's back.
public struct Ledger: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    /// The hash the first transaction chains to.
    static let genesisHash = String(repeating: "0", count: 64)

    /// Writes the draft in a transaction of its own. The same key with the same draft answers the first
    /// transaction again (`replayed`); with another draft, a conflict.
    public func post(_ draft: LedgerTransactionDraft, now: Date) async throws -> LedgerTransaction {
        try await store.uniqueOrConflict("this idempotency key was used at the same moment; send the request again") {
            try await store.transaction { [store] db in
                try await Self.post(draft, now: now, engine: store.engine, on: db)
            }
        }
    }

    /// The balance of an account, in its currency's minor units (0 for an account that never moved).
    public func balance(of account: LedgerAccountKey) async throws -> Int64 {
        try await store.sql.raw("""
            SELECT b.balance_minor FROM ledger_balances b JOIN ledger_accounts a ON a.id = b.account_id
            WHERE a.kind = \(state: account.kind) AND a.owner_id = \(bind: account.ownerID) AND a.currency = \(bind: account.currency.code)
            """).first()?.decode(column: "balance_minor", as: Int64.self) ?? 0
    }

    // MARK: Inside a transaction

    /// Writes the draft inside the caller's transaction, so that money moves with the change it pays for.
    static func post(_ draft: LedgerTransactionDraft, now: Date, engine: Store.Engine, on db: any SQLDatabase) async throws -> LedgerTransaction {
        // Stored and hashed to the millisecond, so that the time read back hashes as the time written on either engine.
        let now = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1_000).rounded(.down) / 1_000)
        if engine == .postgresql {
            // Writers take turns, so that two transactions never chain to the same predecessor (SQLite's do already).
            try await db.raw("SELECT pg_advisory_xact_lock(hashtext('ledger_transactions'))").run()
        }
        let request = draft.canonicalText
        // The first answer of this key, if any, and the hash to chain to, in one round trip.
        guard let found = try await db.raw("""
            SELECT t.id, t.request, t.created_at, t.hash, (SELECT hash FROM ledger_transactions ORDER BY id DESC LIMIT 1) AS previous
            FROM (SELECT 1 AS one) AS here LEFT JOIN ledger_transactions t ON t.idempotency_key = \(bind: draft.idempotencyKey)
            """).first() else { throw StoreError.conflict("the ledger could not be read") }
        if let id = try found.decodeIfPresent(column: "id", as: Int64.self) {
            guard try found.decode(column: "request", as: String.self) == request else {
                throw StoreError.conflict("this idempotency key was used for another transaction")
            }
            return LedgerTransaction(
                id: id, draft: draft, createdAt: try found.decode(column: "created_at", as: Date.self),
                hash: try found.decode(column: "hash", as: String.self), replayed: true
            )
        }
        let accountIDs = try await accounts(draft.lines.map(\.account), now: now, on: db)
        try await move(Array(zip(accountIDs, draft.lines)), now: now, on: db)
        let previous = try found.decodeIfPresent(column: "previous", as: String.self) ?? genesisHash
        let hash = Self.hash(request: request, createdAt: now, previous: previous)
        let id = try await write(draft, request: request, hash: hash, previous: previous, accountIDs: accountIDs, now: now, engine: engine, on: db)
        return LedgerTransaction(id: id, draft: draft, createdAt: now, hash: hash, replayed: false)
    }

    /// Writes the transaction and its entries: one statement on PostgreSQL (a data-modifying WITH), two on SQLite,
    /// which has none. Returns the transaction's id.
    private static func write(
        _ draft: LedgerTransactionDraft, request: String, hash: String, previous: String, accountIDs: [Int64], now: Date,
        engine: Store.Engine, on db: any SQLDatabase
    ) async throws -> Int64 {
        let transaction: SQLQueryString = """
            INSERT INTO ledger_transactions (idempotency_key, kind, reference, actor_id, request, created_at, previous_hash, hash)
            VALUES (\(bind: draft.idempotencyKey), \(state: draft.kind), \(bind: draft.reference), \(bind: draft.actorID), \(bind: request),
                    \(bind: now), \(bind: previous), \(bind: hash))
            RETURNING id
            """
        let lines: [SQLQueryString] = zip(accountIDs, draft.lines).map { accountID, line in
            "(\(bind: accountID), \(bind: line.amount), \(bind: line.account.currency.code))"
        }
        if engine == .postgresql {
            guard let row = try await db.raw("""
                WITH written AS (\(transaction))
                INSERT INTO ledger_entries (transaction_id, account_id, amount_minor, currency)
                SELECT written.id, line.account_id, line.amount_minor, line.currency
                FROM written, (VALUES \(lines.joined(separator: ", "))) AS line (account_id, amount_minor, currency)
                RETURNING transaction_id
                """).first() else { throw StoreError.conflict("the ledger transaction was not written") }
            return try row.decode(column: "transaction_id", as: Int64.self)
        }
        guard let row = try await db.raw(transaction).first() else { throw StoreError.conflict("the ledger transaction was not written") }
        let id = try row.decode(column: "id", as: Int64.self)
        let entries: [SQLQueryString] = zip(accountIDs, draft.lines).map { accountID, line in
            "(\(bind: id), \(bind: accountID), \(bind: line.amount), \(bind: line.account.currency.code))"
        }
        try await db.raw("INSERT INTO ledger_entries (transaction_id, account_id, amount_minor, currency) VALUES \(entries.joined(separator: ", "))").run()
        return id
    }

    /// The accounts' ids, in the order of `keys`, read in one query; those not used before are opened.
    private static func accounts(_ keys: [LedgerAccountKey], now: Date, on db: any SQLDatabase) async throws -> [Int64] {
        let wanted: [SQLQueryString] = keys.map { "(kind = \(state: $0.kind) AND owner_id = \(bind: $0.ownerID) AND currency = \(bind: $0.currency.code))" }
        var known: [LedgerAccountKey: Int64] = [:]
        for row in try await db.raw("SELECT id, kind, owner_id, currency FROM ledger_accounts WHERE \(wanted.joined(separator: " OR "))").all() {
            guard let kind = LedgerAccountKind(rawValue: try row.decode(column: "kind", as: String.self)),
                  let currency = try? CurrencyCode(try row.decode(column: "currency", as: String.self)) else { continue }
            known[LedgerAccountKey(kind, owner: try row.decode(column: "owner_id", as: Int64.self), currency: currency)] = try row.decode(column: "id", as: Int64.self)
        }
        let missing = keys.filter { known[$0] == nil }
        if !missing.isEmpty {
            let opened: [SQLQueryString] = missing.map {
                "(\(state: $0.kind), \(bind: $0.ownerID), \(bind: $0.currency.code), \(bind: $0.kind.mayGoNegative), \(bind: now))"
            }
            for row in try await db.raw("""
                INSERT INTO ledger_accounts (kind, owner_id, currency, may_go_negative, created_at) VALUES \(opened.joined(separator: ", "))
                RETURNING id, kind, owner_id, currency
                """).all() {
                let kind = try row.decodeState(column: "kind", as: LedgerAccountKind.self)
                let currency = try CurrencyCode(try row.decode(column: "currency", as: String.self))
                known[LedgerAccountKey(kind, owner: try row.decode(column: "owner_id", as: Int64.self), currency: currency)] = try row.decode(column: "id", as: Int64.self)
            }
        }
        return try keys.map { key in
            guard let id = known[key] else { throw StoreError.conflict("the ledger account was not opened") }
            return id
        }
    }

    /// Adds every line to its account's balance in one statement, refusing any that takes an account that may not go
    /// negative below zero (the caller's transaction then writes nothing).
    private static func move(_ lines: [(accountID: Int64, line: LedgerTransactionDraft.Line)], now: Date, on db: any SQLDatabase) async throws {
        let values: [SQLQueryString] = lines.map { "(\(bind: $0.accountID), \(bind: $0.line.amount), \(bind: now))" }
        var balances: [Int64: Int64] = [:]
        for row in try await db.raw("""
            INSERT INTO ledger_balances (account_id, balance_minor, updated_at) VALUES \(values.joined(separator: ", "))
            ON CONFLICT (account_id) DO UPDATE SET balance_minor = ledger_balances.balance_minor + excluded.balance_minor, updated_at = excluded.updated_at
            RETURNING account_id, balance_minor
            """).all() {
            balances[try row.decode(column: "account_id", as: Int64.self)] = try row.decode(column: "balance_minor", as: Int64.self)
        }
        for (accountID, line) in lines {
            guard let next = balances[accountID] else { throw StoreError.conflict("the balance was not moved") }
            if next < 0, !line.account.kind.mayGoNegative {
                let available = Money(minorUnits: next - line.amount, currency: line.account.currency).formatted
                throw StatusTransitionError(
                    "the \(line.account.kind.rawValue) account holds \(available): it cannot pay \(Money(minorUnits: -line.amount, currency: line.account.currency).formatted)"
                )
            }
        }
    }

    /// The hash of a transaction: its request text and time, over the previous transaction's hash.
    static func hash(request: String, createdAt: Date, previous: String) -> String {
        let time = String(Int64((createdAt.timeIntervalSince1970 * 1_000).rounded()))
        return SHA256.hash(data: Data((previous + "|" + time + "|" + request).utf8)).hexadecimal
    }
}
