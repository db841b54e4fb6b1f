import AgoraDomain
import ArgumentParser

/// The `agora` command: one binary for every operator task.
@main
struct Agora: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agora",
        abstract: "A services marketplace: a static site generated from the database, and the service behind it.",
        version: AgoraVersion.current,
        subcommands: [Migrate.self, Seed.self, Reindex.self, Build.self, Audit.self, Serve.self, Jobs.self, Admin.self, AuditLogCommand.self, LedgerCommand.self, Keys.self]
    )
}
