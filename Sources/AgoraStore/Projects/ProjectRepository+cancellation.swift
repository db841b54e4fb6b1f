import AgoraDomain
import Foundation
import SQLKit

extension ProjectRepository {
    public typealias AnnounceEvent = @Sendable (ProjectEvent) throws -> Announcements

    /// A member asks to cancel (`reason` required), or agrees to the other member's request: then the project and
    /// its order are cancelled, the provider's record counts a project closed without completion, and all that is
    /// still held in escrow is refunded to the client (pending until the processor pays it back). One transaction,
    /// the project locked; `ProjectCancellation.asking` says which it is.
    public func cancel(_ projectID: Int64, by userID: Int64, reason: String?, now: Date, announce: @escaping AnnounceEvent) async throws -> ProjectEvent {
        try await store.transaction { [store] db in
            let project = try await Self.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            let event: ProjectActivityKind
            var detail: [String: String] = [:]
            switch try ProjectCancellation.asking(role, status: project.status, pending: project.cancellation) {
            case .requested:
                guard let reason else { throw ValidationError(field: "reason", message: "is required") }
                try await db.raw("""
                    UPDATE projects SET cancel_requested_by = \(state: role), cancel_reason = \(bind: reason), cancel_requested_at = \(bind: now)
                    WHERE id = \(bind: projectID)
                    """).run()
                event = .cancellationRequested
                detail["reason"] = reason
            case .agreed:
                try await Self.cancelled(project, by: userID, refundReason: "The project was cancelled by agreement.", store: store, now: now, on: db)
                event = .projectCancelled
            }
            try await ProjectActivityLog.record(event, projectID: projectID, actorID: userID, detail: detail, now: now, on: db)
            return try await Self.announced(event, by: role, projectID: projectID, viewer: userID, project: project, store: store, db: db, now: now, announce: announce)
        }
    }

    /// Cancels a project and its order inside the caller's transaction (an agreement, or a dispute's decision): the
    /// provider's record counts a project closed without completion, and whatever is still held in escrow goes back
    /// to the client, decided here and paid back by the processor after.
    @discardableResult
    static func cancelled(
        _ project: Project, by actorID: Int64?, refundReason: String, store: Store, now: Date, on db: any SQLDatabase
    ) async throws -> [PaymentRefund] {
        let status = try project.status.moving(to: .cancelled)
        try await db.raw("UPDATE projects SET status = \(state: status), cancelled_at = \(bind: now), updated_at = \(bind: now) WHERE id = \(bind: project.id)").run()
        let order = try await OrderRepository.locked(project.orderID, on: db)
        try await db.raw("""
            UPDATE orders SET status = \(state: try order.status.moving(to: .cancelled)), updated_at = \(bind: now) WHERE id = \(bind: order.id)
            """).run()
        try await OrderRepository.record(.cancelled, orderID: order.id, actorID: actorID, detail: ["project_id": String(project.id)], now: now, on: db)
        try await ProviderRecord.projectClosed(providerID: project.providerID, now: now, on: db, engine: store.engine)
        return try await EscrowRepository.refundHeld(of: project, reason: refundReason, actorID: actorID, store: store, now: now, on: db)
    }

    /// Ends a waiting request to cancel: withdrawn by the member who asked, declined by the other.
    public func keep(_ projectID: Int64, by userID: Int64, now: Date, announce: @escaping AnnounceEvent) async throws -> ProjectEvent {
        try await store.transaction { [store] db in
            let project = try await Self.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            guard let pending = project.cancellation, project.status.canMove(to: .cancelled) else {
                throw StatusTransitionError("no request to cancel this project is waiting")
            }
            try await db.raw("""
                UPDATE projects SET cancel_requested_by = NULL, cancel_reason = NULL, cancel_requested_at = NULL WHERE id = \(bind: projectID)
                """).run()
            let event: ProjectActivityKind = pending.requestedBy == role ? .cancellationWithdrawn : .cancellationDeclined
            try await ProjectActivityLog.record(event, projectID: projectID, actorID: userID, now: now, on: db)
            return try await Self.announced(event, by: role, projectID: projectID, viewer: userID, project: project, store: store, db: db, now: now, announce: announce)
        }
    }

    /// The project as `viewer` sees it after `event`, its announcements written in the same transaction.
    static func announced(
        _ event: ProjectActivityKind, by role: ProjectRole, projectID: Int64, viewer: Int64, project: Project, reason: String? = nil,
        store: Store, db: any SQLDatabase, now: Date, announce: AnnounceEvent
    ) async throws -> ProjectEvent {
        guard let details = try await details(projectID, for: viewer, on: db) else { throw StoreError.notFound("the project") }
        let happened = ProjectEvent(event: event, actor: role, details: details, members: try await members(of: project, on: db), reason: reason)
        try await NotificationRepository.write(try announce(happened), store: store, on: db, now: now)
        return happened
    }
}
