import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/users/profile`: a provider's own profile — read it, save a version, publish or take it offline, list and
/// restore versions. Every route is the signed-in provider's own; other accounts have none (403).
struct ProfileRoutes: Sendable {
    let store: Store
    let settings: LivePlatformSettings
    let clock: any AgoraClock

    struct RestoreInput: RequestBody {
        static let fields: Set<String> = ["version"]
        let version: Int?

        init(reading body: inout JSONObjectBody) {
            version = body.integer("version")
        }
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let profile = signedIn.group("users/profile")
        profile.get(use: show)
        profile.put(use: save)
        profile.post("publish", use: publish)
        profile.post("unpublish", use: unpublish)
        profile.get("versions", use: versions)
        profile.post("versions/{versionId}/restore", use: restore)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> OwnProfileBody {
        OwnProfileBody(try await ProfileRepository(store: store).own(try Self.provider(context)))
    }

    @Sendable func save(_ request: Request, context: AgoraRequestContext) async throws -> SavedProfileBody {
        let userID = try Self.provider(context)
        let input = try await request.decode(as: ProfileInput.self, context: context)
        let content: ProfileContent
        do {
            content = try ProfileContent(input.content)
        } catch let invalid as ValidationError {
            throw ValidationError(invalid.errors + (input.version == nil ? [Self.versionRequired] : []))
        }
        guard let version = input.version else { throw ValidationError([Self.versionRequired]) }
        let (outcome, saved) = try await ProfileRepository(store: store).save(
            userID, content, expected: version, review: review, authorID: userID, now: clock.now
        )
        return SavedProfileBody(outcome: outcome.rawValue, profile: OwnProfileBody(saved))
    }

    @Sendable func publish(_ request: Request, context: AgoraRequestContext) async throws -> OwnProfileBody {
        OwnProfileBody(try await ProfileRepository(store: store).publish(try Self.provider(context), now: clock.now))
    }

    @Sendable func unpublish(_ request: Request, context: AgoraRequestContext) async throws -> OwnProfileBody {
        OwnProfileBody(try await ProfileRepository(store: store).unpublish(try Self.provider(context), now: clock.now))
    }

    @Sendable func versions(_ request: Request, context: AgoraRequestContext) async throws -> ProfileVersionsBody {
        ProfileVersionsBody(versions: try await ProfileRepository(store: store).versions(try Self.provider(context)).map(ProfileVersionBody.init))
    }

    @Sendable func restore(_ request: Request, context: AgoraRequestContext) async throws -> SavedProfileBody {
        let userID = try Self.provider(context)
        let versionID = try context.pathID("versionId", notFound: Problem(status: .notFound, detail: "No version of your profile has this id."))
        guard let expected = try await request.decode(as: RestoreInput.self, context: context).version else {
            throw ValidationError([Self.versionRequired])
        }
        let (outcome, saved) = try await ProfileRepository(store: store).restore(
            userID, version: versionID, expected: expected, review: review, authorID: userID, now: clock.now
        )
        return SavedProfileBody(outcome: outcome.rawValue, profile: OwnProfileBody(saved))
    }

    static let versionRequired = FieldError(field: "version", message: "is required: the version the editor started from")

    /// The rules that hold changes for review, with today's blocked words.
    private var review: ProfileReview {
        ProfileReview(screen: ContentScreen(blockedWords: settings.current.list(.moderationBlockedWords)))
    }

    /// The signed-in provider's id; 403 for any other account.
    static func provider(_ context: AgoraRequestContext) throws -> Int64 {
        let identity = try context.requireIdentity()
        guard identity.role == .provider else { throw Problem.forbidden("Only provider accounts have a provider profile.") }
        return identity.userID
    }
}
