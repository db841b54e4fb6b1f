import Foundation

/// The text rules of iCalendar (RFC 5545) in one place: values escaped (3.3.11), moments in UTC (`20261207T100000Z`)
/// and local (`20261207T100000`), and content lines folded at 75 octets without splitting a character, each ended by
/// CRLF (3.1).
public enum ICalendarText {
    /// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        var previousWasReturn = false
        for character in text.unicodeScalars {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\r": escaped += "\\n"
            case "\n": if !previousWasReturn { escaped += "\\n" }
            default:
                // Other control characters have no place in a value.
                if character.value < 0x20 && character != "\t" || character.value == 0x7F { break }
                escaped.unicodeScalars.append(character)
            }
            previousWasReturn = character == "\r"
        }
        return escaped
    }

    /// `NAME;PARAM=…:value` folded: no line longer than 75 octets, the continuations starting with a space, and a
    /// multi-byte character never cut.
    public static func line(_ content: String) -> String {
        var lines: [String] = []
        var current = ""
        var octets = 0
        for character in content {
            let size = String(character).utf8.count
            if octets + size > (lines.isEmpty ? 75 : 74) {
                lines.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        lines.append(current)
        return lines.joined(separator: "\r\n ") + "\r\n"
    }

    /// `20261207T100000Z`.
    public static func utc(_ moment: Date) -> String {
        format(moment, in: TimeZone(secondsFromGMT: 0)!) + "Z"
    }

    /// `20261207T100000`, the wall-clock time in `zone`.
    public static func local(_ moment: Date, in zone: TimeZone) -> String {
        format(moment, in: zone)
    }

    /// A UTC moment written as `utc` writes it.
    public static func moment(_ text: String) -> Date? {
        let digits = Array(text.utf8)
        guard digits.count == 16, digits[8] == UInt8(ascii: "T"), digits[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: digits[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
              let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private static func format(_ moment: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: moment)
        return String(format: "%04d%02d%02dT%02d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
