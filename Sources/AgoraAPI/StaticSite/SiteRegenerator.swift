import AgoraSite
import AgoraStore
import Logging

/// Rebuilds the static site after a change made through the API (a category renamed, moved or hidden), in the
/// background: requests that arrive while a build runs are folded into one more build after it. The build is the
/// generator's incremental one, which decides what the change touches (a change to the categories rebuilds the
/// whole site, swapped in atomically).
actor SiteRegenerator {
    private let store: Store
    private let options: SiteBuildOptions
    private let logger: Logger
    private var pending = false
    private var running: Task<Void, Never>?

    init(store: Store, options: SiteBuildOptions, logger: Logger) {
        self.store = store
        self.options = options
        self.logger = logger
    }

    /// Asks for a rebuild; returns at once.
    func request(_ reason: String) {
        logger.info("site rebuild requested", metadata: ["reason": "\(reason)"])
        pending = true
        guard running == nil else { return }
        running = Task { await self.drain() }
    }

    /// Waits until no rebuild runs or waits to run.
    func idle() async {
        while let running { await running.value }
    }

    private func drain() async {
        while pending {
            pending = false
            do {
                let summary = try await SiteBuild(store: store, options: options).run()
                logger.info("site rebuilt", metadata: ["kind": "\(summary.kind)", "written": "\(summary.written)"])
            } catch {
                logger.error("site rebuild failed: \(error)")
            }
        }
        running = nil
    }
}
