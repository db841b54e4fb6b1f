import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Delivers through SendGrid's v3 HTTP API (`POST /v3/mail/send`, answered 202 when accepted). The same rendered
/// parts and headers as the other transports; the `Message-ID` travels as a custom header so retries stay
/// recognisable.
public struct SendGridMailTransport: MailTransport {
    let apiKey: String
    let endpoint: String

    public init(apiKey: String, endpoint: String = "https://api.sendgrid.com/v3/mail/send") {
        self.apiKey = apiKey
        self.endpoint = endpoint
    }

    struct Payload: Encodable, Equatable {
        struct Address: Encodable, Equatable {
            let email: String
            let name: String?
        }

        struct Personalization: Encodable, Equatable {
            let to: [Address]
        }

        struct Content: Encodable, Equatable {
            let type: String
            let value: String
        }

        /// A file sent with the message (an invitation's `invite.ics`), its content in base64.
        struct Attachment: Encodable, Equatable {
            let content: String
            let type: String
            let filename: String
        }

        let personalizations: [Personalization]
        let from: Address
        let subject: String
        let content: [Content]
        let headers: [String: String]
        let attachments: [Attachment]?
    }

    static func payload(for message: MIMEMessage) -> Payload {
        let sender = SMTPMailTransport.address(in: message.from)
        let name = message.from.firstIndex(of: "<").map { String(message.from[..<$0]).trimmingCharacters(in: .whitespaces) }
        var headers = message.email.headers
        headers["Message-ID"] = message.email.messageID
        return Payload(
            personalizations: [.init(to: [.init(email: message.email.recipient, name: nil)])],
            from: .init(email: sender, name: name?.isEmpty == false ? name : nil),
            subject: message.email.subject,
            content: [.init(type: "text/plain", value: message.email.textBody), .init(type: "text/html", value: message.email.htmlBody)]
                + (message.email.calendar.map { [.init(type: "text/calendar; method=\(MIMEMessage.method(of: $0))", value: $0)] } ?? []),
            headers: headers,
            attachments: message.email.calendar.map {
                [.init(content: Data($0.utf8).base64EncodedString(), type: "application/ics", filename: "invite.ics")]
            }
        )
    }

    public func deliver(_ message: MIMEMessage) async throws {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: try JSONEncoder().encode(Self.payload(for: message))))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        guard (200..<300).contains(response.status.code) else {
            let body = try await response.body.collect(upTo: 4_096)
            throw MailDeliveryError("SendGrid answered \(response.status.code): \(String(buffer: body).prefix(200))")
        }
    }
}
