import AgoraDomain
import Foundation

/// A value loaded on first use and kept for `lifetime`. After that, the next read starts a reload in the
/// background and is answered with the old value meanwhile: only the very first read waits for a load. A failed
/// background reload keeps the old value and is tried again by the next read.
actor RefreshingValue<Value: Sendable> {
    private let lifetime: TimeInterval
    private let clock: any AgoraClock
    private let load: @Sendable () async throws -> Value
    private var value: Value?
    private var loadedAt: Date?
    private var firstLoad: Task<Value, any Error>?
    private var reloading = false

    init(lifetime: TimeInterval, clock: any AgoraClock, load: @escaping @Sendable () async throws -> Value) {
        self.lifetime = lifetime
        self.clock = clock
        self.load = load
    }

    func get() async throws -> Value {
        let now = clock.now
        if let value, let loadedAt {
            if now.timeIntervalSince(loadedAt) >= lifetime, !reloading {
                reloading = true
                Task { [load] in
                    let fresh = try? await load()
                    self.finishReload(fresh)
                }
            }
            return value
        }
        let task = firstLoad ?? Task { [load] in try await load() }
        firstLoad = task
        do {
            let loaded = try await task.value
            if value == nil {
                value = loaded
                loadedAt = now
            }
            firstLoad = nil
            return loaded
        } catch {
            firstLoad = nil
            throw error
        }
    }

    /// Drops the value: the next read loads afresh and waits for it.
    func expire() {
        value = nil
        loadedAt = nil
    }

    private func finishReload(_ fresh: Value?) {
        if let fresh {
            value = fresh
            loadedAt = clock.now
        }
        reloading = false
    }
}
