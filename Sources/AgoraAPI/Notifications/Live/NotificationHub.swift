import AgoraStore
import Foundation
import Logging

/// This instance's live connections that follow their person's notifications (`{"type": "notifications"}` on
/// `/api/ws`). Each has a cursor, the last notification id it was sent. When a person is signalled (a commit in this
/// process, a PostgreSQL notification from another, a poll on SQLite) the hub reads their inbox after the lowest
/// cursor and sends each of their connections what it has not had, with the unread count — so a notification written
/// on any instance, or read in another tab, reaches every open tab. A connection only ever follows the person its
/// token signed in.
actor NotificationHub {
    struct Subscriber {
        let outbox: RoomOutbox
        var cursor: Int64
    }

    let store: Store
    let logger: Logger
    private var people: [Int64: [UUID: Subscriber]] = [:]
    private var delivering: Set<Int64> = []
    private var signalledAgain: Set<Int64> = []

    init(store: Store, logger: Logger) {
        self.store = store
        self.logger = logger
    }

    /// The people someone here follows.
    var userIDs: [Int64] { Array(people.keys) }

    /// Connections following notifications.
    var connections: Int { people.values.reduce(0) { $0 + $1.count } }

    /// Of these people's latest notification ids, the people some connection here has not been sent that far.
    func behind(_ latest: [Int64: Int64]) -> Set<Int64> {
        Set(latest.compactMap { userID, id in
            (people[userID]?.values.map(\.cursor).min()).flatMap { $0 < id ? userID : nil }
        })
    }

    /// Follows the person's notifications on a connection from `after` on (nil: from now), and sends the unread
    /// count and anything after `after` at once.
    func follow(_ userID: Int64, connection: UUID, outbox: RoomOutbox, after: Int64?) async {
        let notifications = NotificationRepository(store: store)
        let latest = (try? await notifications.latest(of: [userID]))?[userID] ?? 0
        people[userID, default: [:]][connection] = Subscriber(outbox: outbox, cursor: min(after ?? latest, latest))
        outbox.send(RoomFrames.text(NotificationFrames.Following(latest: latest)))
        await signal([userID])
    }

    func leave(connection: UUID) {
        for userID in Array(people.keys) {
            people[userID]?[connection] = nil
            if people[userID]?.isEmpty == true { people[userID] = nil }
        }
    }

    /// These people's notifications changed: send each of their connections what is new, and the unread count
    /// (sent even when nothing is new: a read in another tab changes only the count).
    func signal(_ userIDs: Set<Int64>) async {
        for userID in userIDs where people[userID] != nil {
            guard !delivering.contains(userID) else {
                signalledAgain.insert(userID)
                continue
            }
            delivering.insert(userID)
            repeat {
                signalledAgain.remove(userID)
                await deliver(to: userID)
            } while signalledAgain.contains(userID)
            delivering.remove(userID)
        }
    }

    private func deliver(to userID: Int64) async {
        guard let subscribers = people[userID], let lowest = subscribers.values.map(\.cursor).min() else { return }
        let notifications = NotificationRepository(store: store)
        do {
            let fresh = try await notifications.inbox(of: userID, after: lowest)
            let unread = try await notifications.unread(userID: userID)
            for (connection, subscriber) in people[userID] ?? [:] {
                let unsent = fresh.filter { $0.id > subscriber.cursor }
                let frame = NotificationFrames.Changed(unread: unread, notifications: unsent.map(NotificationBody.init))
                if !subscriber.outbox.send(RoomFrames.text(frame)) { continue }
                if let last = unsent.last { people[userID]?[connection]?.cursor = last.id }
            }
        } catch {
            logger.warning("reading notifications for a live connection: \(error)")
        }
    }
}

/// The frames of the notifications on `/api/ws`: after `{"type": "notifications", "after": id}` the service sends
/// `notifications-following` (the latest id now), then `notifications` whenever something changed — the unread
/// count and the notifications the connection has not had, oldest first.
enum NotificationFrames {
    struct Following: Encodable {
        let type = "notifications-following"
        let latest: Int64
    }

    struct Changed: Encodable {
        let type = "notifications"
        let unread: Int
        let notifications: [NotificationBody]
    }
}
