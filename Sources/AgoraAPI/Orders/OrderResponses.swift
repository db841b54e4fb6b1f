import AgoraDomain
import AgoraMarkdown
import AgoraStore
import Foundation
import Hummingbird

/// An order as the API shows it. The history comes only to its client and administrators.
struct OrderBody: ResponseEncodable {
    struct Budget: Encodable {
        let min: MoneyBody
        let max: MoneyBody
    }

    struct Deadline: Encodable {
        let at: Date
        /// The local date and time the client chose, in their zone.
        let local: String
        let timeZone: String
    }

    struct Location: Encodable {
        let kind: String
        let country: String?
        let latitude: Double?
        let longitude: Double?
        let radiusKm: Double?

        init(_ preference: LocationPreference) {
            kind = preference.kind
            switch preference {
            case .remote:
                (country, latitude, longitude, radiusKm) = (nil, nil, nil, nil)
            case .country(let code):
                (country, latitude, longitude, radiusKm) = (code, nil, nil, nil)
            case .near(let circle):
                (country, latitude, longitude, radiusKm) = (nil, circle.centre.latitude, circle.centre.longitude, circle.radiusKilometres)
            }
        }
    }

    struct Category: Encodable {
        let id: Int64
        let name: String?
        let slug: String?
    }

    struct Event: Encodable {
        let kind: String
        let actorId: Int64?
        let detail: [String: String]
        let at: Date
    }

    let id: Int64
    let referenceNumber: String
    let url: String
    let status: String
    let title: String
    /// Markdown as written, and as HTML rendered by the site's Markdown engine (raw HTML dropped).
    let description: String
    let descriptionHtml: String
    let category: Category
    let budget: Budget
    let deadline: Deadline
    let priority: String
    let visibility: String
    let location: Location
    let skills: [String]
    let requirements: [String]
    let proposalCount: Int?
    let createdAt: Date
    let updatedAt: Date
    let publishedAt: Date?
    /// Moderation holds it: only its client and staff see it until a moderator decides.
    let underReview: Bool
    let events: [Event]?
    let files: [OrderFileBody]?
    /// Who posted it, as providers see them.
    let client: ClientIdentityBody?
    /// The page of the project the order became, for its two members.
    let projectUrl: String?

    init(
        _ order: Order, category: (name: String, slug: String)? = nil, proposalCount: Int? = nil, events: [OrderEvent]? = nil,
        files: [OrderFile]? = nil, client: ClientIdentity? = nil, projectURL: String? = nil
    ) {
        id = order.id
        referenceNumber = order.referenceNumber.value
        url = PagePaths.order(order.id)
        status = order.status.rawValue
        title = order.details.title
        description = order.details.description
        descriptionHtml = MarkdownRenderer.userText.render(order.details.description)
        self.category = Category(id: order.details.categoryID, name: category?.name, slug: category?.slug)
        budget = Budget(min: MoneyBody(order.details.budgetMinimum), max: MoneyBody(order.details.budgetMaximum))
        deadline = Deadline(at: order.details.deadline.instant, local: order.details.deadline.local, timeZone: order.details.deadline.timeZone)
        priority = order.details.priority.rawValue
        visibility = order.details.visibility.rawValue
        location = Location(order.details.location)
        skills = order.details.skills
        requirements = order.details.requirements
        self.proposalCount = proposalCount
        createdAt = order.createdAt
        updatedAt = order.updatedAt
        publishedAt = order.publishedAt
        underReview = order.moderationHold
        self.events = events?.map { Event(kind: $0.kind.rawValue, actorId: $0.actorID, detail: $0.detail, at: $0.createdAt) }
        self.files = files?.map { OrderFileBody($0, orderID: order.id) }
        self.client = client.map(ClientIdentityBody.init)
        projectUrl = projectURL
    }

    init(_ summary: OrderSummary) {
        self.init(summary, client: nil)
    }

    init(_ summary: OrderSummary, client: ClientIdentity?) {
        self.init(summary.order, category: (summary.categoryName, summary.categorySlug), proposalCount: summary.proposalCount, client: client)
    }
}

/// A page of orders; `next_before` continues the list.
struct OrderListBody: ResponseEncodable {
    let orders: [OrderBody]
    let nextBefore: Int64?
}
