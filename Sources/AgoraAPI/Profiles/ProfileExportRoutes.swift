import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/users/profile/export`: everything a provider has written about themselves, as one JSON file to keep —
/// the account's name and address, the profile as it stands with every saved version, the portfolio with its
/// images' addresses, and the verification requests (their documents by link, never inside the file). The printable
/// page `/settings/profile/export/` reads the same answer.
struct ProfileExportRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    struct ExportBody: ResponseEncodable {
        struct Account: ResponseEncodable {
            let name: String
            let email: String
            let country: String?
            let memberSince: Date
        }

        let format: String
        let exportedAt: Date
        let account: Account
        let profile: OwnProfileBody
        let versions: [ProfileVersionBody]
        let portfolio: [PortfolioItemBody]
        let verifications: [VerificationBody]
    }

    /// Names the file format, so a later change to the export can be told apart.
    static let format = "agora-profile-export/1"

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("users/profile/export", use: export)
    }

    @Sendable func export(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try ProfileRoutes.provider(context)
        guard let account = try await UserRepository(store: store).find(id: userID) else { throw Problem(status: .notFound) }
        let profile = try await ProfileRepository(store: store).own(userID)
        let now = clock.now
        let body = ExportBody(
            format: Self.format, exportedAt: now,
            account: ExportBody.Account(name: "\(account.firstName) \(account.lastName)", email: account.email.value, country: account.countryCode, memberSince: account.createdAt),
            profile: OwnProfileBody(profile),
            versions: try await ProfileRepository(store: store).versions(userID).map(ProfileVersionBody.init),
            portfolio: try await PortfolioRepository(store: store).list(userID).map { PortfolioItemBody($0, forOwner: true) },
            verifications: try await VerificationRepository(store: store).list(userID).map {
                VerificationBody($0, documentPath: VerificationRoutes.documentPath($0.id))
            }
        )
        var response = APIResponseEncoder.response(data: try APIResponseEncoder.data(of: body))
        let day = ISO8601DateFormatter.string(from: now, timeZone: .gmt, formatOptions: [.withFullDate])
        response.headers[.contentDisposition] = "attachment; filename=\"agora-profile-\(profile.slug.value)-\(day).json\""
        return response
    }
}
