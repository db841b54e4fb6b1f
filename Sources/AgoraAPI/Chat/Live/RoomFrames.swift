import AgoraDomain
import AgoraStore
import Foundation

/// The frames of the live chat protocol, as JSON text. A client sends `auth` first, then `subscribe` (with the last
/// sequence it saw), `unsubscribe` and `typing`; the service sends `ready`, `subscribed`, `event` (a kept event with
/// its sequence), `reset` (too much was missed: reload the history), `typing`, `presence` and `error`.
enum RoomFrames {
    /// What a client sends.
    struct Incoming: Decodable {
        let type: String
        let token: String?
        let room: Int64?
        let after: Int64?
        let state: String?
    }

    /// The service's heartbeat; the client answers `{"type": "pong"}`.
    struct Heartbeat: Encodable {
        let type = "ping"
    }

    struct Ready: Encodable {
        let type = "ready"
        let userId: Int64
    }

    struct Subscribed: Encodable {
        let type = "subscribed"
        let room: Int64
        let role: String
    }

    /// A kept event: a message created, edited or deleted (with the message as its reader sees it), a read (whose
    /// side, up to which message), or a change of the project (the activity entry's id: reload the project).
    struct Event: Encodable {
        let type = "event"
        let room: Int64
        let sequence: Int64
        let kind: String
        let message: ChatMessageBody?
        let reader: String?
        let messageId: Int64?
        let activityId: Int64?
    }

    struct Reset: Encodable {
        let type = "reset"
        let room: Int64
        let sequence: Int64
    }

    /// Typing and presence: live only, carrying the room's latest sequence when they were sent.
    struct Live: Codable {
        let type: String
        let room: Int64
        let who: String
        let state: String
        /// A presence `online` that asks the others to say they are there too.
        let hello: Bool?
    }

    struct Problem: Encodable {
        let type = "error"
        let code: String
        let detail: String
        let room: Int64?
    }

    static func text(_ frame: some Encodable) -> String {
        (try? APIResponseEncoder.data(of: frame)).map { String(decoding: $0, as: UTF8.self) } ?? #"{"type":"error","code":"internal"}"#
    }
}
