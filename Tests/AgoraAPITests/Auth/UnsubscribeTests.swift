@testable import AgoraAPI
import AgoraDomain
import AgoraStore
import AgoraTestSupport
import AgoraWorkflows
import Foundation
import HummingbirdTesting
import Testing

@Suite("One-click unsubscribe")
struct UnsubscribeTests {
    let links = UnsubscribeLinks(signingKey: TestConfiguration.signingKey, baseURL: TestConfiguration.baseURL)

    @Test("a genuine link unsubscribes its address from all optional mail once; a forged or altered one is refused; GET only describes it")
    func oneClick() async throws {
        try await AuthHarness.with { auth in
            let ada = try Email("ada@example.com")
            let url = links.url(for: ada)
            #expect(url.hasPrefix("http://agora.test/api/email/unsubscribe?token="))
            let path = String(url.dropFirst(TestConfiguration.baseURL.count))
            let described = try await auth.send(.get, path)
            #expect(try described.status == .ok && (described.json()["scope"] as? String) == "all")
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

    @Test("tokens name their address and scope, and nothing else verifies")
    func tokens() throws {
        let ada = try Email("ada@example.com")
        let token = links.token(for: ada)
        #expect(links.read(token)?.email.value == "ada@example.com" && links.read(token)?.scope == .allOptionalMail)
        #expect(links.read(token + "x") == nil)
        #expect(links.read("not-a-token") == nil)
        let other = UnsubscribeLinks(signingKey: Array("another-signing-key-of-32-bytes-or-more".utf8), baseURL: "")
        #expect(other.read(token) == nil)
        for scope in UnsubscribeScope.all {
            let scoped = links.token(for: ada, scope: scope)
            #expect(links.read(scoped)?.scope == scope && links.read(scoped)?.email == ada, "\(scope.name)")
            #expect(UnsubscribeScope(name: scope.name) == scope)
        }
        #expect(links.token(for: ada, scope: .digest) != links.token(for: ada, scope: .category(.orders)))
    }
}
