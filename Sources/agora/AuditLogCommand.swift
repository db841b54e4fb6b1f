import AgoraStore
import ArgumentParser
import Foundation

/// `agora audit-log`: the log of administrators' actions.
struct AuditLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit-log",
        abstract: "The audit log of administrators' actions.",
        subcommands: [VerifyAuditLog.self]
    )
}

struct VerifyAuditLog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no entry of the audit log was edited or removed; exits non-zero and names the first one that was."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try LogSetup.bootstrap()
        let verification = try await database.withStore { try await AuditLog(store: $0).verify() }
        switch verification {
        case .intact(let entries):
            print("audit log intact: \(entries) entries, each chained to the one before")
        case .broken(let id, let reason):
            throw CommandError("audit log entry \(id) \(reason)")
        }
    }
}
