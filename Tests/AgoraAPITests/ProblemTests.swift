import AgoraTestSupport
import Foundation
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
