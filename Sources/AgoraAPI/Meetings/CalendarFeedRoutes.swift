import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A person's private calendar feed: `GET /api/calendar/feed` gives its address, `POST /api/calendar/feed/rotate`
/// makes a new one and stops the old at once, and `GET /api/calendar/{token}.ics` is the feed calendar applications
/// subscribe to — the person's meetings (from 90 days back) and their running projects' milestone due dates. A token
/// that is wrong or rotated away answers 404.
struct CalendarFeedRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let links: CalendarFeedLinks
    let calendar: MeetingCalendar

    /// How far back the feed reaches.
    static let history: TimeInterval = 90 * 86_400

    func register(signedIn: RouterGroup<AgoraRequestContext>, api: RouterGroup<AgoraRequestContext>) {
        signedIn.get("calendar/feed", use: show)
        signedIn.post("calendar/feed/rotate", use: rotate)
        api.get("calendar/{file}", use: feed)
    }

    struct FeedBody: ResponseEncodable {
        let url: String
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> FeedBody {
        let userID = try context.requireIdentity().userID
        return FeedBody(url: links.url(userID: userID, generation: try await CalendarFeedRepository(store: store).generation(of: userID)))
    }

    @Sendable func rotate(_ request: Request, context: AgoraRequestContext) async throws -> FeedBody {
        let userID = try context.requireIdentity().userID
        return FeedBody(url: links.url(userID: userID, generation: try await CalendarFeedRepository(store: store).rotate(userID, now: clock.now)))
    }

    @Sendable func feed(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".ics"), let (userID, generation) = links.read(String(file.dropLast(4))) else {
            throw Self.noFeed
        }
        let feeds = CalendarFeedRepository(store: store)
        guard try await feeds.generation(of: userID) == generation else { throw Self.noFeed }
        let now = clock.now
        let (meetings, milestones) = try await feeds.feed(for: userID, since: now.addingTimeInterval(-Self.history))
        let events = meetings.flatMap { calendar.events($0, for: $0.participant(userID)) }
        let dueDates = milestones.compactMap { item -> CalendarDueDate? in
            guard let due = item.milestone.dueAt else { return nil }
            return CalendarDueDate(
                uid: "milestone-\(item.milestone.id)@agora", date: due, summary: "Due: \(item.milestone.title) (\(item.projectTitle))",
                url: calendar.baseURL + PagePaths.project(item.milestone.projectID)
            )
        }
        var response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: ICalendarDocument.write(events, dueDates: dueDates, method: .publish, stamp: now))))
        response.headers[.contentType] = "text/calendar; charset=utf-8"
        response.headers[.cacheControl] = "private, max-age=300"
        return response
    }

    static let noFeed = Problem(status: .notFound, detail: "No calendar feed has this address: it may have been replaced by a new one.")
}
