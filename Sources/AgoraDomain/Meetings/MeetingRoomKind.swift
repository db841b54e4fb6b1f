/// Where a meeting's video call takes place. Jitsi is the one kind offered: the embedded default opens a room of an
/// unguessable name on a public Jitsi, and a self-hosted Jitsi with JWT authentication gets a short-lived token per
/// participant. Zoom and Google Meet are not offered: no server of theirs can be run here to test against.
public enum MeetingRoomKind: String, Sendable, Codable, CaseIterable {
    case jitsi
}
