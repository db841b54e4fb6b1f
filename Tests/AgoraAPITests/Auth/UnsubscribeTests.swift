@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HummingbirdTesting
import Testing

@Suite("One-click unsubscribe")
struct UnsubscribeTests {
    let links = UnsubscribeLinks(signingKey: TestConfiguration.signingKey, baseURL: TestConfiguration.baseURL)

    @Test("a genuine link unsubscribes its address once; a forged or altered one is refused; GET changes nothing")
    func oneClick() async throws {
        try await AuthHarness.with { auth in
            let ada = try Email("ada@example.com")
            let url = links.url(for: ada)
            #expect(url.hasPrefix("http://agora.test/api/email/unsubscribe?token="))
            let path = String(url.dropFirst(TestConfiguration.baseURL.count))
            #expect(try await auth.send(.get, path).status.code >= 400)
            #expect(try await !EmailUnsubscribeRepository(store: auth.store).isUnsubscribed("ada@example.com"))
            #expect(try await auth.send(.post, path, json: "List-Unsubscribe=One-Click", contentType: "application/x-www-form-urlencoded").status == .ok)
            #expect(try await auth.send(.post, path).status == .ok)
            #expect(try await EmailUnsubscribeRepository(store: auth.store).isUnsubscribed("ADA@example.com"))

            let grace = links.token(for: try Email("grace@example.com"))
            let forged = links.token(for: ada).split(separator: ".")[0] + "." + grace.split(separator: ".")[1]
            let refused = try await auth.send(.post, "/api/email/unsubscribe?token=\(forged)")
            #expect(refused.status == .badRequest)
            #expect(refused.problemType == "urn:agora:problem:invalid-token")
            #expect(try await auth.send(.post, "/api/email/unsubscribe").status == .badRequest)
            #expect(try await !EmailUnsubscribeRepository(store: auth.store).isUnsubscribed("grace@example.com"))
        }
    }

    @Test("tokens name their address and nothing else verifies")
    func tokens() throws {
        let token = links.token(for: try Email("ada@example.com"))
        #expect(links.email(in: token)?.value == "ada@example.com")
        #expect(links.email(in: token + "x") == nil)
        #expect(links.email(in: "not-a-token") == nil)
        let other = UnsubscribeLinks(signingKey: Array("another-signing-key-of-32-bytes-or-more".utf8), baseURL: "")
        #expect(other.email(in: token) == nil)
    }
}
