import AgoraDomain
import AgoraImages
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird
import NIOPosix

/// `/api/users/profile/photo`: a provider sends a photo (multipart: the `file`, and a `crop` box `left,top,size` in
/// pixels of the upright image) and gets back the profile with its variants; or removes it. A public profile shows
/// the new photo (or none) at once: its page and listings are queued in the same transaction.
struct ProfilePhotoRoutes: Sendable {
    let store: Store
    let uploads: AttachmentStorage
    let media: MediaStorage
    let clock: any AgoraClock
    /// Counts the files each account uploads (`RateLimit.fileUpload`).
    let limiter: RateLimiter

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("users/profile/photo", use: upload)
        signedIn.delete("users/profile/photo", use: remove)
    }

    private var profiles: ProfileRepository { ProfileRepository(store: store) }

    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> OwnProfileBody {
        let userID = try ProfileRoutes.provider(context)
        _ = try await profiles.own(userID)
        try await limiter.hit(.fileUpload, key: String(userID))
        let upload = try await MultipartFileUpload.receive(request, into: uploads, maximumBytes: ImageUploadLimits.maximumBytes, fields: ["crop"])
        defer { uploads.remove(upload.url) }
        guard let input = ImageInput(sniffing: upload.head) else {
            throw Problem(
                status: .unsupportedMediaType,
                detail: "“\(upload.name.value)” is not a photo we accept: send \(ImageInput.described). The type is read from the file's content, not its name.",
                type: .unacceptedFileType
            )
        }
        let crop = try upload.fields["crop"].map(CropBox.init(parsing:))
        let key = try media.newKey(for: ProfilePhoto.self)
        let folder = media.folder(of: ProfilePhoto.self, key: key)
        let side: Int
        do {
            // libvips blocks its thread while it decodes and encodes: NIO's pool, never the cooperative threads.
            side = try await NIOThreadPool.singleton.runIfActive { try PhotoVariants.write(from: upload.url, as: input, crop: crop, into: folder) }
        } catch let refused as ImageError {
            if case .notWritten = refused { throw refused }
            throw ValidationError(field: "file", message: refused.detail)
        }
        do {
            let (replaced, profile) = try await profiles.setPhoto(userID, to: try ProfilePhoto(key: key, side: side), now: clock.now)
            if let replaced { media.remove(ProfilePhoto.self, key: replaced.key) }
            return OwnProfileBody(profile)
        } catch {
            media.remove(ProfilePhoto.self, key: key)
            throw error
        }
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> OwnProfileBody {
        let userID = try ProfileRoutes.provider(context)
        guard try await profiles.own(userID).photo != nil else { throw Problem(status: .notFound, detail: "Your profile has no photo.") }
        let (replaced, profile) = try await profiles.setPhoto(userID, to: nil, now: clock.now)
        if let replaced { media.remove(ProfilePhoto.self, key: replaced.key) }
        return OwnProfileBody(profile)
    }
}
