import AgoraDomain
import AgoraStore
import AgoraWorkflows
import Foundation
import Hummingbird

/// `/api/calendar/caldav`: a person connects their own CalDAV calendar (Google Calendar, iCloud, Fastmail, Nextcloud…)
/// and Agora writes their meetings there — each new one, each change, each cancellation. Connecting checks the
/// address and the app password with the server first; the password is sealed at rest and never shown again. `test`
/// checks the saved connection on demand.
struct CalDAVRoutes: Sendable {
    let store: Store
    let clock: any AgoraClock
    let passwords: CalDAVPasswords
    let client: CalDAVClient
    /// Whether a server on this machine over plain HTTP may be connected (tests against a local server only).
    let allowsLocalServer: Bool

    func register(on signedIn: RouterGroup<AgoraRequestContext>) {
        signedIn.get("calendar/caldav", use: show)
        signedIn.put("calendar/caldav", use: connect)
        signedIn.delete("calendar/caldav", use: disconnect)
        signedIn.post("calendar/caldav/test", use: test)
    }

    @Sendable func show(_ request: Request, context: AgoraRequestContext) async throws -> CalDAVBody {
        CalDAVBody(try await CalDAVRepository(store: store).connection(of: try context.requireIdentity().userID))
    }

    @Sendable func connect(_ request: Request, context: AgoraRequestContext) async throws -> CalDAVBody {
        let userID = try context.requireIdentity().userID
        let input = try await request.decode(as: CalDAVInput.self, context: context)
        let account = try CalDAVAccount(url: input.url, username: input.username, password: input.password, allowsLocalServer: allowsLocalServer)
        do {
            try await client.check(url: account.url, username: account.username, password: account.password)
        } catch let error as CalDAVError {
            throw ValidationError(field: error.refused ? "password" : "url", message: error.description)
        }
        let connection = try await CalDAVRepository(store: store).connect(
            userID, url: account.url, username: account.username, passwordSealed: try passwords.seal(account.password, for: userID), now: clock.now
        )
        return CalDAVBody(connection)
    }

    @Sendable func disconnect(_ request: Request, context: AgoraRequestContext) async throws -> Response {
        try await CalDAVRepository(store: store).disconnect(try context.requireIdentity().userID)
        return Response(status: .noContent)
    }

    struct TestBody: ResponseEncodable {
        let ok: Bool
        let error: String?
    }

    @Sendable func test(_ request: Request, context: AgoraRequestContext) async throws -> TestBody {
        let userID = try context.requireIdentity().userID
        guard let connection = try await CalDAVRepository(store: store).connection(of: userID) else {
            throw Problem(status: .notFound, detail: "You have not connected a calendar.")
        }
        do {
            try await client.check(url: connection.url, username: connection.username, password: try passwords.open(connection.passwordSealed, for: userID))
            return TestBody(ok: true, error: nil)
        } catch let error as CalDAVError {
            return TestBody(ok: false, error: error.description)
        }
    }
}

/// `{"url", "username", "password"}`.
struct CalDAVInput: RequestBody {
    static let fields: Set<String> = ["url", "username", "password"]
    let url: String?
    let username: String?
    let password: String?

    init(reading body: inout JSONObjectBody) {
        url = body.string("url", required: false, maximumLength: CalDAVAccount.urlLength.upperBound)
        username = body.string("username", required: false, maximumLength: CalDAVAccount.usernameLength.upperBound)
        password = body.string("password", required: false, maximumLength: CalDAVAccount.passwordLength.upperBound)
    }
}

/// A connection as its owner sees it: never the password.
struct CalDAVBody: ResponseEncodable {
    let connected: Bool
    let url: String?
    let username: String?
    let status: String?
    let lastError: String?
    let lastSuccessAt: Date?
    /// Changes still waiting to be written.
    let waiting: Int

    init(_ connection: CalDAVRepository.Connection?) {
        connected = connection != nil
        url = connection?.url
        username = connection?.username
        status = connection?.status.rawValue
        lastError = connection?.lastError
        lastSuccessAt = connection?.lastSuccessAt
        waiting = connection?.waiting ?? 0
    }
}
