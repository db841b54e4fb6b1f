import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// `agora ledger verify`: exit 0 and the counts for a sound ledger; non-zero and each difference for a tampered one.
@Suite("agora ledger verify")
struct LedgerCommandTests {
    func verify(_ database: String, in scratch: TemporaryDirectory) async throws -> (status: Int32, output: String) {
        try await AgoraExecutable.run(["ledger", "verify", "--database", database], in: scratch)
    }

    @Test("a sound ledger passes; a balance changed behind the service's back fails and is named")
    func verifies() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let database = scratch.path + "/agora.sqlite"
        _ = await (try AgoraExecutable.start(["migrate", "--database", database])).exited()
        let store = try await Store.open(.sqlite(path: database), connectionWait: TestDatabase.connectionWait)
        let euro = CurrencyCode.eur
        for index in 1...2 {
            _ = try await Ledger(store: store).post(try LedgerTransactionDraft(
                idempotencyKey: "payment-\(index)", kind: .payment, reference: "payment:\(index)", actorID: 1,
                lines: [.init(LedgerAccountKey(.processorClearing, currency: euro), -2_500), .init(LedgerAccountKey(.clientFunds, owner: 1, currency: euro), 2_500)]
            ), now: Date())
        }
        let sound = try await verify(database, in: scratch)
        #expect(sound.status == 0)
        #expect(sound.output.contains("ledger sound: 2 transactions, 4 entries"))

        try await store.sql.raw("UPDATE ledger_balances SET balance_minor = 9000 WHERE balance_minor = 5000").run()
        await store.close()
        let tampered = try await verify(database, in: scratch)
        #expect(tampered.status != 0)
        #expect(tampered.output.contains("its balance says 9000, its entries sum to 5000"))
    }
}
