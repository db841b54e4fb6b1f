import AgoraAPI
import AgoraStore
import ArgumentParser
import Foundation
import Hummingbird
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the API under /api and the generated site at /. Stops gracefully on SIGTERM or SIGINT."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port = 8080

    @Option(help: "Directory of the generated site.")
    var site = "Site"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        LogSetup.bootstrap()
        let logger = Logger(label: "agora.api")
        try await database.withStore { store in
            let pending = try await Migrator(store: store).pendingVersions()
            if !pending.isEmpty {
                logger.warning("the database needs migrating: run `agora migrate` (health answers 503 until then)")
            }
            if !FileManager.default.fileExists(atPath: site + "/index.html") {
                logger.warning("\(site)/ holds no site yet: run `agora build` (every page answers 404 until then)")
            }
            let configuration = APIConfiguration(host: host, port: port, siteDirectory: URL(fileURLWithPath: site))
            let app = buildApplication(configuration: configuration, store: store, logger: logger)
            try await app.runService()
        }
    }
}
