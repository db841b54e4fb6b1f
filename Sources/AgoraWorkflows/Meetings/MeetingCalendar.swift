import AgoraDomain
import AgoraStore
import Foundation

/// A meeting as calendar applications receive it: one `VEVENT` for the meeting or the series (the occurrences taken
/// out as `EXDATE`), and one for each moved occurrence, sharing the series' `UID` with its `RECURRENCE-ID`. The link
/// in it is the participant's way in — the join route for members, a guest's own invitation link — never the room.
public struct MeetingCalendar: Sendable {
    /// The site's public address, without a trailing slash.
    public let baseURL: String

    public init(baseURL: String) { self.baseURL = baseURL }

    /// The whole object sent to `participant` (or, with none, as a feed shows it).
    public func object(_ meeting: Meeting, method: CalendarMethod, for participant: MeetingParticipant?, stamp: Date) -> String {
        ICalendarDocument.write(events(meeting, for: participant, cancelled: method == .cancel), method: method, stamp: stamp)
    }

    /// The events of a meeting for `participant`.
    public func events(_ meeting: Meeting, for participant: MeetingParticipant?, cancelled: Bool = false) -> [CalendarEvent] {
        let link = link(to: meeting, for: participant)
        let people = meeting.participants.compactMap { person -> (MeetingParticipant, CalendarPerson)? in
            guard let email = try? Email(person.email) else { return nil }
            return (person, CalendarPerson(name: person.name, email: email, status: person.response))
        }
        guard let organizer = people.first(where: { $0.0.role == .organizer })?.1 ?? people.first?.1 else { return [] }
        let attendees = people.filter { $0.0.role != .organizer }.map(\.1)
        let description = meeting.agenda.isEmpty ? "Join: \(link)" : meeting.agenda + "\n\nJoin: \(link)"
        let schedule = meeting.schedule
        let isCancelled = cancelled || meeting.status == .cancelled
        func event(start: Date, duration: TimeInterval, recurrenceID: Date?) -> CalendarEvent {
            CalendarEvent(
                uid: meeting.uid, sequence: meeting.sequence, start: start, duration: duration, zone: schedule.zone, summary: meeting.title,
                description: description, url: link, organizer: organizer, attendees: attendees, recurrence: schedule.recurrence,
                exceptions: schedule.cancelledStarts, cancelled: isCancelled, recurrenceID: recurrenceID
            )
        }
        let series = event(start: schedule.startsAt, duration: schedule.duration, recurrenceID: nil)
        guard schedule.recurrence != nil else { return [series] }
        return [series] + schedule.occurrences.filter { $0.isMoved || $0.duration != schedule.duration }.map {
            event(start: $0.startsAt, duration: $0.duration, recurrenceID: $0.originalStart)
        }
    }

    /// The participant's way in: a guest's invitation link, or the join route.
    public func link(to meeting: Meeting, for participant: MeetingParticipant?) -> String {
        if let participant, participant.role == .guest { return baseURL + PagePaths.meetingInvitation(token: participant.linkToken) }
        return baseURL + PagePaths.joinMeeting(meeting.id)
    }
}
