import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A meeting as a participant sees it. The room's address is never part of it: the join route gives it, to a
/// participant, when the room is open.
struct MeetingBody: ResponseEncodable {
    struct Participant: ResponseEncodable {
        let id: Int64
        /// The member's account (what action items are assigned to); none for a guest.
        let userId: Int64?
        let name: String
        let email: String
        let role: String
        let response: String
        let isYou: Bool
    }

    struct Occurrence: ResponseEncodable {
        let originalStart: Date
        let startsAt: Date
        let endsAt: Date
        let moved: Bool
        /// When its join link opens.
        let joinOpensAt: Date
    }

    let id: Int64
    let projectId: Int64
    let uid: String
    let title: String
    let agenda: String
    let startsAt: Date
    let timeZone: String
    let durationMinutes: Int
    let recurrence: String?
    let status: String
    let sequence: Int
    let isOrganizer: Bool
    let participants: [Participant]
    let yourResponse: String
    let yourReminders: [Int]
    let occurrences: [Occurrence]
    let cancelledOccurrences: [Date]
    let splitFrom: Int64?
    let createdAt: Date
    let updatedAt: Date

    /// `occurrences`: the ones to show (those in a listed range, or the coming ones).
    init(_ meeting: Meeting, for viewer: MeetingParticipant?, occurrences: [MeetingOccurrence]) {
        id = meeting.id
        projectId = meeting.projectID
        uid = meeting.uid
        title = meeting.title
        agenda = meeting.agenda
        startsAt = meeting.schedule.startsAt
        timeZone = meeting.schedule.zone.identifier
        durationMinutes = meeting.durationMinutes
        recurrence = meeting.schedule.recurrence?.rrule
        status = meeting.status.rawValue
        sequence = meeting.sequence
        isOrganizer = viewer?.role == .organizer
        participants = meeting.participants.map {
            Participant(id: $0.id, userId: $0.userID, name: $0.name, email: $0.email, role: $0.role.rawValue, response: $0.response.name, isYou: $0.id == viewer?.id)
        }
        yourResponse = (viewer?.response ?? .needsAction).name
        yourReminders = viewer?.reminders.minutes ?? []
        self.occurrences = occurrences.map {
            Occurrence(
                originalStart: $0.originalStart, startsAt: $0.startsAt, endsAt: $0.endsAt, moved: $0.isMoved,
                joinOpensAt: $0.joinOpensAt
            )
        }
        cancelledOccurrences = meeting.schedule.cancelledStarts
        splitFrom = meeting.splitFrom
        createdAt = meeting.createdAt
        updatedAt = meeting.updatedAt
    }

    /// The meeting with its coming occurrences (at most `limit`), from `now`.
    init(_ meeting: Meeting, for viewer: MeetingParticipant?, now: Date, limit: Int = 52) {
        self.init(meeting, for: viewer, occurrences: Array(meeting.schedule.occurrences.filter { $0.endsAt > now }.prefix(limit)))
    }
}

struct MeetingListBody: ResponseEncodable {
    let meetings: [MeetingBody]
}

/// Where to go to join: the room's address for this participant, and the occurrence it is for.
struct MeetingJoinBody: ResponseEncodable {
    let url: String
    let originalStart: Date
    let startsAt: Date
    let endsAt: Date
}
