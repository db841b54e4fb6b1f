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
        abstract: "Run the background workers: email delivery from the outbox, site regeneration from the site-changes queue, order routing, the hourly clean-up, statistics and saved-search alerts. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Directory of the generated site, which the regeneration worker keeps up to date.")
    var site = "Site"

    @OptionGroup(title: "Sources (email templates, and the site the regeneration worker builds)") var source: SourceOptions

    func run() async throws {
        try LogSetup.bootstrap()
        let logger = Logger(label: "agora.jobs")
        try await database.withStore { store in
            let baseURL = source.baseURL ?? Environment.value("AGORA_BASE_URL") ?? "http://127.0.0.1:8080"
            let settings = try ServiceSettings.fromEnvironment(baseURL: baseURL)
            let composer = try await settings.emailComposer(layouts: source.layouts, content: source.content, baseURL: baseURL)
            let options = try source.buildOptions(output: site)
            let platformSettings = await LivePlatformSettings.read(from: store, overrides: settings.settingOverrides, logger: logger)
            let group = ServiceGroup(
                services: try settings.backgroundJobs(store: store, composer: composer, platformSettings: platformSettings) + [SiteRegenerationWorker(store: store, options: options)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger
            )
            logger.info("jobs running: email delivery, site regeneration, order routing, clean-up, statistics and saved-search alerts")
            try await group.run()
        }
    }
}
