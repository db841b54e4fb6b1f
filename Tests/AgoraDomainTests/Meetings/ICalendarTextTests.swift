import AgoraDomain
import Foundation
import Testing

/// The text rules of iCalendar: escaping, folding at 75 octets, moments, and time zones written from their rules.
@Suite("iCalendar text")
struct ICalendarTextTests {
    static func instant(_ text: String) -> Date { try! Date(text, strategy: .iso8601) }

    @Test("values are escaped; control characters dropped; line breaks of every kind become \\n")
    func escaping() {
        #expect(ICalendarText.escape(#"Plan; budget, "scope" \ notes"#) == #"Plan\; budget\, "scope" \\ notes"#)
        #expect(ICalendarText.escape("one\r\ntwo\nthree\rfour") == #"one\ntwo\nthree\nfour"#)
        #expect(ICalendarText.escape("bell\u{07}\ttab") == "bell\ttab")
        #expect(ICalendarText.escape("END:VEVENT\r\nBEGIN:VALARM") == #"END:VEVENT\nBEGIN:VALARM"#, "no text can start a line of its own")
    }

    @Test("lines fold at 75 octets without cutting a character, and unfold to what they were")
    func folding() {
        for text in ["SUMMARY:" + String(repeating: "Logo redesign ", count: 20), "DESCRIPTION:" + String(repeating: "Zoë 東京 🎉 ", count: 30), "UID:short"] {
            let folded = ICalendarText.line(text)
            #expect(folded.hasSuffix("\r\n"))
            let lines = folded.dropLast().components(separatedBy: "\r\n")
            #expect(lines.allSatisfy { $0.utf8.count <= 75 }, "\(text.prefix(20))")
            #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
            let continuations: [String] = lines.dropFirst().map { String($0.dropFirst()) }
            let rejoined: String = (lines.first ?? "") + continuations.joined()
            #expect(rejoined == text)
        }
    }

    @Test("moments in UTC and local time; only a well-formed UTC moment is read")
    func moments() {
        let moment = Self.instant("2026-12-07T09:05:03Z")
        #expect(ICalendarText.utc(moment) == "20261207T090503Z")
        #expect(ICalendarText.local(moment, in: TimeZone(identifier: "Asia/Kolkata")!) == "20261207T143503")
        #expect(ICalendarText.moment("20261207T090503Z") == moment)
        for bad in ["20261207T090503", "20261307T090503Z", "2026-12-07T09:05Z", "20260230T090000Z", ""] {
            #expect(ICalendarText.moment(bad) == nil, "\(bad)")
        }
    }

    @Test("a zone's VTIMEZONE has an observance per change of offset, its onset in the local time before it")
    func timeZones() {
        let berlin = ICalendarTimeZone.component(TimeZone(identifier: "Europe/Berlin")!, from: Self.instant("2026-03-01T00:00:00Z"), to: Self.instant("2026-12-31T00:00:00Z"))
        #expect(berlin.hasPrefix("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n") && berlin.hasSuffix("END:VTIMEZONE\r\n"))
        #expect(berlin.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        #expect(berlin.contains("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"))
        let kolkata = ICalendarTimeZone.component(TimeZone(identifier: "Asia/Kolkata")!, from: Self.instant("2026-03-01T00:00:00Z"), to: Self.instant("2026-12-31T00:00:00Z"))
        #expect(kolkata.contains("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"))
        #expect(!kolkata.contains("DAYLIGHT"))
        let south = ICalendarTimeZone.component(TimeZone(identifier: "America/Santiago")!, from: Self.instant("2026-01-01T00:00:00Z"), to: Self.instant("2026-12-31T00:00:00Z"))
        #expect(south.contains("TZOFFSETFROM:-0300\r\nTZOFFSETTO:-0400"), "the southern hemisphere's changes run the other way")
    }
}

@Suite("iCalendar objects")
struct ICalendarDocumentTests {
    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// The object's content lines, unfolded, checking on the way that every physical line is CRLF-ended and at most
    /// 75 octets.
    func unfolded(_ text: String) -> [String] {
        #expect(text.hasSuffix("\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n") && !text.replacingOccurrences(of: "\r\n", with: "").contains("\r"),
                "no bare line break")
        var lines: [String] = []
        for physical in text.dropLast().components(separatedBy: "\r\n") {  // "\r\n" is one Character
            #expect(physical.utf8.count <= 75, "\(physical)")
            if physical.hasPrefix(" "), let last = lines.popLast() { lines.append(last + physical.dropFirst()) } else { lines.append(physical) }
        }
        return lines
    }

    func event(summary: String, organizer: String, sequence: Int = 0, cancelled: Bool = false) throws -> CalendarEvent {
        CalendarEvent(
            uid: "meeting-7@agora.example", sequence: sequence, start: try Date("2026-03-16T09:00:00Z", strategy: .iso8601), duration: 1_800,
            zone: Self.berlin, summary: summary, description: "Agenda:\n- scope\n- budget, timeline", url: "https://agora.example/meetings/7/join",
            organizer: CalendarPerson(name: organizer, email: try Email("ada@example.com")),
            attendees: [CalendarPerson(name: "Kim Park", email: try Email("kim@example.com"), status: .accepted)],
            recurrence: MeetingRecurrence(frequency: .weekly, end: .count(6)), exceptions: [try Date("2026-03-30T08:00:00Z", strategy: .iso8601)],
            cancelled: cancelled
        )
    }

    @Test("an invitation: its zone, one event at its local time with its rule, exception and people; hostile text stays a value")
    func invitation() throws {
        let hostile = "Kick-off; scope, \"plan\"\r\nEND:VEVENT\r\nBEGIN:VEVENT"
        let text = ICalendarDocument.write([try event(summary: hostile, organizer: "Ada \"The\" Client;x")], method: .request, stamp: try Date("2026-03-01T12:00:00Z", strategy: .iso8601))
        let lines = unfolded(text)
        #expect(lines.first == "BEGIN:VCALENDAR" && lines.last == "END:VCALENDAR")
        #expect(lines.contains("METHOD:REQUEST") && lines.contains("VERSION:2.0"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 1 && lines.filter { $0 == "END:VEVENT" }.count == 1)
        #expect(lines.contains(#"SUMMARY:Kick-off\; scope\, "plan"\nEND:VEVENT\nBEGIN:VEVENT"#))
        #expect(lines.contains(#"DESCRIPTION:Agenda:\n- scope\n- budget\, timeline"#))
        #expect(lines.contains(#"DTSTART;TZID="Europe/Berlin":20260316T100000"#) && lines.contains(#"DTEND;TZID="Europe/Berlin":20260316T103000"#))
        #expect(lines.contains("RRULE:FREQ=WEEKLY;INTERVAL=1;COUNT=6") && lines.contains(#"EXDATE;TZID="Europe/Berlin":20260330T100000"#))
        #expect(lines.contains("UID:meeting-7@agora.example") && lines.contains("SEQUENCE:0") && lines.contains("STATUS:CONFIRMED"))
        #expect(lines.contains(#"ORGANIZER;CN="Ada 'The' Client;x":mailto:ada@example.com"#))
        #expect(lines.contains(#"ATTENDEE;CN="Kim Park";ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=TRUE:mailto:kim@example.com"#))
        #expect(lines.contains("TZID:Europe/Berlin") && lines.contains("DTSTART:20260329T020000"), "the zone covers the series' change of the clocks")
    }

    @Test("a change carries a higher sequence; a cancellation says so")
    func cancellation() throws {
        let text = ICalendarDocument.write([try event(summary: "Kick-off", organizer: "Ada", sequence: 3, cancelled: true)], method: .cancel, stamp: Date())
        let lines = unfolded(text)
        #expect(lines.contains("METHOD:CANCEL") && lines.contains("STATUS:CANCELLED") && lines.contains("SEQUENCE:3"))
    }
}
