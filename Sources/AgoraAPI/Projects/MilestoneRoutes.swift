import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// The steps on a milestone (`POST /api/milestones/{id}/{step}`): which member may take which, from which status,
/// is `MilestoneStatus.after`'s to say; a step the rules refuse answers 409, a milestone of someone else's project
/// 404.
struct MilestoneRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let announcer: ProjectAnnouncer
    let settings: LivePlatformSettings

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        let group = signedIn.group("milestones")
        for step in MilestoneStep.workflow {
            group.post("{id}/\(step.rawValue)") { request, context in try await take(step, request, context: context) }
        }
    }

    private func take(_ step: MilestoneStep, _ request: Request, context: AgoraRequestContext) async throws -> ProjectBody {
        let identity = try context.requireIdentity()
        let id = try context.pathID("id", notFound: Self.notFound)
        let note: String? = switch step {
        case .submit: try MilestoneRules.deliverableNote(try await request.decode(as: MilestoneNoteInput.self, context: context).note)
        case .requestChanges: try MilestoneRules.changeRequest(try await request.decode(as: MilestoneNoteInput.self, context: context).note)
        case .accept, .decline, .withdraw, .start, .approve, .fund, .refundAll, .settle: nil
        }
        do {
            let stepped = try await MilestoneRepository(store: store).step(id, step, by: identity.userID, note: note, now: clock.now, announce: announcer.milestone)
            return ProjectBody(stepped.details, now: clock.now, settings: settings.current)
        } catch StoreError.notFound {
            throw Self.notFound
        }
    }

    static let notFound = Problem(status: .notFound, detail: "No milestone of your projects has this id.")
}
