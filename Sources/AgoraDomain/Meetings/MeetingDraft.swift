import Foundation

/// What the organiser asks for when scheduling: a title, an agenda in Markdown, the first start as a moment and the
/// organiser's IANA zone (which a series keeps its local time in), a duration, an optional recurrence, the reminders
/// and any guests by email. `init(_:now:)` is the one check of every field, each bad one named.
public struct MeetingDraft: Sendable, Hashable {
    public static let titleLength = 1...200
    public static let agendaLength = 0...20_000
    public static let durations = 5...480
    public static let maximumGuests = 20
    /// How far ahead a first meeting may be set.
    public static let furthestStart: TimeInterval = 2 * 366 * 86_400
    /// How long ago "now" may be: a form filled in over a minute or two still schedules.
    public static let startGrace: TimeInterval = 5 * 60

    public let title: String
    public let agenda: String
    public let startsAt: Date
    public let zone: TimeZone
    public let durationMinutes: Int
    public let recurrence: MeetingRecurrence?
    public let reminders: MeetingReminders
    public let guests: [Email]

    /// The raw fields as the API reads them.
    public struct Input: Sendable {
        public var title: String?
        public var agenda: String?
        public var startsAt: String?
        public var timeZone: String?
        public var durationMinutes: Int?
        public var recurrence: String?
        public var reminders: [Int]?
        public var guests: [String]?

        public init(
            title: String? = nil, agenda: String? = nil, startsAt: String? = nil, timeZone: String? = nil, durationMinutes: Int? = nil,
            recurrence: String? = nil, reminders: [Int]? = nil, guests: [String]? = nil
        ) {
            self.title = title
            self.agenda = agenda
            self.startsAt = startsAt
            self.timeZone = timeZone
            self.durationMinutes = durationMinutes
            self.recurrence = recurrence
            self.reminders = reminders
            self.guests = guests
        }
    }

    /// `unchangedStart`: the start a change keeps, which may lie in the past (a running series' first meeting).
    public init(_ input: Input, now: Date, unchangedStart: Date? = nil) throws {
        var errors: [FieldError] = []
        let title = FieldReading.text(input.title, field: "title", length: Self.titleLength, multiline: false, errors: &errors)
        var agenda = ""
        if let raw = input.agenda, !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            agenda = FieldReading.text(raw, field: "agenda", length: 1...Self.agendaLength.upperBound, multiline: true, errors: &errors) ?? ""
        }
        let zone = Self.zone(input.timeZone, errors: &errors)
        var startsAt: Date?
        if let text = input.startsAt {
            startsAt = FieldReading.instant(text)
            if startsAt == nil {
                errors.append(FieldError(field: "starts_at", message: "must be a date and time with its offset, such as 2026-12-07T09:30:00Z"))
            } else if let start = startsAt, start != unchangedStart, start < now.addingTimeInterval(-Self.startGrace) {
                errors.append(FieldError(field: "starts_at", message: "must not be in the past"))
                startsAt = nil
            } else if let start = startsAt, start > now.addingTimeInterval(Self.furthestStart) {
                errors.append(FieldError(field: "starts_at", message: "must be within two years"))
                startsAt = nil
            }
        } else {
            errors.append(FieldError(field: "starts_at", message: "is required"))
        }
        let duration = input.durationMinutes ?? 60
        if !Self.durations.contains(duration) {
            errors.append(FieldError(field: "duration_minutes", message: "must be from \(Self.durations.lowerBound) to \(Self.durations.upperBound) minutes"))
        }
        var recurrence: MeetingRecurrence?
        if let rule = input.recurrence?.trimmingCharacters(in: .whitespaces), !rule.isEmpty, let start = startsAt {
            do { recurrence = try MeetingRecurrence.read(rrule: rule, startingAt: start) } catch let error as ValidationError { errors += error.errors }
        }
        var reminders = MeetingReminders.standard
        if let minutes = input.reminders {
            do { reminders = try MeetingReminders(minutes: minutes) } catch let error as ValidationError { errors += error.errors }
        }
        let guests = Self.guests(input.guests ?? [], errors: &errors)
        guard errors.isEmpty, let title, let zone, let startsAt else { throw ValidationError(errors) }
        self.title = title
        self.agenda = agenda
        self.startsAt = startsAt
        self.zone = zone
        self.durationMinutes = duration
        self.recurrence = recurrence
        self.reminders = reminders
        self.guests = guests
    }

    public var duration: TimeInterval { TimeInterval(durationMinutes) * 60 }

    /// An IANA zone the system knows (`Europe/Berlin`, `UTC`); offsets such as `GMT+2` are refused, since they do not
    /// follow a place's changes of the clocks.
    public static func zone(_ raw: String?, field: String = "time_zone", errors: inout [FieldError]) -> TimeZone? {
        guard let raw, !raw.isEmpty else {
            errors.append(FieldError(field: field, message: "is required: an IANA time zone such as Europe/Berlin"))
            return nil
        }
        guard raw == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(raw), let zone = TimeZone(identifier: raw) else {
            errors.append(FieldError(field: field, message: "must be an IANA time zone such as Europe/Berlin or America/New_York"))
            return nil
        }
        return zone
    }

    private static func guests(_ raw: [String], errors: inout [FieldError]) -> [Email] {
        guard raw.count <= maximumGuests else {
            errors.append(FieldError(field: "guests", message: "must have at most \(maximumGuests) guests"))
            return []
        }
        var seen: Set<String> = []
        var guests: [Email] = []
        for (index, text) in raw.enumerated() {
            guard let email = try? Email(text) else {
                errors.append(FieldError(field: "guests[\(index)]", message: "must be an email address"))
                continue
            }
            if seen.insert(email.value).inserted { guests.append(email) }
        }
        return guests
    }
}
