import AgoraDomain
import AgoraStore
import Foundation

/// Words for what happens to a meeting. Members get a notification (its email follows their preferences for
/// meetings); guests, who have no account, an email. Invitations, changes and cancellations carry the calendar
/// object each participant's calendar files (`MeetingCalendar`), written for them: a guest's holds their own link.
public struct MeetingAnnouncer: Sendable {
    let email: EmailComposer
    let calendar: MeetingCalendar
    let clock: any AgoraClock

    public init(email: EmailComposer, clock: any AgoraClock) {
        self.email = email
        self.calendar = MeetingCalendar(baseURL: email.baseURL)
        self.clock = clock
    }

    @Sendable public func announce(_ event: MeetingEvent) throws -> Announcements {
        var announcements = Announcements()
        let meeting = event.meeting
        let title = "“\(meeting.title)”"
        let organizer = meeting.organizer?.name ?? "The organiser"
        let when = MeetingWording.when(meeting)
        let (kind, headline, message, method): (NotificationKind, String, String, CalendarMethod?) = switch event.kind {
        case .invited:
            (.meetingInvitation, "Meeting: \(meeting.title)",
             "\(organizer) invited you to \(title) for the project “\(event.projectTitle)”, \(when). Answer on the meeting's page or in your calendar.", .request)
        case .changed:
            (.meetingChanged, "Meeting changed: \(meeting.title)", "\(organizer) changed \(title) (“\(event.projectTitle)”): it is now \(when).", .request)
        case .cancelled:
            (.meetingCancelled, "Meeting cancelled: \(meeting.title)", "\(organizer) cancelled \(title) (“\(event.projectTitle)”).", .cancel)
        case .answered(let participant):
            (.meetingAnswered, "\(participant.name) \(MeetingWording.answer(participant.response)) \(meeting.title)",
             "\(participant.name) \(MeetingWording.answer(participant.response)) \(title), \(when).", nil)
        case .reminder(let occurrence, let minutes):
            (.meetingReminder, minutes == 0 ? "Starting now: \(meeting.title)" : "In \(MeetingWording.duration(minutes)): \(meeting.title)",
             "\(title) (“\(event.projectTitle)”) starts \(MeetingWording.moment(occurrence.startsAt, in: meeting.schedule.zone)). The room opens ten minutes before.", nil)
        case .followUp(let notes):
            (.meetingFollowUp, "Notes of \(meeting.title)", MeetingWording.followUp(notes, of: meeting, project: event.projectTitle), nil)
        }
        for recipient in event.recipients {
            let object = method.map { calendar.object(meeting, method: $0, for: recipient, stamp: clock.now) }
            if let userID = recipient.userID, let account = event.accounts[userID] {
                var notification = try email.notification(
                    to: account, kind: kind, headline: headline, message: message, action: "Open the meeting", link: PagePaths.meeting(meeting.id)
                )
                notification.email?.calendar = object
                announcements.notifications.append(notification)
            } else if recipient.role == .guest {
                var mail = try email.compose("marketplace-update", to: recipient.email, values: [
                    "first_name": "there", "headline": headline, "message": message, "action": "Answer or join",
                    "link": calendar.link(to: meeting, for: recipient),
                ])
                mail.calendar = object
                announcements.emails.append(mail)
            }
        }
        return announcements
    }
}

/// How meetings are written in words: a moment in a zone, the length of a wait, an answer.
enum MeetingWording {
    /// "on Thursday 10 December 2026 at 10:00 (Europe/Berlin) for 60 minutes, every week" — the next occurrence.
    static func when(_ meeting: Meeting) -> String {
        let schedule = meeting.schedule
        let first = schedule.occurrences.first
        var text = moment(first?.startsAt ?? schedule.startsAt, in: schedule.zone) + " for \(Int((first?.duration ?? schedule.duration) / 60)) minutes"
        if let recurrence = schedule.recurrence {
            text += recurrence.frequency == .daily
                ? (recurrence.interval == 1 ? ", every day" : ", every \(recurrence.interval) days")
                : (recurrence.interval == 1 ? ", every week" : ", every \(recurrence.interval) weeks")
        }
        return text
    }

    static func moment(_ date: Date, in zone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "EEEE d MMMM yyyy 'at' HH:mm"
        return "on " + formatter.string(from: date) + " (\(zone.identifier))"
    }

    static func duration(_ minutes: Int) -> String {
        MeetingReminders.words(for: minutes).replacingOccurrences(of: " before", with: "")
    }

    /// The notes and action items as the follow-up's text: the notes as written, then each item with who does it by when.
    static func followUp(_ notes: MeetingNotes, of meeting: Meeting, project: String) -> String {
        var text = "The notes of “\(meeting.title)” (“\(project)”)."
        if !notes.body.isEmpty { text += "\n\n" + notes.body }
        if !notes.items.isEmpty {
            text += "\n\nAction items:"
            for item in notes.items {
                let who = item.assigneeID.flatMap { id in meeting.participants.first { $0.userID == id }?.name }
                text += "\n- " + (item.done ? "[done] " : "") + item.title + (who.map { " — " + $0 } ?? "") + (item.dueOn.map { ", by " + $0 } ?? "")
            }
        }
        return text
    }

    static func answer(_ response: ParticipationStatus) -> String {
        switch response {
        case .accepted: "accepted"
        case .declined: "declined"
        case .tentative: "might attend"
        case .needsAction: "has not answered"
        }
    }
}
