import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The files of a milestone's deliveries: the provider attaches them one per request while the milestone is worked on
/// (`POST /api/milestones/{id}/files`, through the attachment intake) and removes them until they are delivered;
/// both members download them (`GET /api/projects/{id}/files/{fileId}`). Someone else's answers 404.
struct MilestoneFileRoutes: Sendable {
    let store: Store
    let intake: AttachmentIntake
    let clock: any AgoraClock

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("milestones/{id}/files", use: upload)
        signedIn.delete("milestones/{id}/files/{fileId}", use: remove)
        signedIn.get("projects/{id}/files/{fileId}", use: download)
    }

    private var files: ProjectFileRepository { ProjectFileRepository(store: store) }

    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<ProjectFileBody> {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MilestoneRoutes.notFound)
        do {
            // Refused before a byte is read: someone else's milestone, one not worked on, a full delivery.
            _ = try await files.attachable(milestoneID: id, by: identity.userID)
            let received = try await intake.receive(request, uploaderID: identity.userID, maximumBytes: OrderFileLimits.maximumBytes)
            let file = try await intake.recorded(received) { received in
                try await files.insert(
                    milestoneID: id, by: identity.userID, storageName: received.storageName, fileName: received.fileName,
                    mediaType: received.mediaType, byteSize: received.byteSize, sha256: received.sha256, now: clock.now
                )
            }
            return EditedResponse(
                status: .created, headers: [.location: ProjectFileBody.url(of: file)], response: ProjectFileBody(file)
            )
        } catch StoreError.notFound {
            throw MilestoneRoutes.notFound
        }
    }

    /// The provider removes a file they have not delivered yet.
    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: MilestoneRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        do {
            guard let file = try await files.delete(fileID, milestoneID: id, by: identity.userID, now: clock.now) else { throw Self.notFound }
            intake.storage.remove(storageName: file.storageName)
            return Response(status: .noContent)
        } catch StoreError.notFound {
            throw MilestoneRoutes.notFound
        }
    }

    /// Streams a delivered file to either member (a file waiting for its delivery, to its uploader).
    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        let projectID = try context.pathID("id", notFound: ProjectRoutes.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let file = try await files.find(fileID, projectID: projectID, for: identity.userID) else { throw Self.notFound }
        return try await intake.download(storageName: file.storageName, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize, context: context)
    }

    static let notFound = Problem(status: .notFound, detail: "No file of your projects has this id.")
}
