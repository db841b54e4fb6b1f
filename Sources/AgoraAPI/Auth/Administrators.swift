import AgoraDomain
import AgoraStore
import Foundation

/// Opens administrator accounts, which nobody can register for: the operator makes them with `agora admin create`.
/// The same rules as registration apply to the name, the address and the password.
public enum Administrators {
    /// Creates a verified staff account with `role` (the operator's first one is the owner) and returns its id. Every broken rule is a field error; an
    /// address already in use is a conflict.
    public static func create(
        firstName: String, lastName: String, email: String, password: String, role: StaffRole = .owner, settings: AuthSettings,
        store: Store, now: Date
    ) async throws -> Int64 {
        var errors: [FieldError] = []
        var form: StaffInvitations.Invitation?
        do {
            form = try StaffInvitations.Invitation(email: email, firstName: firstName, lastName: lastName, role: role.rawValue)
        } catch let invalid as ValidationError {
            errors += invalid.errors
        }
        errors += PasswordPolicy.problems(with: password)
        guard errors.isEmpty, let form else { throw ValidationError(errors) }
        let hash = try await BcryptPasswordHasher(cost: settings.bcryptCost).hash(password)
        return try await store.inTransaction { transaction in
            let id = try await UserRepository(store: store, in: transaction).insert(NewUser(
                firstName: form.firstName.value, lastName: form.lastName.value, email: form.email, passwordHash: hash, phone: nil, countryCode: nil,
                userType: .admin, verificationStatus: .verified, legal: settings.legal
            ), now: now)
            try await StaffRepository(store: store, in: transaction).grant(role, to: id, by: nil, now: now)
            return id
        }
    }
}
