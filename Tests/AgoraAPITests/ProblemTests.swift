import AgoraAPI
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
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
