import AgoraStore
import Foundation

/// An outbox email written out as an RFC 5322 message: `multipart/alternative` with the plain text first and the
/// HTML second, both UTF-8 in quoted-printable, a non-ASCII subject as an RFC 2047 encoded word, and header values
/// stripped of line breaks so that no value can add a header of its own.
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
        headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
        var lines = headers.map { "\(Self.headerSafe($0.0)): \(Self.headerSafe($0.1))" }
        lines.append("")
        for (type, body) in [("text/plain", email.textBody), ("text/html", email.htmlBody)] {
            lines.append("--\(boundary)")
            lines.append("Content-Type: \(type); charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(QuotedPrintable.encode(body))
        }
        lines.append("--\(boundary)--")
        lines.append("")
        return lines.joined(separator: "\r\n")
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
