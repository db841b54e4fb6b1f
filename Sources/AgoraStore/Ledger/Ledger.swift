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
        if let row = try await db.raw("""
            SELECT id, request, created_at, hash FROM ledger_transactions WHERE idempotency_key = \(bind: draft.idempotencyKey)
            """).first() {
            guard try row.decode(column: "request", as: String.self) == request else {
                throw StoreError.conflict("this idempotency key was used for another transaction")
            }
            return LedgerTransaction(
                id: try row.decode(column: "id", as: Int64.self), draft: draft, createdAt: try row.decode(column: "created_at", as: Date.self),
                hash: try row.decode(column: "hash", as: String.self), replayed: true
            )
        }
        let accountIDs = try await accounts(draft.lines.map(\.account), now: now, on: db)
        for (accountID, line) in zip(accountIDs, draft.lines) {
            try await move(accountID, line, now: now, on: db)
        }
        let previous = try await db.raw("SELECT hash FROM ledger_transactions ORDER BY id DESC LIMIT 1").first()?
            .decode(column: "hash", as: String.self) ?? genesisHash
        let hash = Self.hash(request: request, createdAt: now, previous: previous)
        guard let row = try await db.raw("""
            INSERT INTO ledger_transactions (idempotency_key, kind, reference, actor_id, request, created_at, previous_hash, hash)
            VALUES (\(bind: draft.idempotencyKey), \(state: draft.kind), \(bind: draft.reference), \(bind: draft.actorID), \(bind: request),
                    \(bind: now), \(bind: previous), \(bind: hash))
            RETURNING id, created_at
            """).first() else { throw StoreError.conflict("the ledger transaction was not written") }
        let id = try row.decode(column: "id", as: Int64.self)
        let entries: [SQLQueryString] = zip(accountIDs, draft.lines).map { accountID, line in
            "(\(bind: id), \(bind: accountID), \(bind: line.amount), \(bind: line.account.currency.code))"
        }
        try await db.raw("INSERT INTO ledger_entries (transaction_id, account_id, amount_minor, currency) VALUES \(entries.joined(separator: ", "))").run()
        return LedgerTransaction(id: id, draft: draft, createdAt: try row.decode(column: "created_at", as: Date.self), hash: hash, replayed: false)
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
        var ids: [Int64] = []
        for key in keys {
            if let id = known[key] {
                ids.append(id)
                continue
            }
            guard let row = try await db.raw("""
                INSERT INTO ledger_accounts (kind, owner_id, currency, may_go_negative, created_at)
                VALUES (\(state: key.kind), \(bind: key.ownerID), \(bind: key.currency.code), \(bind: key.kind.mayGoNegative), \(bind: now))
                RETURNING id
                """).first() else { throw StoreError.conflict("the ledger account was not opened") }
            ids.append(try row.decode(column: "id", as: Int64.self))
        }
        return ids
    }

    /// Adds a line to its account's balance in one statement, refusing one that takes an account that may not go
    /// negative below zero (the caller's transaction then writes nothing).
    private static func move(_ accountID: Int64, _ line: LedgerTransactionDraft.Line, now: Date, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            INSERT INTO ledger_balances (account_id, balance_minor, updated_at) VALUES (\(bind: accountID), \(bind: line.amount), \(bind: now))
            ON CONFLICT (account_id) DO UPDATE SET balance_minor = ledger_balances.balance_minor + excluded.balance_minor, updated_at = excluded.updated_at
            RETURNING balance_minor
            """).first() else { throw StoreError.conflict("the balance was not moved") }
        let next = try row.decode(column: "balance_minor", as: Int64.self)
        if next < 0, !line.account.kind.mayGoNegative {
            let available = Money(minorUnits: next - line.amount, currency: line.account.currency).formatted
            throw StatusTransitionError("the \(line.account.kind.rawValue) account holds \(available): it cannot pay \(Money(minorUnits: -line.amount, currency: line.account.currency).formatted)")
        }
    }

    /// The hash of a transaction: its request text and time, over the previous transaction's hash.
    static func hash(request: String, createdAt: Date, previous: String) -> String {
        let time = String(Int64((createdAt.timeIntervalSince1970 * 1_000).rounded()))
        return SHA256.hash(data: Data((previous + "|" + time + "|" + request).utf8)).hexadecimal
    }
}
