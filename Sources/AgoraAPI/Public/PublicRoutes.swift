import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/public`: what the islands show to everyone. Statistics are computed at most every 15 minutes; testimonials
/// are the approved ones, featured first, the rest in an order that changes every day; the notice and whether sign-ups
/// are open come from the platform settings.
struct PublicRoutes: Sendable {
    let store: Store
    let settings: LivePlatformSettings
    let clock: any AgoraClock
    let statistics: RefreshingValue<MarketplaceStatistics>

    /// The figures as the store computes them.
    struct StatisticsBody: ResponseEncodable {
        let figures: MarketplaceStatistics

        func encode(to encoder: any Encoder) throws {
            try figures.encode(to: encoder)
        }
    }

    static let statisticsLifetime: TimeInterval = 15 * 60
    static let maximumTestimonials = 20

    /// What every page may show from the platform settings.
    struct NoticeBody: ResponseEncodable {
        /// Shown at the top of every page when not empty.
        let maintenanceBanner: String
        let registrationOpen: Bool
    }

    /// How long a page may keep the notice: a new one shows within a minute.
    static let noticeLifetime = 60

    init(store: Store, settings: LivePlatformSettings, clock: any AgoraClock) {
        self.store = store
        self.settings = settings
        self.clock = clock
        statistics = RefreshingValue(lifetime: Self.statisticsLifetime, clock: clock) {
            try await MarketplaceStatisticsRepository(store: store).current()
        }
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        let group = api.group("public")
        group.get("stats", use: stats)
        group.get("testimonials", use: testimonials)
        group.get("notice", use: notice)
    }

    @Sendable func notice(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<NoticeBody> {
        let current = settings.current
        return EditedResponse(
            headers: [.cacheControl: "public, max-age=\(Self.noticeLifetime)"],
            response: NoticeBody(maintenanceBanner: current.text(.maintenanceBanner), registrationOpen: current.isOn(.registrationOpen))
        )
    }

    @Sendable func stats(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<StatisticsBody> {
        EditedResponse(headers: [.cacheControl: "public, max-age=900"], response: StatisticsBody(figures: try await statistics.get()))
    }

    @Sendable func testimonials(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<TestimonialsBody> {
        var limit = 6
        for (name, value) in try QueryParameters.pairs(of: request) {
            guard name == "limit", let number = Int(value), (1...Self.maximumTestimonials).contains(number) else {
                throw Problem.invalidQuery([FieldError(
                    field: String(name.prefix(60)),
                    message: name == "limit" ? "must be a whole number from 1 to \(Self.maximumTestimonials)" : "is not a parameter of testimonials"
                )])
            }
            limit = number
        }
        let day = Int(clock.now.timeIntervalSince1970 / 86_400)
        let approved = try await TestimonialRepository(store: store).approved(limit: limit, day: day)
        return EditedResponse(
            headers: [.cacheControl: "public, max-age=300"],
            response: TestimonialsBody(testimonials: approved.map { TestimonialBody($0, showingStatus: false) })
        )
    }
}
