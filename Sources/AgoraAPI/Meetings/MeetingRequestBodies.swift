import AgoraDomain
import Foundation

/// `POST /api/meetings` and `PATCH /api/meetings/{id}`: `{"project_id", "title", "agenda", "starts_at", "time_zone",
/// "duration_minutes", "recurrence", "reminders", "guests"}`, checked whole by `MeetingDraft`; a change also takes
/// `scope` and `occurrence`, and any field it leaves out keeps its value.
struct MeetingInput: RequestBody {
    static let fields: Set<String> = [
        "project_id", "title", "agenda", "starts_at", "time_zone", "duration_minutes", "recurrence", "reminders", "guests", "scope", "occurrence",
    ]
    let projectID: Int?
    var draft: MeetingDraft.Input
    let scopeName: String?
    let occurrence: String?
    /// Whether the body named `recurrence` (a `null` or empty one makes a series a single meeting).
    let namesRecurrence: Bool

    init(reading body: inout JSONObjectBody) {
        projectID = body.integer("project_id")
        var draft = MeetingDraft.Input()
        draft.title = body.string("title", required: false, maximumLength: MeetingDraft.titleLength.upperBound)
        draft.agenda = body.string("agenda", required: false, maximumLength: MeetingDraft.agendaLength.upperBound, multiline: true)
        draft.startsAt = body.string("starts_at", required: false, maximumLength: 40)
        draft.timeZone = body.string("time_zone", required: false, maximumLength: 64)
        draft.durationMinutes = body.integer("duration_minutes")
        draft.recurrence = body.string("recurrence", required: false, maximumLength: 200)
        draft.reminders = body.wholeNumbers("reminders", maximumCount: MeetingReminders.maximumCount)
        draft.guests = body.strings("guests", maximumCount: MeetingDraft.maximumGuests, maximumLength: 254)
        self.draft = draft
        namesRecurrence = body.contains("recurrence")
        scopeName = body.string("scope", required: false, maximumLength: 20)
        occurrence = body.string("occurrence", required: false, maximumLength: 40)
    }

    /// The scope of a change: `all` unless named.
    func scope() throws -> MeetingChangeScope {
        guard let scopeName else { return .all }
        guard let scope = MeetingChangeScope(rawValue: scopeName) else {
            throw ValidationError(field: "scope", message: "must be one of " + MeetingChangeScope.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return scope
    }

    /// The occurrence a change names, as the series put it.
    func occurrenceStart() throws -> Date? {
        try MeetingInput.occurrence(occurrence)
    }

    static func occurrence(_ text: String?) throws -> Date? {
        guard let text else { return nil }
        guard let date = FieldReading.instant(text) else {
            throw ValidationError(field: "occurrence", message: "must be a date and time with its offset, such as 2026-12-07T09:30:00Z")
        }
        return date
    }
}

/// `POST /api/meetings/{id}/rsvp`: `{"response", "reminders"}` — an answer, new reminders, or both.
struct MeetingAnswerInput: RequestBody {
    static let fields: Set<String> = ["response", "reminders"]
    let responseName: String?
    let reminderMinutes: [Int]?

    init(reading body: inout JSONObjectBody) {
        responseName = body.string("response", required: false, maximumLength: 20)
        reminderMinutes = body.wholeNumbers("reminders", maximumCount: MeetingReminders.maximumCount)
    }

    func response() throws -> ParticipationStatus? {
        guard let responseName else { return nil }
        guard let response = ParticipationStatus(name: responseName), ParticipationStatus.answers.contains(response) else {
            throw ValidationError(field: "response", message: "must be one of " + ParticipationStatus.answers.map(\.name).joined(separator: ", "))
        }
        return response
    }

    func reminders() throws -> MeetingReminders? {
        try reminderMinutes.map { try MeetingReminders(minutes: $0) }
    }
}
