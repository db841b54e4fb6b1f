import AgoraDomain
import Foundation
import SQLKit

/// The files delivered with milestones, as rows; the bytes are the attachment store's. The provider attaches files
/// while a milestone is worked on, and removes them until they go with a delivery (the submit gives them its
/// revision); both members download them. Every change runs with the project locked, as every milestone step does,
/// so that a file and a submit at once cannot leave a file outside both the delivery and the next one.
public struct ProjectFileRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    static let columns: SQLQueryString = """
        id, project_id, milestone_id, uploader_id, revision, storage_name, file_name, media_type, byte_size, sha256, created_at
        """
    static let qualifiedColumns: SQLQueryString = """
        f.id, f.project_id, f.milestone_id, f.uploader_id, f.revision, f.storage_name, f.file_name, f.media_type, f.byte_size, f.sha256, f.created_at
        """

    /// The milestone a provider may attach files to now, with its project: theirs, in an active project, worked on,
    /// and with room for another file. Checked before the upload's bytes are read, and again when it is recorded.
    public func attachable(milestoneID: Int64, by userID: Int64) async throws -> (project: Project, milestone: Milestone) {
        try await Self.attachable(milestoneID: milestoneID, by: userID, on: store.sql)
    }

    static func attachable(milestoneID: Int64, by userID: Int64, on db: any SQLDatabase) async throws -> (project: Project, milestone: Milestone) {
        guard let row = try await db.raw("SELECT \(ProjectRepository.milestoneColumns) FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
            throw StoreError.notFound("the milestone")
        }
        let milestone = try ProjectRepository.milestone(from: row)
        guard let project = try await ProjectRepository.project(milestone.projectID, on: db) else { throw StoreError.notFound("the milestone") }
        guard let role = project.role(of: userID) else { throw StoreError.notFound("the milestone") }
        guard role == .provider else { throw StatusTransitionError("the provider attaches the files of a delivery") }
        guard project.status.isWorking, milestone.status.takesFiles else {
            throw StatusTransitionError("files go with a delivery: attach them while the milestone is in progress or waiting for changes")
        }
        let waiting = try await db.raw("""
            SELECT COUNT(*) AS n FROM project_files WHERE milestone_id = \(bind: milestoneID) AND revision IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
        guard waiting < MilestoneRules.maximumFilesPerDelivery else {
            throw StoreError.conflict("a delivery carries at most \(MilestoneRules.maximumFilesPerDelivery) files: remove one first")
        }
        return (project, milestone)
    }

    /// Records a stored file for the milestone's next delivery, with an activity entry.
    public func insert(
        milestoneID: Int64, by userID: Int64, storageName: String, fileName: String, mediaType: String, byteSize: Int64, sha256: String, now: Date
    ) async throws -> ProjectFile {
        try await store.transaction { db in
            let projectID = try await Self.projectID(ofMilestone: milestoneID, on: db)
            _ = try await ProjectRepository.locked(projectID, on: db)
            let (project, milestone) = try await Self.attachable(milestoneID: milestoneID, by: userID, on: db)
            guard let row = try await db.raw("""
                INSERT INTO project_files (project_id, milestone_id, uploader_id, storage_name, file_name, media_type, byte_size, sha256, created_at)
                VALUES (\(bind: project.id), \(bind: milestoneID), \(bind: userID), \(bind: storageName), \(bind: fileName), \(bind: mediaType),
                        \(bind: byteSize), \(bind: sha256), \(bind: now))
                RETURNING \(Self.columns)
                """).first() else { throw StoreError.conflict("the file was not saved") }
            try await ProjectActivityLog.record(
                .fileAttached, projectID: project.id, actorID: userID, milestoneID: milestoneID,
                detail: ["title": milestone.title, "file_name": fileName], now: now, on: db
            )
            return try Self.file(from: row)
        }
    }

    /// Removes a file its uploader attached and has not delivered yet; returns the row, nil when there is none.
    public func delete(_ fileID: Int64, milestoneID: Int64, by userID: Int64, now: Date) async throws -> ProjectFile? {
        try await store.transaction { db in
            let projectID = try await Self.projectID(ofMilestone: milestoneID, on: db)
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard project.role(of: userID) != nil else { throw StoreError.notFound("the milestone") }
            guard let row = try await db.raw("""
                DELETE FROM project_files
                WHERE id = \(bind: fileID) AND milestone_id = \(bind: milestoneID) AND uploader_id = \(bind: userID) AND revision IS NULL
                RETURNING \(Self.columns)
                """).first() else { return nil }
            let file = try Self.file(from: row)
            try await ProjectActivityLog.record(
                .fileRemoved, projectID: projectID, actorID: userID, milestoneID: milestoneID, detail: ["file_name": file.fileName], now: now, on: db
            )
            return file
        }
    }

    /// A file of a project `userID` is a member of; nil otherwise. A file waiting for its delivery is its
    /// uploader's alone until then.
    public func find(_ fileID: Int64, projectID: Int64, for userID: Int64) async throws -> ProjectFile? {
        try await store.sql.raw("""
            SELECT \(Self.qualifiedColumns) FROM project_files f JOIN projects p ON p.id = f.project_id
            WHERE f.id = \(bind: fileID) AND f.project_id = \(bind: projectID)
              AND (p.client_id = \(bind: userID) OR p.provider_id = \(bind: userID))
              AND (f.revision IS NOT NULL OR f.uploader_id = \(bind: userID))
            """).first().map(Self.file(from:))
    }

    /// The files of these milestones, by milestone, oldest first.
    static func files(of milestoneIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: [ProjectFile]] {
        guard !milestoneIDs.isEmpty else { return [:] }
        let rows = try await db.raw("""
            SELECT \(Self.columns) FROM project_files WHERE milestone_id IN (\(binds: milestoneIDs)) ORDER BY id
            """).all()
        return Dictionary(grouping: try rows.map(Self.file(from:)), by: \.milestoneID)
    }

    /// Gives the files waiting for a milestone's next delivery the delivery's revision; inside the submit's transaction.
    static func deliver(milestoneID: Int64, revision: Int, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE project_files SET revision = \(bind: revision) WHERE milestone_id = \(bind: milestoneID) AND revision IS NULL
            """).run()
    }

    private static func projectID(ofMilestone milestoneID: Int64, on db: any SQLDatabase) async throws -> Int64 {
        guard let row = try await db.raw("SELECT project_id FROM project_milestones WHERE id = \(bind: milestoneID)").first() else {
            throw StoreError.notFound("the milestone")
        }
        return try row.decode(column: "project_id", as: Int64.self)
    }

    static func file(from row: any SQLRow) throws -> ProjectFile {
        ProjectFile(
            id: try row.decode(column: "id", as: Int64.self),
            projectID: try row.decode(column: "project_id", as: Int64.self),
            milestoneID: try row.decode(column: "milestone_id", as: Int64.self),
            uploaderID: try row.decode(column: "uploader_id", as: Int64.self),
            revision: try row.decodeIfPresent(column: "revision", as: Int.self),
            storageName: try row.decode(column: "storage_name", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            mediaType: try row.decode(column: "media_type", as: String.self),
            byteSize: try row.decode(column: "byte_size", as: Int64.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self)
        )
    }
}
