import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/meetings`: the two members of a running project schedule meetings (one-off or weekly and daily series) with
/// guests by email; participants list, read and answer them; the organiser changes or cancels one occurrence, it and
/// the following, or the whole series; `join` gives a participant the room's address while it is open. Anyone who
/// is not a participant gets the 404 of a meeting that does not exist.
struct MeetingRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: MeetingAnnouncer
    let rooms: MeetingRooms

    /// The longest span one list covers.
    static let longestRange: TimeInterval = 100 * 86_400

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.post("meetings", use: schedule)
        signedIn.get("meetings", use: list)
        signedIn.get("meetings/{id}", use: show)
        signedIn.patch("meetings/{id}", use: change)
        signedIn.delete("meetings/{id}", use: cancel)
        signedIn.post("meetings/{id}/rsvp", use: answer)
        signedIn.get("meetings/{id}/join", use: join)
    }

    /// The link calendars carry (`/meetings/{id}/join`), outside the API: a browser following it is sent on to the
    /// joining page, which signs the member in and asks `GET /api/meetings/{id}/join`.
    func registerJoinLink(on router: Router<AgoraRequestContext>) {
        router.get("meetings/{id}/join") { _, context in
            let id = try context.pathID("id", notFound: Self.noMeeting)
            return OIDCRoutes.redirect(to: PagePaths.meetingJoin + "?id=\(id)")
        }
    }

    private var meetings: MeetingRepository { MeetingRepository(store: store) }

    @Sendable func schedule(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<MeetingBody> {
        let identity = try context.requireIdentity()
        let input = try await request.decode(as: MeetingInput.self, context: context)
        let now = clock.now
        var errors: [FieldError] = []
        if input.projectID == nil { errors.append(FieldError(field: "project_id", message: "is required")) }
        let draft: MeetingDraft?
        do { draft = try MeetingDraft(input.draft, now: now) } catch let error as ValidationError {
            errors += error.errors
            draft = nil
        }
        guard errors.isEmpty, let draft, let projectID = input.projectID else { throw ValidationError(errors) }
        let meeting: Meeting
        do {
            meeting = try await meetings.schedule(
                projectID: Int64(projectID), by: identity.userID, draft: draft, room: rooms.newRoom(), now: now, announce: announcer.announce
            )
        } catch StoreError.notFound {
            throw ValidationError(field: "project_id", message: "is not a project of yours")
        }
        return EditedResponse(status: .created, response: MeetingBody(meeting, for: meeting.participant(identity.userID), now: now))
    }

    /// `?from=&to=` (moments; the coming 30 days by default, at most 100 days), `?project_id=`.
    @Sendable func list(_ request: Request, context: AgoraRequestContext) async throws -> MeetingListBody {
        let identity = try context.requireIdentity()
        var query = try ListQuery(request, allowing: ["from", "to", "project_id"])
        let now = clock.now
        let rule = "must be a date and time with its offset, such as 2026-12-07T09:30:00Z"
        let from = query.parsed("from", rule: rule, FieldReading.instant) ?? now
        let to = query.parsed("to", rule: rule, FieldReading.instant) ?? from.addingTimeInterval(30 * 86_400)
        let projectID = query.parsed("project_id", rule: "must be an id") { Int64($0).flatMap { $0 > 0 ? $0 : nil } }
        try query.finish()
        guard to > from, to.timeIntervalSince(from) <= Self.longestRange else {
            throw Problem.invalidQuery([FieldError(field: "to", message: "must be after from, and at most 100 days after it")])
        }
        let found = try await meetings.meetings(for: identity.userID, from: from, to: to, projectID: projectID)
        return MeetingListBody(meetings: found.map { MeetingBody($0.meeting, for: $0.meeting.participant(identity.userID), occurrences: $0.occurrences) })
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let identity = try context.requireIdentity()
        let meeting = try await found(try context.pathID("id", notFound: Self.noMeeting), for: identity.userID)
        return MeetingBody(meeting, for: meeting.participant(identity.userID), now: clock.now)
    }

    /// The organiser's change: any field left out keeps its value (for one occurrence, or the following ones, its
    /// start is that occurrence's).
    @Sendable func change(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.noMeeting)
        let input = try await request.decode(as: MeetingInput.self, context: context)
        guard input.projectID == nil else { throw ValidationError(field: "project_id", message: "cannot change: a meeting stays in its project") }
        let scope = try input.scope()
        let occurrence = try input.occurrenceStart()
        let current = try await found(id, for: identity.userID)
        let isSeries = current.schedule.recurrence != nil && scope != .all
        let occurrenceNow = occurrence.flatMap { original in current.schedule.occurrences.first { $0.originalStart == original } }
        var fields = input.draft
        fields.title = fields.title ?? current.title
        fields.agenda = fields.agenda ?? current.agenda
        fields.timeZone = fields.timeZone ?? current.schedule.zone.identifier
        let keptStart = isSeries ? (occurrenceNow?.startsAt ?? occurrence ?? current.schedule.startsAt) : current.schedule.startsAt
        fields.startsAt = fields.startsAt ?? ISO8601DateFormatter().string(from: keptStart)
        fields.durationMinutes = fields.durationMinutes ?? (isSeries ? occurrenceNow.map { Int($0.duration / 60) } : nil) ?? current.durationMinutes
        if !input.namesRecurrence, scope == .all { fields.recurrence = current.schedule.recurrence?.rrule }
        fields.reminders = fields.reminders ?? current.participant(identity.userID)?.reminders.minutes
        fields.guests = fields.guests ?? current.participants.filter { $0.role == .guest }.map(\.email)
        let now = clock.now
        let draft = try MeetingDraft(fields, now: now, unchangedStart: keptStart)
        let changed: Meeting
        do {
            changed = try await meetings.update(id, by: identity.userID, scope: scope, occurrence: occurrence, draft: draft, now: now, announce: announcer.announce)
        } catch StoreError.notFound { throw Self.noMeeting }
        return MeetingBody(changed, for: changed.participant(identity.userID), now: now)
    }

    /// `?scope=this|following|all&occurrence=`.
    @Sendable func cancel(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.noMeeting)
        var query = try ListQuery(request, allowing: ["scope", "occurrence"])
        let scope = query.choice("scope", default: MeetingChangeScope.all)
        let occurrenceText = query.text("occurrence", maximumLength: 40)
        try query.finish()
        let occurrence = try MeetingInput.occurrence(occurrenceText)
        let now = clock.now
        do {
            let cancelled = try await meetings.cancel(id, by: identity.userID, scope: scope, occurrence: occurrence, now: now, announce: announcer.announce)
            return MeetingBody(cancelled, for: cancelled.participant(identity.userID), now: now)
        } catch StoreError.notFound { throw Self.noMeeting }
    }

    @Sendable func answer(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.noMeeting)
        let input = try await request.decode(as: MeetingAnswerInput.self, context: context)
        let response = try input.response()
        let reminders = try input.reminders()
        guard response != nil || reminders != nil else { throw ValidationError(field: "response", message: "give a response, reminders, or both") }
        let now = clock.now
        do {
            let answered = try await meetings.respond(id, by: identity.userID, response: response, reminders: reminders, now: now, announce: announcer.announce)
            return MeetingBody(answered, for: answered.participant(identity.userID), now: now)
        } catch StoreError.notFound { throw Self.noMeeting }
    }

    /// The room's address for this participant, from ten minutes before an occurrence to its end; the visit counts
    /// as attendance.
    @Sendable func join(_ request: Request, context: AgoraRequestContext) async throws -> MeetingJoinBody {
        let identity = try context.requireIdentity()
        let meeting = try await found(try context.pathID("id", notFound: Self.noMeeting), for: identity.userID)
        guard let participant = meeting.participant(identity.userID) else { throw Self.noMeeting }
        return try await Self.join(meeting, as: participant, store: store, rooms: rooms, now: clock.now)
    }

    static func join(_ meeting: Meeting, as participant: MeetingParticipant, store: Store, rooms: MeetingRooms, now: Date) async throws -> MeetingJoinBody {
        let (joined, occurrence) = try await MeetingRepository(store: store).join(meeting.id, as: participant, now: now)
        return MeetingJoinBody(
            url: rooms.address(of: joined.room, for: participant, now: now), originalStart: occurrence.originalStart, startsAt: occurrence.startsAt,
            endsAt: occurrence.endsAt
        )
    }

    private func found(_ id: Int64, for userID: Int64) async throws -> Meeting {
        do { return try await meetings.meeting(id, for: userID) } catch StoreError.notFound { throw Self.noMeeting }
    }

    static let noMeeting = Problem(status: .notFound, detail: "No meeting of yours has this id.")
}
