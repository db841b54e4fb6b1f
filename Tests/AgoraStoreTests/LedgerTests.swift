import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Ledger")
struct LedgerTests {
    static let euro = CurrencyCode.eur
    static let clearing = LedgerAccountKey(.processorClearing, currency: euro)
    static func funds(_ client: Int64 = 1) -> LedgerAccountKey { LedgerAccountKey(.clientFunds, owner: client, currency: euro) }
    static func escrow(_ milestone: Int64 = 10) -> LedgerAccountKey { LedgerAccountKey(.escrow, owner: milestone, currency: euro) }

    /// A client's payment of `amount` cents coming in from the processor.
    static func payment(_ key: String, _ amount: Int64, client: Int64 = 1) throws -> LedgerTransactionDraft {
        try LedgerTransactionDraft(idempotencyKey: key, kind: .payment, reference: "payment:\(key)", actorID: client,
                                   lines: [.init(clearing, -amount), .init(funds(client), amount)])
    }

    static func funding(_ key: String, _ amount: Int64, client: Int64 = 1, milestone: Int64 = 10) throws -> LedgerTransactionDraft {
        try LedgerTransactionDraft(idempotencyKey: key, kind: .funding, reference: "milestone:\(milestone)", actorID: client,
                                   lines: [.init(funds(client), -amount), .init(escrow(milestone), amount)])
    }

    @Test("a draft must balance in each currency, name each account once, hold no zero line and carry a usable key")
    func drafts() throws {
        func fields(_ make: () throws -> LedgerTransactionDraft) -> [String] {
            do {
                _ = try make()
                return []
            } catch let invalid as ValidationError {
                return invalid.errors.map(\.field)
            } catch {
                return ["unexpected"]
            }
        }
        #expect(fields { try Self.payment("p1", 5_000) } == [])
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "k", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.clearing, -5), .init(Self.funds(), 4)]) } == ["lines"])
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "k", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.clearing, 0), .init(Self.funds(), 0)]) } == ["lines"])
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "k", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.funds(), -5), .init(Self.funds(), 5)]) } == ["lines"])
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "k", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.funds(), 5)]) } == ["lines", "lines"], "one line, and unbalanced")
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.clearing, -5), .init(Self.funds(), 5)]) } == ["idempotency_key"])
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "has space", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.clearing, -5), .init(Self.funds(), 5)]) } == ["idempotency_key"])
        let yen = try CurrencyCode("JPY")
        let mixed = { try LedgerTransactionDraft(idempotencyKey: "fx", kind: .payment, reference: "", actorID: nil, lines: [
            .init(Self.clearing, -500), .init(Self.funds(), 500), .init(LedgerAccountKey(.processorClearing, currency: yen), -80), .init(LedgerAccountKey(.clientFunds, owner: 1, currency: yen), 79),
        ]) }
        #expect(fields(mixed) == ["lines"], "balanced in euros, not in yen")
        #expect(fields { try LedgerTransactionDraft(idempotencyKey: "big", kind: .payment, reference: "", actorID: nil, lines: [.init(Self.clearing, .max), .init(Self.funds(), .max), .init(LedgerAccountKey(.refunds, owner: 1, currency: Self.euro), 2)]) } == ["lines"], "an overflowing sum does not pass for zero")
        #expect(LedgerAccountKey(.platformRevenue, owner: 42, currency: Self.euro).ownerID == 0, "the platform's accounts have no owner")
    }

    @Test("rounding is defined once: half away from zero to the minor unit, for currencies of 0, 2 and 3 decimals")
    func rounding() throws {
        let kwd = try CurrencyCode("KWD")
        let yen = try CurrencyCode("JPY")
        #expect(kwd.minorUnitDigits == 3 && yen.minorUnitDigits == 0)
        #expect(Money.major(1, kwd).minorUnits == 1_000 && Money(minorUnits: 12_345, currency: kwd).formatted == "KWD 12.345")
        #expect(Money(minorUnits: 1_000, currency: Self.euro).portion(1, of: 3).minorUnits == 333)
        #expect(Money(minorUnits: 1_000, currency: Self.euro).portion(2, of: 3).minorUnits == 667)
        #expect(Money(minorUnits: 5, currency: Self.euro).portion(1, of: 2).minorUnits == 3, "a half rounds away from zero")
        #expect(Money(minorUnits: -5, currency: Self.euro).portion(1, of: 2).minorUnits == -3)
        #expect(Money(minorUnits: 999, currency: yen).portion(15, of: 100).minorUnits == 150, "149.85 yen")
        #expect(Money(minorUnits: 10_001, currency: kwd).portion(1, of: 4).minorUnits == 2_500, "2.50025 KWD")
    }

    @Test("posting moves balances in one transaction; an account that may not go negative refuses, and nothing is written", arguments: TestDatabase.engines)
    func posting(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let ledger = Ledger(store: store)
            let paid = try await ledger.post(try Self.payment("pay-1", 50_000), now: Fixtures.now)
            #expect(!paid.replayed && paid.hash.count == 64)
            _ = try await ledger.post(try Self.funding("fund-1", 30_000), now: Fixtures.now)
            #expect(try await ledger.balance(of: Self.funds()) == 20_000)
            #expect(try await ledger.balance(of: Self.escrow()) == 30_000)
            #expect(try await ledger.balance(of: Self.clearing) == -50_000, "the processor's mirror may go negative")
            #expect(try await ledger.balance(of: Self.escrow(11)) == 0, "an account that never moved")

            await #expect(throws: StatusTransitionError.self) { try await ledger.post(try Self.funding("fund-2", 20_001, milestone: 11), now: Fixtures.now) }
            #expect(try await ledger.balance(of: Self.funds()) == 20_000, "the refused transaction moved nothing")
            #expect(try await ledger.balance(of: Self.escrow(11)) == 0)
            let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM ledger_transactions").first()?.decode(column: "n", as: Int.self)
            #expect(count == 2)
            let verification = try await ledger.verify()
            #expect(verification.transactions == 2 && verification.entries == 4 && verification.problems == [])
        }
    }

    @Test("the same key with the same draft answers the first transaction; with another draft it is refused", arguments: TestDatabase.engines)
    func idempotency(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let ledger = Ledger(store: store)
            let first = try await ledger.post(try Self.payment("pay-1", 50_000), now: Fixtures.now)
            let again = try await ledger.post(try Self.payment("pay-1", 50_000), now: Fixtures.now.addingTimeInterval(60))
            #expect(again.replayed && again.id == first.id && again.hash == first.hash)
            #expect(try await ledger.balance(of: Self.funds()) == 50_000, "no double effect")
            await #expect(throws: StoreError.conflict("this idempotency key was used for another transaction")) {
                try await ledger.post(try Self.payment("pay-1", 40_000), now: Fixtures.now)
            }
            // Racing the same key: one writes, the others answer it or are told to send again; never twice.
            let results = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<6 {
                    group.addTask { (try? await ledger.post(try Self.payment("pay-2", 1_000), now: Fixtures.now)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.contains(true))
            #expect(try await ledger.balance(of: Self.funds()) == 51_000)
            #expect(try await ledger.verify().isSound)
        }
    }

    @Test("entries and transactions refuse UPDATE and DELETE on both engines; a reversal corrects instead", arguments: TestDatabase.engines)
    func appendOnly(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let ledger = Ledger(store: store)
            let paid = try Self.payment("pay-1", 50_000)
            _ = try await ledger.post(paid, now: Fixtures.now)
            for statement in ["UPDATE ledger_entries SET amount_minor = 1", "DELETE FROM ledger_entries", "UPDATE ledger_transactions SET reference = 'x'", "DELETE FROM ledger_transactions"] {
                await #expect(throws: (any Error).self, "\(statement)") { try await store.sql.raw("\(unsafeRaw: statement)").run() }
            }
            _ = try await ledger.post(try paid.reversal(key: "pay-1-reversal", actorID: 99), now: Fixtures.now)
            #expect(try await ledger.balance(of: Self.funds()) == 0)
            #expect(try await ledger.balance(of: Self.clearing) == 0)
            let verification = try await ledger.verify()
            #expect(verification.transactions == 2 && verification.entries == 4 && verification.problems == [])
        }
    }

    @Test("verify names an entry changed, a transaction removed, and a balance that is not its entries' sum", arguments: TestDatabase.engines)
    func tampering(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let ledger = Ledger(store: store)
            // Times off the millisecond (one at a half): what the database reads back must hash as what was written.
            for index in 1...3 {
                _ = try await ledger.post(try Self.payment("pay-\(index)", 1_000 * Int64(index)), now: Fixtures.now.addingTimeInterval(Double(index) + 0.000_499_6 + Double(index) * 0.000_123))
            }
            #expect(try await ledger.verify().isSound)
            switch store.engine {
            case .sqlite:
                for table in ["ledger_transactions", "ledger_entries"] {
                    try await store.sql.raw("DROP TRIGGER \(unsafeRaw: table)_no_update").run()
                    try await store.sql.raw("DROP TRIGGER \(unsafeRaw: table)_no_delete").run()
                }
            case .postgresql:
                for table in ["ledger_transactions", "ledger_entries"] {
                    try await store.sql.raw("DROP TRIGGER \(unsafeRaw: table)_append_only ON \(unsafeRaw: table)").run()
                }
            }
            try await store.sql.raw("UPDATE ledger_entries SET amount_minor = 2500 WHERE amount_minor = 2000").run()
            let edited = try await ledger.verify()
            #expect(edited.problems.contains { $0.contains("transaction 2") && $0.contains("balance") } || edited.problems.contains { $0.contains("does not balance") })
            #expect(edited.problems.contains { $0.contains("transaction 2: its entries or fields are not those it was written with") })
            #expect(edited.problems.contains { $0.contains("its balance says 6000, its entries sum to 6500") })

            try await store.sql.raw("UPDATE ledger_entries SET amount_minor = 2000 WHERE amount_minor = 2500").run()
            try await store.sql.raw("UPDATE ledger_balances SET balance_minor = 7000 WHERE balance_minor = 6000").run()
            #expect(try await ledger.verify().problems.count == 1)

            try await store.sql.raw("UPDATE ledger_balances SET balance_minor = 6000 WHERE balance_minor = 7000").run()
            try await store.sql.raw("DELETE FROM ledger_entries WHERE transaction_id = 2").run()
            try await store.sql.raw("DELETE FROM ledger_transactions WHERE id = 2").run()
            let removed = try await ledger.verify()
            #expect(removed.problems.contains { $0.contains("transaction 3 does not follow the transaction before it") })
        }
    }
}
