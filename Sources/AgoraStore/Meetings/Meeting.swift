import AgoraDomain
import Foundation

/// A meeting of a project, or a series of them, with its participants: what the API, the calendar objects, the feed
/// and the reminders read.
public struct Meeting: Sendable, Hashable {
    public let id: Int64
    public let projectID: Int64
    public let organizerID: Int64?
    /// The calendar `UID`, the same for the meeting's whole life.
    public let uid: String
    public let title: String
    public let agenda: String
    public let schedule: MeetingSchedule
    public let status: MeetingStatus
    /// The calendar `SEQUENCE`: one more at every change participants are sent.
    public let sequence: Int
    public let room: MeetingRoom
    /// The series this one continues, when a change to "this and the following" cut an earlier one.
    public let splitFrom: Int64?
    public let participants: [MeetingParticipant]
    public let createdAt: Date
    public let updatedAt: Date

    public var durationMinutes: Int { Int(schedule.duration / 60) }

    /// The participant who is `userID`; nil for anyone else.
    public func participant(_ userID: Int64) -> MeetingParticipant? {
        participants.first { $0.userID == userID }
    }

    public var organizer: MeetingParticipant? { participants.first { $0.role == .organizer } }
}

/// Someone on a meeting: a project member with their account, or a guest by email.
public struct MeetingParticipant: Sendable, Hashable {
    public let id: Int64
    public let userID: Int64?
    public let email: String
    public let name: String
    public let role: MeetingRole
    public let response: ParticipationStatus
    public let reminders: MeetingReminders
    /// The secret a guest's signed link carries; never shown to anyone but that guest.
    let linkNonce: String

    /// What a guest's link carries: the participant and their secret (`MeetingRepository.guest(token:)` reads it back).
    public var linkToken: String { "\(id)-\(linkNonce)" }
}

/// A meeting's room: its kind and the unguessable name the service makes its address from.
public struct MeetingRoom: Sendable, Hashable {
    public let kind: MeetingRoomKind
    public let name: String

    public init(kind: MeetingRoomKind, name: String) {
        self.kind = kind
        self.name = name
    }
}
