import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    /// How late after its moment a reminder is still worth sending: until its occurrence has been running this long.
    public static let reminderGrace: TimeInterval = 5 * 60

    /// Sends every reminder due at `now`, each exactly once: its row in `meeting_reminders_sent` is written in the
    /// transaction that queues it, and a second worker's insert of the same key does nothing. A reminder whose moment
    /// came before the meeting was scheduled or last changed is not sent (a meeting set for an hour from now has no
    /// "one day before"); nor one to a participant who declined. Returns how many were sent.
    public func sendDueReminders(now: Date, batch: Int = 500, announce: @escaping Announce) async throws -> Int {
        let horizon = now.addingTimeInterval(TimeInterval(MeetingReminders.offsets.upperBound) * 60)
        var sent = 0
        var after: Int64 = 0
        // Every running series is read, a batch at a time: one that began long ago may have an occurrence soon.
        while true {
            let ids = try await store.sql.raw("""
                SELECT id FROM meetings WHERE status = \(state: MeetingStatus.scheduled) AND ends_at > \(bind: now.addingTimeInterval(-Self.reminderGrace))
                  AND starts_at <= \(bind: horizon) AND id > \(bind: after)
                ORDER BY id LIMIT \(bind: batch)
                """).all().map { try $0.decode(column: "id", as: Int64.self) }
            guard let last = ids.last else { return sent }
            after = last
            for meeting in try await Self.meetings(ids, on: store.sql) {
                for occurrence in meeting.schedule.occurrences(from: now, to: horizon) where now < occurrence.startsAt.addingTimeInterval(Self.reminderGrace) {
                    for participant in meeting.participants where participant.response != .declined {
                        for minutes in participant.reminders.minutes {
                            let moment = occurrence.startsAt.addingTimeInterval(-TimeInterval(minutes) * 60)
                            guard moment <= now, moment >= meeting.updatedAt else { continue }
                            if try await remind(participant, of: meeting, occurrence: occurrence, minutes: minutes, now: now, announce: announce) { sent += 1 }
                        }
                    }
                }
            }
        }
    }

    /// Marks scheduled meetings whose last occurrence has ended as completed, and sends the participants of each one
    /// with notes a follow-up with the notes and action items, once; returns how many completed.
    public func completeEnded(now: Date, announce: @escaping Announce) async throws -> Int {
        let ids = try await store.sql.raw("""
            SELECT id FROM meetings WHERE status = \(state: MeetingStatus.scheduled) AND ends_at <= \(bind: now) ORDER BY id LIMIT 500
            """).all().map { try $0.decode(column: "id", as: Int64.self) }
        var completed = 0
        for id in ids {
            completed += try await store.transaction { [store] db in
                guard let meeting = try await Self.meetings([id], on: db, lock: true).first, meeting.status == .scheduled else { return 0 }
                let status = try meeting.status.after(.complete)
                try await db.raw("UPDATE meetings SET status = \(state: status) WHERE id = \(bind: id)").run()
                let notes = try await Self.notes(of: id, on: db)
                if !notes.isEmpty, let project = try await ProjectRepository.project(meeting.projectID, on: db) {
                    try await db.raw("UPDATE meeting_notes SET follow_up_sent_at = \(bind: now) WHERE meeting_id = \(bind: id)").run()
                    let ended = try await Self.meetings([id], on: db)[0]
                    try await Self.tell(.followUp(notes), about: ended, project: project, to: ended.participants, store: store, now: now, on: db, announce)
                }
                return 1
            }
        }
        return completed
    }

    private func remind(
        _ participant: MeetingParticipant, of meeting: Meeting, occurrence: MeetingOccurrence, minutes: Int, now: Date, announce: @escaping Announce
    ) async throws -> Bool {
        try await store.transaction { [store] db in
            let claimed = try await db.raw("""
                INSERT INTO meeting_reminders_sent (participant_id, original_start, offset_minutes, sent_at)
                VALUES (\(bind: participant.id), \(bind: occurrence.originalStart), \(bind: minutes), \(bind: now))
                ON CONFLICT (participant_id, original_start, offset_minutes) DO NOTHING
                RETURNING participant_id
                """).first()
            guard claimed != nil, let project = try await ProjectRepository.project(meeting.projectID, on: db) else { return false }
            try await Self.tell(.reminder(occurrence, minutes: minutes), about: meeting, project: project, to: [participant], store: store, now: now, on: db, announce)
            return true
        }
    }
}
