import Foundation

/// Tells this process which rooms have new events, once the transaction that recorded them has committed: a room's
/// live connections then read the events from the database (`RoomEventLog`). Other processes hear of them through
/// PostgreSQL's notifications (`RoomEventLog.channel`), or, on SQLite, by asking the rooms' counters now and then.
public final class RoomSignals: Sendable {
    /// The rooms a transaction in progress recorded events in, signalled when it commits, forgotten if it rolls back.
    final class Pending: @unchecked Sendable {
        private let lock = NSLock()
        private var rooms: Set<Int64> = []

        func add(_ room: Int64) { lock.withLock { _ = rooms.insert(room) } }
        var all: Set<Int64> { lock.withLock { rooms } }
    }

    @TaskLocal static var pending: Pending?

    private let lock = NSLock()
    nonisolated(unsafe) private var listeners: [@Sendable (Set<Int64>) -> Void] = []

    public init() {}

    /// Calls `listener` with the rooms of each committed transaction that recorded events.
    public func observe(_ listener: @escaping @Sendable (Set<Int64>) -> Void) {
        lock.withLock { listeners.append(listener) }
    }

    func committed(_ rooms: Set<Int64>) {
        guard !rooms.isEmpty else { return }
        for listener in lock.withLock({ listeners }) { listener(rooms) }
    }
}
