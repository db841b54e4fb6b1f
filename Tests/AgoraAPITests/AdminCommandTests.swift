import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

/// `agora admin create`: a staff account with the role asked for, the owner by default; an unknown role refused.
@Suite("agora admin create")
struct AdminCommandTests {
    func create(_ arguments: [String], database: String, scratch: TemporaryDirectory) async throws -> (status: Int32, output: String) {
        try await AgoraExecutable.run(
            ["admin", "create", "--database", database, "--first-name", "Grace", "--last-name", "Hopper"] + arguments,
            environment: ["AGORA_ADMIN_PASSWORD": "Quartz-Meadow-Kettle-42", "AGORA_BCRYPT_COST": "4", "AGORA_ENVIRONMENT": "test"], in: scratch
        )
    }

    @Test("the owner by default, another role when asked, and an unknown role refused with the list")
    func roles() async throws {
        let scratch = try TemporaryDirectory()
        defer { scratch.remove() }
        let database = scratch.path + "/agora.sqlite"
        _ = await (try AgoraExecutable.start(["migrate", "--database", database])).exited()
        let owner = try await create(["--email", "grace@example.com"], database: database, scratch: scratch)
        #expect(owner.status == 0 && owner.output.contains("owner grace@example.com created"))
        let finance = try await create(["--email", "fin@example.com", "--role", "finance"], database: database, scratch: scratch)
        #expect(finance.status == 0)
        let unknown = try await create(["--email", "x@example.com", "--role", "wizard"], database: database, scratch: scratch)
        #expect(unknown.status != 0 && unknown.output.contains("--role must be one of owner, administrator"))

        let store = try await Store.open(.sqlite(path: database), connectionWait: TestDatabase.connectionWait)
        let users = UserRepository(store: store)
        let staff = StaffRepository(store: store)
        let graceID = try #require(try await users.find(email: try Email("grace@example.com"))?.id)
        let financeID = try #require(try await users.find(email: try Email("fin@example.com"))?.id)
        #expect(try await staff.role(of: graceID) == .owner)
        #expect(try await staff.role(of: financeID) == .finance)
        #expect(try await users.find(email: try Email("x@example.com")) == nil)
        await store.close()
    }
}
