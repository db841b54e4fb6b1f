import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// A project's meetings as a whole, for its members: `GET /api/projects/{id}/meetings/figures` (occurrences held,
/// attended through the join link, average length, who joined how often) and `GET /api/projects/{id}/meetings/export
/// ?format=ics|csv` (every meeting as one calendar, or every occurrence as a row). Anyone else gets the project's 404.
struct ProjectMeetingRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let calendar: MeetingCalendar

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("projects/{id}/meetings/figures", use: figures)
        signedIn.get("projects/{id}/meetings/export", use: export)
    }

    struct FiguresBody: ResponseEncodable {
        let held: Int
        let attended: Int
        let averageMinutes: Int?
        let joinedBy: [String: Int]
    }

    @Sendable func figures(_ request: Request, context: AgoraRequestContext) async throws -> FiguresBody {
        let found = try await meetings(request, context: context)
        let figures = MeetingFigures(found.map(Self.part), now: clock.now)
        return FiguresBody(held: figures.held, attended: figures.attended, averageMinutes: figures.averageMinutes, joinedBy: figures.joinedBy)
    }

    enum Format: String, CaseIterable {
        case ics, csv
    }

    @Sendable func export(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        var query = try ListQuery(request, allowing: ["format"])
        let format = query.choice("format", default: Format.ics)
        try query.finish()
        let userID = try context.requireIdentity().userID
        let found = try await meetings(request, context: context)
        let name = "project-\(try context.pathID("id", notFound: Self.noProject))-meetings"
        var response: Response
        switch format {
        case .ics:
            let events = found.flatMap { calendar.events($0.meeting, for: $0.meeting.participant(userID)) }
            response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: ICalendarDocument.write(events, method: .publish, stamp: clock.now))))
            response.headers[.contentType] = "text/calendar; charset=utf-8"
            response.headers[.contentDisposition] = "attachment; filename=\"\(name).ics\""
        case .csv:
            let time = ISO8601DateFormatter()
            var text = CSVText.line(["title", "status", "original_start", "starts_at", "ends_at", "time_zone", "participants", "joined"])
            for (meeting, joins) in found {
                let cancelled = Set(meeting.schedule.cancelledStarts)
                let rows = meeting.schedule.occurrences.map { ($0, false) } + cancelled.sorted().map {
                    (MeetingOccurrence(originalStart: $0, startsAt: $0, duration: meeting.schedule.duration), true)
                }
                for (occurrence, dropped) in rows.sorted(by: { $0.0.startsAt < $1.0.startsAt }) {
                    let joined = meeting.participants.filter { joins[$0.id]?.contains(occurrence.originalStart) == true }.map(\.name)
                    text += CSVText.line([
                        meeting.title, dropped || meeting.status == .cancelled ? "cancelled" : (occurrence.endsAt <= clock.now ? "held" : "scheduled"),
                        time.string(from: occurrence.originalStart), time.string(from: occurrence.startsAt), time.string(from: occurrence.endsAt),
                        meeting.schedule.zone.identifier, meeting.participants.map(\.name).joined(separator: "; "), joined.joined(separator: "; "),
                    ])
                }
            }
            response = Response(status: .ok, body: .init(byteBuffer: ByteBuffer(string: text)))
            response.headers[.contentType] = "text/csv; charset=utf-8"
            response.headers[.contentDisposition] = "attachment; filename=\"\(name).csv\""
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func meetings(_ request: Request, context: AgoraRequestContext) async throws -> [(meeting: Meeting, joins: [Int64: Set<Date>])] {
        let userID = try context.requireIdentity().userID
        let projectID = try context.pathID("id", notFound: Self.noProject)
        do {
            return try await MeetingRepository(store: store).meetings(ofProject: projectID, for: userID)
        } catch StoreError.notFound { throw Self.noProject }
    }

    /// A meeting's part in the figures, its joins by participant name.
    static func part(_ found: (meeting: Meeting, joins: [Int64: Set<Date>])) -> MeetingFigures.Meeting {
        var joins: [String: Set<Date>] = [:]
        for participant in found.meeting.participants { if let joined = found.joins[participant.id] { joins[participant.name, default: []].formUnion(joined) } }
        return MeetingFigures.Meeting(schedule: found.meeting.schedule, cancelled: found.meeting.status == .cancelled, joins: joins)
    }

    static let noProject = Problem(status: .notFound, detail: "No project of yours has this id.")
}
