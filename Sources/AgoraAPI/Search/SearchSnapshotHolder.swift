import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Keeps the providers' `SearchSnapshot` for the searches of this process. The first search reads it whole;
/// when the index's generation moves, the next search waits for the few providers that changed to be read; and
/// every `fullReload` the whole snapshot is read again in the background (deleted accounts leave it then), while
/// searches go on with the one they have.
actor SearchSnapshotHolder {
    static let fullReload: TimeInterval = 600

    private let store: Store
    private let clock: any AgoraClock
    private var snapshot: SearchSnapshot?
    private var refreshing: Task<SearchSnapshot, any Error>?
    private var reloading = false

    init(store: Store, clock: any AgoraClock) {
        self.store = store
        self.clock = clock
    }

    /// The snapshot as of `generation` (or newer).
    func current(generation: Int64) async throws -> SearchSnapshot {
        if let snapshot, snapshot.generation >= generation {
            reloadIfOld(snapshot)
            return snapshot
        }
        let task = refreshing ?? Task { [store, clock, snapshot] in
            if let snapshot { return try await snapshot.updated(from: store) }
            return try await SearchSnapshot.load(from: store, now: clock.now)
        }
        refreshing = task
        do {
            let fresh = try await task.value
            refreshing = nil
            if fresh.generation >= (snapshot?.generation ?? -1) { snapshot = fresh }
            return snapshot ?? fresh
        } catch {
            refreshing = nil
            throw error
        }
    }

    private func reloadIfOld(_ current: SearchSnapshot) {
        guard !reloading, clock.now.timeIntervalSince(current.loadedAt) >= Self.fullReload else { return }
        reloading = true
        Task { [store, clock] in
            let fresh = try? await SearchSnapshot.load(from: store, now: clock.now)
            self.finishReload(fresh)
        }
    }

    private func finishReload(_ fresh: SearchSnapshot?) {
        if let fresh, fresh.generation >= (snapshot?.generation ?? -1) { snapshot = fresh }
        reloading = false
    }
}
