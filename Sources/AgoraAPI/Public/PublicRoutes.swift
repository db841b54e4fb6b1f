import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/public`: what the homepage's islands show to everyone. Statistics are computed at most every 15 minutes;
/// testimonials are the approved ones, featured first, the rest in an order that changes every day.
struct PublicRoutes: Sendable {
    let store: Store
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

    init(store: Store, clock: any AgoraClock) {
        self.store = store
        self.clock = clock
        statistics = RefreshingValue(lifetime: Self.statisticsLifetime, clock: clock) {
            try await MarketplaceStatisticsRepository(store: store).current()
        }
    }

    func register(on api: RouterGroup<AgoraRequestContext>) {
        let group = api.group("public")
        group.get("stats", use: stats)
        group.get("testimonials", use: testimonials)
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
