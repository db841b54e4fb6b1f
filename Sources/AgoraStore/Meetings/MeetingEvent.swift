import AgoraDomain
import Foundation

/// Something that happened to a meeting that participants hear of, with what the announcer needs to tell them: the
/// meeting as it now is (for its calendar object), its project's title, and who is told — members with their account,
/// guests by their email only.
public struct MeetingEvent: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A new meeting or series: an invitation.
        case invited
        /// Its time, length, title or agenda changed, or an occurrence moved or was taken out.
        case changed
        /// The meeting, or the whole series, was cancelled.
        case cancelled
        /// A participant answered; the organiser hears of it.
        case answered(MeetingParticipant)
        /// An occurrence starts in `minutes`.
        case reminder(MeetingOccurrence, minutes: Int)
        /// The meeting is over: its notes and action items, for everyone who took part.
        case followUp(MeetingNotes)
    }

    public let kind: Kind
    public let meeting: Meeting
    public let projectTitle: String
    public let recipients: [MeetingParticipant]
    /// The members among the recipients, by user id.
    public let accounts: [Int64: Recipient]
}
