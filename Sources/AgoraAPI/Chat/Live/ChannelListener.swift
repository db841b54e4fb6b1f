import AgoraStore
import Logging

/// Listens on a PostgreSQL channel for as long as the task runs, connecting again after `reconnectDelay` when the
/// connection drops; `connected` runs each time the listener is in place (the moment to read what may have changed
/// while no one listened).
struct ChannelListener: Sendable {
    let store: Store
    let logger: Logger
    let reconnectDelay: Duration

    func listen(on channel: String, connected: @escaping @Sendable () async -> Void, notified: @escaping @Sendable (String) async -> Void) async {
        while !Task.isCancelled {
            do {
                try await store.listen(on: channel, connected: { await connected() }, notified: { await notified($0) })
            } catch is CancellationError {
                return
            } catch {
                logger.warning("listening on \(channel): \(error)")
            }
            try? await Task.sleep(for: reconnectDelay)
        }
    }
}
