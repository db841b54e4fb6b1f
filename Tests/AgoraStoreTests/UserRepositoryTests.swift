import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite("Users")
struct UserRepositoryTests {
    func client(_ email: String) throws -> NewUser {
        NewUser(firstName: "Grace", lastName: "Hopper", email: try Email(email), passwordHash: "$2b$04$hash", phone: "+14155550100",
                countryCode: "US", userType: .client, verificationStatus: .pending)
    }

    @Test("an account round-trips, found by email in any case, without its password hash", arguments: TestDatabase.engines)
    func roundTrip(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let users = UserRepository(store: store)
            let id = try await users.insert(try client("Grace@Example.COM"), now: Fixtures.now)
            let found = try #require(try await users.find(email: try Email("grace@example.com")))
            #expect(found.id == id)
            #expect(found.email.value == "grace@example.com")
            #expect(found.userType == .client)
            #expect(found.verificationStatus == .pending)
            #expect(found.createdAt == Fixtures.now)
            #expect(!"\(found)".contains("$2b$"))
        }
    }

    @Test("a second account with the same email in another case is a conflict", arguments: TestDatabase.engines)
    func uniqueEmail(engine: TestDatabase) async throws {
        try await engine.withStore { store async throws in
            let users = UserRepository(store: store)
            try await users.insert(try client("grace@example.com"), now: Fixtures.now)
            await #expect(throws: StoreError.conflict("an account with this email already exists")) {
                try await users.insert(try client("GRACE@example.com"), now: Fixtures.now)
            }
            #expect(try await users.count() == 1)
        }
    }
}
