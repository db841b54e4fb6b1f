@testable import AgoraJobs
import AgoraDomain
@testable import AgoraStore
@testable import AgoraWorkflows
import Crypto
import Foundation
import Testing

/// What leaves the service for meetings: the invitation's calendar object inside the email, and the room's address
/// with its signed token for a self-hosted Jitsi.
@Suite("Meeting delivery")
struct MeetingDeliveryTests {
    static let calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Café\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

    @Test("an email with a calendar object carries it as a text/calendar alternative with its method and as invite.ics, byte for byte")
    func calendarPart() throws {
        var email = OutboxEmail(
            id: 1, messageID: "<m2@agora.example>", recipient: "paula@example.com", subject: "Meeting: Café", template: "marketplace-update",
            textBody: "Hello", htmlBody: "<p>Hello</p>", headers: [:], unsubscribeScope: nil, status: .sending, attempts: 1, lastError: nil,
            createdAt: Date(timeIntervalSince1970: 0), sentAt: nil
        )
        email.calendar = Self.calendar
        let text = MIMEMessage(from: "Agora <no-reply@agora.example>", email: email, date: Date(timeIntervalSince1970: 1_790_000_000)).text
        #expect(text.contains("Content-Type: multipart/mixed; boundary="))
        #expect(text.contains("Content-Type: text/calendar; charset=utf-8; method=REQUEST\r\nContent-Transfer-Encoding: base64"))
        #expect(text.contains("Content-Disposition: attachment; filename=\"invite.ics\""))
        let encoded = MIMEMessage.base64Lines(Self.calendar)
        #expect(Data(base64Encoded: encoded.replacingOccurrences(of: "\r\n", with: "")) == Data(Self.calendar.utf8))
        #expect(text.components(separatedBy: encoded).count == 3, "both parts hold the object unchanged")
        #expect(text.split(separator: "\r\n").allSatisfy { $0.count <= 998 })

        let payload = SendGridMailTransport.payload(for: MIMEMessage(from: "Agora <no-reply@agora.example>", email: email, date: .now))
        #expect(payload.content.last?.type == "text/calendar; method=REQUEST" && payload.attachments?.first?.filename == "invite.ics")
        #expect(MIMEMessage.method(of: "BEGIN:VCALENDAR\r\nMETHOD:CAN CEL\r\n") == "PUBLISH", "nothing but letters reaches the header")
    }

    @Test("a self-hosted Jitsi gets a token per participant, signed with its secret, the organiser as moderator")
    func jitsiToken() throws {
        let secret = Array("a-secret-of-at-least-thirty-two-characters".utf8)
        let rooms = MeetingRooms(baseURL: "https://meet.example.org/", application: .init(id: "agora", secret: secret))
        let room = rooms.newRoom()
        #expect(room.name.count == 29 && room.name.hasPrefix("Agora") && rooms.newRoom() != room)
        let organiser = MeetingParticipant.testing(role: .organizer)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        let address = rooms.address(of: room, for: organiser, now: now)
        #expect(address.hasPrefix("https://meet.example.org/\(room.name)?jwt="))
        let parts = Self.token(in: address)
        #expect(parts.count == 3)
        let signature = HMAC<SHA256>.authenticationCode(for: Data((parts[0] + "." + parts[1]).utf8), using: SymmetricKey(data: secret))
        #expect(Base64URL.encode(Array(signature)) == parts[2])
        let claims = try Self.claims(parts)
        #expect(claims["aud"] as? String == "jitsi" && claims["iss"] as? String == "agora" && claims["sub"] as? String == "meet.example.org")
        #expect(claims["room"] as? String == room.name && claims["moderator"] as? Bool == true)
        #expect(claims["nbf"] as? Int == 1_790_000_000 - 60 && claims["exp"] as? Int == 1_790_000_000 + 600)
        let guest = rooms.address(of: room, for: .testing(role: .guest), now: now)
        let guestClaims = try Self.claims(Self.token(in: guest))
        #expect(guestClaims["moderator"] as? Bool == false)
        #expect(MeetingRooms().address(of: room, for: organiser, now: now) == "https://meet.jit.si/\(room.name)", "the public Jitsi takes no token")
    }

    static func token(in address: String) -> [String] {
        address.components(separatedBy: "?jwt=").last?.split(separator: ".").map(String.init) ?? []
    }

    static func claims(_ parts: [String]) throws -> [String: Any] {
        let payload = try #require(Base64URL.decode(parts[1]))
        return try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
    }
}

extension MeetingParticipant {
    static func testing(role: MeetingRole) -> MeetingParticipant {
        MeetingParticipant(
            id: role == .organizer ? 1 : 3, userID: role == .guest ? nil : 1, email: "ada@example.com", name: "Ada L.", role: role,
            response: .accepted, reminders: .standard, linkNonce: "nonce"
        )
    }
}
