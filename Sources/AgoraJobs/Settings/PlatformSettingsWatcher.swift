import AgoraStore
import Logging
import ServiceLifecycle

/// Keeps this process's platform settings in step with the database, so that a change made on one instance holds
/// on every instance without a restart. On PostgreSQL it listens for the change's notification (and reads everything
/// again after each reconnection); on SQLite, whose instances share one file, it asks every `pollInterval` whether
/// anything changed.
public struct PlatformSettingsWatcher: Service {
    let settings: LivePlatformSettings
    let store: Store
    let logger: Logger
    let pollInterval: Duration
    /// How long to wait before listening again after the connection dropped.
    let reconnectDelay: Duration

    public init(
        settings: LivePlatformSettings, store: Store, logger: Logger = Logger(label: "agora.settings"),
        pollInterval: Duration = .seconds(2), reconnectDelay: Duration = .seconds(5)
    ) {
        self.settings = settings
        self.store = store
        self.logger = logger
        self.pollInterval = pollInterval
        self.reconnectDelay = reconnectDelay
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    switch store.engine {
                    case .postgresql:
                        try await store.listen(on: PlatformSettingsRepository.channel, connected: settings.refresh) { _ in
                            try await settings.refresh()
                        }
                    case .sqlite:
                        try await settings.refreshIfChanged()
                        try await Task.sleep(for: pollInterval)
                        continue
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("watching the platform settings: \(error)")
                }
                try? await Task.sleep(for: store.engine == .postgresql ? reconnectDelay : pollInterval)
            }
        }
    }
}
