import Foundation

/// What an iCalendar object asks of the calendar that reads it (RFC 5546): an invitation or its change, a
/// cancellation, or a feed to subscribe to.
public enum CalendarMethod: String, Sendable {
    case request = "REQUEST"
    case cancel = "CANCEL"
    case publish = "PUBLISH"
}

/// Writes iCalendar objects (RFC 5545): a `VCALENDAR` with the `VTIMEZONE` of each zone its events use and a
/// `VEVENT` per event, every value escaped and every line folded and CRLF-ended (`ICalendarText`).
public enum ICalendarDocument {
    public static let productID = "-//Agora//Meetings//EN"

    /// The whole object; `stamp` is when it was written (`DTSTAMP`). Without a method it is a calendar object
    /// resource, as a CalDAV server stores it (RFC 4791 forbids `METHOD` there).
    public static func write(_ events: [CalendarEvent], dueDates: [CalendarDueDate] = [], method: CalendarMethod?, stamp: Date) -> String {
        var text = (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + productID, "CALSCALE:GREGORIAN"] + (method.map { ["METHOD:" + $0.rawValue] } ?? []))
            .map(ICalendarText.line).joined()
        var zones: [String: (zone: TimeZone, from: Date, to: Date)] = [:]
        for event in events {
            let span = zones[event.zone.identifier]
            zones[event.zone.identifier] = (event.zone, min(span?.from ?? event.start, event.start), max(span?.to ?? event.lastEnd, event.lastEnd))
        }
        for (_, span) in zones.sorted(by: { $0.key < $1.key }) {
            text += ICalendarTimeZone.component(span.zone, from: span.from, to: span.to)
        }
        for event in events {
            text += self.event(event, method: method, stamp: stamp)
        }
        for due in dueDates {
            text += [
                "BEGIN:VEVENT", "UID:" + ICalendarText.escape(due.uid), "DTSTAMP:" + ICalendarText.utc(stamp),
                "DTSTART;VALUE=DATE:" + due.day, "SUMMARY:" + ICalendarText.escape(due.summary), "URL:" + ICalendarText.escape(due.url),
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ].map(ICalendarText.line).joined()
        }
        return text + ICalendarText.line("END:VCALENDAR")
    }

    private static func event(_ event: CalendarEvent, method: CalendarMethod?, stamp: Date) -> String {
        let zone = "TZID=" + parameter(event.zone.identifier)
        var lines = [
            "BEGIN:VEVENT",
            "UID:" + ICalendarText.escape(event.uid),
            "SEQUENCE:\(event.sequence)",
        ]
        if let original = event.recurrenceID { lines.append("RECURRENCE-ID;\(zone):" + ICalendarText.local(original, in: event.zone)) }
        lines += [
            "DTSTAMP:" + ICalendarText.utc(stamp),
            "DTSTART;\(zone):" + ICalendarText.local(event.start, in: event.zone),
            "DTEND;\(zone):" + ICalendarText.local(event.start.addingTimeInterval(event.duration), in: event.zone),
            "SUMMARY:" + ICalendarText.escape(event.summary),
            "DESCRIPTION:" + ICalendarText.escape(event.description),
            "URL:" + ICalendarText.escape(event.url),
            "LOCATION:" + ICalendarText.escape(event.url),
            "STATUS:" + (event.cancelled || method == .cancel ? "CANCELLED" : "CONFIRMED"),
            "ORGANIZER;CN=\(parameter(event.organizer.name)):mailto:\(event.organizer.email.value)",
        ]
        if let recurrence = event.recurrence, event.recurrenceID == nil { lines.append("RRULE:" + recurrence.rrule) }
        if !event.exceptions.isEmpty, event.recurrenceID == nil {
            lines.append("EXDATE;\(zone):" + event.exceptions.sorted().map { ICalendarText.local($0, in: event.zone) }.joined(separator: ","))
        }
        for attendee in event.attendees {
            lines.append("ATTENDEE;CN=\(parameter(attendee.name));ROLE=REQ-PARTICIPANT;PARTSTAT=\(attendee.status.rawValue);RSVP=TRUE:mailto:\(attendee.email.value)")
        }
        lines.append("END:VEVENT")
        return lines.map(ICalendarText.line).joined()
    }

    /// A parameter value (a name, a zone): quoted, since it may hold `:`, `;` or `,`; a quote, which it may not
    /// hold, becomes an apostrophe, and control characters go.
    static func parameter(_ value: String) -> String {
        let cleaned = value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map { $0 == "\"" ? "'" : Character($0) }
        return "\"" + String(cleaned) + "\""
    }
}
