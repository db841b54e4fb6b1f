import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /api/users/profile/dashboard?days=30`: the provider's own figures — views of their page and of their
/// portfolio on each of the last days (UTC), the totals, how complete the profile is and the badges it shows.
struct ProviderDashboardRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock

    static let dayRange = 7...365
    static let defaultDays = 30

    struct DayBody: ResponseEncodable {
        let day: String
        let profileViews: Int
        let portfolioViews: Int
    }

    struct DashboardBody: ResponseEncodable {
        let status: String
        let pagePath: String
        let completeness: OwnProfileBody.Completeness
        let badges: [BadgeBody]
        let days: [DayBody]
        let profileViews: Int
        let portfolioViews: Int
    }

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("users/profile/dashboard", use: dashboard)
    }

    @Sendable func dashboard(_ request: Request, context: AgoraRequestContext) async throws -> DashboardBody {
        let userID = try ProfileRoutes.provider(context)
        var days = Self.defaultDays
        var errors: [FieldError] = []
        for (name, value) in request.uri.queryParameters {
            if name == "days", let number = Int(value), Self.dayRange.contains(number) {
                days = number
            } else if name == "days" {
                errors.append(FieldError(field: "days", message: "must be a whole number from \(Self.dayRange.lowerBound) to \(Self.dayRange.upperBound)"))
            } else {
                errors.append(FieldError(field: String(name.prefix(60)), message: "is not a parameter of the dashboard"))
            }
        }
        guard errors.isEmpty else { throw Problem.invalidQuery(errors) }
        let own = OwnProfileBody(try await ProfileRepository(store: store).own(userID))
        let shown = try await ProviderRepository(store: store).profiles(ids: [userID]).first
        let counted = try await ProfileViews(store: store).days(of: userID, count: days, now: clock.now).map {
            DayBody(day: $0.day, profileViews: $0.views[.profile] ?? 0, portfolioViews: $0.views[.portfolio] ?? 0)
        }
        return DashboardBody(
            status: own.status, pagePath: own.pagePath, completeness: own.completeness, badges: (shown?.badges ?? []).map(BadgeBody.init),
            days: counted, profileViews: counted.reduce(0) { $0 + $1.profileViews }, portfolioViews: counted.reduce(0) { $0 + $1.portfolioViews }
        )
    }
}
