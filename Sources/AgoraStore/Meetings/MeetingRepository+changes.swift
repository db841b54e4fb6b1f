import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    /// The organiser changes a meeting. For a series, `scope` says which occurrences, `occurrence` (where the series
    /// put it) which one: `this` moves that one occurrence or changes its length (its title and agenda stay the
    /// series'); `following` cuts the series there and makes the rest a series of its own with the new details;
    /// `all` changes the series, and a new time drops the single changes made before. Guests are added or taken off
    /// with `all` only. Whoever's answer a new time makes stale is asked again.
    public func update(
        _ id: Int64, by userID: Int64, scope: MeetingChangeScope, occurrence: Date?, draft: MeetingDraft, now: Date, announce: @escaping Announce
    ) async throws -> Meeting {
        try await store.transaction { [store] db in
            let (meeting, project) = try await Self.editable(id, by: userID, on: db)
            switch try Self.resolve(scope, occurrence: occurrence, of: meeting) {
            case .all:
                let moved = draft.startsAt != meeting.schedule.startsAt || draft.zone != meeting.schedule.zone
                    || draft.recurrence != meeting.schedule.recurrence
                let timeChanged = moved || draft.durationMinutes != meeting.durationMinutes
                if moved { try await db.raw("DELETE FROM meeting_occurrence_changes WHERE meeting_id = \(bind: id)").run() }
                try await db.raw("""
                    UPDATE meetings SET title = \(bind: draft.title), agenda = \(bind: draft.agenda), starts_at = \(bind: draft.startsAt),
                        time_zone = \(bind: draft.zone.identifier), duration_minutes = \(bind: draft.durationMinutes), recurrence = \(bind: draft.recurrence?.rrule),
                        sequence = sequence + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: id)
                    """).run()
                if timeChanged { try await Self.askAgain(id, on: db) }
                let removed = try await Self.replaceGuests(of: meeting, with: draft, on: db)
                let changed = try await Self.refreshed(id, for: userID, on: db)
                try await Self.tell(.cancelled, about: changed, project: project, to: removed, store: store, now: now, on: db, announce)
                try await Self.tell(.changed, about: changed, project: project, to: changed.participants, store: store, now: now, on: db, announce)
                return changed
            case .this(let original):
                try await Self.change(id, at: original, cancelled: false, startsAt: draft.startsAt, minutes: draft.durationMinutes, now: now, on: db)
                let changed = try await Self.refreshed(id, for: userID, on: db)
                try await Self.tell(.changed, about: changed, project: project, to: changed.participants, store: store, now: now, on: db, announce)
                return changed
            case .following(let original, let index):
                let cut = try await Self.cut(meeting, before: original, index: index, now: now, on: db)
                try await Self.tell(.changed, about: cut, project: project, to: cut.participants, store: store, now: now, on: db, announce)
                let recurrence = draft.recurrence
                    ?? meeting.schedule.recurrence?.remainder(from: original, of: meeting.schedule.startsAt, in: meeting.schedule.zone)
                let rest = try await Self.continuation(of: meeting, draft: draft, recurrence: recurrence, now: now, on: db)
                let created = try await Self.meeting(rest, for: userID, on: db)
                try await Self.tell(.invited, about: created, project: project, to: created.participants, store: store, now: now, on: db, announce)
                return created
            }
        }
    }

    /// The organiser cancels a meeting, one occurrence of a series, that one and the following, or the whole series.
    public func cancel(_ id: Int64, by userID: Int64, scope: MeetingChangeScope, occurrence: Date?, now: Date, announce: @escaping Announce) async throws -> Meeting {
        try await store.transaction { [store] db in
            let (meeting, project) = try await Self.editable(id, by: userID, on: db)
            let changed: Meeting
            switch try Self.resolve(scope, occurrence: occurrence, of: meeting) {
            case .all:
                try await Self.end(meeting, now: now, on: db)
                changed = try await Self.refreshed(id, for: userID, on: db)
                try await Self.tell(.cancelled, about: changed, project: project, to: changed.participants, store: store, now: now, on: db, announce)
                return changed
            case .this(let original):
                try await Self.change(id, at: original, cancelled: true, startsAt: nil, minutes: nil, now: now, on: db)
                changed = try await Self.refreshed(id, for: userID, on: db)
                if changed.schedule.occurrences.isEmpty {
                    try await Self.end(changed, now: now, on: db)
                    let ended = try await Self.refreshed(id, for: userID, on: db)
                    try await Self.tell(.cancelled, about: ended, project: project, to: ended.participants, store: store, now: now, on: db, announce)
                    return ended
                }
            case .following(let original, let index):
                changed = try await Self.cut(meeting, before: original, index: index, now: now, on: db)
            }
            try await Self.tell(.changed, about: changed, project: project, to: changed.participants, store: store, now: now, on: db, announce)
            return changed
        }
    }

    // MARK: Steps

    /// Which occurrences a change touches, once checked against the series.
    enum Target {
        case all
        case this(Date)
        /// The occurrence and its position in the series (never the first: that is `all`).
        case following(Date, index: Int)
    }

    static func resolve(_ scope: MeetingChangeScope, occurrence: Date?, of meeting: Meeting) throws -> Target {
        guard meeting.schedule.recurrence != nil, scope != .all else { return .all }
        guard let occurrence else { throw ValidationError(field: "occurrence", message: "is required with scope \(scope.rawValue): the start of the occurrence, as the series put it") }
        guard let index = meeting.schedule.originalStarts.firstIndex(of: occurrence) else {
            throw ValidationError(field: "occurrence", message: "is not an occurrence of this series")
        }
        if scope == .this { return .this(occurrence) }
        return index == 0 ? .all : .following(occurrence, index: index)
    }

    /// The meeting locked, with its project, when `userID` organises it and it is still to come.
    static func editable(_ id: Int64, by userID: Int64, on db: any SQLDatabase) async throws -> (Meeting, Project) {
        let meeting = try await meeting(id, for: userID, on: db, lock: true)
        guard meeting.organizerID == userID else { throw StatusTransitionError("only the organiser changes or cancels a meeting") }
        guard meeting.status == .scheduled else { throw StatusTransitionError(meeting.status == .cancelled ? "the meeting is cancelled" : "the meeting is over") }
        let project = try await ProjectRepository.locked(meeting.projectID, on: db)
        return (meeting, project)
    }

    /// The meeting read again after a change, its span (`ends_at`) brought up to date.
    static func refreshed(_ id: Int64, for userID: Int64, on db: any SQLDatabase) async throws -> Meeting {
        let meeting = try await meeting(id, for: userID, on: db)
        try await db.raw("UPDATE meetings SET ends_at = \(bind: meeting.schedule.lastEnd) WHERE id = \(bind: id)").run()
        return meeting
    }

    static func change(_ id: Int64, at original: Date, cancelled: Bool, startsAt: Date?, minutes: Int?, now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO meeting_occurrence_changes (meeting_id, original_start, cancelled, starts_at, duration_minutes)
            VALUES (\(bind: id), \(bind: original), \(bind: cancelled), \(bind: startsAt), \(bind: minutes))
            ON CONFLICT (meeting_id, original_start) DO UPDATE SET cancelled = excluded.cancelled, starts_at = excluded.starts_at,
                duration_minutes = excluded.duration_minutes
            """).run()
        try await db.raw("UPDATE meetings SET sequence = sequence + 1, updated_at = \(bind: now) WHERE id = \(bind: id)").run()
    }

    static func end(_ meeting: Meeting, now: Date, on db: any SQLDatabase) async throws {
        let status = try meeting.status.after(.cancel)
        try await db.raw("""
            UPDATE meetings SET status = \(state: status), sequence = sequence + 1, updated_at = \(bind: now) WHERE id = \(bind: meeting.id)
            """).run()
    }

    /// Ends a series before its occurrence number `index`, dropping the single changes made from there on.
    static func cut(_ meeting: Meeting, before original: Date, index: Int, now: Date, on db: any SQLDatabase) async throws -> Meeting {
        try await db.raw("DELETE FROM meeting_occurrence_changes WHERE meeting_id = \(bind: meeting.id) AND original_start >= \(bind: original)").run()
        try await db.raw("""
            UPDATE meetings SET recurrence = \(bind: meeting.schedule.recurrence?.ending(afterCount: index)?.rrule), sequence = sequence + 1,
                updated_at = \(bind: now)
            WHERE id = \(bind: meeting.id)
            """).run()
        return try await refreshed(meeting.id, for: meeting.organizerID ?? 0, on: db)
    }

    /// The rest of a cut series as a meeting of its own, with the same participants and room, asked to answer again.
    static func continuation(of meeting: Meeting, draft: MeetingDraft, recurrence: MeetingRecurrence?, now: Date, on db: any SQLDatabase) async throws -> Int64 {
        let schedule = MeetingSchedule(startsAt: draft.startsAt, zone: draft.zone, duration: draft.duration, recurrence: recurrence)
        guard let id = try await db.raw("""
            INSERT INTO meetings (project_id, organizer_id, uid, title, agenda, starts_at, time_zone, duration_minutes, recurrence, ends_at,
                                  status, sequence, room_kind, room_name, split_from, created_at, updated_at)
            VALUES (\(bind: meeting.projectID), \(bind: meeting.organizerID), \(bind: UUID().uuidString.lowercased() + "@agora"), \(bind: draft.title),
                    \(bind: draft.agenda), \(bind: draft.startsAt), \(bind: draft.zone.identifier), \(bind: draft.durationMinutes), \(bind: recurrence?.rrule),
                    \(bind: schedule.lastEnd), \(state: MeetingStatus.scheduled), 0, \(state: meeting.room.kind), \(bind: meeting.room.name),
                    \(bind: meeting.id), \(bind: now), \(bind: now))
            RETURNING id
            """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the meeting was not written") }
        for participant in meeting.participants {
            try await addParticipant(
                to: id, userID: participant.userID, email: participant.email, name: participant.name, role: participant.role,
                response: participant.role == .organizer ? .accepted : .needsAction, reminders: participant.reminders, on: db
            )
        }
        return id
    }

    /// Everyone but the organiser answers again.
    static func askAgain(_ id: Int64, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE meeting_participants SET response = \(bind: ParticipationStatus.needsAction.name)
            WHERE meeting_id = \(bind: id) AND role <> \(state: MeetingRole.organizer)
            """).run()
    }

    /// Adds the draft's new guests and takes off those it no longer names; returns those taken off.
    static func replaceGuests(of meeting: Meeting, with draft: MeetingDraft, on db: any SQLDatabase) async throws -> [MeetingParticipant] {
        let wanted = Set(draft.guests.map { $0.value.lowercased() })
        let members = Set(meeting.participants.filter { $0.role != .guest }.map { $0.email.lowercased() })
        let removed = meeting.participants.filter { $0.role == .guest && !wanted.contains($0.email.lowercased()) }
        for guest in removed {
            try await db.raw("DELETE FROM meeting_participants WHERE id = \(bind: guest.id)").run()
        }
        let present = Set(meeting.participants.map { $0.email.lowercased() })
        for guest in draft.guests where !present.contains(guest.value.lowercased()) && !members.contains(guest.value.lowercased()) {
            try await addParticipant(
                to: meeting.id, userID: nil, email: guest.value, name: guest.value, role: .guest, response: .needsAction,
                reminders: draft.reminders, on: db
            )
        }
        return removed
    }
}
