import AgoraDomain
import Foundation
import SQLKit

extension ProjectRepository {
    /// The client ends an hourly project: a running timer stops as it would at any stop, the project completes with
    /// its order, and both members are told. The weeks with time are still reviewed and approved as before, and an
    /// active project only may end (resume a paused one first). Fixed-price work completes with its last approved
    /// milestone instead.
    public func end(_ projectID: Int64, by userID: Int64, now: Date, announce: @escaping AnnounceEvent) async throws -> ProjectEvent {
        try await store.transaction { [store] db in
            let project = try await Self.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            guard role == .client else { throw StatusTransitionError("only the client ends the project") }
            guard project.billing != .fixed else {
                throw StatusTransitionError("a fixed-price project completes when its last milestone is approved")
            }
            _ = try project.status.moving(to: .completed)
            if let running = try await TimeEntryRepository.running(of: projectID, on: db) {
                _ = try await TimeEntryRepository.stop(running, project: project, actor: nil, now: now, on: db)
            }
            try await Self.complete(project, by: userID, store: store, now: now, on: db)
            return try await Self.announced(.projectCompleted, by: role, projectID: projectID, viewer: userID, project: project, store: store, db: db,
                                            now: now, announce: announce)
        }
    }

    /// The project completes (every milestone approved, or the client ended hourly work): its order with it, and
    /// the provider's record counts one more completed project.
    static func complete(_ project: Project, by actorID: Int64?, store: Store, now: Date, on db: any SQLDatabase) async throws {
        let status = try project.status.moving(to: .completed)
        try await db.raw("""
            UPDATE projects SET status = \(state: status), completed_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: project.id)
            """).run()
        let order = try await OrderRepository.locked(project.orderID, on: db)
        try await db.raw("""
            UPDATE orders SET status = \(state: try order.status.moving(to: .completed)), updated_at = \(bind: now) WHERE id = \(bind: order.id)
            """).run()
        try await OrderRepository.record(.completed, orderID: order.id, actorID: actorID, detail: ["project_id": String(project.id)], now: now, on: db)
        try await ProjectActivityLog.record(.projectCompleted, projectID: project.id, actorID: actorID, now: now, on: db)
        try await ProviderRecord.projectClosed(providerID: project.providerID, now: now, on: db, engine: store.engine)
    }
}
