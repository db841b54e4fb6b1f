import AgoraAPI
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@Suite("Problem documents")
struct ProblemTests {
    @Test("an unknown API route is an RFC 9457 problem with the request id")
    func unknownRoute() async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/api/no-such-thing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try response.json()
                #expect(body["status"] as? Int == 404)
                #expect(body["title"] as? String == "Not Found")
                #expect(body["type"] as? String == "about:blank")
                #expect(body["instance"] as? String == "/api/no-such-thing")
                #expect((body["request_id"] as? String)?.isEmpty == false)
            }
        }
    }

    @Test("a method the route does not allow is a problem, not a page", arguments: [HTTPRequest.Method.post, .delete, .put])
    func wrongMethod(method: HTTPRequest.Method) async throws {
        try await APIFixture.with { client in
            try await client.execute(uri: "/api/health", method: method) { response in
                #expect(response.status.code >= 400 && response.status.code < 500)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}

@Suite("Methods a path does not take")
struct MethodNotAllowedTests {
    @Test("a method an API path does not take is 405 with Allow naming the ones it takes", arguments: [
        ("DELETE", "/api/health", "GET, HEAD"),
        ("GET", "/api/auth/login", "POST"),
        ("PUT", "/api/orders/42/files", "POST"),
        ("POST", "/api/orders/42", "GET, HEAD, PATCH"),
        ("PATCH", "/api/search/providers", "GET, HEAD"),
    ])
    func methodNotAllowed(method: String, path: String, allow: String) async throws {
        try await APIFixture.with { client in
            let response = try await client.execute(uri: path, method: HTTPRequest.Method(method)!)
            #expect(response.status == .methodNotAllowed)
            #expect(response.headers[.allow] == allow)
            #expect(response.headers[.contentType] == Problem.mediaType)
        }
    }

    @Test("unknown API paths stay 404, and a path that takes the method is left to its route")
    func stillNotFound() async throws {
        try await APIFixture.with { client in
            let unknown = try await client.execute(uri: "/api/no-such-thing", method: .delete)
            #expect(unknown.status == .notFound)
            let missing = try await client.execute(uri: "/api/orders/999999", method: .get)
            #expect(missing.status == .unauthorized, "a path that exists with its method: the route answers, not 405")
        }
    }
}

@Suite("A busy database")
struct BusyDatabaseTests {
    @Test("a write that waits past SQLite's busy timeout, the file locked by another process, answers 503 with Retry-After and changes nothing")
    func lockedElsewhere() async throws {
        try await OrderMarketplace.with { market in
            let harness = market.harness
            _ = try await market.postOrder(market.ada)
            // Another process on the same file: its own store, whose write transaction holds the lock until the
            // request has been answered (however slow a loaded machine makes either).
            let other = try await Store.open(harness.store.location, logger: Logger(label: "agora.test.other"))
            let lock = LockHolder()
            let holding = Task {
                try await other.transaction { db in
                    try await db.raw("UPDATE users SET updated_at = updated_at WHERE id = 0").run()
                    await lock.hold()
                }
            }
            await lock.waitUntilHeld()
            let answer = try await harness.send(.post, "/api/notifications/read", json: #"{"all": true}"#, bearer: market.ada.accessToken)
            await lock.release()
            try await holding.value
            await other.close()
            #expect(answer.status == .serviceUnavailable, "\(answer.text)")
            #expect(answer.headers[.retryAfter] == "1")
            #expect(try await harness.send(.get, "/api/notifications", bearer: market.ada.accessToken).json()["unread"] as? Int == 1, "nothing was marked")
        }
    }
}

/// A lock another store holds for a test: taken, then kept until the test lets it go.
private actor LockHolder {
    private var held = false
    private var released = false

    /// Called inside the holding transaction: says it holds the lock, then waits to be released.
    func hold() async {
        held = true
        while !released { await Task.yield(); try? await Task.sleep(for: .milliseconds(20)) }
    }

    func waitUntilHeld() async {
        while !held { try? await Task.sleep(for: .milliseconds(20)) }
    }

    func release() { released = true }
}
