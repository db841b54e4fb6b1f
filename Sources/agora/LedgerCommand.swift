import AgoraStore
import ArgumentParser
import Foundation

/// `agora ledger`: the double-entry ledger where money moves.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The double-entry ledger where money moves.",
        subcommands: [VerifyLedger.self]
    )
}

struct VerifyLedger: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every balance from the entries and check every transaction and the hash chain; exits non-zero and names each difference."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try LogSetup.bootstrap()
        let verification = try await database.withStore { try await Ledger(store: $0).verify() }
        guard verification.isSound else {
            for problem in verification.problems { print(problem) }
            throw CommandError("the ledger is not sound: \(verification.problems.count) differences in \(verification.transactions) transactions")
        }
        print("ledger sound: \(verification.transactions) transactions, \(verification.entries) entries, every balance the sum of its entries, the chain intact")
    }
}
