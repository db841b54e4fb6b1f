import AgoraDomain
import AgoraStore
import Foundation
import SQLKit

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
        guard let row = try await store.sql.raw("""
            SELECT u.id, u.email FROM users u
            JOIN user_profiles p ON p.user_id = u.id AND p.published = TRUE AND p.availability = 'available'
            JOIN provider_categories pc ON pc.provider_id = u.id
            LEFT JOIN user_statistics s ON s.user_id = u.id
            WHERE pc.category_id = (SELECT category_id FROM provider_categories GROUP BY category_id ORDER BY COUNT(*) DESC, category_id LIMIT 1)
            ORDER BY COALESCE(s.rating_average, 0) DESC, u.id LIMIT 1
            """).first() else { throw StoreError.notFound("a provider to sign in as") }
        let providerID = try row.decode(column: "id", as: Int64.self)
        try await UserRepository(store: store).setPasswordHash(hash, userID: providerID, now: now)
        try await UserRepository(store: store).markVerified(userID: providerID, now: now)
        return (clientEmail, try row.decode(column: "email", as: String.self))
    }
}
