import AgoraStore
import Foundation
import Logging
import ServiceLifecycle

/// Keeps this instance's hub told of new room events recorded anywhere. Commits in this process signal it at once
/// (`CommitSignals`). On PostgreSQL, every instance listens for the `project:sequence` each event notifies on commit,
/// and for typing and presence relayed between instances; after a reconnection every room is read again. On SQLite,
/// whose instances share a file without notifications, the rooms' counters are compared every `pollInterval`.
struct RoomFeed: Service {
    /// The PostgreSQL channel of typing and presence between instances.
    static let liveChannel = "agora_room_live"

    let hub: RoomHub
    let store: Store
    let instance: UUID
    let logger: Logger
    var pollInterval: Duration = .seconds(1)
    var reconnectDelay: Duration = .seconds(2)

    /// A typing or presence frame on its way to the other instances.
    struct Relayed: Codable {
        let instance: UUID
        let frame: RoomFrames.Live
    }

    /// Sends a typing or presence frame to the other instances (PostgreSQL only; SQLite's instance is alone).
    static func relay(store: Store, instance: UUID) -> (@Sendable (RoomFrames.Live) async -> Void)? {
        guard store.engine == .postgresql else { return nil }
        return { frame in
            guard let data = try? JSONEncoder().encode(Relayed(instance: instance, frame: frame)) else { return }
            try? await store.sql.raw("SELECT pg_notify(\(bind: liveChannel), \(bind: String(decoding: data, as: UTF8.self)))").run()
        }
    }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            switch store.engine {
            case .postgresql:
                await withTaskGroup(of: Void.self) { group in
                    let listener = ChannelListener(store: store, logger: logger, reconnectDelay: reconnectDelay)
                    group.addTask { await listener.listen(on: RoomEventLog.channel, connected: { await hub.signal(Set(await hub.roomIDs)) }, notified: events) }
                    group.addTask { await listener.listen(on: Self.liveChannel, connected: {}, notified: live) }
                }
            case .sqlite:
                while !Task.isCancelled {
                    // One query for every room's counter; only the rooms that moved are read.
                    if let latest = try? await RoomEventLog(store: store).latest(of: await hub.roomIDs) {
                        await hub.signal(await hub.behind(latest))
                    }
                    try? await Task.sleep(for: pollInterval)
                }
            }
        }
    }

    @Sendable private func events(_ payload: String) async {
        guard let room = payload.split(separator: ":").first.flatMap({ Int64($0) }) else { return }
        await hub.signal([room])
    }

    @Sendable private func live(_ payload: String) async {
        guard let relayed = try? JSONDecoder().decode(Relayed.self, from: Data(payload.utf8)), relayed.instance != instance else { return }
        await hub.received(relayed.frame)
    }
}
