import AgoraDomain
import AgoraTemplates

/// What the meeting pages check and offer, from the domain: the scheduling form's limits, the reminder offsets it
/// proposes and the words for statuses, roles and answers (as safe JSON for the scripts).
struct MeetingPageRules: TemplateFields {
    /// The offsets the form offers, in minutes.
    static let reminderChoices = [10_080, 1_440, 60, 15, 0]

    struct Words: Encodable {
        let statuses = Dictionary(uniqueKeysWithValues: MeetingStatus.allCases.map { ($0.rawValue, $0.rawValue.prefix(1).uppercased() + $0.rawValue.dropFirst()) })
        let roles = ["organizer": "Organiser", "member": "Member", "guest": "Guest"]
        let responses = ["needs_action": "Not answered", "accepted": "Accepted", "declined": "Declined", "tentative": "Maybe"]
        let reminders = Dictionary(uniqueKeysWithValues: MeetingPageRules.reminderChoices.map { (String($0), MeetingReminders.words(for: $0)) })
        let standardReminders = MeetingReminders.standard.minutes
        let roomOpensMinutes = Int(MeetingOccurrence.roomOpensBefore / 60)
    }

    func templateValue(named name: String) -> TemplateValue? {
        switch name {
        case "wordsJSON": .optional(ScriptSafeJSON.encode(Words()))
        case "titleMaximum": .number(MeetingDraft.titleLength.upperBound)
        case "agendaMaximum": .number(MeetingDraft.agendaLength.upperBound)
        case "durationMinimum": .number(MeetingDraft.durations.lowerBound)
        case "durationMaximum": .number(MeetingDraft.durations.upperBound)
        case "guestsMaximum": .number(MeetingDraft.maximumGuests)
        case "countMaximum": .number(MeetingRecurrence.maximumOccurrences)
        case "intervalMaximum": .number(MeetingRecurrence.intervals.upperBound)
        case "reminderChoices": .list(Self.reminderChoices.map { minutes in
            .fields(["minutes": TemplateValue.number(minutes), "label": .text(MeetingReminders.words(for: minutes))])
        })
        default: nil
        }
    }
}
