import AgoraJobs
import AgoraStore
import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle

/// `agora jobs`: the background workers without the HTTP service, for deployments that run them apart (several
/// `agora jobs` share the PostgreSQL outbox; each message is claimed by one of them).
struct Jobs: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the background workers: email delivery from the outbox and the hourly clean-up. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        LogSetup.bootstrap()
        let logger = Logger(label: "agora.jobs")
        try await database.withStore { store in
            let baseURL = Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080"
            let settings = try ServiceSettings.fromEnvironment(baseURL: baseURL)
            let group = ServiceGroup(
                services: [
                    EmailWorker(store: store, transport: try settings.mailTransport(), sender: settings.mailSender),
                    AccountCleanupJob(store: store),
                ],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
            logger.info("jobs running: email delivery and clean-up")
            try await group.run()
        }
    }
}
