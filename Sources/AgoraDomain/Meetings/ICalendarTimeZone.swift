import Foundation

/// A `VTIMEZONE` (RFC 5545, 3.6.5) for an IANA zone, written from the zone's own transitions over the span the
/// calendar's events cover, so that a calendar application without that zone's rules still places every occurrence
/// at the right moment: one `STANDARD` or `DAYLIGHT` observance per change of offset, with its onset in the local
/// time before the change. A zone that never changes has one `STANDARD` observance.
public enum ICalendarTimeZone {
    /// The component's content lines (folded, CRLF-ended) for events from `start` to `end`.
    public static func component(_ zone: TimeZone, from start: Date, to end: Date) -> String {
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + ICalendarText.escape(zone.identifier)]
        var onsets: [Date] = []
        // The change before the span says which offset holds at its start.
        var cursor = start.addingTimeInterval(-400 * 86_400)
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= end {
            onsets.append(next)
            cursor = next
        }
        if onsets.isEmpty {
            let offset = zone.secondsFromGMT(for: start)
            lines += observance("STANDARD", onset: "19700101T000000", from: offset, to: offset, name: zone.abbreviation(for: start))
        }
        for onset in onsets {
            let before = zone.secondsFromGMT(for: onset.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: onset)
            let local = ICalendarText.local(onset, in: TimeZone(secondsFromGMT: before) ?? zone)
            lines += observance(zone.isDaylightSavingTime(for: onset) ? "DAYLIGHT" : "STANDARD", onset: local, from: before, to: after,
                                name: zone.abbreviation(for: onset))
        }
        lines.append("END:VTIMEZONE")
        return lines.map(ICalendarText.line).joined()
    }

    private static func observance(_ kind: String, onset: String, from: Int, to: Int, name: String?) -> [String] {
        var lines = ["BEGIN:\(kind)", "DTSTART:\(onset)", "TZOFFSETFROM:\(offset(from))", "TZOFFSETTO:\(offset(to))"]
        if let name, !name.isEmpty { lines.append("TZNAME:" + ICalendarText.escape(name)) }
        lines.append("END:\(kind)")
        return lines
    }

    /// `+0100`, `-0430`, `+054500` when seconds are needed.
    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let text = String(format: "%02d%02d", magnitude / 3_600, magnitude % 3_600 / 60)
        return sign + text + (magnitude % 60 == 0 ? "" : String(format: "%02d", magnitude % 60))
    }
}
