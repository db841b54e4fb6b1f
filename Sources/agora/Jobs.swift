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
        abstract: "Run the background workers: email delivery from the outbox, the hourly clean-up and saved-search alerts. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var database: DatabaseOptions

    @OptionGroup(title: "Sources (email templates and the site's name)") var source: SourceOptions

    func run() async throws {
        LogSetup.bootstrap()
        let logger = Logger(label: "agora.jobs")
        try await database.withStore { store in
            let baseURL = source.baseURL ?? Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080"
            let settings = try ServiceSettings.fromEnvironment(baseURL: baseURL)
            let composer = try await settings.emailComposer(layouts: source.layouts, content: source.content, baseURL: baseURL)
            let group = ServiceGroup(
                services: try settings.backgroundJobs(store: store, composer: composer),
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
            logger.info("jobs running: email delivery, clean-up and saved-search alerts")
            try await group.run()
        }
    }
}
