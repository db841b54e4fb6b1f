import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/admin/announcements` (`announcements.send`): marketplace news to a segment of members
/// (`AnnouncementDraft`), sent once per `Idempotency-Key` — a double click sends it once — and audited; and the
/// latest sent.
struct AnnouncementRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: NewsAnnouncer

    struct Input: RequestBody {
        static let fields: Set<String> = ["title", "message", "link", "segment", "country"]
        let title: String?
        let message: String?
        let link: String?
        let segment: String?
        let country: String?

        init(reading body: inout JSONObjectBody) {
            title = body.string("title", required: true, maximumLength: 1_000)
            message = body.string("message", required: true, maximumLength: 10_000, multiline: true)
            link = body.string("link", required: false, maximumLength: 1_000)
            segment = body.string("segment", required: false, maximumLength: 50)
            country = body.string("country", required: false, maximumLength: 10)
        }
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let announcements = AdminArea.announcements.group(on: admin, store: store)
        announcements.get(use: recent)
        announcements.post(use: send)
    }

    @Sendable func recent(_ request: Request, context: AgoraRequestContext) async throws -> AnnouncementListBody {
        var query = try ListQuery(request, allowing: ["limit"])
        let limit = query.limit()
        try query.finish()
        return AnnouncementListBody(announcements: try await AnnouncementRepository(store: store).recent(limit: limit).map(AnnouncementBody.init))
    }

    @Sendable func send(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let actor = try AuditActor(request, context)
        let responder = IdempotentResponder(log: IdempotentRequestLog(store: store), clock: clock)
        return try await responder.respond(to: request, context: context, operation: "announcement", status: .created) { request, _ in
            let input = try await request.decode(as: Input.self, context: context)
            let draft = try AnnouncementDraft(title: input.title, message: input.message, link: input.link, segment: input.segment, country: input.country)
            let sent = try await AnnouncementRepository(store: store).send(draft, by: actor, now: clock.now) { [announcer] person in
                try announcer.email(draft, to: person)
            }
            return AnnouncementBody(sent)
        }
    }
}

/// Marketplace news as administrators see it: what was sent, to whom, and how many it reached.
struct AnnouncementBody: ResponseEncodable {
    let id: Int64
    let title: String
    let message: String
    let link: String?
    let segment: String
    let country: String?
    let recipients: Int
    let emails: Int
    let createdAt: Date

    init(_ sent: SentAnnouncement) {
        id = sent.id
        title = sent.title
        message = sent.message
        link = sent.link
        segment = sent.segment.rawValue
        country = sent.countryCode
        recipients = sent.recipients
        emails = sent.emails
        createdAt = sent.createdAt
    }
}

struct AnnouncementListBody: ResponseEncodable {
    let announcements: [AnnouncementBody]
}
