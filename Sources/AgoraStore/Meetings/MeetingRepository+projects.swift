import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    /// Every meeting of a project `userID` is a member of, cancelled ones included, oldest first, with the occurrences
    /// each participant joined (by participant id); anyone else is told there is no such project.
    public func meetings(ofProject projectID: Int64, for userID: Int64) async throws -> [(meeting: Meeting, joins: [Int64: Set<Date>])] {
        guard let project = try await ProjectRepository.project(projectID, on: store.sql), project.role(of: userID) != nil else {
            throw StoreError.notFound("the project")
        }
        let ids = try await store.sql.raw("SELECT id FROM meetings WHERE project_id = \(bind: projectID) ORDER BY starts_at, id LIMIT 1000").all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        var joins: [Int64: [Int64: Set<Date>]] = [:]
        if !ids.isEmpty {
            for row in try await store.sql.raw("""
                SELECT DISTINCT meeting_id, participant_id, original_start FROM meeting_joins WHERE meeting_id IN (\(binds: ids))
                """).all() {
                let meeting = try row.decode(column: "meeting_id", as: Int64.self)
                joins[meeting, default: [:]][try row.decode(column: "participant_id", as: Int64.self), default: []]
                    .insert(try row.decode(column: "original_start", as: Date.self))
            }
        }
        return try await Self.meetings(ids, on: store.sql).map { ($0, joins[$0.id] ?? [:]) }
    }
}
