import Foundation

/// Where a participant stands on an invitation (RFC 5545 `PARTSTAT`).
public enum ParticipationStatus: String, Sendable, Codable, CaseIterable {
    case needsAction = "NEEDS-ACTION"
    case accepted = "ACCEPTED"
    case declined = "DECLINED"
    case tentative = "TENTATIVE"
}

/// Someone on a calendar event: the organiser, or an attendee with their answer.
public struct CalendarPerson: Sendable, Hashable {
    public let name: String
    public let email: Email
    public let status: ParticipationStatus

    public init(name: String, email: Email, status: ParticipationStatus = .needsAction) {
        self.name = name
        self.email = email
        self.status = status
    }
}

/// One meeting, or one series, as a calendar application receives it: a `VEVENT` whose `UID` stays the same for its
/// whole life and whose `SEQUENCE` grows with each change, starting at a local time in its zone (so that a series
/// keeps that time through changes of the clocks), with its recurrence and the occurrences taken out of it.
public struct CalendarEvent: Sendable, Hashable {
    public let uid: String
    public let sequence: Int
    public let start: Date
    public let duration: TimeInterval
    public let zone: TimeZone
    public let summary: String
    public let description: String
    /// Where to join: the meeting's join link on the site, never the room's own address.
    public let url: String
    public let organizer: CalendarPerson
    public let attendees: [CalendarPerson]
    public let recurrence: MeetingRecurrence?
    /// Occurrence starts taken out of the series (`EXDATE`).
    public let exceptions: [Date]
    public let cancelled: Bool
    /// For one occurrence of a series that was moved: where the series put it (`RECURRENCE-ID`). Such an event
    /// shares its series' `UID` and overrides that one occurrence.
    public let recurrenceID: Date?

    public init(
        uid: String, sequence: Int, start: Date, duration: TimeInterval, zone: TimeZone, summary: String, description: String, url: String,
        organizer: CalendarPerson, attendees: [CalendarPerson], recurrence: MeetingRecurrence? = nil, exceptions: [Date] = [], cancelled: Bool = false,
        recurrenceID: Date? = nil
    ) {
        self.recurrenceID = recurrenceID
        self.uid = uid
        self.sequence = sequence
        self.start = start
        self.duration = duration
        self.zone = zone
        self.summary = summary
        self.description = description
        self.url = url
        self.organizer = organizer
        self.attendees = attendees
        self.recurrence = recurrence
        self.exceptions = exceptions
        self.cancelled = cancelled
    }

    /// The moment the last occurrence ends: the span its calendar's time zone must cover.
    public var lastEnd: Date {
        (recurrence?.occurrences(of: start, in: zone).last ?? start).addingTimeInterval(duration)
    }
}
