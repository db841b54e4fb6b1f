import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/meeting-invitations`: what a guest invited by email does without an account, through the token of their
/// link (sent in the body, never in a URL that logs keep): read the meeting, answer it, join its room while it is
/// open. A token that names nobody answers 404, as for a meeting that does not exist.
struct MeetingInvitationRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: MeetingAnnouncer
    let rooms: MeetingRooms

    func register(on api: RouterGroup<AgoraRequestContext>) {
        api.post("meeting-invitations/read", use: read)
        api.post("meeting-invitations/rsvp", use: answer)
        api.post("meeting-invitations/join", use: join)
    }

    @Sendable func read(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let (meeting, guest) = try await invitation(try await request.decode(as: InvitationInput.self, context: context).token)
        return MeetingBody(meeting, for: guest, now: clock.now)
    }

    @Sendable func answer(_ request: Request, context: AgoraRequestContext) async throws -> MeetingBody {
        let input = try await request.decode(as: InvitationInput.self, context: context)
        guard let name = input.response, let response = ParticipationStatus(name: name), ParticipationStatus.answers.contains(response) else {
            throw ValidationError(field: "response", message: "must be one of " + ParticipationStatus.answers.map(\.name).joined(separator: ", "))
        }
        let now = clock.now
        do {
            let answered = try await MeetingRepository(store: store).respond(guestToken: input.token, response: response, now: now, announce: announcer.announce)
            return MeetingBody(answered, for: answered.participants.first { $0.linkToken == input.token }, now: now)
        } catch StoreError.notFound { throw Self.noInvitation }
    }

    @Sendable func join(_ request: Request, context: AgoraRequestContext) async throws -> MeetingJoinBody {
        let (meeting, guest) = try await invitation(try await request.decode(as: InvitationInput.self, context: context).token)
        return try await MeetingRoutes.join(meeting, as: guest, store: store, rooms: rooms, now: clock.now)
    }

    private func invitation(_ token: String) async throws -> (Meeting, MeetingParticipant) {
        guard let found = try await MeetingRepository(store: store).guest(token: token) else { throw Self.noInvitation }
        return found
    }

    static let noInvitation = Problem(status: .notFound, detail: "This invitation link is not valid: the meeting may have been changed or the guest taken off it.")

    /// `{"token", "response"}`.
    struct InvitationInput: RequestBody {
        static let fields: Set<String> = ["token", "response"]
        let token: String
        let response: String?

        init(reading body: inout JSONObjectBody) {
            token = body.string("token", maximumLength: 100) ?? ""
            response = body.string("response", required: false, maximumLength: 20)
        }
    }
}
