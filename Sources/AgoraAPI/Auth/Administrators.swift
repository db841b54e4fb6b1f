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
        var first: PersonName?
        var last: PersonName?
        var address: Email?
        do { first = try PersonName(firstName, field: "first_name") } catch let invalid as ValidationError { errors += invalid.errors }
        do { last = try PersonName(lastName, field: "last_name") } catch let invalid as ValidationError { errors += invalid.errors }
        do { address = try Email(email) } catch let invalid as ValidationError { errors += invalid.errors }
        errors += PasswordPolicy.problems(with: password)
        guard errors.isEmpty, let first, let last, let address else { throw ValidationError(errors) }
        let hash = try await BcryptPasswordHasher(cost: settings.bcryptCost).hash(password)
        return try await store.inTransaction { transaction in
            let id = try await UserRepository(store: store, in: transaction).insert(NewUser(
                firstName: first.value, lastName: last.value, email: address, passwordHash: hash, phone: nil, countryCode: nil,
                userType: .admin, verificationStatus: .verified, legal: settings.legal
            ), now: now)
            try await StaffRepository(store: store, in: transaction).grant(role, to: id, by: nil, now: now)
            return id
        }
    }
}
