import Foundation

/// An entry of time a provider types in by hand (a manual entry, marked so): when the work began, how many minutes
/// it took and what was done. Checked whole, every bad field named. Time is logged in the open week only, after it
/// is worked, and never before the project started; the weekly limit is checked against the week's other entries
/// where they are stored.
public struct TimeEntryDraft: Sendable, Hashable {
    public let startedAt: Date
    public let minutes: Int
    public let memo: String

    /// The raw fields: `startedAt` an RFC 3339 date and time with its offset.
    public struct Input: Sendable {
        public var startedAt: String?
        public var minutes: Int?
        public var memo: String?

        public init(startedAt: String? = nil, minutes: Int? = nil, memo: String? = nil) {
            self.startedAt = startedAt
            self.minutes = minutes
            self.memo = memo
        }
    }

    public init(_ input: Input, projectStartedAt: Date, now: Date) throws {
        var errors: [FieldError] = []
        let memo = FieldReading.text(input.memo, field: "memo", length: HourlyRules.memoLength, multiline: false, errors: &errors)
        var minutes = input.minutes
        if let value = minutes, !HourlyRules.entryMinutes.contains(value) {
            errors.append(FieldError(field: "minutes", message: "must be a whole number of minutes from 1 to \(HourlyRules.entryMinutes.upperBound)"))
            minutes = nil
        } else if minutes == nil {
            errors.append(FieldError(field: "minutes", message: "is required"))
        }
        var startedAt: Date?
        if let text = input.startedAt {
            startedAt = FieldReading.instant(text)
            if startedAt == nil { errors.append(FieldError(field: "started_at", message: "must be a date and time with its offset, such as 2026-12-07T09:30:00Z")) }
        } else {
            errors.append(FieldError(field: "started_at", message: "is required"))
        }
        if let start = startedAt {
            let week = TimesheetWeek(containing: now)
            if !week.contains(start) {
                errors.append(FieldError(field: "started_at", message: "must be in this week, \(week) (Monday to Sunday, UTC): earlier weeks are closed"))
            } else if start < projectStartedAt {
                errors.append(FieldError(field: "started_at", message: "must not be before the project started"))
            } else if let minutes, start.addingTimeInterval(TimeInterval(minutes) * 60) > now {
                errors.append(FieldError(field: "minutes", message: "must end by now: time is logged once it is worked"))
            }
        }
        guard errors.isEmpty, let startedAt, let minutes, let memo else { throw ValidationError(errors) }
        self.startedAt = startedAt
        self.minutes = minutes
        self.memo = memo
    }

    /// A memo on its own, for a timer or an edit that changes only the memo.
    public static func memo(_ raw: String?) throws -> String {
        var errors: [FieldError] = []
        guard let memo = FieldReading.text(raw, field: "memo", length: HourlyRules.memoLength, multiline: false, errors: &errors) else {
            throw ValidationError(errors)
        }
        return memo
    }

    /// Why time in `week` no longer changes.
    public static func closed(_ week: TimesheetWeek) -> StatusTransitionError {
        StatusTransitionError("the week of \(week) is closed: its time no longer changes")
    }
}
