import Foundation

/// Tells this process what committed transactions changed that live connections follow — the rooms that recorded
/// events (`RoomEventLog`), the people whose notifications were written or read (`NotificationRepository`) — once
/// the transaction has committed: the connections then read what changed from the database. Other processes hear of
/// it through PostgreSQL's notifications, or, on SQLite, by asking the counters now and then.
public final class CommitSignals: Sendable {
    /// What a signal names.
    public enum Topic: Sendable, Hashable {
        /// A project's room (its id).
        case room
        /// A person's notifications (their id).
        case person
        /// Everyone's notifications (an announcement; the id is 0).
        case everyone
    }

    /// What a transaction in progress changed, signalled when it commits, forgotten if it rolls back.
    final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var ids: [Topic: Set<Int64>] = [:]

        func add(_ topic: Topic, _ id: Int64) { lock.withLock { _ = ids[topic, default: []].insert(id) } }
        var all: [Topic: Set<Int64>] { lock.withLock { ids } }
    }

    @TaskLocal static var pending: Pending?

    private let lock = NSLock()
    nonisolated(unsafe) private var listeners: [(topic: Topic, call: @Sendable (Set<Int64>) -> Void)] = []

    public init() {}

    /// Calls `listener` with the ids of a topic that each committed transaction changed.
    public func observe(_ topic: Topic, _ listener: @escaping @Sendable (Set<Int64>) -> Void) {
        lock.withLock { listeners.append((topic, listener)) }
    }

    func committed(_ pending: Pending) {
        let changed = pending.all
        guard !changed.isEmpty else { return }
        for listener in lock.withLock({ listeners }) {
            if let ids = changed[listener.topic], !ids.isEmpty { listener.call(ids) }
        }
    }
}
