import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// Files as evidence in a dispute: either member attaches them one per request while the dispute is open
/// (`POST /api/disputes/{id}/files`, through the attachment intake, checked before a byte is read); both members
/// download them (`GET /api/disputes/{id}/files/{fileId}`), and so do the staff who decide disputes
/// (`GET /api/admin/disputes/{id}/files/{fileId}`). Someone else's answers 404.
struct DisputeFileRoutes: Sendable {
    let store: Store
    let intake: AttachmentIntake
    let clock: any AgoraClock
    let announcer: ProjectAnnouncer

    func register(signedIn: RouterGroup<AgoraRequestContext>, admin: RouterGroup<AgoraRequestContext>) {
        signedIn.post("disputes/{id}/files", use: attach)
        signedIn.get("disputes/{id}/files/{fileId}", use: download)
        AdminArea.disputes.group(on: admin, store: store).get("{id}/files/{fileId}", use: downloadForStaff)
    }

    private var disputes: DisputeRepository { DisputeRepository(store: store) }
    static let notFound = Problem(status: .notFound, detail: "No file of this dispute has this id.")

    @Sendable func attach(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<DisputeFileBody> {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: DisputeRoutes.notFound)
        do {
            _ = try await disputes.attachable(id, by: identity.userID)
            let received = try await intake.receive(request, uploaderID: identity.userID, maximumBytes: OrderFileLimits.maximumBytes)
            let file = try await intake.recorded(received) { received in
                try await disputes.addFile(
                    id, by: identity.userID, storageName: received.storageName, fileName: received.fileName, mediaType: received.mediaType,
                    byteSize: received.byteSize, sha256: received.sha256, now: clock.now, announce: announcer.dispute
                )
            }
            return EditedResponse(status: .created, headers: [.location: DisputeFileBody.url(of: file)], response: DisputeFileBody(file))
        } catch StoreError.notFound {
            throw DisputeRoutes.notFound
        }
    }

    @Sendable func download(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let identity = try context.requireIdentity()
        return try await send(context, for: identity.userID)
    }

    @Sendable func downloadForStaff(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await send(context, for: nil)
    }

    private func send(_ context: AgoraRequestContext, for userID: Int64?) async throws -> Response {
        let id = try context.pathID("id", notFound: Self.notFound)
        let fileID = try context.pathID("fileId", notFound: Self.notFound)
        guard let file = try await disputes.file(fileID, disputeID: id, for: userID) else { throw Self.notFound }
        return try await intake.download(storageName: file.storageName, fileName: file.fileName, mediaType: file.mediaType, byteSize: file.byteSize, context: context)
    }
}

/// A file of a dispute's evidence: who added it (client or provider) and where both members download it.
struct DisputeFileBody: ResponseEncodable {
    let id: Int64
    let fileName: String
    let mediaType: String
    let byteSize: Int64
    let sha256: String
    let uploadedBy: String
    let url: String
    let createdAt: Date

    init(_ file: DisputeFile) {
        id = file.id
        fileName = file.fileName
        mediaType = file.mediaType
        byteSize = file.byteSize
        sha256 = file.sha256
        uploadedBy = file.uploaderRole.rawValue
        url = Self.url(of: file)
        createdAt = file.createdAt
    }

    static func url(of file: DisputeFile) -> String { "/api/disputes/\(file.disputeID)/files/\(file.id)" }
}
