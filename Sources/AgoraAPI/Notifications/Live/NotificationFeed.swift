import AgoraStore
import Foundation
import Logging
import ServiceLifecycle

/// Keeps this instance's notification hub told of people whose notifications changed anywhere. Commits in this
/// process signal it at once (`CommitSignals`, topic `person`). On PostgreSQL every instance listens on
/// `NotificationRepository.channel`, and after a reconnection everyone followed is read again. On SQLite, whose
/// instances share a file without notifications, the people's latest ids are compared every `pollInterval`.
struct NotificationFeed: Service {
    let hub: NotificationHub
    let store: Store
    let logger: Logger
    var pollInterval: Duration = .seconds(1)
    var reconnectDelay: Duration = .seconds(2)

    func run() async throws {
        await cancelWhenGracefulShutdown {
            switch store.engine {
            case .postgresql:
                await ChannelListener(store: store, logger: logger, reconnectDelay: reconnectDelay).listen(
                    on: NotificationRepository.channel, connected: { await hub.signal(Set(await hub.userIDs)) },
                    notified: { payload in
                        if payload == NotificationRepository.everyone {
                            await hub.signal(Set(await hub.userIDs))
                        } else if let userID = Int64(payload) {
                            await hub.signal([userID])
                        }
                    }
                )
            case .sqlite:
                let notifications = NotificationRepository(store: store)
                while !Task.isCancelled {
                    if let latest = try? await notifications.latest(of: await hub.userIDs) {
                        await hub.signal(await hub.behind(latest))
                    }
                    try? await Task.sleep(for: pollInterval)
                }
            }
        }
    }
}
