import AgoraAPI
import AgoraJobs
import AgoraSite
import AgoraStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API under /api and the generated site at /. Stops gracefully on SIGTERM or SIGINT.",
        discussion: "With --watch, pages are built with a live-reload script; the next plain `agora build` rebuilds them without it."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Directory of the generated site.")
    var site = "Site"

    @Flag(help: "Rebuild as soon as a file in the content or layouts directory is saved, and reload the open pages.")
    var watch = false

    @OptionGroup(title: "Sources (email templates, and the site in watch mode)") var source: SourceOptions

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        try LogSetup.bootstrap()
        let logger = Logger(label: "agora.api")
        try await database.withStore { store in
            let pending = try await Migrator(store: store).pendingVersions()
            if !pending.isEmpty {
                logger.warning("the database needs migrating: run `agora migrate` (health answers 503 until then)")
            }
            var watcher: SiteWatcher?
            let hub = watch ? LiveReloadHub() : nil
            let baseURL = source.baseURL ?? Environment.value("AGORA_BASE_URL") ?? "http://\(host):\(port)"
            // The site is built, in watch mode and after changes made through the API, for the address it is served at.
            var options = try source.buildOptions(output: site)
            options.baseURL = try SiteURL(baseURL)
            if let hub {
                options.liveReload = true
                do {
                    let summary = try await SiteBuild(store: store, options: options).run()
                    logger.info("watching \(source.content)/ and \(source.layouts)/; \(summary.kind) build wrote \(summary.written) pages")
                } catch let error as SiteError {
                    // A broken file must not keep the marketer from starting the server that will show the fix.
                    logger.error("build failed: \(error); fix the file and save it")
                }
                watcher = SiteWatcher(store: store, options: options, listener: LiveReloadAnnouncer(hub: hub), logger: logger)
            } else if !FileManager.default.fileExists(atPath: site + "/index.html") {
                logger.warning("\(site)/ holds no site yet: run `agora build` (every page answers 404 until then)")
            }
            let settings = try ServiceSettings.fromEnvironment(baseURL: baseURL)
            var configuration = APIConfiguration(
                host: host, port: port, siteDirectory: URL(fileURLWithPath: site), auth: settings.auth,
                email: try await settings.emailComposer(layouts: source.layouts, content: source.content, baseURL: baseURL),
                searchWeights: settings.searchWeights
            )
            configuration.warmsUpSearch = true
            configuration.storageDirectory = settings.storage
            configuration.documentKey = settings.documentKey
            configuration.messageKeys = settings.messageKeys
            let platformSettings = await LivePlatformSettings.read(from: store, overrides: settings.settingOverrides, logger: logger)
            configuration.platformSettings = platformSettings
            configuration.trustedProxies = settings.trustedProxies
            configuration.metricsAccess = settings.metricsAccess
            configuration.rateLimitsEnabled = settings.rateLimits
            configuration.idleTimeout = settings.idleTimeout
            configuration.requestDeadline = settings.requestDeadline
            configuration.stripe = settings.stripe
            configuration.meetingRooms = settings.meetingRooms
            configuration.calDAVAllowsLocalServer = settings.calDAVAllowsLocalServer
            var background = try settings.backgroundJobs(store: store, composer: configuration.email, platformSettings: platformSettings)
            if settings.regeneratesSite { background.append(SiteRegenerationWorker(store: store, options: options)) }
            if let watcher { background.append(watcher) }
            let app = try await buildApplication(
                configuration: configuration, store: store, liveReload: hub, background: background, logger: logger
            )
            try await app.runService()
        }
    }
}
