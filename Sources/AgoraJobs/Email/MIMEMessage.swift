import AgoraStore
import Foundation

/// An outbox email written out as an RFC 5322 message: `multipart/alternative` with the plain text first and the
/// HTML second, both UTF-8 in quoted-printable, a non-ASCII subject as an RFC 2047 encoded word, and header values
/// stripped of line breaks so that no value can add a header of its own. An email with a calendar object adds it as
/// a third alternative (`text/calendar` with its method, which mail programs show as an invitation to answer) and
/// as an `invite.ics` attachment for the others (RFC 6047), both in base64 so that its CRLF lines arrive untouched.
public struct MIMEMessage: Sendable {
    public let from: String
    public let email: OutboxEmail
    public let date: Date

    public init(from: String, email: OutboxEmail, date: Date) {
        self.from = from
        self.email = email
        self.date = date
    }

    public var text: String {
        let boundary = "agora-" + String(email.messageID.unicodeScalars.filter(\.properties.isAlphabetic).prefix(24)) + "-alt"
        var headers: [(String, String)] = [
            ("From", from),
            ("To", email.recipient),
            ("Subject", Self.encodedWord(email.subject)),
            ("Date", Self.dateFormatter.string(from: date)),
            ("Message-ID", email.messageID),
            ("MIME-Version", "1.0"),
        ]
        headers += email.headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let mixed = boundary.dropLast(4) + "-mixed"
        headers.append(("Content-Type", email.calendar == nil ? "multipart/alternative; boundary=\"\(boundary)\"" : "multipart/mixed; boundary=\"\(mixed)\""))
        var lines = headers.map { "\(Self.headerSafe($0.0)): \(Self.headerSafe($0.1))" }
        lines.append("")
        if email.calendar != nil {
            lines += ["--\(mixed)", "Content-Type: multipart/alternative; boundary=\"\(boundary)\"", ""]
        }
        for (type, body) in [("text/plain", email.textBody), ("text/html", email.htmlBody)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(QuotedPrintable.encode(body))
        }
        if let calendar = email.calendar {
            let method = Self.method(of: calendar)
            lines += ["--\(boundary)", "Content-Type: text/calendar; charset=utf-8; method=\(method)", "Content-Transfer-Encoding: base64", ""]
            lines.append(Self.base64Lines(calendar))
            lines.append("--\(boundary)--")
            lines += [
                "--\(mixed)", "Content-Type: application/ics; name=\"invite.ics\"", "Content-Disposition: attachment; filename=\"invite.ics\"",
                "Content-Transfer-Encoding: base64", "",
            ]
            lines.append(Self.base64Lines(calendar))
            lines.append("--\(mixed)--")
        } else {
            lines.append("--\(boundary)--")
        }
        lines.append("")
        return lines.joined(separator: "\r\n")
    }

    /// The calendar object's `METHOD` (`REQUEST`, `CANCEL`), which its part's content type repeats.
    static func method(of calendar: String) -> String {
        let line = calendar.split(separator: "\r\n").first { $0.hasPrefix("METHOD:") }
        let method = line.map { String($0.dropFirst("METHOD:".count)) } ?? "PUBLISH"
        return method.allSatisfy { $0.isLetter } ? method : "PUBLISH"
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ text: String) -> String {
        let encoded = Array(Data(text.utf8).base64EncodedString())
        return stride(from: 0, to: encoded.count, by: 76).map { String(encoded[$0..<min($0 + 76, encoded.count)]) }.joined(separator: "\r\n")
    }

    static func headerSafe(_ value: String) -> String {
        String(value.map { $0 == "\r" || $0 == "\n" || $0 == "\r\n" ? " " : $0 })
    }

    /// `=?UTF-8?B?…?=` when the subject is not plain ASCII.
    static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }) else { return text }
        return "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    private static let dateFormatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter
    }()
}
