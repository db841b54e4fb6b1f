import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `/api/admin/accounts` (`users.edit`; dangerous actions): correcting an account's details, requiring a new password
/// and confirming an address by hand, each with a reason the audit log keeps.
struct AccountInterventionRoutes: Sendable {
    let store: Store
    let mail: AccountMail
    let clock: any AgoraClock
    let recentAuthentication: RecentAuthenticationMiddleware
    /// How long the emailed reset link lasts.
    static let resetLinkLifetime: TimeInterval = 24 * 3_600

    func register(on admin: RouterGroup<AgoraRequestContext>) {
        let accounts = AdminArea.accounts.group(on: admin, store: store).add(middleware: recentAuthentication)
        accounts.patch("{userId}", use: edit)
        accounts.post("{userId}/password-reset", use: requirePasswordReset)
        accounts.post("{userId}/verification", use: verifyAddress)
    }

    static let notFound = Problem(status: .notFound, detail: "No account has this id.")

    /// `{"first_name", "last_name", "phone", "country", "reason"}`: the fields sent change, the others keep their value.
    struct EditInput: RequestBody {
        static let fields: Set<String> = ["first_name", "last_name", "phone", "country", "reason"]
        let firstName: String?
        let lastName: String?
        let phone: String?
        let country: String?
        let reason: String?

        init(reading body: inout JSONObjectBody) {
            firstName = body.string("first_name", required: false, maximumLength: 200)
            lastName = body.string("last_name", required: false, maximumLength: 200)
            phone = body.string("phone", required: false, maximumLength: 40)
            country = body.string("country", required: false, maximumLength: 2)
            reason = body.string("reason", required: false, maximumLength: 2_000, multiline: true)
        }
    }

    @Sendable func edit(_ request: Request, context: AgoraRequestContext) async throws -> UserAdminRoutes.UserBody {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let input = try await request.decode(as: EditInput.self, context: context)
        let reason = (input.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [FieldError] = reason.isEmpty ? [FieldError(field: "reason", message: "is required")] : []
        guard let current = try await UserRepository(store: store).find(id: userID) else { throw Self.notFound }
        var edit: AccountEdit?
        do {
            edit = try AccountEdit(
                firstName: input.firstName, lastName: input.lastName, phone: input.phone, country: input.country, currentPhone: current.phone,
                currentCountry: current.countryCode
            )
        } catch let invalid as ValidationError {
            errors += invalid.errors
        }
        guard errors.isEmpty, let edit else { throw ValidationError(errors) }
        let edited = try await AccountInterventions(store: store).edit(userID, edit, by: try AuditActor(request, context).because(reason), now: clock.now)
        return UserAdminRoutes.UserBody(edited)
    }

    /// The password stops working, every session ends, and the owner is emailed a link to choose a new one.
    @Sendable func requirePasswordReset(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        let token = SecureToken.generate()
        let now = clock.now
        try await AccountInterventions(store: store).requirePasswordReset(
            userID, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(Self.resetLinkLifetime),
            by: try AuditActor(request, context).because(reason), now: now
        ) { [mail] user, transaction in
            try await mail.queue("password-reset-required", to: user, values: [
                "reason": reason, "link": mail.link(PagePaths.resetPassword, ["token": token]),
            ], in: transaction)
        }
        return Response(status: .noContent)
    }

    /// Confirms a pending account's address without its link (the owner showed support they hold it).
    @Sendable func verifyAddress(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        let userID = try context.pathID("userId", notFound: Self.notFound)
        let reason = try await request.decode(as: ReasonInput.self, context: context).required()
        try await AccountInterventions(store: store).verifyAddress(userID, by: try AuditActor(request, context).because(reason), now: clock.now)
        return Response(status: .noContent)
    }
}
