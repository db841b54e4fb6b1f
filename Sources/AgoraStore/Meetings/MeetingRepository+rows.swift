import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    static let columns: SQLQueryString = """
        m.id, m.project_id, m.organizer_id, m.uid, m.title, m.agenda, m.starts_at, m.time_zone, m.duration_minutes, m.recurrence,
        m.status, m.sequence, m.room_kind, m.room_name, m.split_from, m.created_at, m.updated_at
        """

    /// The meetings with these ids, each with its participants and changed occurrences, in the order given.
    static func meetings(_ ids: [Int64], on db: any SQLDatabase, lock: Bool = false) async throws -> [Meeting] {
        guard !ids.isEmpty else { return [] }
        let forUpdate: SQLQueryString = lock && db.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        let rows = try await db.raw("SELECT \(columns) FROM meetings m WHERE m.id IN (\(binds: ids))\(forUpdate)").all()
        var participants: [Int64: [MeetingParticipant]] = [:]
        for row in try await db.raw("""
            SELECT id, meeting_id, user_id, email, name, role, response, reminders, link_nonce FROM meeting_participants
            WHERE meeting_id IN (\(binds: ids)) ORDER BY id
            """).all() {
            participants[try row.decode(column: "meeting_id", as: Int64.self), default: []].append(MeetingParticipant(
                id: try row.decode(column: "id", as: Int64.self),
                userID: try row.decodeIfPresent(column: "user_id", as: Int64.self),
                email: try row.decode(column: "email", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                role: try row.decodeState(column: "role", as: MeetingRole.self),
                response: ParticipationStatus(name: try row.decode(column: "response", as: String.self)) ?? .needsAction,
                reminders: MeetingReminders(stored: try row.decode(column: "reminders", as: String.self)),
                linkNonce: try row.decode(column: "link_nonce", as: String.self)
            ))
        }
        var changes: [Int64: [OccurrenceChange]] = [:]
        for row in try await db.raw("""
            SELECT meeting_id, original_start, cancelled, starts_at, duration_minutes FROM meeting_occurrence_changes WHERE meeting_id IN (\(binds: ids))
            """).all() {
            changes[try row.decode(column: "meeting_id", as: Int64.self), default: []].append(OccurrenceChange(
                originalStart: try row.decode(column: "original_start", as: Date.self),
                cancelled: try row.decode(column: "cancelled", as: Bool.self),
                startsAt: try row.decodeIfPresent(column: "starts_at", as: Date.self),
                duration: try row.decodeIfPresent(column: "duration_minutes", as: Int.self).map { TimeInterval($0) * 60 }
            ))
        }
        var found: [Int64: Meeting] = [:]
        for row in rows {
            let id = try row.decode(column: "id", as: Int64.self)
            let zone = TimeZone(identifier: try row.decode(column: "time_zone", as: String.self)) ?? .gmt
            let start = try row.decode(column: "starts_at", as: Date.self)
            let recurrence = try row.decodeIfPresent(column: "recurrence", as: String.self).flatMap {
                try? MeetingRecurrence.read(rrule: $0, startingAt: start)
            }
            found[id] = Meeting(
                id: id,
                projectID: try row.decode(column: "project_id", as: Int64.self),
                organizerID: try row.decodeIfPresent(column: "organizer_id", as: Int64.self),
                uid: try row.decode(column: "uid", as: String.self),
                title: try row.decode(column: "title", as: String.self),
                agenda: try row.decode(column: "agenda", as: String.self),
                schedule: MeetingSchedule(
                    startsAt: start, zone: zone, duration: TimeInterval(try row.decode(column: "duration_minutes", as: Int.self)) * 60,
                    recurrence: recurrence, changes: changes[id] ?? []
                ),
                status: try row.decodeState(column: "status", as: MeetingStatus.self),
                sequence: try row.decode(column: "sequence", as: Int.self),
                room: MeetingRoom(kind: try row.decodeState(column: "room_kind", as: MeetingRoomKind.self), name: try row.decode(column: "room_name", as: String.self)),
                splitFrom: try row.decodeIfPresent(column: "split_from", as: Int64.self),
                participants: participants[id] ?? [],
                createdAt: try row.decode(column: "created_at", as: Date.self),
                updatedAt: try row.decode(column: "updated_at", as: Date.self)
            )
        }
        return ids.compactMap { found[$0] }
    }

    /// The meeting `userID` takes part in, locked for the rest of the transaction when asked; anyone else is told
    /// there is no such meeting.
    static func meeting(_ id: Int64, for userID: Int64, on db: any SQLDatabase, lock: Bool = false) async throws -> Meeting {
        guard let meeting = try await meetings([id], on: db, lock: lock).first, meeting.participant(userID) != nil else {
            throw StoreError.notFound("the meeting")
        }
        return meeting
    }

    /// A new secret for a participant's link.
    static func nonce() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode((0..<18).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Writes a participant.
    static func addParticipant(
        to meetingID: Int64, userID: Int64?, email: String, name: String, role: MeetingRole, response: ParticipationStatus,
        reminders: MeetingReminders, on db: any SQLDatabase
    ) async throws {
        try await db.raw("""
            INSERT INTO meeting_participants (meeting_id, user_id, email, name, role, response, reminders, link_nonce)
            VALUES (\(bind: meetingID), \(bind: userID), \(bind: email), \(bind: name), \(state: role), \(bind: response.name),
                    \(bind: reminders.stored), \(bind: nonce()))
            """).run()
    }
}
