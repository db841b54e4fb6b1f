@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Metrics")
struct MetricsTests {
    @Test("/metrics counts requests by route pattern (never an id) and reports the queues' backlogs", arguments: TestDatabase.engines)
    func report(engine: TestDatabase) async throws {
        try await AuthHarness.with(engine) { harness in
            _ = try await harness.signedUp("ada@example.com")
            _ = try await harness.send(.get, "/api/auth/verify-email/" + String(repeating: "x", count: 43))
            _ = try await harness.send(.get, "/no-such-page/")
            let answer = try await harness.send(.get, "/metrics")
            #expect(answer.status == .ok, "the in-process client has no address: this machine")
            #expect(answer.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = answer.text
            #expect(text.contains(#"agora_http_requests_total{method="POST",route="/api/auth/register",status="202"} 1"#))
            #expect(text.contains(#"route="/api/auth/verify-email/{token}""#), "the pattern, not the token")
            #expect(!text.contains("xxxxxxxx"))
            #expect(text.contains(#"route="site""#), "every site file under one name")
            #expect(text.contains("agora_http_request_duration_seconds_bucket"))
            #expect(text.contains("agora_emails_waiting 2"), "the verification and welcome emails wait for the worker")
            #expect(text.contains("agora_site_changes_waiting 0"))
            #expect(text.contains("agora_moderation_waiting 0"))
            #expect(text.contains("agora_chat_connections 0") && text.contains("agora_chat_rooms 0"))
            #expect(text.contains("agora_site_build_last_seconds 0"), "no build ran in this test")
            let posted = try await harness.send(.post, "/metrics")
            #expect(posted.status == .methodNotAllowed && posted.headers[.allow] == "GET, HEAD")
        }
    }

    @Test("only the allowed addresses or the token read /metrics; anyone else finds nothing")
    func access() async throws {
        let outsider = try #require(IPAddress("203.0.113.9"))
        let allowed = MetricsAccess(addresses: try AddressRanges(setting: "10.0.0.0/8", name: "AGORA_METRICS_ALLOW"), token: String(repeating: "t", count: 40))
        func request(_ authorization: String?) -> Request {
            var headers = HTTPFields()
            if let authorization { headers[.authorization] = authorization }
            return Request(head: HTTPRequest(method: .get, scheme: "http", authority: "x", path: "/metrics", headerFields: headers), body: .init(buffer: ByteBuffer()))
        }
        #expect(allowed.allows(request(nil), client: IPAddress("10.1.2.3")))
        #expect(!allowed.allows(request(nil), client: outsider))
        #expect(allowed.allows(request("Bearer " + String(repeating: "t", count: 40)), client: outsider))
        #expect(!allowed.allows(request("Bearer " + String(repeating: "t", count: 39)), client: outsider))
        #expect(!MetricsAccess().allows(request(nil), client: outsider))
        #expect(MetricsAccess().allows(request(nil), client: IPAddress("::1")))
        #expect(!allowed.allows(request(nil), client: nil), "no address is this machine, which the list leaves out")
        #expect(throws: AddressRangesError.self) { try AddressRanges(setting: "10.0.0.0/8, scraper.local", name: "AGORA_METRICS_ALLOW") }
    }
}
