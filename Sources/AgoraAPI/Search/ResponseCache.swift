import AgoraDomain
import Foundation

/// Where answers that are the same for everyone are kept for a while. The in-process `MemoryCache` is the
/// embedded default; a shared cache for several instances would implement the same three calls.
protocol ResponseCache: Sendable {
    func value(for key: String) async -> Data?
    func store(_ value: Data, for key: String, lifetime: TimeInterval) async
    func removeAll() async
}

/// A bounded in-process cache: entries expire after their lifetime, and when it holds more than `capacity`
/// entries or `maximumBytes`, the oldest go first.
actor MemoryCache: ResponseCache {
    private struct Entry {
        let value: Data
        let expires: Date
        let stored: UInt64
    }

    private let clock: any AgoraClock
    private let capacity: Int
    private let maximumBytes: Int
    private var entries: [String: Entry] = [:]
    private var bytes = 0
    private var counter: UInt64 = 0

    init(clock: any AgoraClock, capacity: Int = 10_000, maximumBytes: Int = 64 * 1024 * 1024) {
        self.clock = clock
        self.capacity = capacity
        self.maximumBytes = maximumBytes
    }

    func value(for key: String) -> Data? {
        guard let entry = entries[key] else { return nil }
        guard entry.expires > clock.now else {
            remove(key)
            return nil
        }
        return entry.value
    }

    func store(_ value: Data, for key: String, lifetime: TimeInterval) {
        guard value.count <= maximumBytes / 16 else { return }
        remove(key)
        counter += 1
        entries[key] = Entry(value: value, expires: clock.now.addingTimeInterval(lifetime), stored: counter)
        bytes += value.count + key.utf8.count
        if entries.count > capacity || bytes > maximumBytes { evict() }
    }

    func removeAll() {
        entries.removeAll()
        bytes = 0
    }

    var count: Int { entries.count }

    private func remove(_ key: String) {
        if let old = entries.removeValue(forKey: key) { bytes -= old.value.count + key.utf8.count }
    }

    /// Drops expired entries, then the oldest until a quarter of the room is free again.
    private func evict() {
        let now = clock.now
        for (key, entry) in entries where entry.expires <= now { remove(key) }
        guard entries.count > capacity * 3 / 4 || bytes > maximumBytes * 3 / 4 else { return }
        for (key, _) in entries.sorted(by: { $0.value.stored < $1.value.stored }) {
            guard entries.count > capacity * 3 / 4 || bytes > maximumBytes * 3 / 4 else { break }
            remove(key)
        }
    }
}
