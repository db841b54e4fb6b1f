import Logging
import NIOPosix
import PostgresKit

extension Store {
    /// PostgreSQL only: listens on `channel` over a connection of its own (a pooled one would be handed to other
    /// queries) and calls `notified` with each notification's payload, until the task is cancelled or the connection
    /// drops (then it throws). `connected` runs once the listener is in place, before any notification: the
    /// place to read what may have changed while no one was listening.
    public func listen(
        on channel: String, connected: @Sendable () async throws -> Void, notified: @Sendable (String) async throws -> Void
    ) async throws {
        guard case .postgres(let url) = location else { throw StoreError.invalidLocation(location.description, reason: "only PostgreSQL notifies") }
        let configuration = try SQLPostgresConfiguration(url: url).coreConfiguration
        let connection = try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
        ).get()
        do {
            try await connection.listen(on: channel) { notifications in
                try await connected()
                for try await notification in notifications {
                    try await notified(notification.payload)
                }
            }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
