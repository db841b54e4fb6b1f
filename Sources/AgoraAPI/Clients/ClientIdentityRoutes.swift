import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/users/identity`: a client's public identity — what providers see on the client's orders. Read it, set the
/// company and country, send or remove a photo (made like providers': square, cropped, without metadata). Clients
/// only: a provider's public face is their profile (403).
struct ClientIdentityRoutes: Sendable {
    let store: Store
    let uploads: AttachmentStorage
    let media: MediaStorage
    let clock: any AgoraClock
    let limiter: RateLimiter

    struct DetailsInput: RequestBody {
        static let fields: Set<String> = ["company", "country"]
        let company: String?
        let country: String?

        init(reading body: inout JSONObjectBody) {
            company = body.string("company", required: false, maximumLength: 1_000)
            country = body.string("country", required: false, maximumLength: 10)
        }
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let identity = signedIn.group("users/identity")
        identity.get(use: show)
        identity.put(use: update)
        identity.post("photo", use: upload)
        identity.delete("photo", use: remove)
    }

    private var identities: ClientIdentityRepository { ClientIdentityRepository(store: store) }

    static func client(_ context: AgoraRequestContext) throws -> Int64 {
        let identity = try context.requireIdentity()
        guard identity.role == .client else { throw Problem.forbidden("Only client accounts have this identity; a provider's is their profile.") }
        return identity.userID
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> ClientIdentityBody {
        ClientIdentityBody(try await identities.identity(of: try Self.client(context)))
    }

    @Sendable func update(_ request: Request, context: AgoraRequestContext) async throws -> ClientIdentityBody {
        let userID = try Self.client(context)
        let input = try await request.decode(as: DetailsInput.self, context: context)
        let details = try ClientIdentity.Details(company: input.company, country: input.country)
        return ClientIdentityBody(try await identities.update(userID, details, now: clock.now))
    }

    @Sendable func upload(_ request: Request, context: AgoraRequestContext) async throws -> ClientIdentityBody {
        let userID = try Self.client(context)
        try await limiter.hit(.fileUpload, key: String(userID))
        let photo = try await ImageUpload.photo(request, uploads: uploads, media: media)
        do {
            let (replaced, identity) = try await identities.setPhoto(userID, to: photo, now: clock.now)
            if let replaced { media.remove(ProfilePhoto.self, key: replaced.key) }
            return ClientIdentityBody(identity)
        } catch {
            media.remove(ProfilePhoto.self, key: photo.key)
            throw error
        }
    }

    @Sendable func remove(_ request: Request, context: AgoraRequestContext) async throws -> ClientIdentityBody {
        let userID = try Self.client(context)
        guard try await identities.identity(of: userID).photo != nil else { throw Problem(status: .notFound, detail: "You have no photo.") }
        let (replaced, identity) = try await identities.setPhoto(userID, to: nil, now: clock.now)
        if let replaced { media.remove(ProfilePhoto.self, key: replaced.key) }
        return ClientIdentityBody(identity)
    }
}

/// A client as providers see them (and as the client sees what providers see): never the email or phone.
struct ClientIdentityBody: ResponseEncodable {
    let name: String
    let company: String
    let country: String?
    let countryName: String?
    let photo: PhotoBody?
    let memberSince: Date
    /// Providers' reviews of them as a client: the displayed rating to the tenth (absent without reviews) and the count.
    let rating: Double?
    let ratingCount: Int

    init(_ identity: ClientIdentity) {
        name = identity.publicName
        company = identity.company
        country = identity.countryCode
        countryName = identity.countryCode.map(Countries.name(of:))
        photo = identity.photo.map(PhotoBody.init)
        memberSince = identity.memberSince
        rating = identity.rating.map(RatingText.shown)
        ratingCount = identity.ratingCount
    }
}
