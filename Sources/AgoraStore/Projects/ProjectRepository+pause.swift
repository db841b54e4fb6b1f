import AgoraDomain
import Foundation
import SQLKit

extension ProjectRepository {
    /// The client pauses the project or resumes it (`ProjectPause` says who may, from which status), with an
    /// optional reason the provider reads. One transaction, the project locked, like every other move.
    public func move(
        _ projectID: Int64, _ move: ProjectPause, by userID: Int64, reason: String?, now: Date, announce: @escaping AnnounceEvent
    ) async throws -> ProjectEvent {
        try await store.transaction { [store] db in
            let project = try await Self.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            let status = try move.status(by: role, from: project.status)
            try await db.raw("UPDATE projects SET status = \(state: status), updated_at = \(bind: now) WHERE id = \(bind: projectID)").run()
            let event: ProjectActivityKind = move == .pause ? .projectPaused : .projectResumed
            try await ProjectActivityLog.record(event, projectID: projectID, actorID: userID, detail: reason.map { ["reason": $0] } ?? [:], now: now, on: db)
            return try await Self.announced(
                event, by: role, projectID: projectID, viewer: userID, project: project, reason: reason, store: store, db: db, now: now, announce: announce
            )
        }
    }
}
