import AgoraDomain
import AgoraStore
import Crypto
import Foundation

/// Makes meeting rooms and the address each participant joins by. The embedded default names a room on a public
/// Jitsi (`https://meet.jit.si`) with 120 random bits, so nobody finds it by guessing; a self-hosted Jitsi with JWT
/// authentication (`AGORA_JITSI_URL`, `AGORA_JITSI_APP_ID`, `AGORA_JITSI_APP_SECRET`) gets a token signed for each
/// participant as they join, valid from a minute before to `tokenLifetime` after, naming them and making the
/// organiser the room's moderator. The address is only ever given to a participant through the join route.
public struct MeetingRooms: Sendable {
    /// A self-hosted Jitsi's application, whose secret signs the participants' tokens (HS256).
    public struct JWTApplication: Sendable {
        public let id: String
        public let secret: [UInt8]

        public init(id: String, secret: [UInt8]) {
            self.id = id
            self.secret = secret
        }
    }

    public static let publicJitsi = "https://meet.jit.si"
    public static let tokenLifetime: TimeInterval = 10 * 60

    /// The Jitsi's address, without a trailing slash.
    public let baseURL: String
    public let application: JWTApplication?

    public init(baseURL: String = Self.publicJitsi, application: JWTApplication? = nil) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.application = application
    }

    /// A new room: `Agora` and 24 random base-32 letters and digits.
    public func newRoom() -> MeetingRoom {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var generator = SystemRandomNumberGenerator()
        return MeetingRoom(kind: .jitsi, name: "Agora" + String((0..<24).map { _ in alphabet[Int.random(in: 0..<32, using: &generator)] }))
    }

    /// Where `participant` joins the room now.
    public func address(of room: MeetingRoom, for participant: MeetingParticipant, now: Date) -> String {
        let plain = baseURL + "/" + room.name
        guard let application else { return plain }
        return plain + "?jwt=" + token(room: room, participant: participant, application: application, now: now)
    }

    /// A Jitsi token (the claims `prosody`'s token module reads): audience `jitsi`, the application as issuer, the
    /// Jitsi's host as subject, the room, `nbf` and `exp`, and the participant as `context.user`.
    func token(room: MeetingRoom, participant: MeetingParticipant, application: JWTApplication, now: Date) -> String {
        struct Claims: Encodable {
            struct Context: Encodable {
                struct User: Encodable {
                    let id: String
                    let name: String
                    let email: String
                    let moderator: Bool
                }
                let user: User
            }
            let aud = "jitsi"
            let iss: String
            let sub: String
            let room: String
            let nbf: Int
            let exp: Int
            let moderator: Bool
            let context: Context
        }
        let moderator = participant.role == .organizer
        let claims = Claims(
            iss: application.id, sub: URL(string: baseURL)?.host ?? "*", room: room.name,
            nbf: Int(now.timeIntervalSince1970) - 60, exp: Int(now.addingTimeInterval(Self.tokenLifetime).timeIntervalSince1970), moderator: moderator,
            context: .init(user: .init(id: "\(participant.id)", name: participant.name, email: participant.email, moderator: moderator))
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let header = Base64URL.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))
        let payload = Base64URL.encode((try? encoder.encode(claims)) ?? Data())
        let signature = HMAC<SHA256>.authenticationCode(for: Array("\(header).\(payload)".utf8), using: SymmetricKey(data: application.secret))
        return "\(header).\(payload).\(Base64URL.encode(Array(signature)))"
    }
}
