import AgoraDomain
import Foundation
import SQLKit

extension Ledger {
    /// Transactions read per page by `verify`.
    static let verifyPage = 2_000

    /// Reads the whole ledger in order and checks it: every transaction's entries sum to zero in each currency and
    /// make the request it recorded, every hash covers its transaction and the one before, every stored balance is
    /// the sum of its account's entries, and no account that may not go negative is below zero. Every difference
    /// is named.
    public func verify() async throws -> LedgerVerification {
        let db = store.sql
        var problems: [String] = []
        var previous = Self.genesisHash
        var sums: [Int64: Int64] = [:]
        var transactions = 0
        var entries = 0
        // The next page is read while this one is checked: the database and the checking each keep a core busy.
        var next = Task { try await Self.page(after: 0, on: db) }
        while let (rows, lines, lastID) = try await next.value {
            next = Task { try await Self.page(after: lastID, on: db) }
            var linesByTransaction: [Int64: [any SQLRow]] = [:]
            for line in lines { linesByTransaction[try line.decode(column: "transaction_id", as: Int64.self), default: []].append(line) }
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let own = linesByTransaction[id] ?? []
                entries += own.count
                transactions += 1
                problems += try Self.check(row, lines: own, previous: previous, sums: &sums)
                previous = try row.decode(column: "hash", as: String.self)
            }
        }
        let orphans = try await db.raw("""
            SELECT COUNT(*) AS n FROM ledger_entries e WHERE NOT EXISTS (SELECT 1 FROM ledger_transactions t WHERE t.id = e.transaction_id)
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        if orphans > 0 { problems.append("\(orphans) entries belong to no transaction") }
        for row in try await db.raw("""
            SELECT a.id, a.kind, a.owner_id, a.currency, a.may_go_negative, b.balance_minor
            FROM ledger_accounts a LEFT JOIN ledger_balances b ON b.account_id = a.id ORDER BY a.id
            """).all() {
            let id = try row.decode(column: "id", as: Int64.self)
            let name = "account \(id) (\(try row.decode(column: "kind", as: String.self)) of \(try row.decode(column: "owner_id", as: Int64.self)) in \(try row.decode(column: "currency", as: String.self)))"
            let stored = try row.decodeIfPresent(column: "balance_minor", as: Int64.self) ?? 0
            let summed = sums[id] ?? 0
            if stored != summed { problems.append("\(name): its balance says \(stored), its entries sum to \(summed)") }
            if summed < 0, !(try row.decode(column: "may_go_negative", as: Bool.self)) { problems.append("\(name) is below zero: \(summed)") }
        }
        return LedgerVerification(transactions: transactions, entries: entries, problems: problems)
    }

    /// The page of transactions after `after` with their entries, and its last id; nil past the last page.
    private static func page(after: Int64, on db: any SQLDatabase) async throws -> (rows: [any SQLRow], lines: [any SQLRow], lastID: Int64)? {
        let rows = try await db.raw("""
            SELECT id, idempotency_key, kind, reference, actor_id, request, created_at, previous_hash, hash FROM ledger_transactions
            WHERE id > \(bind: after) ORDER BY id LIMIT \(bind: verifyPage)
            """).all()
        guard let last = rows.last else { return nil }
        let lastID = try last.decode(column: "id", as: Int64.self)
        let lines = try await db.raw("""
            SELECT e.transaction_id, e.account_id, e.amount_minor, e.currency, a.kind, a.owner_id, a.currency AS account_currency
            FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
            WHERE e.transaction_id > \(bind: after) AND e.transaction_id <= \(bind: lastID) ORDER BY e.transaction_id, e.id
            """).all()
        return (rows, lines, lastID)
    }

    /// The differences one transaction shows; its entries are added to `sums` by account.
    private static func check(_ row: any SQLRow, lines: [any SQLRow], previous: String, sums: inout [Int64: Int64]) throws -> [String] {
        let id = try row.decode(column: "id", as: Int64.self)
        var problems: [String] = []
        var draftLines: [LedgerTransactionDraft.Line] = []
        for line in lines {
            let amount = try line.decode(column: "amount_minor", as: Int64.self)
            let accountID = try line.decode(column: "account_id", as: Int64.self)
            sums[accountID, default: 0] &+= amount
            let currency = try line.decode(column: "currency", as: String.self)
            guard currency == (try line.decode(column: "account_currency", as: String.self)),
                  let kind = LedgerAccountKind(rawValue: try line.decode(column: "kind", as: String.self)),
                  let code = try? CurrencyCode(currency)
            else {
                problems.append("transaction \(id) has an entry in another currency than its account's")
                continue
            }
            draftLines.append(LedgerTransactionDraft.Line(LedgerAccountKey(kind, owner: try line.decode(column: "owner_id", as: Int64.self), currency: code), amount))
        }
        for (currency, total) in LedgerTransactionDraft.totals(draftLines) where total != 0 {
            problems.append("transaction \(id) does not balance in \(currency.code): its entries sum to \(total)")
        }
        let request = try row.decode(column: "request", as: String.self)
        let rebuilt = try? LedgerTransactionDraft(
            idempotencyKey: try row.decode(column: "idempotency_key", as: String.self),
            kind: LedgerTransactionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .reversal,
            reference: try row.decode(column: "reference", as: String.self), actorID: try row.decodeIfPresent(column: "actor_id", as: Int64.self),
            lines: draftLines
        )
        if rebuilt?.canonicalText != request { problems.append("transaction \(id): its entries or fields are not those it was written with") }
        if try row.decode(column: "previous_hash", as: String.self) != previous {
            problems.append("transaction \(id) does not follow the transaction before it (one was removed or reordered)")
        }
        let createdAt = try row.decode(column: "created_at", as: Date.self)
        if hash(request: request, createdAt: createdAt, previous: try row.decode(column: "previous_hash", as: String.self)) != (try row.decode(column: "hash", as: String.self)) {
            problems.append("transaction \(id): its hash does not match what it records (it was edited)")
        }
        return problems
    }
}
