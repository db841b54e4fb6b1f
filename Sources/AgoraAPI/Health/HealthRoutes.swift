import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/health`: whether the service and its database answer, and which schema they run.
struct HealthRoutes: Sendable {
    let store: Store

    struct Report: ResponseCodable {
        struct Database: Codable {
            let engine: String
            let migrationsApplied: [Int]
            let migrationsPending: [Int]

            enum CodingKeys: String, CodingKey {
                case engine
                case migrationsApplied = "migrations_applied"
                case migrationsPending = "migrations_pending"
            }
        }

        let status: String
        let version: String
        let database: Database
    }

    func register<Context: RequestContext>(on group: RouterGroup<Context>) {
        group.get("health") { _, _ in try await report() }
    }

    func report() async throws -> EditedResponse<Report> {
        let migrator = Migrator(store: store)
        let applied: [Int]
        let pending: [Int]
        do {
            applied = try await migrator.appliedVersions()
            pending = try await migrator.pendingVersions()
        } catch {
            throw Problem(status: .serviceUnavailable, detail: "The database does not answer.")
        }
        let report = Report(
            status: pending.isEmpty ? "ok" : "migrations pending",
            version: AgoraVersion.current,
            database: .init(engine: store.engine.rawValue, migrationsApplied: applied, migrationsPending: pending)
        )
        return EditedResponse(status: pending.isEmpty ? .ok : .serviceUnavailable, response: report)
    }
}
