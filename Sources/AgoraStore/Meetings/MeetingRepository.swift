import AgoraDomain
import Foundation
import SQLKit

/// Meetings of projects. Only the two members of a running project schedule one; both take part, with any guests
/// invited by email. Every change runs in one transaction with the meeting locked and tells the participants in it
/// (`Announce`: invitations, changes and cancellations carry the calendar object), and raises the `sequence` that
/// calendars order changes by. Anyone who is not a participant is told there is no such meeting.
public struct MeetingRepository: Sendable {
    let store: Store

    public init(store: Store) { self.store = store }

    public typealias Announce = @Sendable (MeetingEvent) throws -> Announcements

    /// `userID` schedules a meeting (or a series) in their project; the other member and the guests are invited.
    public func schedule(projectID: Int64, by userID: Int64, draft: MeetingDraft, room: MeetingRoom, now: Date, announce: @escaping Announce) async throws -> Meeting {
        try await store.transaction { [store] db in
            let project = try await ProjectRepository.locked(projectID, on: db)
            guard let role = project.role(of: userID) else { throw StoreError.notFound("the project") }
            guard project.status == .active || project.status == .paused else {
                throw StatusTransitionError("meetings are scheduled in a running project; this one is \(project.status.rawValue)")
            }
            let schedule = MeetingSchedule(startsAt: draft.startsAt, zone: draft.zone, duration: draft.duration, recurrence: draft.recurrence)
            guard let id = try await db.raw("""
                INSERT INTO meetings (project_id, organizer_id, uid, title, agenda, starts_at, time_zone, duration_minutes, recurrence, ends_at,
                                      status, sequence, room_kind, room_name, created_at, updated_at)
                VALUES (\(bind: projectID), \(bind: userID), \(bind: UUID().uuidString.lowercased() + "@agora"), \(bind: draft.title), \(bind: draft.agenda),
                        \(bind: draft.startsAt), \(bind: draft.zone.identifier), \(bind: draft.durationMinutes), \(bind: draft.recurrence?.rrule),
                        \(bind: schedule.lastEnd), \(state: MeetingStatus.scheduled), 0, \(state: room.kind), \(bind: room.name), \(bind: now), \(bind: now))
                RETURNING id
                """).first()?.decode(column: "id", as: Int64.self) else { throw StoreError.conflict("the meeting was not written") }
            let members = try await Self.people([userID, project.member(role.other)], on: db)
            for (member, isOrganizer) in [(userID, true), (project.member(role.other), false)] {
                guard let person = members[member] else { continue }
                try await Self.addParticipant(
                    to: id, userID: member, email: person.email, name: person.name, role: isOrganizer ? .organizer : .member,
                    response: isOrganizer ? .accepted : .needsAction, reminders: draft.reminders, on: db
                )
            }
            let memberEmails = Set(members.values.map { $0.email.lowercased() })
            for guest in draft.guests where !memberEmails.contains(guest.value.lowercased()) {
                try await Self.addParticipant(
                    to: id, userID: nil, email: guest.value, name: guest.value, role: .guest, response: .needsAction, reminders: draft.reminders, on: db
                )
            }
            let meeting = try await Self.meeting(id, for: userID, on: db)
            try await Self.tell(.invited, about: meeting, project: project, to: meeting.participants, store: store, now: now, on: db, announce)
            return meeting
        }
    }

    /// The meeting, for one of its participants.
    public func meeting(_ id: Int64, for userID: Int64) async throws -> Meeting {
        try await Self.meeting(id, for: userID, on: store.sql)
    }

    /// The meetings `userID` takes part in that have an occurrence overlapping `from..<to`, of one project if named,
    /// cancelled ones left out unless asked for; each with those occurrences.
    public func meetings(
        for userID: Int64, from: Date, to: Date, projectID: Int64? = nil, includeCancelled: Bool = false, limit: Int = 500
    ) async throws -> [(meeting: Meeting, occurrences: [MeetingOccurrence])] {
        let project: SQLQueryString = projectID.map { "AND m.project_id = \(bind: $0)" } ?? ""
        let status: SQLQueryString = includeCancelled ? "" : "AND m.status <> \(state: MeetingStatus.cancelled)"
        let ids = try await store.sql.raw("""
            SELECT m.id FROM meetings m JOIN meeting_participants p ON p.meeting_id = m.id AND p.user_id = \(bind: userID)
            WHERE m.starts_at < \(bind: to) AND m.ends_at > \(bind: from) \(project) \(status)
            ORDER BY m.starts_at, m.id LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        return try await Self.meetings(ids, on: store.sql).compactMap { meeting in
            let occurrences = meeting.schedule.occurrences(from: from, to: to)
            return occurrences.isEmpty && meeting.status != .cancelled ? nil : (meeting, occurrences)
        }
    }

    // MARK: Telling

    /// The members named, with their email and the name others see.
    static func people(_ ids: [Int64], on db: any SQLDatabase) async throws -> [Int64: (email: String, name: String)] {
        var found: [Int64: (email: String, name: String)] = [:]
        for row in try await db.raw("SELECT id, email, first_name, last_name FROM users WHERE id IN (\(binds: Set(ids).sorted()))").all() {
            found[try row.decode(column: "id", as: Int64.self)] = (
                try row.decode(column: "email", as: String.self),
                ClientIdentity.publicName(firstName: try row.decode(column: "first_name", as: String.self), lastName: try row.decode(column: "last_name", as: String.self))
            )
        }
        return found
    }

    /// Tells `recipients` of the event, and queues the change for the CalDAV calendars of those who connected one.
    static func tell(
        _ kind: MeetingEvent.Kind, about meeting: Meeting, project: Project, to recipients: [MeetingParticipant], store: Store, now: Date,
        on db: any SQLDatabase, _ announce: Announce
    ) async throws {
        guard !recipients.isEmpty else { return }
        switch kind {
        case .invited, .changed:
            try await CalDAVRepository.enqueue(meeting, action: meeting.status == .cancelled ? .delete : .write, for: recipients.compactMap(\.userID), now: now, on: db)
        case .cancelled:
            try await CalDAVRepository.enqueue(meeting, action: .delete, for: recipients.compactMap(\.userID), now: now, on: db)
        case .answered, .reminder, .followUp:
            break
        }
        let accounts = try await NotificationRepository.recipients(recipients.compactMap(\.userID), on: db)
        let event = MeetingEvent(kind: kind, meeting: meeting, projectTitle: project.title, recipients: recipients, accounts: accounts)
        try await NotificationRepository.write(try announce(event), store: store, on: db, now: now)
    }
}
