import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/suspensions` (`users.suspend`; dangerous actions): keeping an account out for some days or for good,
/// and letting it back in. What a suspension does is `SuspensionRepository`'s; the owner is emailed either way.
struct SuspensionRoutes: Sendable {
    let store: Store
    let mail: AccountMail
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware

    struct SuspensionBody: ResponseEncodable {
        let id: Int64
        let userId: Int64
        let kind: String
        let reason: String
        let startsAt: Date
        let endsAt: Date?
        let decidedBy: Int64
        let liftedAt: Date?
        let liftedBy: Int64?
        let liftReason: String

        init(_ suspension: UserSuspension) {
            id = suspension.id
            userId = suspension.userID
            kind = suspension.kind.rawValue
            reason = suspension.reason
            startsAt = suspension.startsAt
            endsAt = suspension.endsAt
            decidedBy = suspension.decidedBy
            liftedAt = suspension.liftedAt
            liftedBy = suspension.liftedBy
            liftReason = suspension.liftReason
        }
    }

    struct SuspendInput: RequestBody {
        static let fields: Set<String> = ["user_id", "kind", "reason", "days"]
        let userID: Int64?
        let kind: String?
        let reason: String?
        let days: Int?

        init(reading body: inout JSONObjectBody) {
            userID = body.integer("user_id").map(Int64.init)
            kind = body.string("kind", maximumLength: 20)
            reason = body.string("reason", maximumLength: 2_000, multiline: true)
            days = body.integer("days")
        }
    }

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let suspensions = AdminArea.suspensions.group(on: admin, store: store).add(middleware: recentAuthentication)
        suspensions.post(use: suspend)
        suspensions.post("{userId}/lift", use: lift)
    }

    static let notFound = Problem(status: .notFound, detail: "No account has this id.")

    @Sendable func suspend(_ request: Request, context: AgoraRequestContext) async throws -> EditedResponse<SuspensionBody> {
        let input = try await request.decode(as: SuspendInput.self, context: context)
        var errors: [FieldError] = input.userID == nil ? [FieldError(field: "user_id", message: "is required")] : []
        var decision: SuspensionDecision?
        do {
            decision = try SuspensionDecision(kind: input.kind, reason: input.reason, days: input.days)
        } catch let invalid as ValidationError {
            errors += invalid.errors
        }
        guard errors.isEmpty, let userID = input.userID, let decision else { throw ValidationError(errors) }
        let suspension = try await SuspensionRepository(store: store).suspend(
            userID, decision, by: try AuditActor(request, context), now: clock.now, tell: Self.tellSuspended(mail)
        )
        return EditedResponse(status: .created, response: SuspensionBody(suspension))
    }

    /// The owner's email about a suspension or a ban, with the reason and the end.
    static func tellSuspended(_ mail: AccountMail) -> SuspensionRepository.Tell {
        { user, suspension, transaction in
            try await mail.queue(.keptOut(suspension), to: user, in: transaction)
        }
    }

    @Sendable func lift(_ request: Request, context: AgoraRequestContext) async throws -> SuspensionBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        let lifted = try await SuspensionRepository(store: store).lift(
            userID, reason: reason, by: try AuditActor(request, context), now: clock.now
        ) { [mail] user, _, transaction in
            try await mail.queue(.letBackIn, to: user, in: transaction)
        }
        return SuspensionBody(lifted)
    }
}
