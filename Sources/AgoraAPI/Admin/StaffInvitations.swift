import AgoraDomain
import AgoraStore
import Foundation

/// Invites a person to the staff: a staff account with its role, waiting for its owner to choose a password from
/// the emailed link (a password-reset link that lasts `lifetime`; choosing the password also confirms the address).
/// Staff accounts are separate from marketplace accounts, so an address already in use is refused.
struct StaffInvitations: Sendable {
    let store: Store
    let mail: AccountMail
    let legal: LegalVersions
    let clock: any AgoraClock
    static let lifetime: TimeInterval = 7 * 24 * 3_600

    /// Who is invited, as what: every broken rule is a field error (also the rules of `agora admin create`).
    struct Invitation: Sendable {
        let email: Email
        let firstName: PersonName
        let lastName: PersonName
        let role: StaffRole

        init(email: String?, firstName: String?, lastName: String?, role: String?) throws {
            var errors: [FieldError] = []
            func checked<T>(_ make: () throws -> T) -> T? {
                do { return try make() } catch let invalid as ValidationError { errors += invalid.errors; return nil } catch { return nil }
            }
            let first = checked { try PersonName(firstName ?? "", field: "first_name") }
            let last = checked { try PersonName(lastName ?? "", field: "last_name") }
            let address = checked { try Email(email ?? "") }
            let staffRole = StaffRole(rawValue: role ?? "")
            if staffRole == nil {
                errors.append(FieldError(field: "role", message: "must be one of \(StaffRole.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            guard errors.isEmpty, let address, let first, let last, let staffRole else { throw ValidationError(errors) }
            (self.email, self.firstName, self.lastName, self.role) = (address, first, last, staffRole)
        }
    }

    /// Opens the account, grants the role, audits it and queues the email, in one transaction; returns the account.
    func invite(_ invitation: Invitation, by actor: AuditActor) async throws -> UserAccount {
        let now = clock.now
        let token = SecureToken.generate()
        return try await store.inTransaction { transaction in
            let users = UserRepository(store: store, in: transaction)
            guard try await users.find(email: invitation.email) == nil else {
                throw Problem(status: .conflict, detail: "An account already uses this address. Staff accounts are separate from marketplace accounts: invite another address.")
            }
            let id = try await users.insert(NewUser(
                firstName: invitation.firstName.value, lastName: invitation.lastName.value, email: invitation.email, passwordHash: nil,
                phone: nil, countryCode: nil, userType: .admin, verificationStatus: .pending, legal: legal
            ), now: now)
            try await StaffRepository(store: store, in: transaction).grant(invitation.role, to: id, by: actor.userID, now: now)
            try await AuditLog(store: store, in: transaction).append(actor.entry(
                .staffInvited, on: .staffMember, id: id, before: [:], after: ["email": invitation.email.value, "role": invitation.role.rawValue], at: now
            ))
            try await OneTimeTokenRepository(.passwordReset, store: store, in: transaction).insert(
                userID: id, tokenHash: SecureToken.hash(token), expiresAt: now.addingTimeInterval(Self.lifetime), now: now
            )
            guard let account = try await users.find(id: id), let inviter = try await users.find(id: actor.userID) else {
                throw StoreError.conflict("the invited account was not created")
            }
            try await mail.queue("staff-invitation", to: account, values: [
                "link": mail.link(PagePaths.resetPassword, ["token": token]), "role": invitation.role.title,
                "inviter": inviter.firstName + " " + inviter.lastName,
            ], in: transaction)
            return account
        }
    }
}
