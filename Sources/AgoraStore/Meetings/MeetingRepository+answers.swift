import AgoraDomain
import Foundation
import SQLKit

extension MeetingRepository {
    /// A member answers an invitation, and may change when they are reminded; the organiser hears of a new answer.
    public func respond(
        _ id: Int64, by userID: Int64, response: ParticipationStatus?, reminders: MeetingReminders?, now: Date, announce: @escaping Announce
    ) async throws -> Meeting {
        try await store.transaction { [store] db in
            let meeting = try await Self.meeting(id, for: userID, on: db, lock: true)
            guard let participant = meeting.participant(userID) else { throw StoreError.notFound("the meeting") }
            return try await Self.answer(meeting, as: participant, response: response, reminders: reminders, store: store, now: now, on: db, announce)
        }
    }

    /// A guest's meeting and their place on it, from the token of their link; nil for a token that names nobody.
    public func guest(token: String) async throws -> (meeting: Meeting, participant: MeetingParticipant)? {
        try await Self.guest(token: token, on: store.sql)
    }

    /// A guest answers through their link.
    public func respond(guestToken token: String, response: ParticipationStatus, now: Date, announce: @escaping Announce) async throws -> Meeting {
        try await store.transaction { [store] db in
            guard let (meeting, participant) = try await Self.guest(token: token, on: db) else { throw StoreError.notFound("the invitation") }
            return try await Self.answer(meeting, as: participant, response: response, reminders: nil, store: store, now: now, on: db, announce)
        }
    }

    /// A participant goes through the join link: the occurrence whose room is open now (from ten minutes before its
    /// start to its end), recorded for the project's attendance figures.
    public func join(_ id: Int64, as participant: MeetingParticipant, now: Date) async throws -> (Meeting, MeetingOccurrence) {
        try await store.transaction { db in
            guard let meeting = try await Self.meetings([id], on: db).first, meeting.participants.contains(participant) else {
                throw StoreError.notFound("the meeting")
            }
            guard meeting.status == .scheduled else { throw StatusTransitionError(meeting.status == .cancelled ? "the meeting is cancelled" : "the meeting is over") }
            let open = meeting.schedule.occurrences(from: now, to: now.addingTimeInterval(MeetingOccurrence.roomOpensBefore)).first
            guard let occurrence = open else {
                let next = meeting.schedule.occurrences(from: now, to: .distantFuture).first
                throw StatusTransitionError(next.map { "the room opens ten minutes before the meeting starts, at \(ISO8601DateFormatter().string(from: $0.joinOpensAt))" }
                    ?? "the meeting has no occurrence left")
            }
            try await db.raw("""
                INSERT INTO meeting_joins (meeting_id, participant_id, original_start, joined_at)
                VALUES (\(bind: id), \(bind: participant.id), \(bind: occurrence.originalStart), \(bind: now))
                """).run()
            return (meeting, occurrence)
        }
    }

    // MARK: Steps

    static func answer(
        _ meeting: Meeting, as participant: MeetingParticipant, response: ParticipationStatus?, reminders: MeetingReminders?, store: Store, now: Date,
        on db: any SQLDatabase, _ announce: Announce
    ) async throws -> Meeting {
        guard meeting.status == .scheduled else { throw StatusTransitionError(meeting.status == .cancelled ? "the meeting is cancelled" : "the meeting is over") }
        if let response {
            guard ParticipationStatus.answers.contains(response) else {
                throw ValidationError(field: "response", message: "must be one of " + ParticipationStatus.answers.map(\.name).joined(separator: ", "))
            }
            try await db.raw("UPDATE meeting_participants SET response = \(bind: response.name) WHERE id = \(bind: participant.id)").run()
        }
        if let reminders {
            try await db.raw("UPDATE meeting_participants SET reminders = \(bind: reminders.stored) WHERE id = \(bind: participant.id)").run()
        }
        let answered = try await meetings([meeting.id], on: db)[0]
        if let response, response != participant.response, participant.role != .organizer, let organizer = answered.organizer,
           let updated = answered.participants.first(where: { $0.id == participant.id }) {
            let project = try await ProjectRepository.locked(meeting.projectID, on: db)
            try await tell(.answered(updated), about: answered, project: project, to: [organizer], store: store, now: now, on: db, announce)
        }
        return answered
    }

    static func guest(token: String, on db: any SQLDatabase) async throws -> (meeting: Meeting, participant: MeetingParticipant)? {
        let parts = token.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let participantID = Int64(parts[0]), parts[1].count <= 64,
              let row = try await db.raw("SELECT meeting_id FROM meeting_participants WHERE id = \(bind: participantID) AND role = \(state: MeetingRole.guest)").first(),
              let meeting = try await meetings([try row.decode(column: "meeting_id", as: Int64.self)], on: db).first,
              let participant = meeting.participants.first(where: { $0.id == participantID }),
              ConstantTime.equal(participant.linkNonce, String(parts[1]))
        else { return nil }
        return (meeting, participant)
    }
}
