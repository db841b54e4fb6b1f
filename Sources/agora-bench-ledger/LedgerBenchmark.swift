import AgoraDomain
import AgoraStore
import Foundation

/// `agora-bench-ledger DATABASE TRANSACTIONS WORKERS`: posts TRANSACTIONS ledger transactions of four lines each (a
/// milestone's money: a payment in with its fees, a funding with its fees, a release with commission and tax; each
/// release takes from the escrow its funding filled) from WORKERS concurrent writers on a migrated
/// database, then times `Ledger.verify` over everything written. Prints one line of figures. Built and run by
/// `make bench-payments`; not part of the service.
@main
struct LedgerBenchmark {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count == 4, let total = Int(arguments[2]), let workers = Int(arguments[3]), total > 0, workers > 0 else {
            FileHandle.standardError.write(Data("usage: agora-bench-ledger DATABASE TRANSACTIONS WORKERS\n".utf8))
            exit(2)
        }
        let store = try await Store.open(try DatabaseLocation(parsing: arguments[1]), connectionsPerThread: max(1, workers / 2))
        try await Migrator(store: store).migrate()
        let ledger = Ledger(store: store)
        let euro = CurrencyCode.eur
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Duration].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var own: [Duration] = []
                    // Each writer takes every `workers`-th milestone whole (payment, funding, release, in that order), so a
                    // release always finds its funding.
                    for index in (0..<total) where (index / 3) % workers == worker {
                        let client = Int64(index % 997 + 1)
                        let milestone = Int64(index / 3 + 1)
                        let provider = Int64(index % 389 + 10_000)
                        let lines: [LedgerTransactionDraft.Line] = switch index % 3 {
                        case 0: [
                            .init(LedgerAccountKey(.processorClearing, currency: euro), -12_000),
                            .init(LedgerAccountKey(.clientFunds, owner: client, currency: euro), 11_000),
                            .init(LedgerAccountKey(.platformRevenue, currency: euro), 800),
                            .init(LedgerAccountKey(.taxPayable, currency: euro), 200),
                        ]
                        case 1: [
                            .init(LedgerAccountKey(.processorClearing, currency: euro), -10_300),
                            .init(LedgerAccountKey(.escrow, owner: milestone, currency: euro), 10_000),
                            .init(LedgerAccountKey(.platformRevenue, currency: euro), 250),
                            .init(LedgerAccountKey(.taxPayable, currency: euro), 50),
                        ]
                        default: [
                            .init(LedgerAccountKey(.escrow, owner: milestone, currency: euro), -10_000),
                            .init(LedgerAccountKey(.providerPayable, owner: provider, currency: euro), 8_800),
                            .init(LedgerAccountKey(.platformRevenue, currency: euro), 1_000),
                            .init(LedgerAccountKey(.taxPayable, currency: euro), 200),
                        ]
                        }
                        let draft = try LedgerTransactionDraft(
                            idempotencyKey: "bench-\(index)", kind: .release, reference: "milestone:\(milestone)", actorID: client, lines: lines
                        )
                        let before = ContinuousClock.now
                        _ = try await ledger.post(draft, now: Date())
                        own.append(ContinuousClock.now - before)
                    }
                    return own
                }
            }
            var all: [Duration] = []
            for try await own in group { all += own }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let sorted = latencies.sorted()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
        }
        let verifyStarted = ContinuousClock.now
        let verification = try await ledger.verify()
        let verifyTime = ContinuousClock.now - verifyStarted
        await store.close()
        print(String(
            format: "transactions=%d workers=%d per_second=%.0f p50_ms=%.2f p99_ms=%.2f verify_entries=%d verify_s=%.2f sound=%@",
            total, workers, Double(total) / seconds, milliseconds(sorted[sorted.count / 2]), milliseconds(sorted[Int(Double(sorted.count - 1) * 0.99)]),
            verification.entries, milliseconds(verifyTime) / 1_000, verification.isSound ? "yes" : "no"
        ))
        for problem in verification.problems.prefix(5) { print(problem) }
        if !verification.isSound { exit(1) }
    }
}
