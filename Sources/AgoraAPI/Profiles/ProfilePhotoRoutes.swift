import AgoraDomain
import AgoraImages
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

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
        let photo = try await ImageUpload.photo(request, uploads: uploads, media: media)
        do {
            let (replaced, profile) = try await profiles.setPhoto(userID, to: photo, now: clock.now)
            if let replaced { media.remove(ProfilePhoto.self, key: replaced.key) }
            return OwnProfileBody(profile)
        } catch {
            media.remove(ProfilePhoto.self, key: photo.key)
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
