import AgoraStore
import Logging
import ServiceLifecycle

/// Keeps something this process holds from the database (`LiveState`: the platform settings, the published email
/// templates) in step with it, so that a change made on one instance holds on every instance without a restart. On
/// PostgreSQL it listens for the change's notification (and reads everything again after each reconnection); on
/// SQLite, whose instances share one file, it asks every `pollInterval` whether anything changed.
public struct LiveStateWatcher: Service {
    let state: any LiveState
    let store: Store
    let logger: Logger
    let pollInterval: Duration
    /// How long to wait before listening again after the connection dropped.
    let reconnectDelay: Duration

    public init(
        state: any LiveState, store: Store, logger: Logger = Logger(label: "agora.live-state"),
        pollInterval: Duration = .seconds(2), reconnectDelay: Duration = .seconds(5)
    ) {
        self.state = state
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
                        try await store.listen(on: state.channel, connected: state.refresh) { _ in
                            try await state.refresh()
                        }
                    case .sqlite:
                        try await state.refreshIfChanged()
                        try await Task.sleep(for: pollInterval)
                        continue
                    }
                } catch is CancellationError {
                    return
                } catch {
                    logger.warning("watching \(state.channel): \(error)")
                }
                try? await Task.sleep(for: store.engine == .postgresql ? reconnectDelay : pollInterval)
            }
        }
    }
}
