import AgoraDomain
import AgoraStore
import Foundation

/// Accounts to sign in with on a demo marketplace: a client, and a seeded provider (the best rated in the busiest
/// category, so that orders posted there reach them). Both share one password, which the operator chooses.
public enum DemoAccounts {
    public static let clientEmail = "client@example.com"

    /// Creates the client and gives the provider the password; returns both addresses. The password follows the
    /// password policy like any other.
    public static func create(password: String, settings: AuthSettings, store: Store, now: Date) async throws -> (client: String, provider: String) {
        let problems = PasswordPolicy.problems(with: password)
        guard problems.isEmpty else { throw ValidationError(problems) }
        let hash = try await BcryptPasswordHasher(cost: settings.bcryptCost).hash(password)
        _ = try await UserRepository(store: store).insert(NewUser(
            firstName: "Clara", lastName: "Client", email: try Email(clientEmail), passwordHash: hash, phone: nil, countryCode: "FR",
            userType: .client, verificationStatus: .verified, legal: settings.legal
        ), now: now)
        guard let provider = try await ProviderRepository(store: store).demoProvider() else {
            throw StoreError.notFound("a provider to sign in as")
        }
        try await UserRepository(store: store).setPasswordHash(hash, userID: provider.id, now: now)
        try await UserRepository(store: store).markVerified(userID: provider.id, now: now)
        return (clientEmail, provider.email)
    }
}
